#include "topology/treelayout.h"

#include <algorithm>
#include <cmath>

namespace topograph {

namespace {

constexpr int kNone = -1;

class Builder final
{
public:
    Builder(const QList<InstanceRecord>& records, const LayoutOptions& options)
        : m_records(records)
        , m_options(options)
    { }

    LayoutResult run();

private:
    int parentOf(int index) const;
    int pickMainRoot() const;
    int ringEntry(int start) const;
    void place(int root);
    int hideBelow(int index);
    QList<int> takeGridLeaves(int node);
    int gridColumns(qsizetype leaves) const;
    bool isCoMasterPair(int a, int b) const;
    const InstanceKey& keyOf(int index) const { return m_records.at(m_unique.at(index)).key; }

    const QList<InstanceRecord>& m_records;
    const LayoutOptions& m_options;
    QList<qsizetype> m_unique; // record index per node (first record of each key)
    QHash<InstanceKey, int> m_byKey; // key -> node
    QList<QList<int>> m_children; // node -> children, ordered by key
    QList<bool> m_visited;
    int m_root = kNone;
    int m_nextSlot = 0;
    LayoutResult m_result;
};

// The master's node, or kNone when the master is unknown, absent or the node itself.
int Builder::parentOf(int index) const
{
    const InstanceRecord& record = m_records.at(m_unique.at(index));
    if (!record.masterKey) {
        return kNone;
    }
    const int master = m_byKey.value(*record.masterKey, kNone);
    return master == index ? kNone : master;
}

int Builder::pickMainRoot() const
{
    int named = kNone;
    int orphan = kNone;
    int smallest = kNone;
    for (int i = 0; i < m_unique.size(); ++i) {
        const InstanceRecord& record = m_records.at(m_unique.at(i));
        const auto better
            = [&](int current) { return current == kNone || keyOf(i) < keyOf(current); };
        if (!record.clusterName.isEmpty() && record.key.toString() == record.clusterName
            && better(named)) {
            named = i;
        }
        if (parentOf(i) == kNone && better(orphan)) {
            orphan = i;
        }
        if (better(smallest)) {
            smallest = i;
        }
    }
    return named != kNone ? named : (orphan != kNone ? orphan : smallest);
}

// Walks up the masters of an unplaced node until a node repeats (a ring), and returns the ring's
// smallest key. Every master of an unplaced node is unplaced, so the walk stays in its component.
int Builder::ringEntry(int start) const
{
    QHash<int, int> seenAt;
    QList<int> path;
    int current = start;
    while (current != kNone && !seenAt.contains(current)) {
        seenAt.insert(current, static_cast<int>(path.size()));
        path.append(current);
        current = parentOf(current);
    }
    if (current == kNone) {
        return path.last();
    }
    int best = current;
    for (qsizetype i = seenAt.value(current); i < path.size(); ++i) {
        if (keyOf(path.at(i)) < keyOf(best)) {
            best = path.at(i);
        }
    }
    return best;
}

bool Builder::isCoMasterPair(int a, int b) const
{
    return parentOf(a) == b && parentOf(b) == a;
}

// Marks every unplaced descendant of index as placed (hidden) and returns how many there were.
int Builder::hideBelow(int index)
{
    int hidden = 0;
    QList<int> stack { index };
    while (!stack.isEmpty()) {
        const int node = stack.takeLast();
        for (const int child : m_children.at(node)) {
            if (!m_visited.at(child)) {
                m_visited[child] = true;
                ++hidden;
                stack.append(child);
            }
        }
    }
    return hidden;
}

// Columns for a grid of leaves: cells of one card and its gaps, about gridAspect wide per high,
// and no empty column at the right.
int Builder::gridColumns(qsizetype leaves) const
{
    const qreal cellWidth = m_options.nodeWidth + m_options.gridColumnGap;
    const qreal cellHeight = m_options.nodeHeight + m_options.siblingGap;
    const qreal ideal = std::sqrt(m_options.gridAspect * qreal(leaves) * cellHeight / cellWidth);
    const auto columns = std::clamp<qsizetype>(qRound(ideal), 1, leaves);
    const qsizetype rows = (leaves + columns - 1) / columns;
    return static_cast<int>((leaves + rows - 1) / rows);
}

// The unplaced leaf children of node, in key order and marked placed, when there are enough of
// them to wrap into a grid of two columns or more; else none.
QList<int> Builder::takeGridLeaves(int node)
{
    if (m_options.gridMinLeaves <= 0) {
        return {};
    }
    QList<int> leaves;
    for (const int child : m_children.at(node)) {
        // A co-master partner has no children listed (the root is nobody's child) but is drawn
        // with its own pair of edges, never in a grid.
        if (!m_visited.at(child) && m_children.at(child).isEmpty()
            && !isCoMasterPair(child, node)) {
            leaves.append(child);
        }
    }
    if (leaves.size() < m_options.gridMinLeaves || gridColumns(leaves.size()) < 2) {
        return {};
    }
    for (const int leaf : std::as_const(leaves)) {
        m_visited[leaf] = true;
    }
    return leaves;
}

// Iterative post-order from root: leaves take consecutive slots, parents sit midway between their
// first and last child. A parent's grid of leaves comes after its other children. Edges are
// emitted in pre-order, a grid's when it is placed.
void Builder::place(int root)
{
    struct Frame
    {
        int node;
        int depth;
        QList<int> grid; // leaf children wrapped into a grid after the other children
        qsizetype nextChild = 0;
        qreal firstY = 0;
        qreal lastY = 0;
        bool hasChild = false;
    };
    const qreal slotHeight = m_options.nodeHeight + m_options.siblingGap;
    const qreal columnWidth = m_options.nodeWidth + m_options.levelGap;
    const qreal gridCellWidth = m_options.nodeWidth + m_options.gridColumnGap;

    const auto addNode = [&](int node, const QRectF& rect) {
        m_result.nodes.insert(keyOf(node), rect);
        m_result.bounds = m_result.bounds.isNull() ? rect : m_result.bounds.united(rect);
    };
    const auto enter = [&](QList<Frame>& stack, int node, int depth, int parent) {
        m_visited[node] = true;
        if (parent != kNone) {
            const bool coMaster = isCoMasterPair(node, parent);
            m_result.edges.append({ keyOf(parent), keyOf(node), coMaster });
            if (coMaster) {
                m_result.edges.append({ keyOf(node), keyOf(parent), true });
            }
        }
        if (m_options.collapsed.contains(keyOf(node))) {
            if (const int hidden = hideBelow(node); hidden > 0) {
                m_result.hiddenBelow.insert(keyOf(node), hidden);
            }
        }
        stack.append(Frame { node, depth, takeGridLeaves(node) });
    };
    // Column by column, top down, in the next free slots; returns the top row's y.
    const auto placeGrid = [&](const Frame& frame) {
        const auto leaves = frame.grid.size();
        const int columns = gridColumns(leaves);
        const qsizetype rows = (leaves + columns - 1) / columns;
        const qreal left = (frame.depth + 1) * columnWidth;
        const qreal top = m_nextSlot * slotHeight;
        for (qsizetype i = 0; i < leaves; ++i) {
            const int leaf = frame.grid.at(i);
            m_result.edges.append({ keyOf(frame.node), keyOf(leaf), false, true });
            addNode(leaf,
                QRectF(left + qreal(i / rows) * gridCellWidth, top + qreal(i % rows) * slotHeight,
                    m_options.nodeWidth, m_options.nodeHeight));
        }
        m_nextSlot += static_cast<int>(rows);
        return top;
    };

    QList<Frame> stack;
    enter(stack, root, 0, kNone);
    while (!stack.isEmpty()) {
        Frame& frame = stack.last();
        const QList<int>& children = m_children.at(frame.node);
        while (frame.nextChild < children.size() && m_visited.at(children.at(frame.nextChild))) {
            ++frame.nextChild;
        }
        if (frame.nextChild < children.size()) {
            const int child = children.at(frame.nextChild++);
            const int node = frame.node;
            const int depth = frame.depth;
            enter(stack, child, depth + 1, node); // may reallocate: frame is not used after this
            continue;
        }
        if (!frame.grid.isEmpty()) {
            const qreal top = placeGrid(frame);
            frame.firstY = frame.hasChild ? frame.firstY : top;
            frame.lastY = top;
            frame.hasChild = true;
        }
        const qreal y
            = frame.hasChild ? (frame.firstY + frame.lastY) / 2 : m_nextSlot++ * slotHeight;
        addNode(frame.node,
            QRectF(frame.depth * columnWidth, y, m_options.nodeWidth, m_options.nodeHeight));
        stack.removeLast();
        if (!stack.isEmpty()) {
            Frame& parent = stack.last();
            if (!parent.hasChild) {
                parent.firstY = y;
                parent.hasChild = true;
            }
            parent.lastY = y;
        }
    }
}

LayoutResult Builder::run()
{
    m_byKey.reserve(m_records.size());
    for (qsizetype i = 0; i < m_records.size(); ++i) {
        if (!m_byKey.contains(m_records.at(i).key)) {
            m_byKey.insert(m_records.at(i).key, static_cast<int>(m_unique.size()));
            m_unique.append(i);
        }
    }
    const int count = static_cast<int>(m_unique.size());
    if (count == 0) {
        return {};
    }
    m_result.nodes.reserve(count);
    m_root = pickMainRoot();
    m_children.resize(count);
    m_visited.fill(false, count);
    QList<int> order(count);
    for (int i = 0; i < count; ++i) {
        order[i] = i;
    }
    std::sort(order.begin(), order.end(), [&](int a, int b) { return keyOf(a) < keyOf(b); });

    // Children lists in key order, built once: walking nodes in key order keeps them sorted.
    QList<int> extraRoots;
    for (const int node : order) {
        const int parent = parentOf(node);
        if (node == m_root) {
            continue;
        }
        if (parent == kNone) {
            extraRoots.append(node);
        } else {
            m_children[parent].append(node);
        }
    }

    place(m_root);
    for (const int root : extraRoots) {
        if (!m_visited.at(root)) {
            place(root);
        }
    }
    // What is left hangs off rings that do not hold the root: enter each ring at its smallest key.
    for (const int node : order) {
        if (!m_visited.at(node)) {
            place(ringEntry(node));
        }
    }
    return std::move(m_result);
}

} // namespace

LayoutResult TreeLayout::layout(const QList<InstanceRecord>& records, const LayoutOptions& options)
{
    return Builder(records, options).run();
}

} // namespace topograph
