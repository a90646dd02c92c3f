#pragma once

#include <QColor>
#include <QGraphicsObject>
#include <QHash>
#include <QList>
#include <QPointF>

#include <optional>

#include "instancekey.h"

namespace topograph {

// The lines of the lag chart, drawn in one item over the chart's plot area. Qt Charts recomputes
// a QLineSeries' whole geometry and hit-test shape on every change, which for 50 lines of a
// thousand points each costs several times a frame; here a refresh only stores the points, and
// painting maps them to the plot area and draws each run as one polyline. Points are in data
// units: x in milliseconds since the epoch, y in seconds. Hovering near a line reports the
// nearest point; pressing on a line reports its instance.
class LagLinesItem final : public QGraphicsObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LagLinesItem)

public:
    explicit LagLinesItem(QGraphicsItem* parent = nullptr);

    // The plot area (in the parent's coordinates) and the data range it shows.
    void setFrame(const QRectF& plotArea, double fromMs, double toMs, double top);
    // The runs of one instance (a gap ends a run); replaces what it had.
    void setLine(const InstanceKey& key, const QColor& color, QList<QList<QPointF>> runs);
    void setLineVisible(const InstanceKey& key, bool visible);
    void removeLine(const InstanceKey& key);

    QList<QPointF> points(const InstanceKey& key) const; // all runs, in time order
    // The nearest visible point within `radius` pixels of pos (in the item's coordinates).
    std::optional<std::pair<InstanceKey, QPointF>> pointNear(
        const QPointF& pos, qreal radius = 6) const;
    QPointF toPixel(const QPointF& data) const;

    QRectF boundingRect() const override { return m_plot; }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

Q_SIGNALS:
    void hovered(const topograph::InstanceKey& key, const QPointF& point, bool state);
    void clicked(const topograph::InstanceKey& key);

protected:
    void hoverMoveEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;

private:
    struct Line
    {
        QColor color;
        QList<QList<QPointF>> runs;
        bool visible = true;
    };

    QHash<InstanceKey, Line> m_lines;
    QList<InstanceKey> m_order; // drawing order: first added first
    QRectF m_plot;
    double m_from = 0;
    double m_to = 1;
    double m_top = 1;
    std::optional<InstanceKey> m_hovered;
};

} // namespace topograph
