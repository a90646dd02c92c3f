#include "canvas/nodeitem.h"

#include <algorithm>

#include <QApplication>
#include <QCursor>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

#include "canvas/canvasstyle.h"
#include "canvas/edgeitem.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

constexpr qreal kRadius = 6;
constexpr qreal kStripe = 4; // status colour along the left edge
constexpr qreal kBox = 14; // collapse box
constexpr qreal kOutline = 10; // room for selection and hover outlines, verdict marker
constexpr qreal kPillRoom = 48; // room for the "+7" pill right of the box

// Fonts and metrics for one base font, built once: creating metrics per paint is measurable
// with thousands of cards.
struct Fonts
{
    QFont base;
    QFont title;
    QFont small;
    QFont badge;
    QFontMetricsF titleMetrics { title };
    QFontMetricsF smallMetrics { small };
    QFontMetricsF badgeMetrics { badge };
};

const Fonts& fontsFor(const QFont& base)
{
    // Deliberately never freed: fonts must not be destroyed after QApplication, which a
    // function-local static would be.
    static Fonts* cached = nullptr;
    if (!cached || cached->base != base) {
        QFont title = base;
        title.setBold(true);
        QFont small = base;
        small.setPointSizeF(base.pointSizeF() > 0 ? base.pointSizeF() * 0.85 : 8);
        QFont badge = small;
        badge.setBold(true);
        delete cached;
        cached = new Fonts { base, title, small, badge };
    }
    return *cached;
}

QPalette paletteOf(const QGraphicsItem* item)
{
    return item->scene() ? item->scene()->palette() : QApplication::palette();
}

QFont fontOf(const QGraphicsItem* item)
{
    return item->scene() ? item->scene()->font() : QApplication::font();
}

} // namespace

NodeItem::NodeItem(const InstanceKey& key, const QSizeF& cardSize)
    : m_key(key)
    , m_size(cardSize)
{
    m_record.key = key;
    // The status stripe inside the rounded left edge; the card's size never changes.
    const QRectF card = cardRect();
    QPainterPath stripe;
    stripe.addRoundedRect(
        QRectF(card.left() + 1, card.top() + 1, kStripe + kRadius, card.height() - 2), kRadius - 1,
        kRadius - 1);
    QPainterPath cut;
    cut.addRect(QRectF(card.left() + 1 + kStripe, card.top(), kRadius + 1, card.height()));
    m_stripe = stripe.subtracted(cut);
    setFlag(ItemIsSelectable);
    setFlag(ItemSendsGeometryChanges);
    setAcceptedMouseButtons(Qt::LeftButton | Qt::RightButton);
    setCursor(Qt::ArrowCursor); // the view's open hand means "pan", which a card does not do
    setZValue(1);
}

void NodeItem::setRecord(const InstanceRecord& record, const QString& alias, const QDateTime& now,
    const InstanceStatus::Thresholds& thresholds, const std::optional<InstanceKey>& coMasterPartner)
{
    m_record = record;
    m_content = CardContent::of(record, alias, now, thresholds, coMasterPartner);
    updateToolTip();
    update();
}

QPointF NodeItem::outPort() const
{
    const qreal x = m_hasChildren ? m_size.width() + kBox / 2 : m_size.width();
    return mapToScene(QPointF(x, m_size.height() / 2));
}

QPointF NodeItem::inPort() const
{
    return mapToScene(QPointF(0, m_size.height() / 2));
}

void NodeItem::setCollapseState(bool hasChildren, bool collapsed, int hiddenCount)
{
    if (hasChildren == m_hasChildren && collapsed == m_collapsed && hiddenCount == m_hiddenCount) {
        return;
    }
    const bool portMoves = hasChildren != m_hasChildren;
    m_hasChildren = hasChildren;
    m_collapsed = collapsed;
    m_hiddenCount = hiddenCount;
    if (portMoves) {
        for (EdgeItem* edge : std::as_const(m_edges)) {
            edge->adjust();
        }
    }
    update();
}

QRectF NodeItem::collapseBoxRect() const
{
    if (!m_hasChildren) {
        return {};
    }
    return QRectF(m_size.width() - kBox / 2, (m_size.height() - kBox) / 2, kBox, kBox);
}

QRectF NodeItem::hiddenPillRect() const
{
    if (!m_hasChildren || !m_collapsed || m_hiddenCount <= 0) {
        return {};
    }
    const Fonts& fonts = fontsFor(fontOf(this));
    const QString text = u"+%1"_s.arg(m_hiddenCount);
    const qreal width = std::min(kPillRoom - 6, fonts.badgeMetrics.horizontalAdvance(text) + 10);
    return QRectF(m_size.width() + kBox / 2 + 4, m_size.height() / 2 - 8, width, 16);
}

bool NodeItem::collapseToggleContains(const QPointF& itemPos) const
{
    if (!m_hasChildren) {
        return false;
    }
    // A little slack around the 14-pixel box: it is small at low zoom.
    return collapseBoxRect().adjusted(-3, -3, 3, 3).contains(itemPos)
        || hiddenPillRect().contains(itemPos);
}

