// Planner: take-master, make-co-master, the *-replicas operations and the one-statement ones;
// a GTID replica keeps GTID through every operation; describe() shows the full plan and never
// any credential.
#include <QTest>

#include <functional>

#include "ops/planner.h"
#include "plannerfixture.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

using PlanCall = std::function<Result<Plan>(const Planner&)>;
Q_DECLARE_METATYPE(PlanCall)

namespace {

const QString kTree = u"m; r1<m; r2<m; r1a<r1; r1b<r1; r2a<r2"_s;

QList<PlanCall> everyOperation()
{
    const InstanceKey r1 = key(u"r1"_s);
    const InstanceKey r2 = key(u"r2"_s);
    const InstanceKey r1a = key(u"r1a"_s);
    const InstanceKey r2a = key(u"r2a"_s);
    return { [=](const Planner& p) { return p.relocate(r1a, r2a); },
        [=](const Planner& p) { return p.relocate(r1a, r2); },
        [=](const Planner& p) { return p.moveUp(r1a); },
        [=](const Planner& p) { return p.moveBelow(r1, r2); },
        [=](const Planner& p) { return p.repoint(r1a, std::nullopt); },
        [=](const Planner& p) { return p.relocateReplicas(r1, r2a); },
        [=](const Planner& p) { return p.moveUpReplicas(r1); },
        [=](const Planner& p) { return p.repointReplicas(r1); },
        [=](const Planner& p) { return p.takeMaster(r1a); },
        [=](const Planner& p) { return p.makeCoMaster(r1); },
        [=](const Planner& p) { return p.stopReplica(r1); },
        [=](const Planner& p) { return p.startReplica(r1); },
        [=](const Planner& p) { return p.setReadOnly(r1, true); },
        [=](const Planner& p) { return p.setReadOnly(r1, false); } };
}

} // namespace

