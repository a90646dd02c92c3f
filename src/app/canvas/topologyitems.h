#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPair>

#include <functional>

#include "instancekey.h"
#include "probe/instancerecord.h"
#include "topology/instancestatus.h"
#include "topology/treelayout.h"

class QGraphicsScene;

namespace topograph {

class EdgeItem;
class NodeItem;

// What one sync draws: the layout, the drawn parent of each child, and the records behind it.
struct TopologyDrawing
{
    const LayoutResult& layout;
    const QHash<InstanceKey, InstanceKey>& parents; // drawn parent by child
    const QList<InstanceRecord>& records;
    const QHash<InstanceKey, qsizetype>& recordIndex; // key -> index in records
    const QHash<InstanceKey, QString>& aliases;
    QDateTime now;
    InstanceStatus::Thresholds thresholds;
    // False when only the layout changed (collapsing): cards and edges that stay keep their text,
    // which is most of the cost of a sync.
    bool recordsChanged = true;
};

// The cards and edges of one cluster in a scene, kept in sync with a layout: items of keys that
// stay are updated in place, new keys get new items (placed at their layout position), gone keys
// lose theirs. Selection, dragging and animation belong to ClusterScene, which hears of a card
// before it goes (aboutToRemove).
class TopologyItems final
{
    Q_DECLARE_TR_FUNCTIONS(TopologyItems)
    Q_DISABLE_COPY_MOVE(TopologyItems)

public:
    // gridGaps: between the columns (width) and rows (height) of a wrapped grid of replicas.
    TopologyItems(QGraphicsScene* scene, const QSizeF& cardSize, const QSizeF& gridGaps);
    ~TopologyItems();

    void sync(const TopologyDrawing& drawing);
    void clear();

    NodeItem* node(const InstanceKey& key) const { return m_nodes.value(key); }
    const QHash<InstanceKey, NodeItem*>& nodes() const { return m_nodes; }
    EdgeItem* edge(const InstanceKey& from, const InstanceKey& to) const;
    QList<EdgeItem*> edges() const { return m_edges.values(); }

    // Called for each card just before it is deleted.
    std::function<void(NodeItem*)> aboutToRemove;

private:
    using EdgeKey = QPair<InstanceKey, InstanceKey>;
    struct SharedParts
    {
        QHash<QPair<InstanceKey, qreal>, InstanceKey> street; // (master, row top) -> replica
        QHash<InstanceKey, InstanceKey> trunk; // master -> replica
    };

    SharedParts sharedParts(const TopologyDrawing& drawing) const;

    void syncNodes(const TopologyDrawing& drawing);
    void syncEdges(const TopologyDrawing& drawing);
    void deleteNode(NodeItem* node);
    void deleteEdge(EdgeItem* edge);

    QGraphicsScene* m_scene;
    QSizeF m_cardSize;
    QSizeF m_gridGaps;
    QHash<InstanceKey, NodeItem*> m_nodes;
    QHash<EdgeKey, EdgeItem*> m_edges;
};

} // namespace topograph
