#pragma once

#include <QGraphicsView>
#include <QPoint>

#include "instancekey.h"

class QTimer;

namespace topograph {

class ClusterScene;

// The view on the cluster canvas: zoom (Ctrl+wheel, zoomIn/zoomOut/zoomToFit/resetZoom), pan by
// dragging empty background, antialiased. Cards take their own mouse presses (for selection
// and dragging), so the hand drag only starts on background. A card dragged near the edge
// scrolls the view, so targets off screen can be reached.
class ClusterView final : public QGraphicsView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterView)

public:
    explicit ClusterView(ClusterScene* scene, QWidget* parent = nullptr);

    static constexpr qreal minimumZoom = 0.1; // cards are specks below this
    static constexpr qreal maximumZoom = 4.0;
    static constexpr qreal zoomStep = 1.25;

    void zoomIn();
    void zoomOut();
    void zoomToFit(); // the whole cluster, never larger than 100 %
    void resetZoom(); // 100 %
    qreal zoomFactor() const;
    void setZoomFactor(qreal factor);
    void centerOnInstance(const topograph::InstanceKey& key);

    ClusterScene* clusterScene() const { return m_scene; }

Q_SIGNALS:
    void zoomChanged(qreal factor);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void drawBackground(QPainter* painter, const QRectF& rect) override;

private:
    void autoScroll();

    ClusterScene* m_scene;
    QTimer* m_autoScroll; // runs while a card is dragged near the viewport's edge
    QPoint m_dragPos; // the pointer in viewport coordinates during a drag
};

} // namespace topograph
