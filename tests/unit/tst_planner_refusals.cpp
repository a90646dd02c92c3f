// Planner refusals: each precondition of DESIGN §7 refuses with ErrorCode::Refused and a message
// naming the instance and the cause; read-only mode refuses every operation; relocate-replicas
// refuses as a whole, listing every replica that cannot move.
#include <QTest>

#include <functional>

#include "ops/planner.h"
#include "plannerfixture.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

using Change = std::function<void(Topology&)>;
using PlanCall = std::function<Result<Plan>(const Planner&)>;
Q_DECLARE_METATYPE(Change)
Q_DECLARE_METATYPE(PlanCall)

namespace {

const QString kTree = u"m; r1<m; r2<m; r1a<r1; r2a<r2"_s;

PlanCall relocate(const QString& replica, const QString& target)
{
    return [=](const Planner& p) { return p.relocate(key(replica), key(target)); };
}

Change on(const QString& name, const std::function<void(InstanceRecord&)>& change)
{
    return [=](Topology& t) { t.with(name, change); };
}

void verifyRefused(const Result<Plan>& plan, const QStringList& needles)
{
    QVERIFY2(!plan.ok(), "the plan was not refused");
    QCOMPARE(plan.error().code, ErrorCode::Refused);
    QVERIFY2(plan.error().message.startsWith(u"cannot "_s), qPrintable(plan.error().message));
    for (const QString& needle : needles) {
        QVERIFY2(plan.error().message.contains(needle),
            qPrintable(u"\"%1\" not in: %2"_s.arg(needle, plan.error().message)));
    }
}

} // namespace

