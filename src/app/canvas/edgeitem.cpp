#include "canvas/edgeitem.h"

#include <algorithm>

#include <QApplication>
#include <QGraphicsScene>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include "canvas/canvasstyle.h"
#include "canvas/nodeitem.h"

namespace topograph {

namespace {

constexpr qreal kArrowSize = 7;
constexpr qreal kPenWidth = 2;
constexpr qreal kTrunkOffset = 28; // from the master's port to the shared vertical trunk
constexpr qreal kCornerRadius = 10;
constexpr qreal kLongTrunk = 1000; // longer trunks are drawn clipped to the exposed area

// The point at distance d from a towards b (a itself when they coincide).
QPointF toward(const QPointF& a, const QPointF& b, qreal d)
{
    const QLineF line(a, b);
    return line.length() > 0 ? line.pointAt(d / line.length()) : a;
}

// From the path's current point, a line towards corner, then a quarter turn of radius r towards
// next.
void turn(QPainterPath& path, const QPointF& corner, const QPointF& next, qreal r)
{
    path.lineTo(toward(corner, path.currentPosition(), r));
    path.quadTo(corner, toward(corner, next, r));
}

// The corner radius at b between the segments a-b and b-c: at most half of either.
qreal radiusAt(const QPointF& a, const QPointF& b, const QPointF& c)
{
    return std::min({ kCornerRadius, QLineF(a, b).length() / 2, QLineF(b, c).length() / 2 });
}

// A filled arrowhead whose tip is at tip, pointing along direction (+1 right, -1 left).
QPolygonF arrowHead(const QPointF& tip, qreal direction)
{
    const qreal back = -direction * kArrowSize * 1.3;
    return QPolygonF { tip, QPointF(tip.x() + back, tip.y() - kArrowSize * 0.6),
        QPointF(tip.x() + back, tip.y() + kArrowSize * 0.6) };
}

} // namespace

EdgeItem::EdgeItem(NodeItem* from, NodeItem* to, bool coMaster)
    : m_from(from)
    , m_to(to)
    , m_coMaster(coMaster)
{
    setAcceptedMouseButtons(Qt::NoButton);
    setFlag(ItemUsesExtendedStyleOption); // exposedRect, for clipping long trunks
    m_from->addEdge(this);
    m_to->addEdge(this);
    adjust();
}

void EdgeItem::setGridRoute(const QSizeF& gaps, bool drawsStreet, bool drawsTrunk)
{
    const bool grid = !gaps.isEmpty();
    drawsStreet = drawsStreet || !grid;
    drawsTrunk = drawsTrunk || !grid;
    if (gaps != m_gridGaps || drawsStreet != m_drawsStreet || drawsTrunk != m_drawsTrunk) {
        m_gridGaps = gaps;
        m_drawsStreet = drawsStreet;
        m_drawsTrunk = drawsTrunk;
        adjust();
        update();
    }
}

InstanceKey EdgeItem::fromKey() const
{
    return m_from->key();
}

InstanceKey EdgeItem::toKey() const
{
    return m_to->key();
}

QColor EdgeItem::color() const
{
    return canvasstyle::healthColor(m_health);
}

void EdgeItem::setHealth(EdgeHealth health, const QString& description)
{
    if (health != m_health) {
        m_health = health;
        setZValue(0.1 * static_cast<int>(m_health));
        update();
    }
    setToolTip(description);
}

EdgeHealth EdgeItem::worse(EdgeHealth a, EdgeHealth b)
{
    return std::max(a, b); // the enum is ordered from good to bad
}

EdgeHealth EdgeItem::healthOf(
    const InstanceRecord& replica, const InstanceStatus::Thresholds& thresholds)
{
    if (!replica.reachable || !replica.lastIoError.isEmpty() || !replica.lastSqlError.isEmpty()) {
        return EdgeHealth::Broken;
    }
    if (!replica.isReplicating()) {
        return EdgeHealth::Stopped;
    }
    const qint64 lag
        = replica.replicationLagSeconds.value_or(replica.secondsBehindMaster.value_or(0));
    return lag > thresholds.reasonableLagSeconds ? EdgeHealth::Lagging : EdgeHealth::Running;
}

QString EdgeItem::healthName(EdgeHealth health)
{
    switch (health) {
    case EdgeHealth::Running:
        return tr("running");
    case EdgeHealth::Lagging:
        return tr("lagging");
    case EdgeHealth::Stopped:
        return tr("stopped");
    case EdgeHealth::Broken:
        break;
    }
    return tr("broken");
}

void EdgeItem::adjust()
{
    prepareGeometryChange();
    m_source = m_from->outPort();
    m_dest = m_to->inPort();
    // An elbow with rounded corners: out of the master, along a trunk near the master that the
    // master's replicas share, into the replica. Unlike one curve per replica it stays readable
    // for a master with fifty replicas, and straight segments are cheap to draw at any length.
    const qreal direction = m_dest.x() >= m_source.x() ? 1 : -1;
    const qreal inset = kArrowSize * 1.3; // the line ends where the arrowhead begins
    const QPointF end(m_dest.x() - direction * inset, m_dest.y());
    const QPointF start
        = m_coMaster ? QPointF(m_source.x() + direction * inset, m_source.y()) : m_source;
    const qreal run = std::abs(end.x() - start.x());
    const qreal trunk = start.x() + direction * std::min(kTrunkOffset, run / 2);
    const qreal dy = end.y() - start.y();
    const qreal radius = std::min({ kCornerRadius, std::abs(dy) / 2, std::abs(trunk - start.x()) });
    const qreal down = dy >= 0 ? 1 : -1;
    m_shape = {};
    m_street = QPainterPath();
    // Problems are drawn over healthy siblings where their trunks overlap.
    setZValue(0.1 * static_cast<int>(m_health));
    const QRectF card = m_to->mapRectToScene(m_to->cardRect());
    const QPointF street(trunk, card.bottom() + m_gridGaps.height() / 2);
    const QPointF drop(card.left() - m_gridGaps.width() / 2, street.y());
    if (isGridRoute() && !m_coMaster && direction > 0 && drop.x() > trunk + 2 * kCornerRadius) {
        // Through the grid's gaps: out of the master, down the trunk to the street below the
        // replica's row, along it to the gap left of the replica's column, up and in.
        const QPointF corner(trunk, start.y());
        const QPointF rise(drop.x(), end.y());
        m_head = QPainterPath(start);
        turn(m_head, corner, street, radiusAt(start, corner, street));
        const qreal streetRadius = radiusAt(corner, street, drop);
        m_trunk = QLineF(m_head.currentPosition(), toward(street, corner, streetRadius));
        m_street = QPainterPath(m_trunk.p2());
        m_street.quadTo(street, toward(street, drop, streetRadius));
        const qreal dropRadius = radiusAt(street, drop, rise);
        m_street.lineTo(toward(drop, street, dropRadius));
        m_tail = QPainterPath(m_street.currentPosition());
        m_tail.quadTo(drop, toward(drop, rise, dropRadius));
        turn(m_tail, rise, end, radiusAt(drop, rise, end));
        m_tail.lineTo(end);
        updateBounds();
        return;
    }
    // Head: out of the master and round the first corner; tail: round the second corner and into
    // the replica. Between them the trunk, the only part that can be long.
    m_head = QPainterPath(start);
    m_tail = QPainterPath();
    if (radius < 0.5) {
        m_head.lineTo(QPointF(trunk, start.y()));
        m_trunk = QLineF(QPointF(trunk, start.y()), QPointF(trunk, end.y()));
        m_tail.moveTo(QPointF(trunk, end.y()));
    } else {
        m_head.lineTo(QPointF(trunk - direction * radius, start.y()));
        m_head.quadTo(QPointF(trunk, start.y()), QPointF(trunk, start.y() + down * radius));
        m_trunk = QLineF(m_head.currentPosition(), QPointF(trunk, end.y() - down * radius));
        m_tail.moveTo(m_trunk.p2());
        m_tail.quadTo(QPointF(trunk, end.y()), QPointF(trunk + direction * radius, end.y()));
    }
    m_tail.lineTo(end);
    updateBounds();
}

// What this edge draws: its own branch and arrowhead, and the shared parts it is asked to draw.
void EdgeItem::updateBounds()
{
    QRectF bounds = m_tail.boundingRect().united(QRectF(m_dest, m_dest));
    if (m_drawsTrunk) {
        bounds = bounds.united(m_head.boundingRect())
                     .united(QRectF(m_trunk.p1(), m_trunk.p2()).normalized())
                     .united(QRectF(m_source, m_source));
    }
    if (m_drawsStreet && !m_street.isEmpty()) {
        bounds = bounds.united(m_street.boundingRect());
    }
    const qreal margin = kArrowSize + kPenWidth;
    m_bounds = bounds.adjusted(-margin, -margin, margin, margin);
}

QPainterPath EdgeItem::route() const
{
    QPainterPath path = m_head;
    path.moveTo(m_trunk.p1());
    path.lineTo(m_trunk.p2());
    path.addPath(m_street);
    path.addPath(m_tail);
    return path;
}

QRectF EdgeItem::boundingRect() const
{
    return m_bounds;
}

QPainterPath EdgeItem::shape() const
{
    // Built on demand: adjust() runs for every animation frame, hit tests and tooltips rarely.
    // Only the branch: the trunk belongs to all of the master's replicas, so a tooltip there
    // would name an arbitrary one.
    if (m_shape.isEmpty()) {
        QPainterPathStroker stroker;
        stroker.setWidth(8);
        m_shape = stroker.createStroke(m_tail);
    }
    return m_shape;
}

void EdgeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*)
{
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const bool detailed = lod >= 0.3;
    const auto pen = [detailed](const QColor& color, qreal width) {
        QPen p(color, width);
        if (!detailed) {
            p.setCosmetic(true); // one device pixel: a hair line that still shows the colour
            p.setWidthF(1);
        }
        return p;
    };
    painter->setRenderHint(QPainter::Antialiasing, detailed);
    painter->setBrush(Qt::NoBrush);

    // The way out of the master and the trunk are shared with the master's other replicas: they
    // are drawn neutral, and only this replica's branch in its health colour, so that a broken
    // replica does not seem to colour its siblings' links.
    const QPalette palette = scene() ? scene()->palette() : QApplication::palette();
    painter->setPen(pen(canvasstyle::blend(palette.color(QPalette::Window),
                            palette.color(QPalette::WindowText), 0.42),
        kPenWidth * 0.75));
    if (m_drawsTrunk) {
        painter->drawPath(m_head);
        qreal top = std::min(m_trunk.y1(), m_trunk.y2());
        qreal bottom = std::max(m_trunk.y1(), m_trunk.y2());
        if (bottom - top > kLongTrunk) {
            // A master with hundreds of replicas has a trunk tens of thousands of pixels long,
            // which costs milliseconds to stroke whole: draw what is exposed.
            top = std::max(top, option->exposedRect.top() - 8);
            bottom = std::min(bottom, option->exposedRect.bottom() + 8);
        }
        if (top < bottom) {
            painter->drawLine(QPointF(m_trunk.x1(), top), QPointF(m_trunk.x1(), bottom));
        }
    }
    if (m_drawsStreet) {
        painter->drawPath(m_street);
    }

    const QColor c = color();
    QPen own = pen(c, m_health == EdgeHealth::Broken ? kPenWidth * 1.25 : kPenWidth);
    if (m_health == EdgeHealth::Stopped) {
        own.setStyle(Qt::DotLine);
    } else if (m_coMaster) {
        own.setStyle(Qt::DashLine);
    }
    painter->setPen(own);
    painter->drawPath(m_tail);
    if (!detailed) {
        return;
    }
    painter->setPen(Qt::NoPen);
    painter->setBrush(c);
    const qreal direction = m_dest.x() >= m_source.x() ? 1 : -1;
    painter->drawPolygon(arrowHead(m_dest, direction));
    if (m_coMaster) {
        painter->drawPolygon(arrowHead(m_source, -direction));
    }
}

} // namespace topograph
