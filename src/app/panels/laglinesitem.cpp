#include "panels/laglinesitem.h"

#include <QGraphicsSceneHoverEvent>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QPolygonF>

#include <algorithm>
#include <cmath>

namespace topograph {

LagLinesItem::LagLinesItem(QGraphicsItem* parent)
    : QGraphicsObject(parent)
{
    setAcceptHoverEvents(true);
    setAcceptedMouseButtons(Qt::LeftButton);
}

void LagLinesItem::setFrame(const QRectF& plotArea, double fromMs, double toMs, double top)
{
    if (plotArea != m_plot) {
        prepareGeometryChange();
        m_plot = plotArea;
    }
    m_from = fromMs;
    m_to = std::max(toMs, fromMs + 1);
    m_top = top > 0 ? top : 1;
    update();
}

void LagLinesItem::setLine(const InstanceKey& key, const QColor& color, QList<QList<QPointF>> runs)
{
    auto it = m_lines.find(key);
    if (it == m_lines.end()) {
        it = m_lines.insert(key, Line {});
        m_order.append(key);
    }
    it->color = color;
    it->runs = std::move(runs);
    update();
}

void LagLinesItem::setLineVisible(const InstanceKey& key, bool visible)
{
    auto it = m_lines.find(key);
    if (it != m_lines.end() && it->visible != visible) {
        it->visible = visible;
        update();
    }
}

void LagLinesItem::removeLine(const InstanceKey& key)
{
    if (m_lines.remove(key) > 0) {
        m_order.removeAll(key);
        update();
    }
}

QList<QPointF> LagLinesItem::points(const InstanceKey& key) const
{
    QList<QPointF> all;
    for (const QList<QPointF>& run : m_lines.value(key).runs) {
        all << run;
    }
    return all;
}

QPointF LagLinesItem::toPixel(const QPointF& data) const
{
    return { m_plot.left() + (data.x() - m_from) / (m_to - m_from) * m_plot.width(),
        m_plot.bottom() - data.y() / m_top * m_plot.height() };
}

void LagLinesItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    painter->save();
    painter->setClipRect(m_plot);
    painter->setRenderHint(QPainter::Antialiasing);
    const double sx = m_plot.width() / (m_to - m_from);
    const double sy = m_plot.height() / m_top;
    QPolygonF polyline;
    for (const InstanceKey& key : m_order) {
        const Line& line = m_lines[key];
        if (!line.visible) {
            continue;
        }
        // A cosmetic one-pixel pen: drawn by the fast line rasteriser, not stroked.
        QPen pen(line.color, m_hovered == key ? 2 : 1);
        pen.setCosmetic(true);
        painter->setPen(pen);
        for (const QList<QPointF>& run : line.runs) {
            polyline.resize(run.size());
            for (qsizetype i = 0; i < run.size(); ++i) {
                polyline[i] = QPointF(m_plot.left() + (run.at(i).x() - m_from) * sx,
                    m_plot.bottom() - run.at(i).y() * sy);
            }
            if (polyline.size() == 1) {
                painter->drawPoint(polyline.constFirst());
            } else {
                painter->drawPolyline(polyline);
            }
        }
    }
    painter->restore();
}

std::optional<std::pair<InstanceKey, QPointF>> LagLinesItem::pointNear(
    const QPointF& pos, qreal radius) const
{
    std::optional<std::pair<InstanceKey, QPointF>> best;
    qreal bestDistance = radius;
    // Only the points within `radius` columns of pos can be near it: found by binary search,
    // as each run is in time order.
    const double fromX
        = m_from + (pos.x() - radius - m_plot.left()) / m_plot.width() * (m_to - m_from);
    for (const InstanceKey& key : m_order) {
        const Line& line = m_lines[key];
        if (!line.visible) {
            continue;
        }
        for (const QList<QPointF>& run : line.runs) {
            auto it = std::lower_bound(run.cbegin(), run.cend(), fromX,
                [](const QPointF& p, double x) { return p.x() < x; });
            for (; it != run.cend(); ++it) {
                const QPointF pixel = toPixel(*it);
                if (pixel.x() > pos.x() + radius) {
                    break;
                }
                const qreal distance = std::hypot(pixel.x() - pos.x(), pixel.y() - pos.y());
                if (distance <= bestDistance) {
                    bestDistance = distance;
                    best = std::pair { key, *it };
                }
            }
        }
    }
    return best;
}

void LagLinesItem::hoverMoveEvent(QGraphicsSceneHoverEvent* event)
{
    const auto near = pointNear(event->pos());
    const std::optional<InstanceKey> key
        = near ? std::optional<InstanceKey>(near->first) : std::nullopt;
    if (m_hovered && m_hovered != key) {
        Q_EMIT hovered(*m_hovered, {}, false);
    }
    if (m_hovered != key) {
        m_hovered = key;
        update();
    }
    if (near) {
        Q_EMIT hovered(near->first, near->second, true);
    }
}

void LagLinesItem::hoverLeaveEvent(QGraphicsSceneHoverEvent*)
{
    if (m_hovered) {
        Q_EMIT hovered(*m_hovered, {}, false);
        m_hovered.reset();
        update();
    }
}

void LagLinesItem::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    if (const auto near = pointNear(event->pos())) {
        Q_EMIT clicked(near->first);
        event->accept();
        return;
    }
    event->ignore();
}

} // namespace topograph