class TestPlannerRefusals final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refusals_data()
    {
        QTest::addColumn<Server>("server");
        QTest::addColumn<bool>("gtid");
        QTest::addColumn<Change>("change");
        QTest::addColumn<PlanCall>("operation");
        QTest::addColumn<QStringList>("needles");
        const auto maria = Server::MariaDB1011;
        const auto mysql = Server::MySQL80;
        const Change none = [](Topology&) {};
        QTest::newRow("same instance") << maria << false << none << relocate(u"r1"_s, u"r1"_s)
                                       << QStringList { u"r1:3306"_s, u"same instance"_s };
        QTest::newRow("target is a descendant")
            << maria << true << none << relocate(u"r1"_s, u"r1a"_s)
            << QStringList { u"r1a:3306 replicates"_s, u"r1:3306"_s, u"descendant"_s };
        QTest::newRow("target without log_bin")
            << maria << false << on(u"r2"_s, [](auto& r) { r.logBin = false; })
            << relocate(u"r1a"_s, u"r2"_s) << QStringList { u"r2:3306"_s, u"log_bin is off"_s };
        QTest::newRow("replica target without log_slave_updates")
            << maria << true << on(u"r2"_s, [](auto& r) { r.logSlaveUpdates = false; })
            << relocate(u"r1"_s, u"r2"_s) << QStringList { u"r2:3306"_s, u"log_slave_updates"_s };
        QTest::newRow("replica older than target")
            << maria << false << on(u"r1"_s, [](auto& r) { r.version = u"10.6.16-MariaDB"_s; })
            << relocate(u"r1"_s, u"r2"_s)
            << QStringList { u"r1:3306 runs 10.6.16-MariaDB, older than 10.11.6"_s, u"r2:3306"_s };
        QTest::newRow("binlog format")
            << mysql << false << on(u"r1"_s, [](auto& r) { r.binlogFormat = u"STATEMENT"_s; })
            << relocate(u"r1"_s, u"r2"_s)
            << QStringList { u"r1:3306 logs STATEMENT"_s, u"r2:3306 logs ROW"_s };
        QTest::newRow("same server_id")
            << maria << false << on(u"r2"_s, [](auto& r) { r.serverId = 102; })
            << relocate(u"r1"_s, u"r2"_s) << QStringList { u"same server_id 102"_s };
        QTest::newRow("target lags")
            << maria << false << on(u"r2"_s, [](auto& r) { r.secondsBehindMaster = 300; })
            << relocate(u"r1"_s, u"r2"_s)
            << QStringList { u"r2:3306 lags 300 s"_s,
                   u"ReasonableMaintenanceReplicationLagSeconds"_s };
        QTest::newRow("replica lags (measured)")
            << mysql << false << on(u"r1"_s, [](auto& r) { r.replicationLagSeconds = 45; })
            << relocate(u"r1"_s, u"r2"_s) << QStringList { u"r1:3306 lags 45 s"_s, u"20 s"_s };
        QTest::newRow("unknown lag counts as too much")
            << maria << false
            << on(u"r2"_s,
                   [](auto& r) {
                       r.secondsBehindMaster.reset();
                       r.replicationLagSeconds.reset();
                   })
            << relocate(u"r1"_s, u"r2"_s)
            << QStringList { u"replication lag of r2:3306 is unknown"_s };
        QTest::newRow("master lags in a move-up")
            << maria << false << on(u"r1"_s, [](auto& r) { r.secondsBehindMaster = 21; })
            << relocate(u"r1a"_s, u"m"_s) << QStringList { u"r1:3306 lags 21 s"_s };
        QTest::newRow("replication not running")
            << maria << false
            << on(u"r2"_s,
                   [](auto& r) {
                       r.sqlThreadRunning = false;
                       r.lastSqlError = u"Duplicate entry '7' for key 'PRIMARY'"_s;
                   })
            << relocate(u"r1"_s, u"r2"_s)
            << QStringList { u"r2:3306 is not replicating"_s, u"SQL thread running: No"_s,
                   u"Duplicate entry"_s, u"start-replica"_s };
        QTest::newRow("target not probed")
            << maria << false << Change([](Topology& t) { t.without(u"r2"_s); })
            << relocate(u"r1"_s, u"r2"_s) << QStringList { u"r2:3306 has not been probed"_s };
        QTest::newRow("chain step not probed")
            << maria << false << Change([](Topology& t) { t.without(u"m"_s); })
            << relocate(u"r1a"_s, u"r2a"_s) << QStringList { u"m:3306 has not been probed"_s };
        QTest::newRow("unreachable") << maria << false
                                     << on(u"r1"_s,
                                            [](auto& r) {
                                                r.reachable = false;
                                                r.lastError = u"Can't connect to server on 'r1'"_s;
                                            })
                                     << relocate(u"r1"_s, u"r2"_s)
                                     << QStringList { u"r1:3306 could not be probed"_s,
                                            u"Can't connect"_s, u"fresh probe"_s };
        QTest::newRow("GTID replica, target without GTID")
            << mysql << true
            << on(u"r2"_s,
                   [](auto& r) {
                       r.gtidMode = u"OFF"_s;
                       r.oracleGtid = false;
                   })
            << relocate(u"r1"_s, u"r2"_s)
            << QStringList { u"r1:3306 replicates with GTID"_s, u"r2:3306 has gtid_mode=OFF"_s,
                   u"file:pos would silently turn GTID off"_s };
        QTest::newRow("MariaDB GTID replica, MySQL target")
            << maria << true
            << on(u"r2"_s,
                   [](auto& r) {
                       r.flavor = Flavor::MySQL;
                       r.version = u"8.0.36"_s;
                   })
            << relocate(u"r1"_s, u"r2"_s)
            << QStringList { u"r1:3306 replicates with GTID"_s, u"not both MariaDB"_s };
        QTest::newRow("MySQL target purged needed GTIDs")
            << mysql << true
            << on(u"r2"_s,
                   [](auto& r) { r.gtidPurged = u"00000000-0000-0000-0000-000000000001:1-900"_s; })
            << relocate(u"r1"_s, u"r2"_s)
            << QStringList { u"r2:3306 has purged"_s, u"r1:3306 has not executed"_s };
        QTest::newRow("relocate a top master")
            << maria << false << none << relocate(u"m"_s, u"r2"_s)
            << QStringList { u"m:3306 is not a replica"_s };
        QTest::newRow("different trees without GTID")
            << maria << false << Change([](Topology& t) { t = Topology(u"m; r1<m; n; n1<n"_s); })
            << relocate(u"r1"_s, u"n1"_s) << QStringList { u"no common ancestor"_s };
        QTest::newRow("move-up below a top master")
            << maria << false << none
            << PlanCall([](const Planner& p) { return p.moveUp(key(u"r1"_s)); })
            << QStringList { u"m:3306, which is a top master"_s };
        QTest::newRow("move-below a non-sibling")
            << maria << false << none
            << PlanCall([](const Planner& p) { return p.moveBelow(key(u"r1a"_s), key(u"r2"_s)); })
            << QStringList { u"r2:3306 is not a sibling of r1a:3306"_s };
        QTest::newRow("take-master of a top master")
            << maria << false << none
            << PlanCall([](const Planner& p) { return p.takeMaster(key(u"r1"_s)); })
            << QStringList { u"m:3306 is a top master"_s };
        QTest::newRow("make-co-master with a writeable replica")
            << maria << false << on(u"r1"_s, [](auto& r) { r.readOnly = false; })
            << PlanCall([](const Planner& p) { return p.makeCoMaster(key(u"r1"_s)); })
            << QStringList { u"r1:3306 is writeable"_s, u"set-read-only"_s };
        QTest::newRow("make-co-master below an intermediate master")
            << maria << false << none
            << PlanCall([](const Planner& p) { return p.makeCoMaster(key(u"r1a"_s)); })
            << QStringList { u"r1:3306 replicates from m:3306"_s };
        QTest::newRow("stop-replica on a top master")
            << mysql << false << none
            << PlanCall([](const Planner& p) { return p.stopReplica(key(u"m"_s)); })
            << QStringList { u"m:3306 is not a replica"_s };
        QTest::newRow("repoint-replicas of a leaf")
            << maria << false << none
            << PlanCall([](const Planner& p) { return p.repointReplicas(key(u"r1a"_s)); })
            << QStringList { u"r1a:3306 has no replicas"_s };
    }
    void refusals()
    {
        QFETCH(Server, server);
        QFETCH(bool, gtid);
        QFETCH(Change, change);
        QFETCH(PlanCall, operation);
        QFETCH(QStringList, needles);
        Topology topo(kTree, server, gtid);
        change(topo);
        verifyRefused(operation(Planner({}, topo.records())), needles);
    }

    void maintenanceLock_data()
    {
        QTest::addColumn<QString>("locked");
        QTest::addColumn<bool>("gtid");
        QTest::newRow("moved replica") << u"r1"_s << false;
        QTest::newRow("stopped sibling") << u"r2"_s << false;
        QTest::newRow("GTID target") << u"r2"_s << true;
        QTest::newRow("GTID moved replica") << u"r1"_s << true;
    }
    void maintenanceLock()
    {
        QFETCH(QString, locked);
        QFETCH(bool, gtid);
        Topology topo(kTree, Server::MariaDB1011, gtid);
        PlannerFlags flags;
        flags.maintenanceLocked.insert(key(locked));
        verifyRefused(Planner({}, topo.records(), flags).relocate(key(u"r1"_s), key(u"r2"_s)),
            { locked + u":3306 is under an active maintenance lock"_s });
        // An unrelated lock changes nothing.
        flags.maintenanceLocked = { key(u"r2a"_s) };
        QVERIFY(Planner({}, topo.records(), flags).relocate(key(u"r1"_s), key(u"r2"_s)).ok());
    }

    void readOnlyRefusesEverything_data()
    {
        QTest::addColumn<PlanCall>("operation");
        const InstanceKey r1 = key(u"r1"_s);
        const InstanceKey r2 = key(u"r2"_s);
        const InstanceKey r1a = key(u"r1a"_s);
        QTest::newRow("relocate") << PlanCall([=](const Planner& p) { return p.relocate(r1, r2); });
        QTest::newRow("move-up") << PlanCall([=](const Planner& p) { return p.moveUp(r1a); });
        QTest::newRow("move-below")
            << PlanCall([=](const Planner& p) { return p.moveBelow(r1, r2); });
        QTest::newRow("repoint") << PlanCall([=](const Planner& p) { return p.repoint(r1, {}); });
        QTest::newRow("relocate-replicas")
            << PlanCall([=](const Planner& p) { return p.relocateReplicas(r1, r2); });
        QTest::newRow("move-up-replicas")
            << PlanCall([=](const Planner& p) { return p.moveUpReplicas(r1); });
        QTest::newRow("repoint-replicas")
            << PlanCall([=](const Planner& p) { return p.repointReplicas(r1); });
        QTest::newRow("take-master")
            << PlanCall([=](const Planner& p) { return p.takeMaster(r1a); });
        QTest::newRow("make-co-master")
            << PlanCall([=](const Planner& p) { return p.makeCoMaster(r1); });
        QTest::newRow("stop-replica")
            << PlanCall([=](const Planner& p) { return p.stopReplica(r1); });
        QTest::newRow("start-replica")
            << PlanCall([=](const Planner& p) { return p.startReplica(r1); });
        QTest::newRow("set-read-only")
            << PlanCall([=](const Planner& p) { return p.setReadOnly(r1, true); });
        QTest::newRow("set-writeable")
            << PlanCall([=](const Planner& p) { return p.setReadOnly(r1, false); });
    }
    void readOnlyRefusesEverything()
    {
        QFETCH(PlanCall, operation);
        Topology topo(kTree);
        QVERIFY(operation(Planner({}, topo.records())).ok()); // allowed when not read-only
        PlannerFlags flags;
        flags.readOnly = true;
        verifyRefused(
            operation(Planner({}, topo.records(), flags)), { u"read-only mode (--read-only)"_s });
        Configuration config;
        config.readOnly = true;
        config.sourcePath = u"/etc/topograph.conf.json"_s;
        verifyRefused(operation(Planner(config, topo.records())),
            { u"read-only mode (ReadOnly: true in /etc/topograph.conf.json)"_s });
    }

    void relocateReplicasRefusedAsAWhole()
    {
        Topology topo(u"m; a<m; a1<a; a2<a; a3<a; t<m"_s);
        topo.with(u"a2"_s, [](InstanceRecord& r) { r.secondsBehindMaster = 300; });
        topo.with(u"a3"_s, [](InstanceRecord& r) { r.binlogFormat = u"STATEMENT"_s; });
        const auto plan = Planner({}, topo.records()).relocateReplicas(key(u"a"_s), key(u"t"_s));
        verifyRefused(plan,
            { u"2 of the replicas cannot be moved, so none is"_s, u"a2:3306 lags 300 s"_s,
                u"a3:3306 logs STATEMENT"_s });
        QVERIFY(!plan.error().message.contains(u"a1:3306"_s));
    }

    void moveUpReplicasRefusedAsAWhole()
    {
        Topology topo(u"m; a<m; a1<a; a2<a"_s);
        topo.with(u"a1"_s, [](InstanceRecord& r) { r.ioThreadRunning = false; });
        topo.with(u"a2"_s, [](InstanceRecord& r) { r.reachable = false; });
        verifyRefused(Planner({}, topo.records()).moveUpReplicas(key(u"a"_s)),
            { u"a2:3306 could not be probed"_s });
        topo.with(u"a2"_s, [](InstanceRecord& r) { r.reachable = true; });
        verifyRefused(Planner({}, topo.records()).moveUpReplicas(key(u"a"_s)),
            { u"1 of the replicas"_s, u"a1:3306 is not replicating"_s });
    }

    void lagDoesNotMatterWithGtid()
    {
        Topology topo(kTree, Server::MariaDB1011, true);
        topo.with(u"r2"_s, [](InstanceRecord& r) { r.secondsBehindMaster.reset(); });
        topo.with(u"r1"_s, [](InstanceRecord& r) { r.secondsBehindMaster = 3600; });
        const auto plan = Planner({}, topo.records()).relocate(key(u"r1"_s), key(u"r2"_s));
        QVERIFY(plan.ok());
        QCOMPARE(plan->method, Method::Gtid);
    }
};

QTEST_GUILESS_MAIN(TestPlannerRefusals)
#include "tst_planner_refusals.moc"
