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
        // 1 primary, 40 intermediates with 49 replicas each: 2001 instances. Each intermediate
        // wraps its replicas into a grid of 5 columns and 10 rows, and the grids stack.
        QList<InstanceRecord> records { node(u"p"_s, {}, u"p:3306"_s) };
        for (int i = 0; i < 40; ++i) {
            const QString mid = u"i%1"_s.arg(i, 2, 10, QChar(u'0'));
            records.append(node(mid, u"p"_s));
            for (int j = 0; j < 49; ++j) {
                records.append(node(u"%1r%2"_s.arg(mid).arg(j, 2, 10, QChar(u'0')), mid));
            }
        }
        const LayoutResult result = TreeLayout::layout(records);
        QCOMPARE(result.nodes.size(), records.size());
        checkNoOverlap(result);
        for (int i = 0; i < 40; ++i) {
            const QString mid = u"i%1"_s.arg(i, 2, 10, QChar(u'0'));
            const QRectF master = at(result, mid);
            QCOMPARE(master.y(), i * 10 * 80.0); // at its grid's top row
            const QRectF last = at(result, u"%1r48"_s.arg(mid));
            QCOMPARE(last.topLeft(), QPointF(600 + 4 * 260, master.y() + 8 * 80));
        }
        QCOMPARE(result.bounds.height(), 40 * 10 * 80.0 - 16);
        QCOMPARE(result.bounds.width(), 600 + 5 * 260.0 - 40);
    }

    void wrapsManyLeavesIntoAGrid_data()
    {
        QTest::addColumn<int>("leaves");
        QTest::addColumn<int>("columns");
        QTest::addColumn<int>("rows");
        QTest::newRow("6: stacked") << 6 << 1 << 6;
        QTest::newRow("7") << 7 << 2 << 4;
        QTest::newRow("12") << 12 << 2 << 6;
        QTest::newRow("39") << 39 << 4 << 10;
        QTest::newRow("399") << 399 << 14 << 29;
        QTest::newRow("1999") << 1999 << 31 << 65;
    }

    void wrapsManyLeavesIntoAGrid()
    {
        QFETCH(int, leaves);
        QFETCH(int, columns);
        QFETCH(int, rows);
        QList<InstanceRecord> records { node(u"m"_s, {}, u"m:3306"_s) };
        QList<InstanceKey> keys;
        for (int i = 0; i < leaves; ++i) {
            records.append(node(u"r%1"_s.arg(i, 4, 10, QChar(u'0')), u"m"_s));
            keys.append(records.last().key);
        }
        std::reverse(records.begin(), records.end()); // not in key order
        const LayoutResult result = TreeLayout::layout(records);
        QCOMPARE(result.nodes.size(), leaves + 1);
        QCOMPARE(result.edges.size(), leaves);
        checkNoOverlap(result);
        // Beside the grid's top row; a stacked column's master is centred on it as before.
        QCOMPARE(at(result, u"m"_s).y(), columns > 1 ? 0.0 : (rows - 1) * 80.0 / 2);
        // In key order down each column, columns 260 apart (card and gap), rows 80 apart.
        const qreal columnStep = columns > 1 ? 260 : 0;
        for (int i = 0; i < leaves; ++i) {
            QCOMPARE(result.nodes.value(keys.at(i)),
                QRectF(300 + (i / rows) * columnStep, (i % rows) * 80.0, 220, 64));
            QVERIFY(
                result.edges.contains(LayoutEdge { key(u"m"_s), keys.at(i), false, columns > 1 }));
        }
        QCOMPARE(
            result.bounds, QRectF(0, 0, 300 + (columns - 1) * columnStep + 220, rows * 80.0 - 16));
        QVERIFY(result == TreeLayout::layout(records)); // deterministic
        if (columns > 2) {
            // About a screen's shape: wider than high, but not a long strip.
            const qreal aspect = (result.bounds.width() - 300) / result.bounds.height();
            QVERIFY2(aspect > 1.2 && aspect < 2.2, qPrintable(QString::number(aspect)));
        }
    }

    void gridComesAfterTheOtherChildren()
    {
        // m has two intermediate masters (one with its own grid) and ten leaves.
        QString text = u"m>i1,i2"_s;
        for (int i = 0; i < 10; ++i) {
            text += u",l%1"_s.arg(i);
        }
        text += u";i1>a,b;i2>"_s;
        for (int i = 0; i < 8; ++i) {
            text += (i ? u","_s : QString()) + u"j%1"_s.arg(i);
        }
        const QList<InstanceRecord> records = shape(text);
        const LayoutResult result = TreeLayout::layout(records);
        QCOMPARE(result.nodes.size(), records.size());
        checkNoOverlap(result);
        // i1's two leaves stack (slots 0, 1); i2's eight wrap into 2 x 4 (slots 2-5); m's ten
        // into 2 x 5 (slots 6-10).
        QCOMPARE(at(result, u"a"_s).topLeft(), QPointF(600, 0));
        QCOMPARE(at(result, u"b"_s).topLeft(), QPointF(600, 80));
        QCOMPARE(at(result, u"i1"_s).topLeft(), QPointF(300, 40));
        QCOMPARE(at(result, u"i2"_s).topLeft(), QPointF(300, 160));
        QCOMPARE(at(result, u"j7"_s).topLeft(), QPointF(600 + 260, 160 + 3 * 80));
        QCOMPARE(at(result, u"l0"_s).topLeft(), QPointF(300, 480));
        QCOMPARE(at(result, u"l9"_s).topLeft(), QPointF(300 + 260, 480 + 4 * 80));
        QCOMPARE(at(result, u"m"_s).y(), (40 + 480) / 2.0);
        for (const LayoutEdge& edge : result.edges) {
            const bool leaf = edge.to.host.startsWith(u'l') || edge.to.host.startsWith(u'j');
            QCOMPARE(edge.inGrid, leaf);
        }
    }

    void gridKeepsCoMastersAndCollapsing()
    {
        // m1 and m2 are co-masters; m1 has nine leaves and r, which has one replica.
        QList<InstanceRecord> records { node(u"m1"_s, u"m2"_s, u"m1:3306"_s),
            node(u"m2"_s, u"m1"_s, u"m1:3306"_s), node(u"r"_s, u"m1"_s), node(u"r1"_s, u"r"_s) };
        for (int i = 0; i < 9; ++i) {
            records.append(node(u"l%1"_s.arg(i), u"m1"_s));
        }
        LayoutResult result = TreeLayout::layout(records);
        QCOMPARE(result.nodes.size(), records.size());
        checkNoOverlap(result);
        QVERIFY(result.edges.contains(LayoutEdge { key(u"m1"_s), key(u"m2"_s), true }));
        QVERIFY(result.edges.contains(LayoutEdge { key(u"m2"_s), key(u"m1"_s), true }));
        QVERIFY(result.edges.contains(LayoutEdge { key(u"m1"_s), key(u"r"_s), false }));
        QVERIFY(result.edges.contains(LayoutEdge { key(u"m1"_s), key(u"l0"_s), false, true }));
        QCOMPARE(at(result, u"m2"_s).x(), 300.0); // a partner is never wrapped
        QCOMPARE(at(result, u"r"_s).x(), 300.0);
        QVERIFY(at(result, u"l0"_s).y() > at(result, u"r1"_s).y());

        LayoutOptions options;
        options.collapsed = { key(u"m1"_s) };
        result = TreeLayout::layout(records, options);
        QCOMPARE(result.nodes.keys(), QList { key(u"m1"_s) });
        QCOMPARE(result.hiddenBelow.value(key(u"m1"_s)), 12);

        options.collapsed = { key(u"r"_s), key(u"l3"_s) }; // a collapsed leaf stays a leaf
        result = TreeLayout::layout(records, options);
        QCOMPARE(result.nodes.size(), records.size() - 1);
        QCOMPARE(result.hiddenBelow, (QHash<InstanceKey, int> { { key(u"r"_s), 1 } }));
        QVERIFY(result.edges.contains(LayoutEdge { key(u"m1"_s), key(u"l3"_s), false, true }));
        checkNoOverlap(result);
    }

    void gridCanBeTurnedOff()
    {
        QString text = u"m>"_s;
        for (int i = 0; i < 20; ++i) {
            text += (i ? u","_s : QString()) + u"r%1"_s.arg(i, 2, 10, QChar(u'0'));
        }
        LayoutOptions options;
        options.gridMinLeaves = 0;
        const LayoutResult result = TreeLayout::layout(shape(text), options);
        for (int i = 0; i < 20; ++i) {
            QCOMPARE(
                at(result, u"r%1"_s.arg(i, 2, 10, QChar(u'0'))).topLeft(), QPointF(300, i * 80.0));
        }
        for (const LayoutEdge& edge : result.edges) {
            QVERIFY(!edge.inGrid);
        }
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
