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
    qreal siblingGap = 16; // vertical space between stacked leaves
    QSet<InstanceKey> collapsed; // nodes whose descendants are hidden
};

// A drawn replication link, from the master to its replica. Co-masters get two edges, one each
// way, both marked coMaster.
struct LayoutEdge
{
    InstanceKey from;
    InstanceKey to;
    bool coMaster = false;

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
