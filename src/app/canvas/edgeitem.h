#pragma once

#include <QCoreApplication>
#include <QGraphicsItem>
#include <QLineF>
#include <QPainterPath>

#include "instancekey.h"
#include "probe/instancerecord.h"
#include "topology/instancestatus.h"

namespace topograph {

class NodeItem;

// How well a replication link works, read from the replica's record.
enum class EdgeHealth {
    Running, // both threads run, lag within ReasonableReplicationLagSeconds (green)
    Lagging, // both threads run, lag over the threshold (amber)
    Stopped, // a thread stopped without an error (grey, dotted)
    Broken, // an IO or SQL error, or the replica is unreachable (red)
};

// A drawn replication link from a master's card to its replica's card. The part shared with the
// master's other replicas (out of the master, down the trunk) is neutral; the replica's own
// branch and arrowhead show the health. A co-master pair is one item with arrowheads at both ends
// and a dashed branch. Edges sit below the cards (z < 1). Like the elasticnodes example, the
// nodes tell their edges when they move, so edges follow the re-layout animation.
//
// A replica in a wrapped grid (TreeLayout) past its first column is reached through the gaps:
// down the trunk, along the street in the gap below the replica's row (shared with the row, so
// neutral), then up the gap left of its column and into the card (its own, coloured). The parts
// a grid's edges share are drawn once, not once per edge: one edge of each row draws the row's
// street, one edge of the grid the way out of the master and the trunk; the others draw only
// their own part and are that small. A grid of a thousand cards would otherwise stroke the same
// long lines a thousand times in every frame.
class EdgeItem final : public QGraphicsItem
{
    Q_DECLARE_TR_FUNCTIONS(EdgeItem)

public:
    enum { Type = UserType + 2 };

    EdgeItem(NodeItem* from, NodeItem* to, bool coMaster);

    int type() const override { return Type; }

    InstanceKey fromKey() const;
    InstanceKey toKey() const;
    NodeItem* fromItem() const { return m_from; }
    NodeItem* toItem() const { return m_to; }
    bool isCoMaster() const { return m_coMaster; }

    // For a replica in a wrapped grid: the gaps between the grid's columns (width) and rows
    // (height), and whether this edge draws its row's street and the grid's trunk. An empty size
    // for a plain elbow, which draws all of itself.
    void setGridRoute(const QSizeF& gaps, bool drawsStreet = true, bool drawsTrunk = true);
    bool isGridRoute() const { return !m_gridGaps.isEmpty(); }
    bool drawsStreet() const { return m_drawsStreet; }
    bool drawsTrunk() const { return m_drawsTrunk; }

    EdgeHealth health() const { return m_health; }
    QColor color() const;
    void setHealth(EdgeHealth health, const QString& description);

    // The worse of two healths (a co-master pair shows its worse direction).
    static EdgeHealth worse(EdgeHealth a, EdgeHealth b);
    static EdgeHealth healthOf(
        const InstanceRecord& replica, const InstanceStatus::Thresholds& thresholds);
    static QString healthName(EdgeHealth health);

    // Where the line starts and ends, in scene coordinates.
    QPointF sourcePoint() const { return m_source; }
    QPointF destPoint() const { return m_dest; }
    // Recomputes the path from the nodes' positions.
    void adjust();
    // The whole line as drawn (shared and own parts), in scene coordinates, arrowheads aside.
    QPainterPath route() const;

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    void updateBounds();

    NodeItem* m_from;
    NodeItem* m_to;
    bool m_coMaster;
    EdgeHealth m_health = EdgeHealth::Running;
    QPointF m_source;
    QPointF m_dest;
    // The elbow: out of the master (m_head) and along the trunk, both shared with the master's
    // other replicas, then the branch into the replica (m_tail).
    QPainterPath m_head;
    QLineF m_trunk;
    QPainterPath m_street; // grid route only: along the gap below the replica's row
    QPainterPath m_tail;
    QSizeF m_gridGaps;
    bool m_drawsStreet = true;
    bool m_drawsTrunk = true;
    mutable QPainterPath m_shape; // the stroked path for hit tests, built on demand
    QRectF m_bounds;
};

} // namespace topograph
