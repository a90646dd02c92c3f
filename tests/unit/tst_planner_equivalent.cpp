// move-equivalent's planner: it moves the replica to the recorded equivalent position (read
// from either side of a master_position_equivalence row), checks at run time that the replica
// still stands where the row says, and refuses, naming the cause, when no row joins the
// replica's position to the destination, for GTID replicas, below itself and in read-only mode.
#include <QTest>

#include "ops/planner.h"
#include "plannerfixture.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

Q_DECLARE_METATYPE(topograph::PositionEquivalence)

namespace {

// r1 has executed m's binlog up to m-bin.000007:3000 (the fixture's exec coordinates).
const QString kTree = u"m; r1<m; r2<m"_s;
const BinlogPosition kR1OnM { u"m-bin.000007"_s, 3000 };
const BinlogPosition kOnR2 { u"r2-bin.000003"_s, 777 };

PlannerFlags withRows(const QList<PositionEquivalence>& rows)
{
    PlannerFlags flags;
    flags.equivalences = rows;
    return flags;
}

void verifyRefused(const Result<Plan>& plan, const QStringList& needles)
{
    QVERIFY2(!plan.ok(), "the plan was not refused");
    QCOMPARE(plan.error().code, ErrorCode::Refused);
    for (const QString& needle : needles) {
        QVERIFY2(plan.error().message.contains(needle),
            qPrintable(u"\"%1\" not in: %2"_s.arg(needle, plan.error().message)));
    }
}

} // namespace

class TestPlannerEquivalent final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void movesToTheRecordedPosition_data()
    {
        QTest::addColumn<PositionEquivalence>("row");
        QTest::newRow("replica's master on the left")
            << PositionEquivalence { key(u"m"_s), kR1OnM, key(u"r2"_s), kOnR2 };
        QTest::newRow("replica's master on the right")
            << PositionEquivalence { key(u"r2"_s), kOnR2, key(u"m"_s), kR1OnM };
    }
    void movesToTheRecordedPosition()
    {
        QFETCH(PositionEquivalence, row);
        const Topology t(kTree);
        // A row for another position, and one for another server, must not be used.
        const PositionEquivalence otherPosition { key(u"m"_s), { u"m-bin.000007"_s, 2999 },
            key(u"r2"_s), { u"r2-bin.000003"_s, 1 } };
        const PositionEquivalence otherServer { key(u"m"_s), kR1OnM, key(u"x"_s), kOnR2 };
        const Planner planner(
            Configuration {}, t.records(), withRows({ otherPosition, otherServer, row }));
        auto plan = planner.moveEquivalent(key(u"r1"_s), key(u"r2"_s));
        QVERIFY2(plan.ok(), qPrintable(plan ? QString() : plan.error().message));
        QCOMPARE(plan->operation, Operation::MoveEquivalent);
        QCOMPARE(plan->method, Method::Equivalent);
        QVERIFY2(plan->methodDetail.contains(u"m-bin.000007:3000"_s)
                && plan->methodDetail.contains(u"r2-bin.000003:777"_s),
            qPrintable(plan->methodDetail));
        compareLines(statements(*plan),
            { u"r1:3306: STOP SLAVE"_s, u"r1:3306: SHOW SLAVE STATUS"_s,
                u"r1:3306: CHANGE MASTER TO MASTER_HOST='r2', MASTER_PORT=3306, "
                "MASTER_LOG_FILE='r2-bin.000003', MASTER_LOG_POS=777"_s,
                u"r1:3306: START SLAVE"_s });
        QCOMPARE(plan->steps.at(1).kind, PlanStep::Kind::CheckExecuted);
        QCOMPARE(plan->steps.at(1).executedAt, kR1OnM);
        QCOMPARE(plan->steps.at(1).masterBefore, std::optional(key(u"m"_s)));
        QCOMPARE(plan->steps.at(2).masterBefore, std::optional(key(u"m"_s)));
        QVERIFY(plan->steps.at(2).checksMasterBefore);
        QCOMPARE(plan->expected.size(), 1);
        QCOMPARE(plan->expected.first().instance, key(u"r1"_s));
        QCOMPARE(plan->expected.first().master, std::optional(key(u"r2"_s)));
        QVERIFY(plan->expected.first().replicating);
        QCOMPARE(plan->stopsReplication, QList<InstanceKey> { key(u"r1"_s) });
    }

    void refusedWithoutAnEquivalence()
    {
        const Topology t(kTree);
        const PositionEquivalence stale { key(u"m"_s), { u"m-bin.000007"_s, 2999 }, key(u"r2"_s),
            kOnR2 };
        const Planner planner(Configuration {}, t.records(), withRows({ stale }));
        verifyRefused(planner.moveEquivalent(key(u"r1"_s), key(u"r2"_s)),
            { u"no equivalent position is known for r1:3306"_s, u"m-bin.000007:3000"_s, u"m:3306"_s,
                u"on r2:3306"_s, u"master_position_equivalence"_s });
    }

    void refusals_data()
    {
        QTest::addColumn<bool>("gtid");
        QTest::addColumn<QString>("replica");
        QTest::addColumn<QString>("target");
        QTest::addColumn<bool>("readOnly");
        QTest::addColumn<QStringList>("needles");
        QTest::newRow("GTID replica") << true << u"r1"_s << u"r2"_s << false
                                      << QStringList { u"r1:3306 replicates with GTID"_s };
        QTest::newRow("below itself")
            << false << u"r1"_s << u"r1"_s << false << QStringList { u"below itself"_s };
        QTest::newRow("not a replica")
            << false << u"m"_s << u"r2"_s << false << QStringList { u"m:3306 is not a replica"_s };
        QTest::newRow("already there") << false << u"r1"_s << u"m"_s << false
                                       << QStringList { u"r1:3306 already replicates from m"_s };
        QTest::newRow("read-only")
            << false << u"r1"_s << u"r2"_s << true << QStringList { u"read-only"_s };
    }
    void refusals()
    {
        QFETCH(bool, gtid);
        QFETCH(QString, replica);
        QFETCH(QString, target);
        QFETCH(bool, readOnly);
        QFETCH(QStringList, needles);
        const Topology t(kTree, Server::MariaDB1011, gtid);
        PlannerFlags flags = withRows({ { key(u"m"_s), kR1OnM, key(u"r2"_s), kOnR2 } });
        flags.readOnly = readOnly;
        const Planner planner(Configuration {}, t.records(), flags);
        verifyRefused(planner.moveEquivalent(key(replica), key(target)), needles);
    }
};

QTEST_GUILESS_MAIN(TestPlannerEquivalent)
#include "tst_planner_equivalent.moc"
