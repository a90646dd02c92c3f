#include <QTest>

#include "probe/instancerecord.h"
#include "topology/treelayout.h"

using namespace Qt::StringLiterals;
using topograph::InstanceKey;
using topograph::InstanceRecord;
using topograph::LayoutEdge;
using topograph::LayoutOptions;
using topograph::LayoutResult;
using topograph::TreeLayout;

namespace {

InstanceKey key(const QString& text)
{
    return *InstanceKey::parse(text, 3306);
}

InstanceRecord node(const QString& name, const QString& master = {}, const QString& cluster = {})
{
    InstanceRecord r;
    r.key = key(name);
    if (!master.isEmpty()) {
        r.masterKey = key(master);
    }
    r.clusterName = cluster;
    return r;
}

// "a>b,c;b>d" style: parent>children; the first parent is the root and names the cluster.
QList<InstanceRecord> shape(const QString& text)
{
    QList<InstanceRecord> records;
    QSet<QString> seen;
    const QStringList groups = text.split(u';');
    const QString root = groups.first().section(u'>', 0, 0);
    const QString cluster = key(root).toString();
    records.append(node(root, {}, cluster));
    seen.insert(root);
    for (const QString& group : groups) {
        const QString parent = group.section(u'>', 0, 0);
        const QString children = group.section(u'>', 1);
        for (const QString& child : children.split(u',', Qt::SkipEmptyParts)) {
            if (!seen.contains(child)) {
                records.append(node(child, parent, cluster));
                seen.insert(child);
            }
        }
    }
    return records;
}

using HiddenCounts = QHash<QString, int>;

QRectF at(const LayoutResult& result, const QString& name)
{
    return result.nodes.value(key(name));
}

void checkNoOverlap(const LayoutResult& result)
{
    const QList<QRectF> rects = result.nodes.values();
    for (qsizetype i = 0; i < rects.size(); ++i) {
        QVERIFY(result.bounds.contains(rects.at(i)));
        for (qsizetype j = i + 1; j < rects.size(); ++j) {
            QVERIFY2(!rects.at(i).intersects(rects.at(j)), "two cards overlap");
        }
    }
}

} // namespace

