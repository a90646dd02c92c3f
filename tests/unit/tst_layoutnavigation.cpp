// Arrow keys on the canvas: Up/Down in the same column, Left to the parent (or the grid cell to
// the left among the same master's replicas), Right to the nearest child (or the cell to the
// right), nothing when there is nowhere to go.
#include <QTest>

#include "topology/layoutnavigation.h"
#include "topology/treelayout.h"
#include "plannerfixture.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

using Direction = LayoutNavigation::Direction;

namespace {

QHash<InstanceKey, InstanceKey> parentsOf(const LayoutResult& layout)
{
    QHash<InstanceKey, InstanceKey> parents;
    for (const LayoutEdge& edge : layout.edges) {
        if (!edge.coMaster) {
            parents.insert(edge.to, edge.from);
        }
    }
    return parents;
}

} // namespace

class TestLayoutNavigation final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void movesAlongTheTree()
    {
        const Topology t(u"m; r1<m; r2<m; r3<m; r1a<r1; r1b<r1"_s);
        const LayoutResult layout = TreeLayout::layout(t.records());
        const auto parents = parentsOf(layout);
        const auto go = [&](const QString& from, Direction d) {
            return LayoutNavigation::next(layout, parents, key(from), d);
        };
        QCOMPARE(go(u"r1"_s, Direction::Down), std::optional(key(u"r2"_s)));
        QCOMPARE(go(u"r2"_s, Direction::Down), std::optional(key(u"r3"_s)));
        QCOMPARE(go(u"r3"_s, Direction::Down), std::nullopt);
        QCOMPARE(go(u"r2"_s, Direction::Up), std::optional(key(u"r1"_s)));
        QCOMPARE(go(u"r1"_s, Direction::Up), std::nullopt);
        QCOMPARE(go(u"r1a"_s, Direction::Left), std::optional(key(u"r1"_s)));
        QCOMPARE(go(u"r1"_s, Direction::Left), std::optional(key(u"m"_s)));
        QCOMPARE(go(u"m"_s, Direction::Left), std::nullopt);
        // The child nearest in height: m sits midway between r1 and r3, next to r2.
        QCOMPARE(go(u"m"_s, Direction::Right), std::optional(key(u"r2"_s)));
        QCOMPARE(go(u"r1"_s, Direction::Right)->host.startsWith(u"r1"_s), true);
        QCOMPARE(go(u"r3"_s, Direction::Right), std::nullopt);
        QCOMPARE(go(u"r1b"_s, Direction::Up), std::optional(key(u"r1a"_s)));
        QCOMPARE(go(u"nobody"_s, Direction::Up), std::nullopt);
    }

    void movesWithinARowOfOneMastersReplicas()
    {
        // A wrapped grid: the same master's replicas side by side on one row.
        LayoutResult layout;
        const QSizeF size(100, 40);
        layout.nodes.insert(key(u"m"_s), QRectF(QPointF(0, 50), size));
        layout.nodes.insert(key(u"a"_s), QRectF(QPointF(200, 0), size));
        layout.nodes.insert(key(u"b"_s), QRectF(QPointF(320, 0), size));
        layout.nodes.insert(key(u"c"_s), QRectF(QPointF(200, 60), size));
        for (const QString& leaf : { u"a"_s, u"b"_s, u"c"_s }) {
            layout.edges.append({ key(u"m"_s), key(leaf), false });
        }
        const auto parents = parentsOf(layout);
        QCOMPARE(LayoutNavigation::next(layout, parents, key(u"a"_s), Direction::Right),
            std::optional(key(u"b"_s)));
        QCOMPARE(LayoutNavigation::next(layout, parents, key(u"b"_s), Direction::Left),
            std::optional(key(u"a"_s)));
        QCOMPARE(LayoutNavigation::next(layout, parents, key(u"a"_s), Direction::Left),
            std::optional(key(u"m"_s)));
        QCOMPARE(LayoutNavigation::next(layout, parents, key(u"a"_s), Direction::Down),
            std::optional(key(u"c"_s)));
        QCOMPARE(
            LayoutNavigation::next(layout, parents, key(u"b"_s), Direction::Right), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestLayoutNavigation)
#include "tst_layoutnavigation.moc"