void NodeItem::setDropVerdict(DropVerdict verdict, const QString& reason)
{
    if (verdict == m_verdict && reason == m_verdictReason) {
        return;
    }
    m_verdict = verdict;
    m_verdictReason = reason;
    updateToolTip();
    update();
}

void NodeItem::setDropHover(bool hover)
{
    if (hover != m_dropHover) {
        m_dropHover = hover;
        setZValue(hover ? 2 : 1);
        update();
    }
}

void NodeItem::setDragSource(bool source)
{
    if (source != m_dragSource) {
        m_dragSource = source;
        setOpacity(source ? 0.4 : 1.0);
    }
}

void NodeItem::addEdge(EdgeItem* edge)
{
    m_edges.append(edge);
}

void NodeItem::removeEdge(EdgeItem* edge)
{
    m_edges.removeAll(edge);
}

void NodeItem::updateToolTip()
{
    QString headline;
    switch (m_verdict) {
    case DropVerdict::None:
        setToolTip(m_content.summary);
        return;
    case DropVerdict::Valid:
        headline = tr("Drop here to replicate from %1").arg(m_key.toString());
        break;
    case DropVerdict::Warning:
        headline = tr("Can replicate from %1, with warnings:").arg(m_key.toString());
        break;
    case DropVerdict::Refused:
        headline = tr("Cannot replicate from %1:").arg(m_key.toString());
        break;
    }
    setToolTip(m_verdictReason.isEmpty() ? headline : headline + u'\n' + m_verdictReason);
}

NodeItem* NodeItem::at(const QGraphicsScene* scene, const QPointF& scenePos, const NodeItem* except)
{
    // Bounding rectangles first: a shape test on every edge crossing the point costs more than
    // the cards' own.
    const QList<QGraphicsItem*> found
        = scene->items(scenePos, Qt::IntersectsItemBoundingRect, Qt::DescendingOrder);
    for (QGraphicsItem* item : found) {
        if (item->type() == Type && item != except
            && item->shape().contains(item->mapFromScene(scenePos))) {
            return static_cast<NodeItem*>(item);
        }
    }
    return nullptr;
}

QPainterPath NodeItem::shape() const
{
    QPainterPath path;
    path.setFillRule(Qt::WindingFill); // the box overlaps the card: keep the overlap inside
    path.addRect(cardRect());
    if (m_hasChildren) {
        path.addRect(collapseBoxRect().adjusted(-3, -3, 3, 3));
        if (const QRectF pill = hiddenPillRect(); !pill.isNull()) {
            path.addRect(pill);
        }
    }
    return path;
}

QRectF NodeItem::boundingRect() const
{
    return QRectF(-kOutline, -kOutline, m_size.width() + 2 * kOutline + kPillRoom,
        m_size.height() + 2 * kOutline);
}

void NodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*)
{
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const QPalette palette = paletteOf(this);
    painter->setRenderHint(QPainter::Antialiasing, lod >= 0.3);
    const QRectF card = cardRect();
    if (m_dropHover || isSelected()) {
        const QColor color = m_dropHover && m_verdict != DropVerdict::None
            ? canvasstyle::verdictColor(m_verdict)
            : palette.color(QPalette::Highlight);
        const qreal grow = m_dropHover ? 4.5 : 3;
        painter->setPen(QPen(color, m_dropHover ? 3 : 2.5));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(
            card.adjusted(-grow, -grow, grow, grow), kRadius + grow, kRadius + grow);
    }
    paintCard(painter, lod);
}

void NodeItem::paintCard(QPainter* painter, qreal lod) const
{
    const QPalette palette = paletteOf(this);
    const QRectF card = cardRect();
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const QColor verdict = canvasstyle::verdictColor(m_verdict);

    QColor fill = base;
    QPen border(canvasstyle::blend(base, text, 0.28), 1);
    if (m_verdict != DropVerdict::None) {
        fill = canvasstyle::blend(base, verdict, m_verdict == DropVerdict::Refused ? 0.28 : 0.16);
        border = QPen(verdict, 2);
    }
    painter->setPen(border);
    painter->setBrush(fill);
    painter->drawRoundedRect(card, kRadius, kRadius);

    painter->setPen(Qt::NoPen);
    painter->setBrush(canvasstyle::statusColor(m_content.status));
    painter->drawPath(m_stripe);

    if (lod >= 0.35) {
        painter->save();
        if (m_verdict == DropVerdict::Refused) {
            painter->setOpacity(painter->opacity() * 0.6);
        }
        paintDetails(painter, card);
        painter->restore();
    }

    if (m_hasChildren && lod >= 0.25) {
        canvasstyle::drawCollapseBox(painter, collapseBoxRect(), m_collapsed, palette);
        if (const QRectF pill = hiddenPillRect(); !pill.isNull()) {
            const Fonts& fonts = fontsFor(fontOf(this));
            painter->setPen(QPen(palette.color(QPalette::Mid), 1));
            painter->setBrush(palette.color(QPalette::Button));
            painter->drawRoundedRect(pill, 8, 8);
            painter->setFont(fonts.badge);
            painter->setPen(palette.color(QPalette::ButtonText));
            painter->drawText(pill, Qt::AlignCenter, u"+%1"_s.arg(m_hiddenCount));
        }
    }
    if (m_verdict != DropVerdict::None && lod >= 0.25) {
        canvasstyle::drawVerdict(
            painter, QRectF(card.left() - 7, card.top() - 7, 16, 16), m_verdict);
    }
}