class TestPlannerOps final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void takeMasterFilePos()
    {
        Topology topo(kTree);
        const auto plan = Planner({}, topo.records()).takeMaster(key(u"r1a"_s));
        QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().message));
        QCOMPARE(plan->method, Method::Chain);
        compareLines(statements(*plan),
            { u"r1:3306: STOP SLAVE"_s, u"r1a:3306: STOP SLAVE"_s,
                u"r1a:3306: START SLAVE UNTIL MASTER_LOG_FILE='${r1:3306.binlog_file}', "
                "MASTER_LOG_POS=${r1:3306.binlog_pos}"_s,
                u"r1a:3306: SHOW SLAVE STATUS"_s, u"r1a:3306: STOP SLAVE"_s,
                u"r1a:3306: CHANGE MASTER TO MASTER_HOST='m', MASTER_PORT=3306, "
                "MASTER_LOG_FILE='${r1:3306.exec_file}', MASTER_LOG_POS=${r1:3306.exec_pos}"_s,
                u"r1:3306: CHANGE MASTER TO MASTER_HOST='r1a', MASTER_PORT=3306, "
                "MASTER_LOG_FILE='${r1a:3306.binlog_file}', "
                "MASTER_LOG_POS=${r1a:3306.binlog_pos}"_s,
                u"r1a:3306: START SLAVE"_s, u"r1:3306: START SLAVE"_s });
        QCOMPARE(plan->expected.size(), 2);
        QCOMPARE(plan->expected.at(0).master, key(u"m"_s));
        QCOMPARE(plan->expected.at(1).instance, key(u"r1"_s));
        QCOMPARE(plan->expected.at(1).master, key(u"r1a"_s));
    }

    void takeMasterGtid()
    {
        Topology topo(kTree, Server::MySQL80, true);
        const auto plan = Planner({}, topo.records()).takeMaster(key(u"r1a"_s));
        QVERIFY(plan.ok());
        QCOMPARE(plan->method, Method::Gtid);
        const QStringList sql = statements(*plan);
        QVERIFY(sql.contains(u"r1a:3306: CHANGE REPLICATION SOURCE TO SOURCE_HOST='m', "
                             "SOURCE_PORT=3306, SOURCE_AUTO_POSITION=1"_s));
        QVERIFY(sql.contains(u"r1:3306: CHANGE REPLICATION SOURCE TO SOURCE_HOST='r1a', "
                             "SOURCE_PORT=3306, SOURCE_AUTO_POSITION=1"_s));
        // r1a still catches up with r1 first, so r1 is never ahead of its new master.
        QVERIFY(sql.contains(u"r1a:3306: START REPLICA UNTIL SOURCE_LOG_FILE="
                             "'${r1:3306.binlog_file}', SOURCE_LOG_POS=${r1:3306.binlog_pos}"_s));
    }

    void makeCoMaster_data()
    {
        QTest::addColumn<Server>("server");
        QTest::addColumn<bool>("gtid");
        QTest::addColumn<Method>("method");
        QTest::addColumn<QString>("change");
        QTest::newRow("MariaDB file:pos")
            << Server::MariaDB1011 << false << Method::CoMaster
            << u"m:3306: CHANGE MASTER TO MASTER_HOST='r1', MASTER_PORT=3306, "
               "MASTER_LOG_FILE='${r1:3306.binlog_file}', MASTER_LOG_POS=${r1:3306.binlog_pos}"_s;
        QTest::newRow("MariaDB GTID uses current_pos")
            << Server::MariaDB1011 << true << Method::Gtid
            << u"m:3306: CHANGE MASTER TO MASTER_HOST='r1', MASTER_PORT=3306, "
               "MASTER_USE_GTID=current_pos"_s;
        QTest::newRow("MySQL 8.4 GTID") << Server::MySQL84 << true << Method::Gtid
                                        << u"m:3306: CHANGE REPLICATION SOURCE TO "
                                           "SOURCE_HOST='r1', SOURCE_PORT=3306, "
                                           "SOURCE_AUTO_POSITION=1"_s;
    }
    void makeCoMaster()
    {
        QFETCH(Server, server);
        QFETCH(bool, gtid);
        QFETCH(QString, change);
        Topology topo(kTree, server, gtid);
        const auto plan = Planner({}, topo.records()).makeCoMaster(key(u"r1"_s));
        QVERIFY(plan.ok());
        QTEST(plan->method, "method");
        const QStringList sql = statements(*plan);
        QCOMPARE(sql.size(), 2);
        QCOMPARE(sql.first(), change);
        QVERIFY(sql.last().startsWith(u"m:3306: START "_s));
        QVERIFY(plan->stopsReplication.isEmpty());
        QCOMPARE(plan->expected.first().master, key(u"r1"_s));
        QVERIFY(plan->warnings.join(u' ').contains(u"replication account"_s));
    }

    void moveUpReplicas()
    {
        Topology topo(kTree);
        const auto plan = Planner({}, topo.records()).moveUpReplicas(key(u"r1"_s));
        QVERIFY(plan.ok());
        QCOMPARE(plan->method, Method::MoveUp);
        const QStringList sql = statements(*plan);
        // r1 stops once for both replicas, and starts again last.
        QCOMPARE(sql.first(), u"r1:3306: STOP SLAVE"_s);
        QCOMPARE(sql.last(), u"r1:3306: START SLAVE"_s);
        QCOMPARE(sql.count(u"r1:3306: STOP SLAVE"_s), 1);
        for (const QString& r : { u"r1a"_s, u"r1b"_s }) {
            QVERIFY(sql.contains(r
                + u":3306: CHANGE MASTER TO MASTER_HOST='m', MASTER_PORT=3306, "
                  "MASTER_LOG_FILE='${r1:3306.exec_file}', "
                  "MASTER_LOG_POS=${r1:3306.exec_pos}"_s));
        }
        QCOMPARE(plan->expected.size(), 3);
    }

    void repointReplicasAndRelocateReplicas()
    {
        Topology topo(kTree);
        const auto repoint = Planner({}, topo.records()).repointReplicas(key(u"r1"_s));
        QVERIFY(repoint.ok());
        QCOMPARE(repoint->method, Method::Repoint);
        QCOMPARE(statements(*repoint).size(), 6);
        QVERIFY(statements(*repoint).contains(u"r1b:3306: CHANGE MASTER TO MASTER_HOST='r1', "
                                              "MASTER_PORT=3306, MASTER_LOG_FILE="
                                              "'${r1b:3306.exec_file}', "
                                              "MASTER_LOG_POS=${r1b:3306.exec_pos}"_s));
        // r1a and r1b below their cousin r2a: each one a three-move chain, one plan.
        const auto relocate
            = Planner({}, topo.records()).relocateReplicas(key(u"r1"_s), key(u"r2a"_s));
        QVERIFY(relocate.ok());
        QCOMPARE(relocate->method, Method::Chain);
        QCOMPARE(relocate->steps.size(), 2 * (8 + 11 + 11));
        QVERIFY(relocate->steps.first().group.startsWith(u"relocate r1a:3306 below r2a:3306: "_s));
        // Below a sibling of the replicas: the sibling itself stays.
        const auto sibling
            = Planner({}, topo.records()).relocateReplicas(key(u"r1"_s), key(u"r1b"_s));
        QVERIFY(sibling.ok());
        QCOMPARE(sibling->method, Method::MoveBelow);
        QCOMPARE(sibling->expected.first().instance, key(u"r1a"_s));
    }

    void simpleOperations_data()
    {
        QTest::addColumn<Server>("server");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("MariaDB") << Server::MariaDB1011
                                 << QStringList { u"STOP SLAVE"_s, u"START SLAVE"_s,
                                        u"SET GLOBAL read_only=1"_s, u"SET GLOBAL read_only=0"_s };
        QTest::newRow("MySQL 5.7")
            << Server::MySQL57
            << QStringList { u"STOP SLAVE"_s, u"START SLAVE"_s, u"SET GLOBAL read_only=1"_s,
                   u"SET GLOBAL read_only=0"_s };
        QTest::newRow("MySQL 8.4")
            << Server::MySQL84
            << QStringList { u"STOP REPLICA"_s, u"START REPLICA"_s, u"SET GLOBAL read_only=1"_s,
                   u"SET GLOBAL read_only=0"_s };
    }
    void simpleOperations()
    {
        QFETCH(Server, server);
        QFETCH(QStringList, expected);
        Topology topo(kTree, server);
        const Planner planner({}, topo.records());
        const QList<Result<Plan>> plans { planner.stopReplica(key(u"r1"_s)),
            planner.startReplica(key(u"r1"_s)), planner.setReadOnly(key(u"m"_s), true),
            planner.setReadOnly(key(u"m"_s), false) };
        const QList<Operation> operations { Operation::StopReplica, Operation::StartReplica,
            Operation::SetReadOnly, Operation::SetWriteable };
        for (qsizetype i = 0; i < plans.size(); ++i) {
            QVERIFY(plans.at(i).ok());
            QCOMPARE(plans.at(i)->method, Method::Simple);
            QCOMPARE(plans.at(i)->operation, operations.at(i));
            QCOMPARE(plans.at(i)->steps.size(), 1);
            QCOMPARE(plans.at(i)->steps.first().sql, QStringList { expected.at(i) });
        }
        QCOMPARE(plans.at(0)->expected.first().replicating, false);
        QCOMPARE(plans.at(0)->stopsReplication, QList<InstanceKey> { key(u"r1"_s) });
        QCOMPARE(plans.at(2)->expected.first().readOnly, true);
        QCOMPARE(plans.at(3)->warnings, QStringList { u"m:3306 is already writeable"_s });
    }

    void gtidReplicaKeepsGtid_data()
    {
        QTest::addColumn<Server>("server");
        QTest::addColumn<int>("operation");
        const int count = static_cast<int>(everyOperation().size());
        for (const auto& [name, server] : { std::pair { "MariaDB", Server::MariaDB1011 },
                 std::pair { "MySQL", Server::MySQL80 } }) {
            for (int i = 0; i < count; ++i) {
                QTest::addRow("%s #%d", name, i) << server << i;
            }
        }
    }
    void gtidReplicaKeepsGtid()
    {
        QFETCH(Server, server);
        QFETCH(int, operation);
        Topology topo(kTree, server, true);
        const auto plan = everyOperation().at(operation)(Planner({}, topo.records()));
        QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().message));
        for (const PlanStep& step : plan->steps) {
            if (step.kind == PlanStep::Kind::ChangeMaster) {
                QVERIFY2(step.gtid, qPrintable(step.sql.join(u' ')));
                QVERIFY(!step.sql.first().contains(u"_LOG_FILE"_s));
            }
        }
    }

    void describeShowsThePlanAndNoCredentials()
    {
        Configuration config;
        config.mysqlTopologyUser = u"topograph_admin"_s;
        config.mysqlTopologyPassword = u"s3cr3t-P4ss"_s;
        for (const bool gtid : { false, true }) {
            for (const Server server : { Server::MariaDB1011, Server::MySQL57, Server::MySQL80 }) {
                Topology topo(kTree, server, gtid);
                for (const PlanCall& operation : everyOperation()) {
                    const auto plan = operation(Planner(config, topo.records()));
                    QVERIFY(plan.ok());
                    const QString text = plan->describe() + plan->summary();
                    for (const QString& secret : { u"PASSWORD"_s, u"MASTER_USER"_s,
                             u"SOURCE_USER"_s, u"s3cr3t"_s, u"topograph_admin"_s }) {
                        QVERIFY2(!text.contains(secret, Qt::CaseInsensitive), qPrintable(text));
                    }
                }
            }
        }
    }

    void describeText()
    {
        Topology topo(u"m; r1<m; r2<m"_s);
        const auto plan = Planner({}, topo.records()).relocate(key(u"r1"_s), key(u"r2"_s));
        QVERIFY(plan.ok());
        const QString text = plan->describe();
        QVERIFY2(text.startsWith(u"Operation: relocate r1:3306 below r2:3306\n"
                                 "Method: binlog file:pos (move below sibling)\nSteps:\n"
                                 "  1. on r1:3306: STOP SLAVE\n"_s),
            qPrintable(text));
        QVERIFY(text.contains(u"  3. on r1:3306: START SLAVE UNTIL MASTER_LOG_FILE="
                              "'${r2:3306.exec_file}', MASTER_LOG_POS=${r2:3306.exec_pos}\n"_s));
        QVERIFY(text.contains(u"(only if r1:3306 is behind r2:3306; skipped otherwise)"_s));
        QVERIFY(text.contains(u"Replication stops for a while on: r1:3306, r2:3306\n"_s));
        QVERIFY(text.contains(u"Expected end state:\n  r1:3306 replicates from r2:3306 (running)\n"
                              "  r2:3306 replicates from m:3306 (running)\n"_s));
        QVERIFY(text.contains(u"read from that instance when the step runs"_s));
        QCOMPARE(plan->summary(),
            u"relocate r1:3306 below r2:3306: binlog file:pos (move below sibling); 11 step(s) "
            "on 2 instance(s)"_s);
    }

    void stopReplicaSaysWhatStaysStopped()
    {
        Topology topo(u"m; r1<m"_s);
        const auto plan = Planner({}, topo.records()).stopReplica(key(u"r1"_s));
        QVERIFY(plan.ok());
        QCOMPARE(plan->staysStopped(), QList<InstanceKey> { key(u"r1"_s) });
        QVERIFY(plan->restarted().isEmpty());
        const QString text = plan->describe();
        QVERIFY2(text.contains(u"Replication stays stopped on: r1:3306\n"_s), qPrintable(text));
        QVERIFY2(!text.contains(u"stops for a while"_s), qPrintable(text));
        const auto moved = Planner({}, topo.records()).moveUp(key(u"r1"_s));
        QVERIFY(!moved.ok() || moved->staysStopped().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPlannerOps)
#include "tst_planner_ops.moc"
