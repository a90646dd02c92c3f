#pragma once

#include <QHash>
#include <QList>
#include <QRectF>
#include <QSet>

#include "probe/instancerecord.h"

namespace topograph {

// Sizes and collapsed subtrees for TreeLayout.
struct LayoutOptions
{
    qreal nodeWidth = 220;
    qreal nodeHeight = 64;
    qreal levelGap = 80; // horizontal space between depths
    qreal siblingGap = 16; // vertical space between stacked leaves, and between grid rows
    // A master with at least gridMinLeaves leaf replicas (replicas without replicas of their own)
    // wraps them into a grid of columns right of it, aiming at gridAspect (width : height, about
    // a screen's), so that a wide cluster can be read without zooming out to specks. 0: never.
    int gridMinLeaves = 7;
    qreal gridAspect = 1.6;
    qreal gridColumnGap = 40; // horizontal space between grid columns, where edges run
    QSet<InstanceKey> collapsed; // nodes whose descendants are hidden
};

// A drawn replication link, from the master to its replica. Co-masters get two edges, one each
// way, both marked coMaster. An edge into a wrapped grid is marked inGrid: it should run along
// the gap below its replica's grid row and up the gap left of its column, not across cards.
struct LayoutEdge
{
    InstanceKey from;
    InstanceKey to;
    bool coMaster = false;
    bool inGrid = false;

    friend bool operator==(const LayoutEdge&, const LayoutEdge&) = default;
};

struct LayoutResult
{
    QHash<InstanceKey, QRectF> nodes; // visible instances and their cards
    QList<LayoutEdge> edges; // in layout (pre-)order
    QHash<InstanceKey, int> hiddenBelow; // collapsed node -> number of hidden descendants (> 0)
    QRectF bounds; // union of every node rectangle

    friend bool operator==(const LayoutResult&, const LayoutResult&) = default;
};

// Lays out one cluster as a left-to-right tree (DESIGN §10): depth along x, leaves stacked along
// y in consecutive slots, each parent centred on its first and last child, children ordered by key.
// A master with many leaf replicas (LayoutOptions::gridMinLeaves) first places its other children,
// then wraps the leaves, in key order down each column, into a grid one level right of it that
// takes as many slots as it has rows; the master counts the grid as one child at its top row.
// The root is the record whose key is its cluster name, else the smallest key without a known
// master, else the smallest key; a co-master partner is drawn as its child. Instances whose master
// is not among the records become extra roots below; rings that do not hold the root are broken at
// their smallest key. A pure function of its input: same input, same output.
class TreeLayout final
{
public:
    static LayoutResult layout(const QList<InstanceRecord>& records, const LayoutOptions& options);
    static LayoutResult layout(const QList<InstanceRecord>& records)
    {
        return layout(records, LayoutOptions {});
    }
};

} // namespace topograph
