#include "canvas/topologyitems.h"

#include <QGraphicsScene>
#include <QSet>

#include "canvas/edgeitem.h"
#include "canvas/nodeitem.h"

namespace topograph {

TopologyItems::TopologyItems(QGraphicsScene* scene, const QSizeF& cardSize, const QSizeF& gridGaps)
    : m_scene(scene)
    , m_cardSize(cardSize)
    , m_gridGaps(gridGaps)
{ }

TopologyItems::~TopologyItems()
{
    aboutToRemove = nullptr; // the owner is being destroyed too
    clear();
}

EdgeItem* TopologyItems::edge(const InstanceKey& from, const InstanceKey& to) const
{
    return m_edges.value({ from, to });
}

void TopologyItems::sync(const TopologyDrawing& drawing)
{
    syncNodes(drawing);
    syncEdges(drawing);
}

void TopologyItems::clear()
{
    // Edges hold pointers to their nodes: they go first.
    const QList<EdgeItem*> edges = m_edges.values();
    for (EdgeItem* edge : edges) {
        deleteEdge(edge);
    }
    const QList<NodeItem*> nodes = m_nodes.values();
    for (NodeItem* node : nodes) {
        deleteNode(node);
    }
}

void TopologyItems::syncNodes(const TopologyDrawing& drawing)
{
    const QList<NodeItem*> shown = m_nodes.values();
    for (NodeItem* node : shown) {
        if (!drawing.layout.nodes.contains(node->key())) {
            deleteNode(node);
        }
    }
    QSet<InstanceKey> parents;
    for (const InstanceKey& parent : drawing.parents) {
        parents.insert(parent);
    }
    QHash<InstanceKey, InstanceKey> partners;
    for (const LayoutEdge& edge : drawing.layout.edges) {
        if (edge.coMaster) {
            partners.insert(edge.from, edge.to);
        }
    }
    for (auto it = drawing.layout.nodes.cbegin(); it != drawing.layout.nodes.cend(); ++it) {
        const InstanceKey& key = it.key();
        NodeItem* node = m_nodes.value(key);
        const bool created = !node;
        if (created) {
            node = new NodeItem(key, m_cardSize);
            node->setPos(it.value().topLeft()); // new cards appear in place
            m_scene->addItem(node);
            m_nodes.insert(key, node);
        }
        const int hidden = drawing.layout.hiddenBelow.value(key);
        node->setCollapseState(parents.contains(key) || hidden > 0, hidden > 0, hidden);
        if (!created && !drawing.recordsChanged) {
            continue;
        }
        const auto partner = partners.constFind(key);
        node->setRecord(drawing.records.at(drawing.recordIndex.value(key)),
            drawing.aliases.value(key), drawing.now, drawing.thresholds,
            partner == partners.cend() ? std::nullopt : std::optional<InstanceKey>(*partner));
    }
}

// For the edges into each wrapped grid: the one per row that draws the row's street (the
// farthest from the master) and the one per grid that draws the trunk (the one that reaches
// lowest: a street, or the middle of a card in the first column).
TopologyItems::SharedParts TopologyItems::sharedParts(const TopologyDrawing& drawing) const
{
    QHash<InstanceKey, qreal> firstColumn; // master -> left of its grid's first column
    for (const LayoutEdge& link : drawing.layout.edges) {
        if (link.inGrid) {
            const qreal left = drawing.layout.nodes.value(link.to).left();
            const auto it = firstColumn.constFind(link.from);
            firstColumn.insert(link.from, it == firstColumn.cend() ? left : std::min(*it, left));
        }
    }
    QHash<QPair<InstanceKey, qreal>, QRectF> farthest; // (master, row top) -> card
    QHash<InstanceKey, QPair<qreal, QRectF>> lowest; // master -> (trunk end, card)
    SharedParts parts;
    for (const LayoutEdge& link : drawing.layout.edges) {
        if (!link.inGrid) {
            continue;
        }
        const QRectF card = drawing.layout.nodes.value(link.to);
        const bool first = card.left() <= firstColumn.value(link.from);
        const qreal trunkEnd = first ? card.center().y() : card.bottom() + m_gridGaps.height() / 2;
        const auto low = lowest.constFind(link.from);
        if (low == lowest.cend() || trunkEnd > low->first) {
            lowest.insert(link.from, { trunkEnd, card });
            parts.trunk.insert(link.from, link.to);
        }
        const QPair<InstanceKey, qreal> row { link.from, card.top() };
        const auto far = farthest.constFind(row);
        if (!first && (far == farthest.cend() || card.left() > far->left())) {
            farthest.insert(row, card);
            parts.street.insert(row, link.to);
        }
    }
    return parts;
}

void TopologyItems::syncEdges(const TopologyDrawing& drawing)
{
    const SharedParts shared = sharedParts(drawing);
    QSet<EdgeKey> wanted;
    for (const LayoutEdge& link : drawing.layout.edges) {
        if (link.coMaster && drawing.parents.value(link.to) != link.from) {
            continue; // the other half of a co-master pair: one item draws both ways
        }
        const EdgeKey key { link.from, link.to };
        wanted.insert(key);
        EdgeItem* edge = m_edges.value(key);
        if (edge && edge->isCoMaster() != link.coMaster) {
            deleteEdge(edge);
            edge = nullptr;
        }
        const bool created = !edge;
        if (created) {
            edge = new EdgeItem(m_nodes.value(link.from), m_nodes.value(link.to), link.coMaster);
            m_scene->addItem(edge);
            m_edges.insert(key, edge);
        }
        if (link.inGrid) {
            const qreal row = drawing.layout.nodes.value(link.to).top();
            edge->setGridRoute(m_gridGaps, shared.street.value({ link.from, row }) == link.to,
                shared.trunk.value(link.from) == link.to);
        } else {
            edge->setGridRoute({});
        }
        if (!created && !drawing.recordsChanged) {
            continue;
        }
        const InstanceRecord& replica = drawing.records.at(drawing.recordIndex.value(link.to));
        EdgeHealth health = EdgeItem::healthOf(replica, drawing.thresholds);
        QString description;
        if (link.coMaster) {
            const InstanceRecord& partner
                = drawing.records.at(drawing.recordIndex.value(link.from));
            health = EdgeItem::worse(health, EdgeItem::healthOf(partner, drawing.thresholds));
            description
                = tr("%1 and %2 are co-masters: %3")
                      .arg(link.from.toString(), link.to.toString(), EdgeItem::healthName(health));
        } else {
            description
                = tr("%1 replicates from %2: %3")
                      .arg(link.to.toString(), link.from.toString(), EdgeItem::healthName(health));
        }
        edge->setHealth(health, description);
    }
    const QList<EdgeItem*> edges = m_edges.values();
    for (EdgeItem* edge : edges) {
        if (!wanted.contains({ edge->fromKey(), edge->toKey() })) {
            deleteEdge(edge);
        }
    }
}

void TopologyItems::deleteNode(NodeItem* node)
{
    if (aboutToRemove) {
        aboutToRemove(node);
    }
    const QList<EdgeItem*> edges = node->edges();
    for (EdgeItem* edge : edges) {
        deleteEdge(edge);
    }
    m_nodes.remove(node->key());
    delete node;
}

void TopologyItems::deleteEdge(EdgeItem* edge)
{
    m_edges.remove({ edge->fromKey(), edge->toKey() });
    edge->fromItem()->removeEdge(edge);
    edge->toItem()->removeEdge(edge);
    delete edge;
}

} // namespace topograph
