#pragma once

#include <QHash>
#include <QObject>
#include <QPoint>
#include <QPointF>

#include <memory>
#include <optional>

#include "canvas/droptarget.h"
#include "instancekey.h"

class QGraphicsScene;

namespace topograph {

class DragSession;
class NodeItem;
class TopologyItems;

// The card drag of the cluster canvas as a small state machine fed by the scene's mouse events:
// a press on a card, a move past QApplication::startDragDistance() starts the drag (or reports
// that dragging is disabled), the release ends it. No QDrag: its nested event loop cannot be
// driven by offscreen tests, and a drop target here is a card, not a widget. The press is
// tracked here, so a move counts whatever buttons the event claims.
class DragController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DragController)

public:
    DragController(QGraphicsScene* scene, const TopologyItems* items, QObject* parent = nullptr);
    ~DragController() override;

    void setEnabled(bool enabled, const QString& reasonWhenDisabled);
    bool isEnabled() const { return m_enabled; }

    void setDropTargets(const QHash<InstanceKey, DropTarget>& targets);
    void clearDropTargets();
    void applyDropTargets(); // to every card, e.g. after new cards appeared

    bool isDragging() const { return m_session != nullptr; }
    std::optional<InstanceKey> draggedKey() const;

    // Mouse events from the scene; move() and release() return whether they were used.
    void press(const NodeItem* card, const QPointF& scenePos, const QPoint& screenPos);
    bool move(const QPointF& scenePos, const QPoint& screenPos);
    bool release(const QPointF& scenePos);
    void cancel(); // forgets a press; ends a drag with dragCancelled()

    void aboutToRemove(NodeItem* node);

Q_SIGNALS:
    void dragStarted(const topograph::InstanceKey& key);
    void dropRequested(const topograph::InstanceKey& dragged, const topograph::InstanceKey& target);
    void dragCancelled();
    void dragRefused(const QString& reason);
    void dropRefused(const topograph::InstanceKey& dragged, const topograph::InstanceKey& target,
        const QString& reason);

private:
    struct Press
    {
        InstanceKey key;
        QPointF grabOffset; // where the card was grabbed, in card coordinates
        QPoint screenPos;
        bool refused = false; // dragRefused() was emitted for this press
    };

    void start(const QPointF& scenePos);
    void end(); // removes the drag visuals and verdicts, emits nothing

    QGraphicsScene* m_scene;
    const TopologyItems* m_items;
    bool m_enabled = true;
    QString m_disabledReason;
    QHash<InstanceKey, DropTarget> m_targets;
    std::optional<Press> m_press;
    std::unique_ptr<DragSession> m_session;
};

} // namespace topograph
