#pragma once

#include <QCoreApplication>
#include <QPointF>

#include "instancekey.h"

class QGraphicsScene;

namespace topograph {

class GhostItem;
class NodeItem;

// The visible side of one card drag: the dimmed source card, the ghost that follows the pointer
// and the highlighted card under it, with a caption from that card's verdict. ClusterScene
// decides when a drag starts, what the verdicts are and how it ends; this only draws.
class DragSession final
{
    Q_DECLARE_TR_FUNCTIONS(DragSession)
    Q_DISABLE_COPY_MOVE(DragSession)

public:
    DragSession(QGraphicsScene* scene, NodeItem* source, const QPointF& grabOffset);
    ~DragSession(); // restores the cards and removes the ghost

    InstanceKey key() const;
    NodeItem* source() const { return m_source; }
    NodeItem* target() const { return m_target; }
    GhostItem* ghost() const { return m_ghost; }

    // The pointer is at scenePos, over target (nullptr: over no other card).
    void moveTo(const QPointF& scenePos, NodeItem* target);
    // Verdicts changed: redraw the caption of the current target.
    void refresh();
    // The item is about to be deleted (the source must not be: end the session first).
    void forget(NodeItem* item);

private:
    NodeItem* m_source;
    GhostItem* m_ghost;
    NodeItem* m_target = nullptr;
    QPointF m_grabOffset;
};

} // namespace topograph
