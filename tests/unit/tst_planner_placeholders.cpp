// Planner output that reaches the server as text: run-time coordinate placeholders and how the
// executor fills them (validated, quoted), IPv6 hosts, and host names that cannot be quoted.
#include <QTest>

#include "ops/planner.h"
#include "plannerfixture.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

class TestPlannerPlaceholders final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void placeholders()
    {
        Topology topo(u"m; r1<m; r2<m"_s);
        const auto plan = Planner({}, topo.records()).moveBelow(key(u"r1"_s), key(u"r2"_s));
        QVERIFY(plan.ok());
        const CoordinateRef own { key(u"r2"_s), CoordinateRef::Source::OwnBinlog };
        QCOMPARE(own.filePlaceholder(), u"${r2:3306.binlog_file}"_s);
        QCOMPARE(own.posPlaceholder(), u"${r2:3306.binlog_pos}"_s);
        const CoordinateRef exec { key(u"r2"_s), CoordinateRef::Source::Exec };
        QCOMPARE(exec.filePlaceholder(), u"${r2:3306.exec_file}"_s);
        QCOMPARE(exec.posPlaceholder(), u"${r2:3306.exec_pos}"_s);
        QCOMPARE(plan->steps.at(8).coordinates, own);
        QCOMPARE(plan->steps.at(2).coordinates, exec);
    }

    void resolvedSql()
    {
        Topology topo(u"m; r1<m; r2<m"_s);
        const auto plan = Planner({}, topo.records()).moveBelow(key(u"r1"_s), key(u"r2"_s));
        QVERIFY(plan.ok());
        const PlanStep& change = plan->steps.at(8);
        const auto sql = change.resolvedSql(u"r2-bin.000012"_s, 1234);
        QVERIFY(sql.ok());
        QCOMPARE(sql->first(),
            u"CHANGE MASTER TO MASTER_HOST='r2', MASTER_PORT=3306, "
            "MASTER_LOG_FILE='r2-bin.000012', MASTER_LOG_POS=1234"_s);
        const auto hostile = change.resolvedSql(u"x', MASTER_PASSWORD='p"_s, 1234);
        QVERIFY(!hostile.ok());
        QCOMPARE(hostile.error().code, ErrorCode::InvalidInput);
        QVERIFY(!change.resolvedSql(u"r2-bin.000012"_s, 0).ok());
        const auto plain = plan->steps.at(0).resolvedSql({}, 0);
        QVERIFY(plain.ok());
        QCOMPARE(*plain, QStringList { u"STOP SLAVE"_s });
    }

    void ipv6Host()
    {
        Topology topo(u"m; r1<m"_s);
        topo.with(u"m"_s, [](InstanceRecord& r) { r.key.host = u"fd00::1"_s; });
        topo.with(u"r1"_s, [](InstanceRecord& r) { r.masterKey->host = u"fd00::1"_s; });
        const auto plan = Planner({}, topo.records()).repoint(key(u"r1"_s));
        QVERIFY(plan.ok());
        QVERIFY(plan->steps.at(1).sql.first().contains(u"MASTER_HOST='fd00::1'"_s));
    }
    void hostileHostName()
    {
        Topology topo(u"m; r1<m; r2<m"_s, Server::MariaDB1011, true);
        topo.with(u"r2"_s, [](InstanceRecord& r) { r.key.host = u"r2',MASTER_HOST='evil"_s; });
        const auto plan = Planner({}, topo.records())
                              .relocate(key(u"r1"_s), topo.at(u"r2',MASTER_HOST='evil"_s).key);
        QVERIFY(!plan.ok());
        QCOMPARE(plan.error().code, ErrorCode::InvalidInput);
        QVERIFY(plan.error().message.contains(u"is not a host name"_s));
    }
};

QTEST_GUILESS_MAIN(TestPlannerPlaceholders)
#include "tst_planner_placeholders.moc"
