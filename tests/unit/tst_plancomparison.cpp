// PlanComparison (issue 12, finding 4): a plan made again right before it runs may replace the
// previewed one only when it does the same: each kind of difference is named, while run-time
// coordinates, descriptions and warnings do not count.
#include <QTest>

#include <functional>

#include "ops/plan.h"
#include "ops/plancomparison.h"

using namespace Qt::StringLiterals;
using namespace topograph;

namespace {

InstanceKey key(const QString& text)
{
    return *InstanceKey::parse(text, 3306);
}

PlanStep step(PlanStep::Kind kind, const QString& instance, const QString& sql)
{
    PlanStep s;
    s.kind = kind;
    s.instance = key(instance);
    s.sql = { sql };
    s.description = u"%1 on %2"_s.arg(sql, instance);
    return s;
}

// A file:pos move below a sibling: db3 catches up with db2, then points at db2's own binlog.
Plan basePlan()
{
    Plan plan;
    plan.operation = Operation::MoveBelow;
    plan.title = u"move db3:3306 below db2:3306"_s;
    plan.method = Method::MoveBelow;
    plan.methodDetail = u"binlog file:pos (move below sibling)"_s;
    const CoordinateRef sibling { key(u"db2:3306"_s), CoordinateRef::Source::Exec };
    const CoordinateRef own { key(u"db2:3306"_s), CoordinateRef::Source::OwnBinlog };
    PlanStep until = step(PlanStep::Kind::StartUntil, u"db3:3306"_s,
        u"START SLAVE UNTIL MASTER_LOG_FILE='${db2:3306.exec_file}', "
        "MASTER_LOG_POS=${db2:3306.exec_pos}"_s);
    until.coordinates = sibling;
    until.onlyIfBehind = key(u"db2:3306"_s);
    PlanStep change = step(PlanStep::Kind::ChangeMaster, u"db3:3306"_s,
        u"CHANGE MASTER TO MASTER_HOST='db2', MASTER_PORT=3306, "
        "MASTER_LOG_FILE='${db2:3306.binlog_file}', MASTER_LOG_POS=${db2:3306.binlog_pos}"_s);
    change.newMaster = key(u"db2:3306"_s);
    change.coordinates = own;
    plan.steps = { step(PlanStep::Kind::StopReplica, u"db2:3306"_s, u"STOP SLAVE"_s),
        step(PlanStep::Kind::StopReplica, u"db3:3306"_s, u"STOP SLAVE"_s), until, change,
        step(PlanStep::Kind::StartReplica, u"db3:3306"_s, u"START SLAVE"_s),
        step(PlanStep::Kind::StartReplica, u"db2:3306"_s, u"START SLAVE"_s) };
    plan.expected = { ExpectedState { key(u"db3:3306"_s), key(u"db2:3306"_s), true, {} },
        ExpectedState { key(u"db2:3306"_s), key(u"db1:3306"_s), true, {} } };
    plan.stopsReplication = { key(u"db2:3306"_s), key(u"db3:3306"_s) };
    plan.touched = { key(u"db2:3306"_s), key(u"db3:3306"_s) };
    plan.warnings = { u"db2:3306 lags 3 s behind its master"_s };
    return plan;
}

using Change = std::function<void(Plan&)>;

} // namespace

