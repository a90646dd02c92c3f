#include "canvas/clusterview.h"

#include <algorithm>
#include <cmath>

#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTimer>
#include <QWheelEvent>

#include "canvas/canvasstyle.h"
#include "canvas/clusterscene.h"
#include "canvas/nodeitem.h"

namespace topograph {

namespace {

constexpr qreal kGridStep = 24;
constexpr int kEdgeZone = 32; // pixels from the viewport edge where a drag scrolls
constexpr int kScrollInterval = 16;

} // namespace

ClusterView::ClusterView(ClusterScene* scene, QWidget* parent)
    : QGraphicsView(scene, parent)
    , m_scene(scene)
    , m_autoScroll(new QTimer(this))
{
    m_autoScroll->setInterval(kScrollInterval);
    connect(m_autoScroll, &QTimer::timeout, this, &ClusterView::autoScroll);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    // Cards repaint in small regions while dragging; the ghost moves every event.
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setOptimizationFlag(QGraphicsView::DontAdjustForAntialiasing);
    setAlignment(Qt::AlignCenter);
    setFrameShape(QFrame::NoFrame);
}

void ClusterView::zoomIn()
{
    setZoomFactor(zoomFactor() * zoomStep);
}

void ClusterView::zoomOut()
{
    setZoomFactor(zoomFactor() / zoomStep);
}

void ClusterView::zoomToFit()
{
    const QRectF target = m_scene->sceneRect();
    const QRectF port = viewport()->rect();
    if (target.isEmpty() || port.isEmpty()) {
        return;
    }
    // A little slack, or rounding brings back the scroll bars that fitting should remove.
    const qreal factor
        = 0.98 * std::min(port.width() / target.width(), port.height() / target.height());
    setZoomFactor(std::min(1.0, factor));
    centerOn(target.center());
}

void ClusterView::resetZoom()
{
    setZoomFactor(1.0);
}

qreal ClusterView::zoomFactor() const
{
    return transform().m11();
}

void ClusterView::setZoomFactor(qreal factor)
{
    factor = std::clamp(factor, minimumZoom, maximumZoom);
    if (qFuzzyCompare(factor, zoomFactor())) {
        return;
    }
    setTransform(QTransform::fromScale(factor, factor));
    Q_EMIT zoomChanged(factor);
}

void ClusterView::centerOnInstance(const InstanceKey& key)
{
    if (const NodeItem* node = m_scene->nodeItem(key)) {
        centerOn(node->sceneBoundingRect().center());
    }
}

void ClusterView::wheelEvent(QWheelEvent* event)
{
    if (!(event->modifiers() & Qt::ControlModifier)) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    // 120 units per notch; touchpads send smaller steps, which zoom proportionally.
    const qreal notches = event->angleDelta().y() / 120.0;
    if (notches != 0) {
        setZoomFactor(zoomFactor() * std::pow(zoomStep, notches));
    }
    event->accept();
}

void ClusterView::mouseMoveEvent(QMouseEvent* event)
{
    QGraphicsView::mouseMoveEvent(event);
    if (m_scene->isDragging()) {
        m_dragPos = event->position().toPoint();
        const QRect inner
            = viewport()->rect().adjusted(kEdgeZone, kEdgeZone, -kEdgeZone, -kEdgeZone);
        if (!inner.contains(m_dragPos) && !m_autoScroll->isActive()) {
            m_autoScroll->start();
        }
    }
}

void ClusterView::autoScroll()
{
    const QRect port = viewport()->rect();
    const auto speed = [](int distanceIn) {
        // Faster the closer to (or the farther past) the edge.
        return distanceIn >= kEdgeZone ? 0 : std::min(40, (kEdgeZone - distanceIn) / 2 + 2);
    };
    const int dx = speed(port.right() - m_dragPos.x()) - speed(m_dragPos.x() - port.left());
    const int dy = speed(port.bottom() - m_dragPos.y()) - speed(m_dragPos.y() - port.top());
    if (!m_scene->isDragging() || (dx == 0 && dy == 0)) {
        m_autoScroll->stop();
        return;
    }
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() + dx);
    verticalScrollBar()->setValue(verticalScrollBar()->value() + dy);
    // The pointer stays, the canvas moves under it: the ghost and the target must follow.
    QMouseEvent move(QEvent::MouseMove, m_dragPos, viewport()->mapToGlobal(m_dragPos), Qt::NoButton,
        Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(viewport(), &move);
}

void ClusterView::drawBackground(QPainter* painter, const QRectF& rect)
{
    const QPalette colors = palette();
    painter->fillRect(rect, colors.color(QPalette::Window));
    // A faint dot grid gives the eye something to pan against; skipped when zoomed far out.
    const qreal scale = zoomFactor();
    if (scale < 0.5) {
        return;
    }
    painter->setPen(QPen(canvasstyle::blend(colors.color(QPalette::Window),
                             colors.color(QPalette::WindowText), 0.18),
        1.6 / scale));
    QList<QPointF> points;
    const qreal left = std::floor(rect.left() / kGridStep) * kGridStep;
    const qreal top = std::floor(rect.top() / kGridStep) * kGridStep;
    for (qreal y = top; y < rect.bottom(); y += kGridStep) {
        for (qreal x = left; x < rect.right(); x += kGridStep) {
            points.append(QPointF(x, y));
        }
    }
    painter->drawPoints(points.constData(), int(points.size()));
}

} // namespace topograph
