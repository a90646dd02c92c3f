// ClusterAssigner on plain records: cluster name (root master's key), depth and co-master flag.
// An instance is written "name", "name<master" or "name<master ro" (read-only); the expectation
// is "name cluster/depth" with "/co" for co-masters.
#include <QTest>

#include "probe/instancerecord.h"
#include "topology/clusterassigner.h"

using namespace Qt::StringLiterals;
using namespace topograph;

namespace {

InstanceKey key(const QString& host)
{
    return *InstanceKey::parse(host, 3306);
}

QList<InstanceRecord> records(const QStringList& specs)
{
    QList<InstanceRecord> list;
    for (const QString& spec : specs) {
        const QStringList words = spec.split(u' ', Qt::SkipEmptyParts);
        const QStringList link = words.first().split(u'<');
        InstanceRecord r;
        r.key = key(link.first());
        r.reachable = true;
        if (link.size() > 1) {
            r.masterKey = key(link.at(1));
        }
        r.readOnly = words.contains(u"ro"_s);
        r.clusterName = u"stale:1"_s; // whatever was there before is replaced
        r.replicationDepth = 9;
        r.isCoMaster = true;
        list << r;
    }
    return list;
}

QStringList placements(const QList<InstanceRecord>& list)
{
    QStringList lines;
    for (const InstanceRecord& r : list) {
        lines << r.key.host + u' ' + r.clusterName + u'/' + QString::number(r.replicationDepth)
                + (r.isCoMaster ? u"/co"_s : QString());
    }
    return lines;
}

} // namespace

class TestClusterAssigner final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void assign_data()
    {
        QTest::addColumn<QStringList>("instances");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("root alone") << QStringList { u"a"_s } << QStringList { u"a a:3306/0"_s };
        QTest::newRow("empty") << QStringList() << QStringList();
        QTest::newRow("chain, any order")
            << QStringList { u"d<c"_s, u"b<a"_s, u"a"_s, u"c<b"_s }
            << QStringList { u"d a:3306/3"_s, u"b a:3306/1"_s, u"a a:3306/0"_s, u"c a:3306/2"_s };
        QTest::newRow("tree and a second cluster")
            << QStringList { u"a"_s, u"b<a"_s, u"c<a"_s, u"x"_s, u"y<x"_s }
            << QStringList { u"a a:3306/0"_s, u"b a:3306/1"_s, u"c a:3306/1"_s, u"x x:3306/0"_s,
                   u"y x:3306/1"_s };
        QTest::newRow("unknown master: own cluster") << QStringList { u"b<gone"_s,
            u"c<b"_s } << QStringList { u"b b:3306/0"_s, u"c b:3306/1"_s };
        QTest::newRow("co-masters named after the writable one") << QStringList { u"b<a ro"_s,
            u"a<b"_s } << QStringList { u"b a:3306/1/co"_s, u"a a:3306/0/co"_s };
        QTest::newRow("co-masters, writable one sorts last") << QStringList { u"a<z ro"_s,
            u"z<a"_s } << QStringList { u"a z:3306/1/co"_s, u"z z:3306/0/co"_s };
        QTest::newRow("co-masters both writable: smaller key") << QStringList { u"b<a"_s,
            u"a<b"_s } << QStringList { u"b a:3306/1/co"_s, u"a a:3306/0/co"_s };
        QTest::newRow("co-masters both read-only: smaller key") << QStringList { u"b<a ro"_s,
            u"a<b ro"_s } << QStringList { u"b a:3306/1/co"_s, u"a a:3306/0/co"_s };
        QTest::newRow("replicas below co-masters")
            << QStringList { u"a<b"_s, u"b<a ro"_s, u"c<a ro"_s, u"d<b ro"_s, u"e<d ro"_s }
            << QStringList { u"a a:3306/0/co"_s, u"b a:3306/1/co"_s, u"c a:3306/1"_s,
                   u"d a:3306/2"_s, u"e a:3306/3"_s };
        QTest::newRow("replica of the read-only co-master listed first")
            << QStringList { u"d<b ro"_s, u"b<a ro"_s, u"a<b"_s }
            << QStringList { u"d a:3306/2"_s, u"b a:3306/1/co"_s, u"a a:3306/0/co"_s };
        QTest::newRow("three-instance ring terminates")
            << QStringList { u"a<c ro"_s, u"b<a ro"_s, u"c<b"_s, u"r<a ro"_s }
            << QStringList { u"a c:3306/1/co"_s, u"b c:3306/1/co"_s, u"c c:3306/0/co"_s,
                   u"r c:3306/2"_s };
        QTest::newRow("replica of a self-loop") << QStringList { u"r<s ro"_s, u"s<s"_s }
                                                << QStringList { u"r s:3306/1"_s, u"s s:3306/0"_s };
    }
    void assign()
    {
        QFETCH(QStringList, instances);
        QFETCH(QStringList, expected);
        QList<InstanceRecord> list = records(instances);
        ClusterAssigner::assign(list);
        QCOMPARE(placements(list), expected);
    }

    void selfLoop()
    {
        QList<InstanceRecord> list = records({ u"s<s"_s });
        ClusterAssigner::assign(list); // must return: a self-loop is not an endless chain
        QCOMPARE(list.first().clusterName, u"s:3306"_s);
        QCOMPARE(list.first().replicationDepth, 0);
        QVERIFY(!list.first().isCoMaster);
    }

    void ringDepthIsCountedFromTheWritableMaster()
    {
        // c is the writable one of the ring a->b->c->a; r hangs off b, which is two hops from c
        // along the ring (c -> a -> b): r's depth must exceed b's.
        QList<InstanceRecord> list = records({ u"a<c ro"_s, u"b<a ro"_s, u"c<b"_s, u"r<b ro"_s });
        ClusterAssigner::assign(list);
        QCOMPARE(list.at(3).clusterName, u"c:3306"_s);
        QVERIFY(list.at(3).replicationDepth > list.at(1).replicationDepth);
    }
};

QTEST_GUILESS_MAIN(TestClusterAssigner)
#include "tst_clusterassigner.moc"
