#include "ops/operationstates.h"

#include <QCoreApplication>

#include "ops/plan.h"
#include "ops/planner.h"
#include "ops/targetverdicts.h"

namespace topograph {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("OperationStates", text);
}

const InstanceRecord* find(const QList<InstanceRecord>& records, const InstanceKey& key)
{
    for (const InstanceRecord& r : records) {
        if (r.key == key) {
            return &r;
        }
    }
    return nullptr;
}

// Pairs of operations of which only the one that applies is shown.
bool visibleFor(Operation operation, const InstanceRecord& r, bool inMaintenance)
{
    switch (operation) {
    case Operation::StopReplica:
        return !(r.isReplica() && r.isReplicationStopped());
    case Operation::StartReplica:
        return r.isReplica() && !r.isReplicating();
    case Operation::SetReadOnly:
        return !r.readOnly;
    case Operation::SetWriteable:
        return r.readOnly;
    case Operation::BeginMaintenance:
        return !inMaintenance;
    case Operation::EndMaintenance:
        return inMaintenance;
    default:
        return true;
    }
}

OperationState planned(Operation operation, const SelectionContext& context, const InstanceKey& key)
{
    OperationState state;
    const OperationInfo& info = OperationRegistry::info(operation);
    if (info.destination != DestinationKind::Required) {
        const Planner planner(context.config, context.cluster, context.flags);
        auto plan = OperationRegistry::plan(planner, operation, key, std::nullopt);
        state.enabled = plan.ok();
        state.toolTip = plan ? plan->summary() : plan.error().message;
        if (plan && !plan->warnings.isEmpty()) {
            state.toolTip += u'\n' + plan->warnings.join(u'\n');
        }
        return state;
    }
    const QList<InstanceKey> candidates
        = TargetVerdicts::candidates(operation, context.cluster, key);
    QString firstRefusal;
    for (const InstanceKey& destination : candidates) {
        const TargetVerdict verdict = TargetVerdicts::verdict(
            operation, context.config, context.cluster, context.flags, key, destination);
        if (verdict.acceptable()) {
            state.enabled = true;
            state.toolTip = OperationRegistry::help(operation);
            return state;
        }
        if (firstRefusal.isEmpty()) {
            firstRefusal = verdict.reason;
        }
    }
    if (candidates.isEmpty()) {
        state.toolTip = operation == Operation::MoveBelow
            ? tr("%1 has no siblings").arg(key.toString())
            : tr("There is no other instance in the cluster of %1").arg(key.toString());
    } else {
        state.toolTip = tr("The planner refuses every destination, e.g.: %1").arg(firstRefusal);
    }
    return state;
}

} // namespace

OperationState OperationStates::of(Operation operation, const SelectionContext& context,
    const std::optional<InstanceKey>& selected)
{
    OperationState state;
    if (!selected) {
        state.toolTip = tr("Select an instance first");
        return state;
    }
    const InstanceRecord* record = find(context.cluster, *selected);
    if (!record) {
        state.toolTip = tr("%1 is not known").arg(selected->toString());
        return state;
    }
    state.visible
        = visibleFor(operation, *record, context.flags.maintenanceLocked.contains(*selected));
    const OperationInfo& info = OperationRegistry::info(operation);
    if (info.kind == OperationKind::View) {
        state.enabled = true;
        state.toolTip = OperationRegistry::help(operation);
        return state;
    }
    if (!context.readOnlyReason.isEmpty()) {
        state.toolTip = context.readOnlyReason;
        return state;
    }
    if (info.kind == OperationKind::Backend) {
        state.enabled = state.visible; // the other half of a pair applies
        state.toolTip = OperationRegistry::help(operation);
        return state;
    }
    if (!context.busyReason.isEmpty()) {
        state.toolTip = context.busyReason;
        return state;
    }
    const bool visible = state.visible;
    state = planned(operation, context, *selected);
    state.visible = visible;
    state.enabled = state.enabled && visible;
    return state;
}

QHash<Operation, OperationState> OperationStates::all(
    const SelectionContext& context, const std::optional<InstanceKey>& selected)
{
    QHash<Operation, OperationState> states;
    for (const OperationInfo& info : OperationRegistry::all()) {
        states.insert(info.operation, of(info.operation, context, selected));
    }
    return states;
}

} // namespace topograph
