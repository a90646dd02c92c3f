// heartbeat-clean's plan: the stale rows of one instance (LagRules) deleted there alone, in one
// session with sql_log_bin=0, never the current primary's row; refused without stale rows, without
// a known primary, without a heartbeat table, in read-only mode; the end state it verifies.
#include <QTest>

#include "ops/operationregistry.h"
#include "ops/planner.h"
#include "plannerfixture.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

namespace {

HeartbeatRow row(quint32 id, double age)
{
    HeartbeatRow r;
    r.serverId = id;
    r.ageSeconds = age;
    return r;
}

// m (server_id 101) is the primary; 99 and 7 are rows of former primaries, everywhere.
Topology withStaleRows()
{
    Topology t(u"m; r1<m; r2<m"_s);
    for (const QString& name : { u"m"_s, u"r1"_s, u"r2"_s }) {
        t.with(name, [](InstanceRecord& r) {
            r.heartbeatRows
                = QList<HeartbeatRow> { row(7, 900.0), row(99, 86400.0), row(101, 0.4) };
        });
    }
    return t;
}

QString refusal(const Result<Plan>& plan)
{
    return plan ? QString() : plan.error().message;
}

} // namespace

class TestPlannerHeartbeat final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deletesStaleRowsUnlogged()
    {
        const Topology t = withStaleRows();
        auto plan = Planner({}, t.records()).cleanHeartbeat(key(u"r1"_s));
        QVERIFY2(plan, qPrintable(refusal(plan)));
        QCOMPARE(plan->operation, Operation::CleanHeartbeat);
        compareLines(statements(*plan),
            { u"r1:3306: SET SESSION sql_log_bin = 0"_s,
                u"r1:3306: DELETE FROM `heartbeat`.`heartbeat` WHERE server_id IN (7, 99) AND "
                "server_id <> 101"_s,
                u"r1:3306: SET SESSION sql_log_bin = 1"_s });
        // One step: one session, so the DELETE runs where the binary log is off.
        QCOMPARE(plan->steps.size(), 1);
        QCOMPARE(plan->steps.first().kind, PlanStep::Kind::DeleteHeartbeatRows);
        QCOMPARE(plan->touched, QList<InstanceKey> { key(u"r1"_s) });
        QVERIFY(plan->stopsReplication.isEmpty());
        QCOMPARE(plan->expected.size(), 1);
        const ExpectedState& e = plan->expected.first();
        QVERIFY(!e.replicationChecked); // replication is left as it is
        QVERIFY(e.heartbeat);
        QCOMPARE(e.heartbeat->deleted.size(), 2);
        QCOMPARE(e.heartbeat->kept, std::optional<quint32>(101));
        QVERIFY(
            plan->describe().contains(u"no row of server_id 7, 99 in heartbeat.heartbeat, "
                                      "the current primary's row (server_id 101) still there"_s));
        // The operation of the registry, under orchestrator-style naming.
        QCOMPARE(OperationRegistry::fromCliName(u"heartbeat-clean"_s),
            std::optional(Operation::CleanHeartbeat));
        auto viaRegistry = OperationRegistry::plan(
            Planner({}, t.records()), Operation::CleanHeartbeat, key(u"r1"_s), std::nullopt);
        QVERIFY(viaRegistry);
        QCOMPARE(statements(*viaRegistry), statements(*plan));
    }

    void onThePrimaryToo()
    {
        auto plan = Planner({}, withStaleRows().records()).cleanHeartbeat(key(u"m"_s));
        QVERIFY2(plan, qPrintable(refusal(plan)));
        QVERIFY(statements(*plan).at(1).endsWith(u"IN (7, 99) AND server_id <> 101"_s));
    }

    void configuredTableAndNotAdvancingPrimary()
    {
        Topology t = withStaleRows();
        // pt-heartbeat stopped on m: its row is old there, and still never deleted.
        t.with(u"m"_s, [](InstanceRecord& r) {
            r.heartbeatRows = QList<HeartbeatRow> { row(7, 900.0), row(101, 50.0) };
        });
        Configuration config;
        config.heartbeatTable = u"percona.hb"_s;
        auto plan = Planner(config, t.records()).cleanHeartbeat(key(u"r2"_s));
        QVERIFY2(plan, qPrintable(refusal(plan)));
        QCOMPARE(statements(*plan).at(1),
            u"r2:3306: DELETE FROM `percona`.`hb` WHERE server_id IN (7, 99) AND "
            "server_id <> 101"_s);
        QVERIFY(plan->warnings.join(u'\n').contains(u"pt-heartbeat does not run on the primary"_s));
    }

    void warnsWhenThePrimarysRowIsMissing()
    {
        Topology t = withStaleRows();
        t.with(u"r1"_s,
            [](InstanceRecord& r) { r.heartbeatRows = QList<HeartbeatRow> { row(7, 900.0) }; });
        auto plan = Planner({}, t.records()).cleanHeartbeat(key(u"r1"_s));
        QVERIFY(plan);
        QVERIFY(!plan->expected.first().heartbeat->kept);
        QVERIFY(plan->warnings.join(u'\n').contains(u"no row of the current primary"_s));
    }

    void clusterCleanCoversEveryInstanceWithStaleRows()
    {
        Topology t = withStaleRows();
        t.with(u"r2"_s,
            [](InstanceRecord& r) { r.heartbeatRows = QList<HeartbeatRow> { row(101, 0.4) }; });
        auto plan = Planner({}, t.records()).cleanClusterHeartbeat(key(u"r2"_s));
        QVERIFY2(plan, qPrintable(refusal(plan)));
        QCOMPARE(plan->operation, Operation::CleanClusterHeartbeat);
        // m and r1 hold stale rows; r2 is clean and left alone. One step (session) each.
        QCOMPARE(plan->steps.size(), 2);
        QCOMPARE(plan->touched, (QList<InstanceKey> { key(u"m"_s), key(u"r1"_s) }));
        for (const PlanStep& step : plan->steps) {
            QCOMPARE(step.kind, PlanStep::Kind::DeleteHeartbeatRows);
            QCOMPARE(step.sql.first(), u"SET SESSION sql_log_bin = 0"_s);
            QVERIFY(step.sql.at(1).endsWith(u"IN (7, 99) AND server_id <> 101"_s));
        }
        QCOMPARE(plan->expected.size(), 2);
        QCOMPARE(OperationRegistry::fromCliName(u"heartbeat-clean-cluster"_s),
            std::optional(Operation::CleanClusterHeartbeat));

        // An instance that cannot be probed is left out, with a warning; the rest is cleaned.
        t.with(u"r1"_s, [](InstanceRecord& r) { r.reachable = false; });
        auto partial = Planner({}, t.records()).cleanClusterHeartbeat(key(u"m"_s));
        QVERIFY2(partial, qPrintable(refusal(partial)));
        QCOMPARE(partial->touched, QList<InstanceKey> { key(u"m"_s) });
        QVERIFY(partial->warnings.join(u'\n').contains(u"not cleaned"_s));

        // Nothing stale anywhere: refused with the reason.
        Topology clean = withStaleRows();
        for (const QString& name : { u"m"_s, u"r1"_s, u"r2"_s }) {
            clean.with(name,
                [](InstanceRecord& r) { r.heartbeatRows = QList<HeartbeatRow> { row(101, 0.4) }; });
        }
        auto none = Planner({}, clean.records()).cleanClusterHeartbeat(key(u"r1"_s));
        QVERIFY(!none);
        QVERIFY2(none.error().message.contains(u"no instance of r1:3306's cluster holds stale"_s),
            qPrintable(none.error().message));
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("reason");
        QTest::newRow("no stale rows") << u"clean"_s << u"no stale heartbeat rows"_s;
        QTest::newRow("no table") << u"no table"_s << u"has no table heartbeat.heartbeat"_s;
        QTest::newRow("unreadable table") << u"denied"_s << u"SELECT command denied"_s;
        QTest::newRow("two roots") << u"two roots"_s << u"current primary"_s;
        QTest::newRow("primary unreachable") << u"primary down"_s << u"could not be probed"_s;
        QTest::newRow("instance unreachable") << u"r1 down"_s << u"could not be probed"_s;
        QTest::newRow("read-only") << u"read-only"_s << u"read-only mode"_s;
        QTest::newRow("no table configured") << u"unconfigured"_s << u"HeartbeatTable is empty"_s;
    }
    void refusals()
    {
        QFETCH(QString, change);
        QFETCH(QString, reason);
        Topology t = withStaleRows();
        Configuration config;
        PlannerFlags flags;
        if (change == u"clean"_s) {
            t.with(u"r1"_s,
                [](InstanceRecord& r) { r.heartbeatRows = QList<HeartbeatRow> { row(101, 0.4) }; });
        } else if (change == u"no table"_s) {
            t.with(u"r1"_s, [](InstanceRecord& r) { r.heartbeatRows.reset(); });
        } else if (change == u"denied"_s) {
            t.with(u"r1"_s, [](InstanceRecord& r) {
                r.heartbeatRows.reset();
                r.heartbeatError = u"SELECT command denied to user 'topograph'"_s;
            });
        } else if (change == u"two roots"_s) {
            t.with(u"r2"_s, [](InstanceRecord& r) { r.masterKey.reset(); });
        } else if (change == u"primary down"_s) {
            t.with(u"m"_s, [](InstanceRecord& r) { r.reachable = false; });
        } else if (change == u"r1 down"_s) {
            t.with(u"r1"_s, [](InstanceRecord& r) { r.reachable = false; });
        } else if (change == u"read-only"_s) {
            flags.readOnly = true;
        } else if (change == u"unconfigured"_s) {
            config.heartbeatTable.clear();
        }
        auto plan = Planner(config, t.records(), flags).cleanHeartbeat(key(u"r1"_s));
        QVERIFY(!plan);
        QCOMPARE(plan.error().code, ErrorCode::Refused);
        QVERIFY2(plan.error().message.contains(reason), qPrintable(plan.error().message));
        QVERIFY2(
            plan.error().message.startsWith(u"cannot delete stale heartbeat rows on r1:3306"_s),
            qPrintable(plan.error().message));
    }
};

QTEST_GUILESS_MAIN(TestPlannerHeartbeat)
#include "tst_planner_heartbeat.moc"
