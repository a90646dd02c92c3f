#pragma once

#include <QDeadlineTimer>
#include <QGraphicsView>
#include <QPoint>

#include <optional>

#include "instancekey.h"

class QTimer;

namespace topograph {

class ClusterScene;

// The view on the cluster canvas: zoom (Ctrl+wheel, zoomIn/zoomOut/zoomToFit/resetZoom), pan by
// dragging empty background, antialiased. Cards take their own mouse presses (for selection
// and dragging), so the hand drag only starts on background. A card dragged near the edge
// scrolls the view, so targets off screen can be reached.
//
// Fit mode (zoomToFit, Ctrl+0, and how a cluster opens): the whole cluster, never above 100 % and
// never below readableZoom, where every card still shows its name; a cluster too large for that
// starts at the selected card, else at its root in the top left, and scrolls. Resizing refits;
// zooming or panning by hand leaves fit mode. Whatever the mode, a change of the tree that no
// longer fits where the whole tree was shown fits again, and keepInView() follows a card that a
// change moves.
class ClusterView final : public QGraphicsView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterView)

public:
    explicit ClusterView(ClusterScene* scene, QWidget* parent = nullptr);

    static constexpr qreal minimumZoom = 0.1; // cards are specks below this
    static constexpr qreal maximumZoom = 4.0;
    static constexpr qreal zoomStep = 1.25;
    // The smallest zoom a fit chooses: cards show at least their name
    // (NodeItem::compactDetailZoom).
    static constexpr qreal readableZoom = 0.3;

    void zoomIn();
    void zoomOut();
    void zoomToFit(); // enters fit mode
    void resetZoom(); // 100 %
    qreal zoomFactor() const;
    void setZoomFactor(qreal factor); // a zoom by hand: leaves fit mode
    bool isFitMode() const { return m_fitMode; }
    void centerOnInstance(const topograph::InstanceKey& key);
    // Scrolls key's card into view, now or when the running re-layout animation ends, and again
    // after the re-layouts of the next seconds (the verified state of an operation arrives a
    // little after it finished), until the user pans or zooms.
    void keepInView(const topograph::InstanceKey& key);

    ClusterScene* clusterScene() const { return m_scene; }

Q_SIGNALS:
    void zoomChanged(qreal factor);
    void fitModeChanged(bool fitMode);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void drawBackground(QPainter* painter, const QRectF& rect) override;

private:
    void applyZoom(qreal factor);
    void fit();
    void setFitMode(bool fitMode);
    void userMoved(); // a zoom or pan by hand
    void onLayoutChanging(const QRectF& previousBounds);
    void onLayoutSettled();
    void ensureCardVisible(const topograph::InstanceKey& key);
    QRectF visibleSceneRect() const;
    void autoScroll();

    ClusterScene* m_scene;
    QTimer* m_autoScroll; // runs while a card is dragged near the viewport's edge
    QPoint m_dragPos; // the pointer in viewport coordinates during a drag
    bool m_fitMode = false;
    std::optional<bool> m_treeWasShown; // the whole tree was visible before a pending change
    std::optional<InstanceKey> m_follow; // keepInView()
    QDeadlineTimer m_followUntil;
};

} // namespace topograph
