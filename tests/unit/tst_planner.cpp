// Planner: the method chosen for each relocate shape, and the exact SQL of each step for MariaDB
// and every MySQL spelling (5.7, 8.0.22, 8.0.23+, 8.4), with run-time coordinate placeholders.
#include <QTest>

#include "config/configuration.h"
#include "ops/planner.h"
#include "plannerfixture.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

namespace {

// The spelling a server uses, to build expected statements for every flavour from one list.
struct Words
{
    QString stop, start, status, change, word;
};

Words wordsFor(Server server)
{
    switch (server) {
    case Server::MySQL8022:
        return { u"STOP REPLICA"_s, u"START REPLICA"_s, u"SHOW REPLICA STATUS"_s,
            u"CHANGE MASTER TO MASTER_HOST="_s, u"MASTER"_s };
    case Server::MySQL80:
    case Server::MySQL84:
        return { u"STOP REPLICA"_s, u"START REPLICA"_s, u"SHOW REPLICA STATUS"_s,
            u"CHANGE REPLICATION SOURCE TO SOURCE_HOST="_s, u"SOURCE"_s };
    case Server::MariaDB1011:
    case Server::MySQL57:
        break;
    }
    return { u"STOP SLAVE"_s, u"START SLAVE"_s, u"SHOW SLAVE STATUS"_s,
        u"CHANGE MASTER TO MASTER_HOST="_s, u"MASTER"_s };
}

QString spell(QString line, const Words& w)
{
    return line.replace(u"STOP"_s, w.stop)
        .replace(u"START"_s, w.start)
        .replace(u"STATUS"_s, w.status)
        .replace(u"CHANGE "_s, w.change)
        .replace(u"PORT"_s, w.word + u"_PORT"_s)
        .replace(u"FILE"_s, w.word + u"_LOG_FILE"_s)
        .replace(u"POS"_s, w.word + u"_LOG_POS"_s);
}

QStringList spellAll(const QStringList& lines, Server server)
{
    QStringList out;
    for (const QString& line : lines) {
        out << spell(line, wordsFor(server));
    }
    return out;
}

void addServers()
{
    QTest::addColumn<Server>("server");
    QTest::newRow("MariaDB 10.11") << Server::MariaDB1011;
    QTest::newRow("MySQL 5.7") << Server::MySQL57;
    QTest::newRow("MySQL 8.0.22") << Server::MySQL8022;
    QTest::newRow("MySQL 8.0.36") << Server::MySQL80;
    QTest::newRow("MySQL 8.4") << Server::MySQL84;
}

} // namespace

