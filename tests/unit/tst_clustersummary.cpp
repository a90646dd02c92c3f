// ClusterSummary::fromRecords: the clusters list's rows from records — grouping by cluster name,
// problem and unreachable counts, sorting, and ghost clusters (DESIGN §6).
#include <QTest>

#include <algorithm>

#include "models/clustersummary.h"

using namespace Qt::StringLiterals;
using namespace topograph;

namespace {

const QDateTime kNow = QDateTime(QDate(2024, 6, 1), QTime(10, 0, 0), Qt::UTC);
const InstanceStatus::Thresholds kThresholds;

InstanceKey key(const QString& text)
{
    return *InstanceKey::parse(text, 3306);
}

// A healthy instance checked a second ago; a replicating replica when master is given.
InstanceRecord record(const QString& k, const QString& cluster, const QString& master = {})
{
    InstanceRecord r;
    r.key = key(k);
    r.clusterName = cluster;
    r.reachable = true;
    r.lastChecked = r.lastSeen = kNow.addSecs(-1);
    r.version = u"10.11.6-MariaDB-log"_s;
    if (!master.isEmpty()) {
        r.masterKey = key(master);
        r.ioThreadRunning = r.sqlThreadRunning = true;
        r.secondsBehindMaster = 0;
    }
    return r;
}

InstanceRecord unreachable(InstanceRecord r, bool everSeen)
{
    r.reachable = false;
    if (!everSeen) {
        r.lastSeen = {};
    }
    return r;
}

} // namespace

class TestClusterSummary final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromRecordsGroupsAndCounts()
    {
        InstanceRecord lagging = record(u"c:3306"_s, u"a:3306"_s, u"a:3306"_s);
        lagging.secondsBehindMaster = 60;
        lagging.lastChecked = kNow.addSecs(-3);
        const QList<InstanceRecord> records {
            record(u"m:3306"_s, u"m:3306"_s),
            record(u"a:3306"_s, u"a:3306"_s),
            record(u"b:3306"_s, u"a:3306"_s, u"a:3306"_s),
            lagging,
            unreachable(record(u"d:3306"_s, u"a:3306"_s, u"b:3306"_s), true),
            record(u"lone:3307"_s, {}),
        };
        const QHash<QString, QString> aliases { { u"m:3306"_s, u"billing"_s } };
        const auto list = ClusterSummary::fromRecords(records, aliases, kNow, kThresholds);

        QCOMPARE(list.size(), 3);
        // Sorted by alias (or name): "a:3306", "billing", "lone:3307".
        QCOMPARE(list.at(0).name, u"a:3306"_s);
        QCOMPARE(list.at(0).alias, QString());
        QCOMPARE(list.at(0).primary, key(u"a:3306"_s));
        QCOMPARE(list.at(0).instances, 4);
        QCOMPARE(list.at(0).problems, 2); // lagging c, unreachable d
        QCOMPARE(list.at(0).unreachable, 1);
        QCOMPARE(list.at(0).oldestCheck, kNow.addSecs(-3));
        QVERIFY(!list.at(0).ghost);

        QCOMPARE(list.at(1).name, u"m:3306"_s);
        QCOMPARE(list.at(1).alias, u"billing"_s);
        QCOMPARE(list.at(1).displayName(), u"billing"_s);
        QCOMPARE(list.at(1).instances, 1);
        QCOMPARE(list.at(1).problems, 0);

        QCOMPARE(list.at(2).name, u"lone:3307"_s); // no cluster name: its own key
        QCOMPARE(list.at(2).primary, key(u"lone:3307"_s));
        QVERIFY(!list.at(2).ghost);

        QVERIFY(ClusterSummary::fromRecords({}, {}, kNow, kThresholds).isEmpty());

        // Stale heartbeat rows count as a problem once, beside the other problems.
        const auto faked = ClusterSummary::fromRecords(
            records, aliases, kNow, kThresholds, { key(u"b:3306"_s), key(u"c:3306"_s) });
        QCOMPARE(faked.at(0).fakeLag, 2);
        QCOMPARE(faked.at(0).problems, 3); // c was lagging already
        QCOMPARE(faked.at(1).fakeLag, 0);
    }

    void fromRecordsSortsByAliasThenName()
    {
        const QList<InstanceRecord> records { record(u"z:3306"_s, u"z:3306"_s),
            record(u"y:3306"_s, u"y:3306"_s), record(u"x:3306"_s, u"x:3306"_s) };
        const QHash<QString, QString> aliases { { u"z:3306"_s, u"Alpha"_s },
            { u"x:3306"_s, u"beta"_s } };
        const auto list = ClusterSummary::fromRecords(records, aliases, kNow, kThresholds);
        QStringList order;
        for (const ClusterSummary& s : list) {
            order << s.name;
        }
        QCOMPARE(order, (QStringList { u"z:3306"_s, u"x:3306"_s, u"y:3306"_s }));
    }

    void ghost_data()
    {
        QTest::addColumn<QList<InstanceRecord>>("records");
        QTest::addColumn<QString>("cluster");
        QTest::addColumn<bool>("ghost");

        const InstanceRecord primary = record(u"p:3306"_s, u"p:3306"_s);
        const InstanceRecord replica = record(u"r:3306"_s, u"p:3306"_s, u"p:3306"_s);
        QTest::newRow("healthy") << QList { primary, replica } << u"p:3306"_s << false;
        QTest::newRow("lone primary") << QList { primary } << u"p:3306"_s << false;
        QTest::newRow("no primary record") << QList { replica } << u"p:3306"_s << true;
        QTest::newRow("primary never checked")
            << QList { unreachable(primary, false), replica } << u"p:3306"_s << true;
        QTest::newRow("primary down, seen before")
            << QList { unreachable(primary, true), replica } << u"p:3306"_s << false;
        // pc1008.eqiad.wmnet replicates from "pc1008", which matches no row (DESIGN §6).
        QTest::newRow("lone replica of unknown master") << QList {
            record(u"pc1008.eqiad.wmnet:3306"_s, u"pc1008.eqiad.wmnet:3306"_s, u"pc1008:3306"_s)
        } << u"pc1008.eqiad.wmnet:3306"_s << true;
        QTest::newRow("lone replica of known master")
            << QList { primary, record(u"r:3306"_s, u"r:3306"_s, u"p:3306"_s) } << u"r:3306"_s
            << false;
    }

    void ghost()
    {
        QFETCH(QList<InstanceRecord>, records);
        QFETCH(QString, cluster);
        QFETCH(bool, ghost);
        const auto list = ClusterSummary::fromRecords(records, {}, kNow, kThresholds);
        const auto it = std::find_if(
            list.begin(), list.end(), [&](const ClusterSummary& s) { return s.name == cluster; });
        QVERIFY(it != list.end());
        QCOMPARE(it->ghost, ghost);
    }
};

QTEST_GUILESS_MAIN(TestClusterSummary)
#include "tst_clustersummary.moc"
