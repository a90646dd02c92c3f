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
constexpr int kFollowMs = 15000; // keepInView() follows its card this long
constexpr int kFollowMargin = 40; // pixels kept between a followed card and the viewport's edge
// A little slack when fitting, or rounding brings back the scroll bars that fitting should remove.
constexpr qreal kFitSlack = 0.98;

static_assert(ClusterView::readableZoom >= NodeItem::compactDetailZoom,
    "a fit must never go below the zoom where cards show their names");

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
    // actionTriggered comes from the user only (bar, wheel, keys), not from setValue().
    connect(horizontalScrollBar(), &QScrollBar::actionTriggered, this, &ClusterView::userMoved);
    connect(verticalScrollBar(), &QScrollBar::actionTriggered, this, &ClusterView::userMoved);
    connect(m_scene, &ClusterScene::layoutChanging, this, &ClusterView::onLayoutChanging);
    connect(m_scene, &ClusterScene::layoutSettled, this, &ClusterView::onLayoutSettled);
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
    setFitMode(true);
    fit();
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
    userMoved();
    applyZoom(factor);
}

void ClusterView::applyZoom(qreal factor)
{
    factor = std::clamp(factor, minimumZoom, maximumZoom);
    if (qFuzzyCompare(factor, zoomFactor())) {
        return;
    }
    setTransform(QTransform::fromScale(factor, factor));
    Q_EMIT zoomChanged(factor);
}

void ClusterView::setFitMode(bool fitMode)
{
    if (fitMode != m_fitMode) {
        m_fitMode = fitMode;
        Q_EMIT fitModeChanged(fitMode);
    }
}

void ClusterView::userMoved()
{
    setFitMode(false);
    m_follow.reset(); // the user looks elsewhere now
}

void ClusterView::fit()
{
    const QRectF target = m_scene->layoutRect();
    // The viewport without scroll bars: those shown now go when the tree fits.
    const QSizeF port = maximumViewportSize();
    if (target.isEmpty() || port.isEmpty()) {
        return;
    }
    const qreal whole
        = kFitSlack * std::min(port.width() / target.width(), port.height() / target.height());
    applyZoom(std::clamp(whole, readableZoom, 1.0));
    if (whole >= readableZoom) {
        centerOn(target.center());
        return;
    }
    // Too large to read whole: start where a DBA looks first, and let them scroll from there.
    if (const auto selected = m_scene->selectedInstance();
        selected && m_scene->nodeItem(*selected)) {
        centerOnInstance(*selected);
        return;
    }
    const QSizeF shown = QSizeF(viewport()->size()) / zoomFactor();
    QPointF centre = target.topLeft() + QPointF(shown.width() / 2, shown.height() / 2);
    if (const auto root = m_scene->mainRoot()) {
        const QRectF card = m_scene->layoutResult().nodes.value(*root);
        if (card.bottom() > target.top() + shown.height()) {
            centre.setY(card.center().y()); // a root centred on a tall tree
        }
    }
    centerOn(centre);
}

void ClusterView::centerOnInstance(const InstanceKey& key)
{
    if (const NodeItem* node = m_scene->nodeItem(key)) {
        centerOn(node->sceneBoundingRect().center());
    }
}

void ClusterView::keepInView(const InstanceKey& key)
{
    m_follow = key;
    m_followUntil = QDeadlineTimer(kFollowMs);
    if (!m_scene->isAnimating()) {
        ensureCardVisible(key);
    }
}

void ClusterView::ensureCardVisible(const InstanceKey& key)
{
    if (const NodeItem* node = m_scene->nodeItem(key)) {
        ensureVisible(node->mapRectToScene(node->cardRect()), kFollowMargin, kFollowMargin);
    }
}

QRectF ClusterView::visibleSceneRect() const
{
    return mapToScene(viewport()->rect()).boundingRect();
}

void ClusterView::onLayoutChanging(const QRectF& previousBounds)
{
    // Several changes before the cards settle: what counts is how it looked before the first.
    if (!m_treeWasShown) {
        m_treeWasShown = !previousBounds.isNull()
            && visibleSceneRect().adjusted(-1, -1, 1, 1).contains(previousBounds);
    }
}

void ClusterView::onLayoutSettled()
{
    const bool wasShown = m_treeWasShown.value_or(false);
    m_treeWasShown.reset();
    const QRectF bounds = m_scene->layoutResult().bounds;
    if (wasShown && !bounds.isNull()
        && !visibleSceneRect().adjusted(-1, -1, 1, 1).contains(bounds)) {
        fit();
    }
    if (m_follow && m_followUntil.hasExpired()) {
        m_follow.reset();
    }
    if (m_follow) {
        ensureCardVisible(*m_follow);
    }
}

void ClusterView::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    if (m_fitMode) {
        fit();
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
    const QPoint scrolled(horizontalScrollBar()->value(), verticalScrollBar()->value());
    QGraphicsView::mouseMoveEvent(event);
    if (!m_scene->isDragging()
        && scrolled != QPoint(horizontalScrollBar()->value(), verticalScrollBar()->value())) {
        userMoved(); // the hand drag on the background pans
    }
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