class TestPlanner final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void relocateMethod_data()
    {
        QTest::addColumn<Server>("server");
        QTest::addColumn<bool>("gtid");
        QTest::addColumn<QString>("topology");
        QTest::addColumn<QString>("replica");
        QTest::addColumn<QString>("target");
        QTest::addColumn<Method>("method");
        QTest::addColumn<QString>("detail");
        const auto maria = Server::MariaDB1011;
        const auto mysql = Server::MySQL80;
        const QString tree = u"m; a<m; b<m; a1<a; b1<b; a1x<a1; c<m"_s;
        QTest::newRow("target is the master: repoint")
            << maria << false << tree << u"a1"_s << u"a"_s << Method::Repoint
            << u"repoint at its own exec coordinates (binlog file:pos)"_s;
        QTest::newRow("GTID repoint keeps GTID")
            << maria << true << tree << u"a1"_s << u"a"_s << Method::Repoint
            << u"repoint with GTID (MASTER_USE_GTID=slave_pos)"_s;
        QTest::newRow("MariaDB GTID to a cousin")
            << maria << true << tree << u"a1"_s << u"b1"_s << Method::Gtid
            << u"GTID (MASTER_USE_GTID=slave_pos)"_s;
        QTest::newRow("MySQL 8.0 GTID") << mysql << true << tree << u"a1"_s << u"b1"_s
                                        << Method::Gtid << u"GTID (SOURCE_AUTO_POSITION=1)"_s;
        QTest::newRow("MySQL 5.7 GTID") << Server::MySQL57 << true << tree << u"a1"_s << u"b"_s
                                        << Method::Gtid << u"GTID (MASTER_AUTO_POSITION=1)"_s;
        QTest::newRow("sibling") << maria << false << tree << u"a"_s << u"b"_s << Method::MoveBelow
                                 << u"binlog file:pos (move below sibling)"_s;
        QTest::newRow("MySQL sibling")
            << mysql << false << tree << u"a"_s << u"c"_s << Method::MoveBelow
            << u"binlog file:pos (move below sibling)"_s;
        QTest::newRow("grandparent")
            << maria << false << tree << u"a1"_s << u"m"_s << Method::MoveUp
            << u"binlog file:pos (move up to grandparent)"_s;
        QTest::newRow("uncle") << maria << false << tree << u"a1"_s << u"b"_s << Method::Chain
                               << u"binlog file:pos (chain of 2 moves: move up below m:3306, "
                                  "move below b:3306)"_s;
        QTest::newRow("cousin") << maria << false << tree << u"a1"_s << u"b1"_s << Method::Chain
                                << u"binlog file:pos (chain of 3 moves: move up below m:3306, "
                                   "move below b:3306, move below b1:3306)"_s;
        QTest::newRow("nephew") << maria << false << tree << u"b"_s << u"a1"_s << Method::Chain
                                << u"binlog file:pos (chain of 2 moves: move below a:3306, "
                                   "move below a1:3306)"_s;
        QTest::newRow("great-grandparent")
            << mysql << false << tree << u"a1x"_s << u"m"_s << Method::Chain
            << u"binlog file:pos (chain of 2 moves: move up below a:3306, move up below m:3306)"_s;
    }
    void relocateMethod()
    {
        QFETCH(Server, server);
        QFETCH(bool, gtid);
        QFETCH(QString, topology);
        QFETCH(QString, replica);
        QFETCH(QString, target);
        Topology topo(topology, server, gtid);
        const auto plan = Planner({}, topo.records()).relocate(key(replica), key(target));
        QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().message));
        QTEST(plan->method, "method");
        QTEST(plan->methodDetail, "detail");
        QCOMPARE(plan->operation, Operation::Relocate);
        QCOMPARE(plan->expected.first().instance, key(replica));
        QCOMPARE(plan->expected.first().master, key(target));
        for (const ExpectedState& e : plan->expected) {
            QVERIFY(e.replicating);
        }
    }

    void moveBelowSql_data() { addServers(); }
    void moveBelowSql()
    {
        QFETCH(Server, server);
        Topology topo(u"m; r1<m; r2<m"_s, server);
        const auto plan = Planner({}, topo.records()).moveBelow(key(u"r1"_s), key(u"r2"_s));
        QVERIFY(plan.ok());
        compareLines(statements(*plan),
            spellAll({ u"r1:3306: STOP"_s, u"r2:3306: STOP"_s,
                         u"r1:3306: START UNTIL FILE='${r2:3306.exec_file}', "
                         "POS=${r2:3306.exec_pos}"_s,
                         u"r1:3306: STATUS"_s, u"r1:3306: STOP"_s,
                         u"r2:3306: START UNTIL FILE='${r1:3306.exec_file}', "
                         "POS=${r1:3306.exec_pos}"_s,
                         u"r2:3306: STATUS"_s, u"r2:3306: STOP"_s,
                         u"r1:3306: CHANGE 'r2', PORT=3306, FILE='${r2:3306.binlog_file}', "
                         "POS=${r2:3306.binlog_pos}"_s,
                         u"r2:3306: START"_s, u"r1:3306: START"_s },
                server));
        // The conditional catch-up and its structured coordinates, for the executor.
        const PlanStep& until = plan->steps.at(2);
        QCOMPARE(until.kind, PlanStep::Kind::StartUntil);
        QCOMPARE(until.onlyIfBehind, key(u"r2"_s));
        QCOMPARE(until.coordinates, (CoordinateRef { key(u"r2"_s), CoordinateRef::Source::Exec }));
        QCOMPARE(plan->steps.at(3).kind, PlanStep::Kind::WaitUntil);
        QCOMPARE(plan->steps.at(3).timeoutSeconds, 60);
        QCOMPARE(plan->steps.at(5).onlyIfBehind, key(u"r1"_s));
        const PlanStep& change = plan->steps.at(8);
        QCOMPARE(change.kind, PlanStep::Kind::ChangeMaster);
        QCOMPARE(change.newMaster, key(u"r2"_s));
        QVERIFY(!change.gtid);
        QCOMPARE(change.coordinates.source, CoordinateRef::Source::OwnBinlog);
        QCOMPARE(plan->stopsReplication, (QList<InstanceKey> { key(u"r1"_s), key(u"r2"_s) }));
    }

    void moveUpSql_data() { addServers(); }
    void moveUpSql()
    {
        QFETCH(Server, server);
        Topology topo(u"m; r<m; r1<r"_s, server);
        const auto plan = Planner({}, topo.records()).moveUp(key(u"r1"_s));
        QVERIFY(plan.ok());
        QCOMPARE(plan->method, Method::MoveUp);
        compareLines(statements(*plan),
            spellAll({ u"r:3306: STOP"_s, u"r1:3306: STOP"_s,
                         u"r1:3306: START UNTIL FILE='${r:3306.binlog_file}', "
                         "POS=${r:3306.binlog_pos}"_s,
                         u"r1:3306: STATUS"_s, u"r1:3306: STOP"_s,
                         u"r1:3306: CHANGE 'm', PORT=3306, FILE='${r:3306.exec_file}', "
                         "POS=${r:3306.exec_pos}"_s,
                         u"r1:3306: START"_s, u"r:3306: START"_s },
                server));
        QVERIFY(!plan->steps.at(2).onlyIfBehind);
    }

    void repointSql_data() { addServers(); }
    void repointSql()
    {
        QFETCH(Server, server);
        Topology topo(u"m; r1<m"_s, server);
        const auto plan = Planner({}, topo.records()).repoint(key(u"r1"_s));
        QVERIFY(plan.ok());
        QCOMPARE(plan->method, Method::Repoint);
        compareLines(statements(*plan),
            spellAll({ u"r1:3306: STOP"_s,
                         u"r1:3306: CHANGE 'm', PORT=3306, FILE='${r1:3306.exec_file}', "
                         "POS=${r1:3306.exec_pos}"_s,
                         u"r1:3306: START"_s },
                server));
    }

    void gtidRelocateSql_data()
    {
        QTest::addColumn<Server>("server");
        QTest::addColumn<QString>("usingGtid");
        QTest::addColumn<QStringList>("expected");
        const QStringList maria { u"r1:3306: STOP SLAVE"_s,
            u"r1:3306: CHANGE MASTER TO MASTER_HOST='r2', MASTER_PORT=3306, "
            "MASTER_USE_GTID=slave_pos"_s,
            u"r1:3306: START SLAVE"_s };
        QStringList current = maria;
        current[1].replace(u"slave_pos"_s, u"current_pos"_s);
        const QStringList source { u"r1:3306: STOP REPLICA"_s,
            u"r1:3306: CHANGE REPLICATION SOURCE TO SOURCE_HOST='r2', SOURCE_PORT=3306, "
            "SOURCE_AUTO_POSITION=1"_s,
            u"r1:3306: START REPLICA"_s };
        QTest::newRow("MariaDB slave_pos") << Server::MariaDB1011 << u"Slave_Pos"_s << maria;
        QTest::newRow("MariaDB keeps current_pos")
            << Server::MariaDB1011 << u"Current_Pos"_s << current;
        QTest::newRow("MySQL 5.7") << Server::MySQL57 << QString()
                                   << QStringList { u"r1:3306: STOP SLAVE"_s,
                                          u"r1:3306: CHANGE MASTER TO MASTER_HOST='r2', "
                                          "MASTER_PORT=3306, MASTER_AUTO_POSITION=1"_s,
                                          u"r1:3306: START SLAVE"_s };
        QTest::newRow("MySQL 8.0.22") << Server::MySQL8022 << QString()
                                      << QStringList { u"r1:3306: STOP REPLICA"_s,
                                             u"r1:3306: CHANGE MASTER TO MASTER_HOST='r2', "
                                             "MASTER_PORT=3306, MASTER_AUTO_POSITION=1"_s,
                                             u"r1:3306: START REPLICA"_s };
        QTest::newRow("MySQL 8.0.36") << Server::MySQL80 << QString() << source;
        QTest::newRow("MySQL 8.4") << Server::MySQL84 << QString() << source;
    }
    void gtidRelocateSql()
    {
        QFETCH(Server, server);
        QFETCH(QString, usingGtid);
        QFETCH(QStringList, expected);
        Topology topo(u"m; x<m; r1<x; r2<m"_s, server, true);
        if (!usingGtid.isEmpty()) {
            topo.with(u"r1"_s, [&](InstanceRecord& r) { r.usingGtid = usingGtid; });
        }
        const auto plan = Planner({}, topo.records()).relocate(key(u"r1"_s), key(u"r2"_s));
        QVERIFY(plan.ok());
        QCOMPARE(plan->method, Method::Gtid);
        compareLines(statements(*plan), expected);
        QVERIFY(plan->steps.at(1).gtid);
        QCOMPARE(plan->touched, QList<InstanceKey> { key(u"r1"_s) });
        // The executor refuses a connection to r1 that reaches another server (issue 12).
        for (const InstanceRecord& r : topo.records()) {
            if (r.key == key(u"r1"_s)) {
                QCOMPARE(plan->serverIds, (QHash<InstanceKey, quint32> { { r.key, r.serverId } }));
            }
        }
    }

    void cousinChainSteps()
    {
        Topology topo(u"m; a<m; b<m; a1<a; b1<b"_s);
        const auto plan = Planner({}, topo.records()).relocate(key(u"a1"_s), key(u"b1"_s));
        QVERIFY(plan.ok());
        QStringList groups;
        QStringList changes;
        for (const PlanStep& step : plan->steps) {
            if (groups.isEmpty() || groups.last() != step.group) {
                groups << step.group;
            }
            if (step.kind == PlanStep::Kind::ChangeMaster) {
                changes << step.instance.toString() + u" -> "_s + step.newMaster->toString();
            }
        }
        QCOMPARE(groups,
            (QStringList { u"move a1:3306 up below m:3306"_s, u"move a1:3306 below b:3306"_s,
                u"move a1:3306 below b1:3306"_s }));
        QCOMPARE(changes,
            (QStringList {
                u"a1:3306 -> m:3306"_s, u"a1:3306 -> b:3306"_s, u"a1:3306 -> b1:3306"_s }));
        // 8 steps per move-up, 11 per move-below; everything stopped is started again.
        QCOMPARE(plan->steps.size(), 8 + 11 + 11);
        QCOMPARE(plan->stopsReplication,
            (QList<InstanceKey> { key(u"a"_s), key(u"a1"_s), key(u"b"_s), key(u"b1"_s) }));
        QCOMPARE(plan->expected.size(), 4);
        QCOMPARE(plan->expected.first().master, key(u"b1"_s));
        QCOMPARE(plan->steps.last().kind, PlanStep::Kind::StartReplica);
    }
};

QTEST_GUILESS_MAIN(TestPlanner)
#include "tst_planner.moc"