class TestPlanComparison final : public QObject
{
    Q_OBJECT

private:
    QHash<QString, Change> m_changes;

private Q_SLOTS:
    void initTestCase()
    {
        m_changes = {
            { u"nothing"_s, [](Plan&) {} },
            { u"wording, warnings and ages"_s,
                [](Plan& p) {
                    for (PlanStep& s : p.steps) {
                        s.description += u" (now)"_s;
                    }
                    p.warnings = { u"db2:3306 lags 17 s behind its master"_s };
                    p.title += u" "_s;
                } },
            { u"operation"_s, [](Plan& p) { p.operation = Operation::Relocate; } },
            { u"method"_s,
                [](Plan& p) {
                    p.method = Method::Gtid;
                    p.methodDetail = u"GTID (MASTER_USE_GTID=slave_pos)"_s;
                } },
            { u"statement"_s, [](Plan& p) { p.steps[3].sql[0].replace(u"db2'"_s, u"db4'"_s); } },
            { u"instance"_s, [](Plan& p) { p.steps[0].instance = key(u"db4:3306"_s); } },
            { u"new master"_s, [](Plan& p) { p.steps[3].newMaster = key(u"db4:3306"_s); } },
            { u"coordinates"_s,
                [](Plan& p) { p.steps[3].coordinates.source = CoordinateRef::Source::Exec; } },
            { u"catch-up condition"_s, [](Plan& p) { p.steps[2].onlyIfBehind.reset(); } },
            { u"master before"_s,
                [](Plan& p) {
                    p.steps[3].checksMasterBefore = true;
                    p.steps[3].masterBefore = key(u"db5:3306"_s);
                } },
            { u"step added"_s,
                [](Plan& p) {
                    p.steps << step(
                        PlanStep::Kind::SetReadOnly, u"db3:3306"_s, u"SET GLOBAL read_only = 1"_s);
                } },
            { u"step removed"_s, [](Plan& p) { p.steps.removeAt(2); } },
            { u"expected master"_s, [](Plan& p) { p.expected[0].master = key(u"db1:3306"_s); } },
            { u"expected replication stopped"_s,
                [](Plan& p) { p.expected[1].replicating = false; } },
            { u"expected state added"_s,
                [](Plan& p) {
                    p.expected << ExpectedState { key(u"db5:3306"_s), std::nullopt, true, {} };
                } },
            { u"stops replication"_s, [](Plan& p) { p.stopsReplication.removeLast(); } },
        };
    }

    void differences_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QStringList>("mentions"); // empty: the plans count as equal
        QTest::newRow("equal") << u"nothing"_s << QStringList {};
        QTest::newRow("ignored") << u"wording, warnings and ages"_s << QStringList {};
        QTest::newRow("operation") << u"operation"_s << QStringList { u"relocate"_s };
        QTest::newRow("method") << u"method"_s << QStringList { u"GTID"_s, u"move below"_s };
        QTest::newRow("statement")
            << u"statement"_s << QStringList { u"step 4"_s, u"db4'"_s, u"db2'"_s };
        QTest::newRow("instance") << u"instance"_s << QStringList { u"step 1"_s, u"db4:3306"_s };
        QTest::newRow("new master")
            << u"new master"_s << QStringList { u"step 4"_s, u"new master db4:3306"_s };
        QTest::newRow("coordinates")
            << u"coordinates"_s << QStringList { u"step 4"_s, u"exec_file"_s, u"binlog_file"_s };
        QTest::newRow("catch-up condition")
            << u"catch-up condition"_s << QStringList { u"step 3"_s, u"only if behind"_s };
        QTest::newRow("master before")
            << u"master before"_s << QStringList { u"step 4"_s, u"replicating from db5:3306"_s };
        QTest::newRow("step added")
            << u"step added"_s << QStringList { u"7 step(s) now"_s, u"step 7 is new"_s };
        QTest::newRow("step removed")
            << u"step removed"_s << QStringList { u"5 step(s) now"_s, u"step 6 is gone"_s };
        QTest::newRow("expected master")
            << u"expected master"_s << QStringList { u"db3:3306"_s, u"db1:3306"_s };
        QTest::newRow("expected replication stopped")
            << u"expected replication stopped"_s << QStringList { u"db2:3306"_s, u"stopped"_s };
        QTest::newRow("expected state added")
            << u"expected state added"_s << QStringList { u"db5:3306"_s, u"not a replica"_s };
        QTest::newRow("stops replication")
            << u"stops replication"_s << QStringList { u"stops replication"_s };
    }
    void differences()
    {
        QFETCH(QString, change);
        QFETCH(QStringList, mentions);
        QVERIFY(m_changes.contains(change));
        const Plan previewed = basePlan();
        Plan fresh = basePlan();
        m_changes.value(change)(fresh);
        const QStringList found = PlanComparison::differences(previewed, fresh);
        if (mentions.isEmpty()) {
            QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
            return;
        }
        QVERIFY(!found.isEmpty());
        const QString text = found.join(u'\n');
        for (const QString& mention : mentions) {
            QVERIFY2(text.contains(mention), qPrintable(mention + u" not in:\n"_s + text));
        }
        // The comparison is symmetric in what it finds.
        QCOMPARE(PlanComparison::differences(fresh, previewed).isEmpty(), false);
    }
};

QTEST_GUILESS_MAIN(TestPlanComparison)
#include "tst_plancomparison.moc"
