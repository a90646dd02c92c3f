// The operation registry and the states the menus, the context menu and the details panel show
// for one selected instance: one table in enum order that the CLI and the app read, pairs of
// which only the applicable one is shown, the planner's refusals as reasons, read-only mode and
// a running operation disabling changes, destinations offered only when the planner accepts one.
#include <QTest>

#include "ops/operationregistry.h"
#include "ops/operationstates.h"
#include "ops/planner.h"
#include "ops/targetverdicts.h"
#include "plannerfixture.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

namespace {

// m is the primary, r1 an intermediate master, r1a a leaf, r2 a stopped replica.
const QString kTree = u"m; r1<m; r2<m; r3<m; r1a<r1"_s;

SelectionContext contextOf(const Topology& t)
{
    SelectionContext c;
    c.cluster = t.records();
    return c;
}

Topology tree()
{
    Topology t(kTree, Server::MariaDB1011, true);
    t.with(u"r2"_s, [](InstanceRecord& r) { r.ioThreadRunning = r.sqlThreadRunning = false; });
    return t;
}

} // namespace

class TestOperationStates final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void registryIsOneTableInEnumOrder()
    {
        const QList<OperationInfo>& all = OperationRegistry::all();
        QCOMPARE(all.size(), static_cast<qsizetype>(Operation::RegisterCandidate) + 1);
        QSet<QString> names;
        for (qsizetype i = 0; i < all.size(); ++i) {
            const OperationInfo& info = all.at(i);
            QCOMPARE(static_cast<qsizetype>(info.operation), i);
            QVERIFY(!OperationRegistry::label(info.operation).isEmpty());
            QVERIFY(!OperationRegistry::help(info.operation).isEmpty());
            // Replication operations are planned by the planner and named like orchestrator's.
            QCOMPARE(info.kind == OperationKind::Replication, info.plan != nullptr);
            if (info.kind != OperationKind::View) {
                const QString name = OperationRegistry::cliName(info.operation);
                QVERIFY2(!name.isEmpty(), qPrintable(OperationRegistry::label(info.operation)));
                QVERIFY2(!names.contains(name), qPrintable(name));
                names.insert(name);
                QCOMPARE(OperationRegistry::fromCliName(name), std::optional(info.operation));
                QVERIFY(!QString::fromUtf8(info.summary).isEmpty());
            }
        }
        QCOMPARE(OperationRegistry::fromCliName(u"no-such-command"_s), std::nullopt);
        QCOMPARE(OperationRegistry::fromCliName(QString()), std::nullopt);
        QCOMPARE(OperationRegistry::plainLabel(Operation::Relocate), u"Move to"_s);
    }

    void registryPlansThroughThePlanner()
    {
        const Topology t(kTree, Server::MariaDB1011, true);
        const Planner planner({}, t.records());
        auto plan = OperationRegistry::plan(planner, Operation::MoveUp, key(u"r1a"_s), {});
        QVERIFY(plan.ok());
        QCOMPARE(plan->operation, Operation::MoveUp);
        auto missing = OperationRegistry::plan(planner, Operation::Relocate, key(u"r1a"_s), {});
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.contains(u"-d"_s));
        auto notPlanned = OperationRegistry::plan(planner, Operation::Forget, key(u"r1a"_s), {});
        QCOMPARE(notPlanned.error().code, ErrorCode::InvalidInput);
    }

    void statesFollowThePlanner_data()
    {
        QTest::addColumn<QString>("instance");
        QTest::addColumn<int>("operation");
        QTest::addColumn<bool>("visible");
        QTest::addColumn<bool>("enabled");
        const auto row = [](const char* name, const QString& instance, Operation op, bool visible,
                             bool enabled) {
            QTest::newRow(name) << instance << static_cast<int>(op) << visible << enabled;
        };
        row("primary: move up", u"m"_s, Operation::MoveUp, true, false);
        row("primary: take master", u"m"_s, Operation::TakeMaster, true, false);
        row("primary: move to", u"m"_s, Operation::Relocate, true, false);
        row("primary: stop", u"m"_s, Operation::StopReplica, true, false);
        row("primary: start hidden", u"m"_s, Operation::StartReplica, false, false);
        row("primary: set read-only", u"m"_s, Operation::SetReadOnly, true, true);
        row("primary: writeable hidden", u"m"_s, Operation::SetWriteable, false, false);
        row("primary: replicas up", u"m"_s, Operation::MoveUpReplicas, true, false);
        row("primary: refresh", u"m"_s, Operation::Refresh, true, true);
        row("intermediate: replicas up", u"r1"_s, Operation::MoveUpReplicas, true, true);
        row("intermediate: move up", u"r1"_s, Operation::MoveUp, true, false);
        row("intermediate: move below", u"r1"_s, Operation::MoveBelow, true, true);
        row("leaf: move up", u"r1a"_s, Operation::MoveUp, true, true);
        row("leaf: move to", u"r1a"_s, Operation::Relocate, true, true);
        row("leaf: move below", u"r1a"_s, Operation::MoveBelow, true, false);
        row("leaf: stop", u"r1a"_s, Operation::StopReplica, true, true);
        row("leaf: start hidden", u"r1a"_s, Operation::StartReplica, false, false);
        row("leaf: writeable", u"r1a"_s, Operation::SetWriteable, true, true);
        row("leaf: read-only hidden", u"r1a"_s, Operation::SetReadOnly, false, false);
        row("leaf: begin maintenance", u"r1a"_s, Operation::BeginMaintenance, true, true);
        row("leaf: end maintenance hidden", u"r1a"_s, Operation::EndMaintenance, false, false);
        row("stopped: start", u"r2"_s, Operation::StartReplica, true, true);
        row("stopped: stop hidden", u"r2"_s, Operation::StopReplica, false, false);
        row("stopped: forget", u"r2"_s, Operation::Forget, true, true);
    }
    void statesFollowThePlanner()
    {
        QFETCH(QString, instance);
        QFETCH(int, operation);
        QFETCH(bool, visible);
        QFETCH(bool, enabled);
        const OperationState state = OperationStates::of(
            static_cast<Operation>(operation), contextOf(tree()), key(instance));
        QCOMPARE(state.visible, visible);
        QVERIFY2(state.enabled == enabled, qPrintable(state.toolTip));
        QVERIFY(!state.toolTip.isEmpty());
    }

    void refusalsCarryThePlannersReason()
    {
        const Topology t = tree();
        const OperationState moveUp
            = OperationStates::of(Operation::MoveUp, contextOf(t), key(u"m"_s));
        const Planner planner({}, t.records());
        QCOMPARE(moveUp.toolTip, planner.moveUp(key(u"m"_s)).error().message);
        const OperationState below
            = OperationStates::of(Operation::MoveBelow, contextOf(t), key(u"r1a"_s));
        QVERIFY2(below.toolTip.contains(u"no siblings"_s), qPrintable(below.toolTip));
    }

    void readOnlyAndARunningOperationDisableChanges()
    {
        SelectionContext c = contextOf(tree());
        c.readOnlyReason = u"Read-only mode"_s;
        c.flags.readOnly = true;
        for (const OperationInfo& info : OperationRegistry::all()) {
            const OperationState s = OperationStates::of(info.operation, c, key(u"r1a"_s));
            QCOMPARE(s.enabled, info.kind == OperationKind::View);
            if (info.kind != OperationKind::View) {
                QCOMPARE(s.toolTip, u"Read-only mode"_s);
            }
        }
        SelectionContext busy = contextOf(tree());
        busy.busyReason = u"An operation is running"_s;
        QVERIFY(!OperationStates::of(Operation::MoveUp, busy, key(u"r1a"_s)).enabled);
        QVERIFY(OperationStates::of(Operation::BeginMaintenance, busy, key(u"r1a"_s)).enabled);
    }

    void maintenanceShowsEndAndBlocksMoves()
    {
        SelectionContext c = contextOf(tree());
        c.flags.maintenanceLocked.insert(key(u"r1a"_s));
        QVERIFY(!OperationStates::of(Operation::BeginMaintenance, c, key(u"r1a"_s)).visible);
        QVERIFY(OperationStates::of(Operation::EndMaintenance, c, key(u"r1a"_s)).enabled);
        QVERIFY(!OperationStates::of(Operation::MoveUp, c, key(u"r1a"_s)).enabled);
    }

    void nothingSelected()
    {
        for (const auto& [op, state] :
            OperationStates::all(contextOf(tree()), std::nullopt).asKeyValueRange()) {
            QVERIFY(!state.enabled);
            QVERIFY(state.visible);
        }
        QVERIFY(
            !OperationStates::of(Operation::Refresh, contextOf(tree()), key(u"gone"_s)).enabled);
    }

    void destinationsOfMoveBelowAreSiblings()
    {
        const Topology t = tree();
        const QList<InstanceKey> siblings
            = TargetVerdicts::candidates(Operation::MoveBelow, t.records(), key(u"r1"_s));
        QCOMPARE(siblings, (QList<InstanceKey> { key(u"r2"_s), key(u"r3"_s) }));
        const QList<InstanceKey> all
            = TargetVerdicts::candidates(Operation::Relocate, t.records(), key(u"r1a"_s));
        QCOMPARE(
            all, (QList<InstanceKey> { key(u"m"_s), key(u"r1"_s), key(u"r2"_s), key(u"r3"_s) }));
        const auto verdicts
            = TargetVerdicts::forOperation(Operation::Relocate, {}, t.records(), {}, key(u"m"_s));
        QCOMPARE(verdicts.size(), 4);
        for (const TargetVerdict& v : verdicts) {
            QVERIFY(!v.acceptable()); // all are its replicas
            QVERIFY(!v.reason.isEmpty());
        }
        QVERIFY(
            TargetVerdicts::forOperation(Operation::Relocate, {}, t.records(), {}, key(u"r1a"_s))
                .value(key(u"m"_s))
                .acceptable());
    }
};

QTEST_GUILESS_MAIN(TestOperationStates)
#include "tst_operationstates.moc"