class TestTreeLayout final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void empty()
    {
        const LayoutResult result = TreeLayout::layout({});
        QVERIFY(result.nodes.isEmpty());
        QVERIFY(result.edges.isEmpty());
        QVERIFY(result.bounds.isNull());
    }

    void singleNode()
    {
        const LayoutResult result = TreeLayout::layout({ node(u"m"_s) });
        QCOMPARE(result.nodes.size(), 1);
        QCOMPARE(at(result, u"m"_s), QRectF(0, 0, 220, 64));
        QVERIFY(result.edges.isEmpty());
        QCOMPARE(result.bounds, QRectF(0, 0, 220, 64));
    }

    void shapes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("nodes");
        QTest::addColumn<int>("maxDepth");
        QTest::newRow("chain") << u"a>b;b>c;c>d"_s << 4 << 3;
        QTest::newRow("fan-out") << u"m>r1,r2,r3,r4,r5,r6"_s << 7 << 1;
        QTest::newRow("intermediate") << u"m>i1,i2,r;i1>x,y,z;i2>w;z>z1,z2"_s << 10 << 3;
        QTest::newRow("unbalanced") << u"m>a,b;a>a1;a1>a2;b>b1,b2,b3,b4"_s << 9 << 3;
    }

    void shapes()
    {
        QFETCH(QString, text);
        QFETCH(int, nodes);
        QFETCH(int, maxDepth);
        const QList<InstanceRecord> records = shape(text);
        const LayoutResult result = TreeLayout::layout(records);
        QCOMPARE(result.nodes.size(), nodes);
        QCOMPARE(result.edges.size(), nodes - 1);
        checkNoOverlap(result);
        qreal maxX = 0;
        for (const InstanceRecord& r : records) {
            maxX = std::max(maxX, result.nodes.value(r.key).x());
        }
        QCOMPARE(maxX, maxDepth * 300.0);
        // Each replica one column right of its master, and every edge goes master -> replica.
        for (const InstanceRecord& r : records) {
            if (r.masterKey) {
                QCOMPARE(result.nodes.value(r.key).x(), result.nodes.value(*r.masterKey).x() + 300);
                QVERIFY(result.edges.contains(LayoutEdge { *r.masterKey, r.key, false }));
            }
        }
    }

    void chainIsStraight()
    {
        const LayoutResult result = TreeLayout::layout(shape(u"a>b;b>c"_s));
        QCOMPARE(at(result, u"a"_s), QRectF(0, 0, 220, 64));
        QCOMPARE(at(result, u"b"_s), QRectF(300, 0, 220, 64));
        QCOMPARE(at(result, u"c"_s), QRectF(600, 0, 220, 64));
        QCOMPARE(result.bounds, QRectF(0, 0, 820, 64));
    }

    void parentCentredOnChildren()
    {
        const LayoutResult result = TreeLayout::layout(shape(u"m>a,b,c;a>a1,a2"_s));
        QCOMPARE(at(result, u"a1"_s).y(), 0.0);
        QCOMPARE(at(result, u"a2"_s).y(), 80.0);
        QCOMPARE(at(result, u"a"_s).y(), 40.0);
        QCOMPARE(at(result, u"b"_s).y(), 160.0);
        QCOMPARE(at(result, u"c"_s).y(), 240.0);
        QCOMPARE(at(result, u"m"_s).y(), (40.0 + 240.0) / 2);
    }

    void childrenOrderedByKey()
    {
        // Records given out of order; children come out by key (host, then port).
        const QList<InstanceRecord> records { node(u"m:3306"_s, {}, u"m:3306"_s),
            node(u"c:3306"_s, u"m"_s), node(u"a:3307"_s, u"m"_s), node(u"b:3306"_s, u"m"_s),
            node(u"a:3306"_s, u"m"_s) };
        const LayoutResult result = TreeLayout::layout(records);
        const QStringList order { u"a:3306"_s, u"a:3307"_s, u"b:3306"_s, u"c:3306"_s };
        for (qsizetype i = 1; i < order.size(); ++i) {
            QVERIFY(at(result, order.at(i - 1)).y() < at(result, order.at(i)).y());
        }
        QCOMPARE(result.edges.first().to, key(u"a:3306"_s));
    }

    void rootChoice_data()
    {
        QTest::addColumn<QList<InstanceRecord>>("records");
        QTest::addColumn<QString>("root");
        QTest::newRow("cluster name") << QList<InstanceRecord> { node(u"a"_s, u"b"_s, u"b:3306"_s),
            node(u"b"_s, u"a"_s, u"b:3306"_s) }
                                      << u"b"_s;
        QTest::newRow("no known master")
            << QList<InstanceRecord> { node(u"z"_s), node(u"a"_s, u"z"_s) } << u"z"_s;
        QTest::newRow("smallest key in a ring") << QList<InstanceRecord> { node(u"c"_s, u"b"_s),
            node(u"b"_s, u"a"_s), node(u"a"_s, u"c"_s) }
                                                << u"a"_s;
    }

    void rootChoice()
    {
        QFETCH(QList<InstanceRecord>, records);
        QFETCH(QString, root);
        const LayoutResult result = TreeLayout::layout(records);
        QCOMPARE(result.nodes.size(), records.size());
        QCOMPARE(at(result, root).x(), 0.0);
        for (const InstanceRecord& r : records) {
            if (r.key != key(root)) {
                QVERIFY(result.nodes.value(r.key).x() > 0);
            }
        }
    }

    void coMasterPair()
    {
        const QList<InstanceRecord> records { node(u"m2"_s, u"m1"_s, u"m1:3306"_s),
            node(u"m1"_s, u"m2"_s, u"m1:3306"_s), node(u"r1"_s, u"m1"_s, u"m1:3306"_s),
            node(u"r2"_s, u"m2"_s, u"m1:3306"_s) };
        const LayoutResult result = TreeLayout::layout(records);
        QCOMPARE(result.nodes.size(), 4);
        QCOMPARE(at(result, u"m1"_s).x(), 0.0);
        QCOMPARE(at(result, u"m2"_s).x(), 300.0);
        QCOMPARE(at(result, u"r1"_s).x(), 300.0);
        QCOMPARE(at(result, u"r2"_s).x(), 600.0);
        const QList<LayoutEdge> expected { { key(u"m1"_s), key(u"m2"_s), true },
            { key(u"m2"_s), key(u"m1"_s), true }, { key(u"m2"_s), key(u"r2"_s), false },
            { key(u"m1"_s), key(u"r1"_s), false } };
        QCOMPARE(result.edges, expected);
        checkNoOverlap(result);
    }

    void selfLoop()
    {
        const LayoutResult result
            = TreeLayout::layout({ node(u"m"_s, u"m"_s), node(u"r"_s, u"m"_s) });
        QCOMPARE(result.nodes.size(), 2);
        QCOMPARE(at(result, u"m"_s).x(), 0.0);
        QCOMPARE(at(result, u"r"_s).x(), 300.0);
        QCOMPARE(result.edges.size(), 1);
    }

    void unknownMasterIsExtraRoot()
    {
        QList<InstanceRecord> records = shape(u"m>a,b"_s);
        records.append(node(u"x"_s, u"gone"_s, u"m:3306"_s));
        records.append(node(u"x1"_s, u"x"_s, u"m:3306"_s));
        const LayoutResult result = TreeLayout::layout(records);
        QCOMPARE(result.nodes.size(), 5);
        QCOMPARE(at(result, u"x"_s).x(), 0.0);
        QCOMPARE(at(result, u"x1"_s).x(), 300.0);
        QVERIFY(at(result, u"x"_s).y() > at(result, u"b"_s).y()); // stacked below the main tree
        QVERIFY(!result.edges.contains(LayoutEdge { key(u"gone"_s), key(u"x"_s), false }));
        checkNoOverlap(result);
    }

    void ringOutsideRoot()
    {
        QList<InstanceRecord> records = shape(u"m>a"_s);
        records.append(node(u"p"_s, u"q"_s));
        records.append(node(u"q"_s, u"p"_s));
        records.append(node(u"q1"_s, u"q"_s));
        const LayoutResult result = TreeLayout::layout(records);
        QCOMPARE(result.nodes.size(), 5);
        QCOMPARE(at(result, u"p"_s).x(), 0.0);
        QVERIFY(result.edges.contains(LayoutEdge { key(u"q"_s), key(u"p"_s), true }));
        checkNoOverlap(result);
    }

    void collapsed_data()
    {
        QTest::addColumn<QStringList>("collapsed");
        QTest::addColumn<int>("visible");
        QTest::addColumn<HiddenCounts>("hidden");
        QTest::newRow("none") << QStringList {} << 8 << HiddenCounts {};
        QTest::newRow("intermediate")
            << QStringList { u"i1"_s } << 5 << HiddenCounts { { u"i1"_s, 3 } };
        QTest::newRow("nested inside collapsed")
            << QStringList { u"i1"_s, u"z"_s } << 5 << HiddenCounts { { u"i1"_s, 3 } };
        QTest::newRow("root") << QStringList { u"m"_s } << 1 << HiddenCounts { { u"m"_s, 7 } };
        QTest::newRow("leaf") << QStringList { u"r"_s } << 8 << HiddenCounts {};
    }

    void collapsed()
    {
        QFETCH(QStringList, collapsed);
        QFETCH(int, visible);
        QFETCH(HiddenCounts, hidden);
        LayoutOptions options;
        for (const QString& name : collapsed) {
            options.collapsed.insert(key(name));
        }
        const LayoutResult result
            = TreeLayout::layout(shape(u"m>i1,i2,r;i1>x,z;z>z1;i2>w"_s), options);
        QCOMPARE(result.nodes.size(), visible);
        QCOMPARE(result.edges.size(), visible - 1);
        QCOMPARE(result.hiddenBelow.size(), hidden.size());
        for (auto it = hidden.cbegin(); it != hidden.cend(); ++it) {
            QCOMPARE(result.hiddenBelow.value(key(it.key())), it.value());
        }
        for (const LayoutEdge& edge : result.edges) {
            QVERIFY(result.nodes.contains(edge.from) && result.nodes.contains(edge.to));
        }
        checkNoOverlap(result);
    }

    void largeFanOut()
    {
        // 1 primary, 40 intermediates with 49 replicas each: 2001 instances.
        QList<InstanceRecord> records { node(u"p"_s, {}, u"p:3306"_s) };
        QList<InstanceKey> leaves;
        for (int i = 0; i < 40; ++i) {
            const QString mid = u"i%1"_s.arg(i, 2, 10, QChar(u'0'));
            records.append(node(mid, u"p"_s));
            for (int j = 0; j < 49; ++j) {
                records.append(node(u"%1r%2"_s.arg(mid).arg(j, 2, 10, QChar(u'0')), mid));
                leaves.append(records.last().key);
            }
        }
        const LayoutResult result = TreeLayout::layout(records);
        QCOMPARE(result.nodes.size(), records.size());
        std::sort(leaves.begin(), leaves.end());
        for (qsizetype i = 1; i < leaves.size(); ++i) {
            QCOMPARE(
                result.nodes.value(leaves.at(i)).y() - result.nodes.value(leaves.at(i - 1)).y(),
                80.0);
        }
        for (const QRectF& rect : result.nodes) {
            QVERIFY(result.bounds.contains(rect));
        }
        QCOMPARE(result.bounds.height(), leaves.size() * 80.0 - 16);
    }

    void deterministic()
    {
        QList<InstanceRecord> records = shape(u"m>i1,i2,r;i1>x,z;z>z1;i2>w"_s);
        records.append(node(u"o"_s, u"gone"_s));
        LayoutOptions options;
        options.collapsed.insert(key(u"z"_s));
        const LayoutResult first = TreeLayout::layout(records, options);
        std::reverse(records.begin(), records.end());
        const LayoutResult second = TreeLayout::layout(records, options);
        QCOMPARE(first.edges, second.edges);
        QCOMPARE(first.nodes, second.nodes);
        QCOMPARE(first.hiddenBelow, second.hiddenBelow);
        QCOMPARE(first.bounds, second.bounds);
        QVERIFY(first == TreeLayout::layout(records, options));
    }

    void customSizes()
    {
        LayoutOptions options;
        options.nodeWidth = 100;
        options.nodeHeight = 20;
        options.levelGap = 10;
        options.siblingGap = 5;
        const LayoutResult result = TreeLayout::layout(shape(u"m>a,b"_s), options);
        QCOMPARE(at(result, u"a"_s), QRectF(110, 0, 100, 20));
        QCOMPARE(at(result, u"b"_s), QRectF(110, 25, 100, 20));
        QCOMPARE(at(result, u"m"_s), QRectF(0, 12.5, 100, 20));
    }
};

QTEST_GUILESS_MAIN(TestTreeLayout)
#include "tst_treelayout.moc"