void NodeItem::paintDetails(QPainter* painter, const QRectF& card) const
{
    const QPalette palette = paletteOf(this);
    const Fonts& fonts = fontsFor(fontOf(this));
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const QColor secondary = canvasstyle::secondaryText(palette);
    const qreal left = card.left() + kStripe + 9;
    const qreal right = card.right() - kBox / 2 - 6;

    // Row 1: title, lag badge.
    qreal titleRight = right;
    const QRectF row1(left, card.top() + 6, right - left, 18);
    if (m_content.lagLevel != CardContent::LagLevel::None) {
        const qreal width
            = std::max(26.0, fonts.badgeMetrics.horizontalAdvance(m_content.lagText) + 12);
        const QRectF badge(right - width, row1.top() + 1, width, 16);
        const QColor color = canvasstyle::lagColor(m_content.lagLevel);
        if (m_content.lagLevel == CardContent::LagLevel::Unknown) {
            painter->setPen(QPen(color, 1));
            painter->setBrush(Qt::NoBrush);
        } else {
            painter->setPen(Qt::NoPen);
            painter->setBrush(color);
        }
        painter->drawRoundedRect(badge, 8, 8);
        painter->setFont(fonts.badge);
        painter->setPen(m_content.lagLevel == CardContent::LagLevel::Unknown ? color : Qt::white);
        painter->drawText(badge, Qt::AlignCenter, m_content.lagText);
        titleRight = badge.left() - 6;
    }
    painter->setFont(fonts.title);
    painter->setPen(text);
    const QRectF titleRect(left, row1.top(), titleRight - left, row1.height());
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
        fonts.titleMetrics.elidedText(m_content.title, Qt::ElideMiddle, titleRect.width()));

    // Row 2: subtitle, problem glyphs.
    const QRectF row2(left, row1.bottom() + 2, right - left, 16);
    qreal subtitleRight = right;
    for (qsizetype i = m_content.problems.size() - 1; i >= 0; --i) {
        const QRectF glyph(subtitleRight - 14, row2.top() + 1, 14, 14);
        canvasstyle::drawProblem(painter, glyph, m_content.problems.at(i));
        subtitleRight = glyph.left() - 3;
    }
    if (!m_content.coMasterOf.isEmpty()) {
        const QRectF glyph(subtitleRight - 14, row2.top() + 1, 14, 14);
        canvasstyle::drawCoMaster(painter, glyph);
        subtitleRight = glyph.left() - 3;
    }
    painter->setFont(fonts.small);
    painter->setPen(m_content.subtitleIsProblem ? canvasstyle::blend(
                        canvasstyle::problemColor(m_content.problems.constFirst()), text, 0.25)
                                                : secondary);
    const QRectF subtitleRect(left, row2.top(), subtitleRight - left - 3, row2.height());
    painter->drawText(subtitleRect, Qt::AlignLeft | Qt::AlignVCenter,
        fonts.smallMetrics.elidedText(m_content.subtitle, Qt::ElideRight, subtitleRect.width()));

    // Row 3: chips, data age.
    const qreal row3Top = card.bottom() - 6 - 17;
    const qreal ageWidth = fonts.smallMetrics.horizontalAdvance(m_content.ageText);
    const QRectF ageRect(right - ageWidth, row3Top, ageWidth, 17);
    painter->setPen(secondary);
    painter->drawText(ageRect, Qt::AlignRight | Qt::AlignVCenter, m_content.ageText);
    qreal x = left;
    for (const CardContent::Chip& chip : m_content.chips) {
        const qreal width = fonts.smallMetrics.horizontalAdvance(chip.text) + 10;
        if (x + width > ageRect.left() - 4) {
            break; // no room: the tooltip has the rest
        }
        const QRectF box(x, row3Top, width, 17);
        const QColor ink = chip.accent ? canvasstyle::accentColor() : text;
        painter->setPen(QPen(canvasstyle::blend(base, ink, 0.35), 1));
        painter->setBrush(canvasstyle::blend(base, ink, 0.07));
        painter->drawRoundedRect(box, 3, 3);
        painter->setPen(chip.accent ? ink : canvasstyle::blend(text, base, 0.15));
        painter->drawText(box, Qt::AlignCenter, chip.text);
        x = box.right() + 4;
    }
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant& value)
{
    if (change == ItemPositionHasChanged) {
        for (EdgeItem* edge : std::as_const(m_edges)) {
            edge->adjust();
        }
    }
    return QGraphicsItem::itemChange(change, value);
}

} // namespace topograph
