// How lag is chosen from one sample's reading (lag query, heartbeat of the current primary,
// Seconds_Behind_Master; gaps, never zeros), the fake-lag rule (stale rows, a primary whose own
// row does not advance), and how the cluster's primary is picked for lag targets.
#include <QTest>

#include <cmath>

#include "lag/lagrules.h"
#include "lag/lagtargets.h"
#include "plannerfixture.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

Q_DECLARE_METATYPE(HeartbeatRow::State)
Q_DECLARE_METATYPE(LagSource)

namespace {

HeartbeatRow row(quint32 serverId, double age)
{
    HeartbeatRow r;
    r.serverId = serverId;
    r.ageSeconds = age;
    return r;
}

// A replica of the cluster whose primary has server_id 1, that answered everything.
LagReading replicaReading()
{
    LagReading r;
    r.target = LagTarget { key(u"r1"_s), 1u, true };
    r.reachable = true;
    r.isReplica = r.ioRunning = r.sqlRunning = true;
    r.sample.secondsBehindMaster = 3;
    r.heartbeatTableFound = true;
    r.heartbeatRows = { row(1, 2.5), row(7, 90000.0) };
    return r;
}

} // namespace

class TestLagRules final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classify_data()
    {
        QTest::addColumn<quint32>("serverId");
        QTest::addColumn<double>("age");
        QTest::addColumn<std::optional<double>>("primaryOwnAge");
        QTest::addColumn<HeartbeatRow::State>("state");
        using S = HeartbeatRow::State;
        const std::optional<double> unknown;
        QTest::newRow("primary's row") << 1u << 0.4 << std::optional(0.4) << S::CurrentPrimary;
        QTest::newRow("another server's row") << 7u << 0.4 << std::optional(0.4) << S::Stale;
        QTest::newRow("stale even when fresh-looking") << 7u << 0.0 << unknown << S::Stale;
        // A replica whose SQL thread stopped sees the primary's row age: real lag.
        QTest::newRow("old on a replica, primary advancing")
            << 1u << 3600.0 << std::optional(0.7) << S::CurrentPrimary;
        QTest::newRow("old on the primary itself")
            << 1u << 11.0 << std::optional(11.0) << S::NotAdvancing;
        QTest::newRow("replica's view when the primary's stopped")
            << 1u << 11.5 << std::optional(11.0) << S::NotAdvancing;
        QTest::newRow("at the threshold") << 1u << 10.0 << std::optional(10.0) << S::CurrentPrimary;
        // The primary could not be read: its row counts as current (lag shown, not hidden).
        QTest::newRow("primary unknown") << 1u << 500.0 << unknown << S::CurrentPrimary;
    }
    void classify()
    {
        QFETCH(quint32, serverId);
        QFETCH(double, age);
        QFETCH(std::optional<double>, primaryOwnAge);
        QFETCH(HeartbeatRow::State, state);
        QCOMPARE(LagRules::classify(row(serverId, age), 1, primaryOwnAge), state);
    }

    void rowAgeOfAServer()
    {
        const QList<HeartbeatRow> rows { row(1, 0.25), row(2, std::nan("")) };
        QCOMPARE(LagRules::rowAge(rows, 1), std::optional(0.25));
        QVERIFY(!LagRules::rowAge(rows, 2)); // unreadable ts: no age
        QVERIFY(!LagRules::rowAge(rows, 3));
    }

    void resolve_data()
    {
        QTest::addColumn<LagReading>("reading");
        QTest::addColumn<bool>("hasLagQuery");
        QTest::addColumn<std::optional<double>>("primaryOwnAge");
        QTest::addColumn<LagSource>("source");
        QTest::addColumn<std::optional<double>>("lag");
        QTest::addColumn<std::optional<double>>("heartbeat");
        const std::optional<double> none;
        const LagReading base = replicaReading();
        QTest::newRow("heartbeat of the current primary")
            << base << false << std::optional(0.3) << LagSource::Heartbeat << std::optional(2.5)
            << std::optional(2.5);
        LagReading stopped = base;
        stopped.sqlRunning = false;
        stopped.sample.secondsBehindMaster.reset();
        stopped.heartbeatRows = { row(1, 42.125) };
        QTest::newRow("SQL thread stopped: heartbeat grows, SBM NULL")
            << stopped << false << std::optional(0.3) << LagSource::Heartbeat
            << std::optional(42.125) << std::optional(42.125);
        LagReading noTable = base;
        noTable.heartbeatTableFound = false;
        noTable.heartbeatRows.clear();
        QTest::newRow("no table: SBM") << noTable << false << none << LagSource::SecondsBehindMaster
                                       << std::optional(3.0) << none;
        LagReading onlyStale = base;
        onlyStale.heartbeatRows = { row(7, 90000.0) };
        QTest::newRow("only a stale row: SBM, not the stale age")
            << onlyStale << false << std::optional(0.3) << LagSource::SecondsBehindMaster
            << std::optional(3.0) << none;
        QTest::newRow("pt-heartbeat stopped on the primary: SBM")
            << base << false << std::optional(60.0) << LagSource::SecondsBehindMaster
            << std::optional(3.0) << std::optional(2.5);
        LagReading noPrimary = base;
        noPrimary.target.primaryServerId.reset();
        QTest::newRow("primary unknown: SBM")
            << noPrimary << false << none << LagSource::SecondsBehindMaster << std::optional(3.0)
            << none;
        LagReading sbmNull = noTable;
        sbmNull.sample.secondsBehindMaster.reset();
        QTest::newRow("SBM NULL is a gap")
            << sbmNull << false << none << LagSource::SecondsBehindMaster << none << none;
        LagReading unreachable = base;
        unreachable.reachable = false;
        unreachable.heartbeatTableFound = false;
        unreachable.heartbeatRows.clear();
        unreachable.sample.secondsBehindMaster.reset();
        unreachable.error = u"cannot connect"_s;
        QTest::newRow("unreachable is a gap, not a zero")
            << unreachable << false << none << LagSource::Heartbeat << none << none;
        LagReading denied = noTable;
        denied.heartbeatError = u"SELECT command denied"_s;
        QTest::newRow("heartbeat table unreadable: a gap, not a silent SBM")
            << denied << false << none << LagSource::Heartbeat << none << none;
        LagReading query = base;
        query.queryLag = 1.75;
        QTest::newRow("ReplicationLagQuery decides") << query << true << none << LagSource::Query
                                                     << std::optional(1.75) << std::optional(2.5);
        LagReading queryFailed = base;
        queryFailed.lagQueryFailed = true;
        QTest::newRow("failing lag query is a gap")
            << queryFailed << true << none << LagSource::Query << none << std::optional(2.5);
        LagReading primary = base;
        primary.target.replica = false;
        primary.isReplica = false;
        primary.sample.secondsBehindMaster.reset();
        QTest::newRow("a primary has no lag") << primary << false << std::optional(2.5)
                                              << LagSource::Heartbeat << none << std::optional(2.5);
    }
    void resolve()
    {
        QFETCH(LagReading, reading);
        QFETCH(bool, hasLagQuery);
        QFETCH(std::optional<double>, primaryOwnAge);
        reading.sample.lag = 123.0; // whatever was there before is replaced
        LagRules::resolve(reading, hasLagQuery, primaryOwnAge);
        QTEST(reading.sample.source, "source");
        QTEST(reading.sample.lag, "lag");
        QTEST(reading.sample.heartbeat, "heartbeat");
    }

    void checkFromAReading()
    {
        LagReading r = replicaReading();
        HeartbeatCheck c = LagRules::check(r, 0.5);
        QCOMPARE(c.instance, key(u"r1"_s));
        QVERIFY(c.tableFound);
        QVERIFY(c.error.isEmpty());
        QCOMPARE(c.rows.size(), 2);
        QCOMPARE(c.rows.at(0).state, HeartbeatRow::State::CurrentPrimary);
        QCOMPARE(c.rows.at(1).state, HeartbeatRow::State::Stale);
        QVERIFY(c.hasFakeLag());

        r.heartbeatRows = { row(1, 0.5) };
        QVERIFY(!LagRules::check(r, 0.5).hasFakeLag());
        QVERIFY(LagRules::check(r, 30.0).hasFakeLag()); // pt-heartbeat stopped

        r.target.primaryServerId.reset();
        c = LagRules::check(r, std::nullopt);
        QVERIFY(c.rows.isEmpty()); // no guessing which row is whose
        QVERIFY(c.error.contains(u"primary is not known"_s));

        LagReading gone = replicaReading();
        gone.reachable = false;
        gone.error = u"cannot connect to r1:3306"_s;
        c = LagRules::check(gone, 0.5);
        QVERIFY(!c.tableFound);
        QCOMPARE(c.error, gone.error);
    }

    void checkFromARecord()
    {
        InstanceRecord record;
        record.key = key(u"r2"_s);
        record.reachable = true;
        HeartbeatCheck c = LagRules::check(record, 1u, 0.2);
        QVERIFY(!c.tableFound);
        QVERIFY(c.error.isEmpty());
        record.heartbeatRows = QList<HeartbeatRow> { row(3, 7.0), row(1, 0.2) };
        c = LagRules::check(record, 1u, 0.2);
        QVERIFY(c.tableFound);
        QCOMPARE(c.rows.at(0).state, HeartbeatRow::State::Stale);
        QCOMPARE(c.rows.at(1).state, HeartbeatRow::State::CurrentPrimary);
        record.heartbeatError = u"denied"_s;
        QCOMPARE(LagRules::check(record, 1u, 0.2).error, u"denied"_s);
    }

    void primaryOfACluster()
    {
        Topology tree(u"m; r1<m; r2<m; r1a<r1"_s);
        auto primary = LagTargets::primaryOf(tree.records());
        QVERIFY(primary);
        QCOMPARE(primary->key, key(u"m"_s));
        const QList<LagTarget> targets = LagTargets::forCluster(tree.records());
        QCOMPARE(targets.size(), 4);
        for (const LagTarget& t : targets) {
            QCOMPARE(t.primaryServerId, std::optional(tree.at(u"m"_s).serverId));
            QCOMPARE(t.replica, t.instance != key(u"m"_s));
        }

        // Co-masters: the writeable one.
        Topology pair(u"a<b; b<a; c<a"_s);
        pair.with(u"a"_s, [](InstanceRecord& r) { r.readOnly = false; });
        QCOMPARE(LagTargets::primaryOf(pair.records())->key, key(u"a"_s));
        pair.with(u"b"_s, [](InstanceRecord& r) { r.readOnly = false; });
        QVERIFY(!LagTargets::primaryOf(pair.records())); // both writeable: ambiguous

        // Two roots (two clusters' records, or a broken one): no primary, lag from SBM only.
        Topology two(u"m; r1<m; n"_s);
        QVERIFY(!LagTargets::primaryOf(two.records()));
        for (const LagTarget& t : LagTargets::forCluster(two.records())) {
            QVERIFY(!t.primaryServerId);
            QCOMPARE(t.replica, t.instance == key(u"r1"_s));
        }
        // Never probed: no server_id to measure from.
        tree.with(u"m"_s, [](InstanceRecord& r) { r.serverId = 0; });
        QVERIFY(!LagTargets::primaryOf(tree.records()));
    }
};

QTEST_GUILESS_MAIN(TestLagRules)
#include "tst_lagrules.moc"
