#include "ops/operationstates.h"

#include <QCoreApplication>

#include "ops/plan.h"
#include "ops/planner.h"
#include "ops/targetverdicts.h"

namespace topograph {

namespace {

// Pairs of operations of which only the one that applies is shown.
bool visibleFor(Operation operation, const InstanceRecord& r, bool inMaintenance)
{
    switch (operation) {
    case Operation::StopReplica:
        return !(r.isReplica() && r.isReplicationStopped());
    case Operation::StartReplica:
        return r.isReplica() && !r.isReplicating();
    case Operation::RestartReplica:
        return r.isReplica();
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

// Asks the planner about the operations of one selected instance, with one Planner for all of
// them (building one indexes the whole cluster).
class Verdicts final
{
public:
    Verdicts(const SelectionContext& context, const InstanceRecord& selected)
        : m_context(context)
        , m_selected(selected)
        , m_planner(context.config, context.cluster, context.flags)
    {
        for (const InstanceRecord& r : context.cluster) {
            m_hasReplicas = m_hasReplicas || r.masterKey == selected.key;
        }
    }

    OperationState of(Operation operation) const;

private:
    OperationState withDestination(Operation operation) const;

    const SelectionContext& m_context;
    const InstanceRecord& m_selected;
    Planner m_planner;
    bool m_hasReplicas = false;
};

OperationState Verdicts::of(Operation operation) const
{
    const InstanceKey& key = m_selected.key;
    OperationState state;
    state.visible
        = visibleFor(operation, m_selected, m_context.flags.maintenanceLocked.contains(key));
    if (operation == Operation::ForgetCluster) {
        state.visible = !m_context.ghostReason.isEmpty(); // offered on ghost clusters only
    }
    const OperationInfo& info = OperationRegistry::info(operation);
    if (info.kind == OperationKind::View) {
        state.enabled = true;
        state.toolTip = OperationRegistry::help(operation);
        return state;
    }
    if (!m_context.readOnlyReason.isEmpty()) {
        state.toolTip = m_context.readOnlyReason;
        return state;
    }
    if (info.kind == OperationKind::Backend) {
        state.enabled = state.visible; // the other half of a pair applies
        state.toolTip = OperationRegistry::help(operation);
        return state;
    }
    if (!m_context.busyReason.isEmpty()) {
        state.toolTip = m_context.busyReason;
        return state;
    }
    const bool visible = state.visible;
    if (info.destination == DestinationKind::Required) {
        state = withDestination(operation);
    } else {
        auto plan = OperationRegistry::plan(m_planner, operation, key, std::nullopt);
        state.enabled = plan.ok();
        state.toolTip = plan ? plan->summary() : plan.error().message;
        if (plan && !plan->warnings.isEmpty()) {
            state.toolTip += u'\n' + plan->warnings.join(u'\n');
        }
    }
    state.visible = visible;
    state.enabled = state.enabled && visible;
    return state;
}

// Enabled when the planner accepts at least one destination; else its first refusal.
OperationState Verdicts::withDestination(Operation operation) const
{
    const InstanceKey& key = m_selected.key;
    OperationState state;
    const QList<InstanceKey> candidates
        = TargetVerdicts::candidates(operation, m_context.cluster, key);
    if (candidates.isEmpty()) {
        state.toolTip = operation == Operation::MoveBelow
            ? QCoreApplication::translate("OperationStates", "%1 has no siblings")
                  .arg(key.toString())
            : QCoreApplication::translate(
                "OperationStates", "There is no other instance in the cluster of %1")
                  .arg(key.toString());
        return state;
    }
    // What no destination can change is refused once, with the planner's own words, instead of
    // once per destination (a leaf has no replicas to move; a primary is moved by no relocate).
    const bool movesReplicas = operation == Operation::RelocateReplicas;
    if ((movesReplicas && !m_hasReplicas) || (!movesReplicas && !m_selected.isReplica())) {
        auto plan = OperationRegistry::plan(m_planner, operation, key, candidates.constFirst());
        state.enabled = plan.ok();
        state.toolTip = plan ? OperationRegistry::help(operation) : plan.error().message;
        return state;
    }
    QString firstRefusal;
    for (const InstanceKey& destination : candidates) {
        auto plan = OperationRegistry::plan(m_planner, operation, key, destination);
        if (plan) {
            state.enabled = true;
            state.toolTip = OperationRegistry::help(operation);
            return state;
        }
        if (firstRefusal.isEmpty()) {
            firstRefusal = plan.error().message;
        }
    }
    state.toolTip = QCoreApplication::translate(
        "OperationStates", "The planner refuses every destination, e.g.: %1")
                        .arg(firstRefusal);
    return state;
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

// Without a known selected instance every operation is disabled, with the reason.
std::optional<OperationState> nothingToAsk(
    const SelectionContext& context, const std::optional<InstanceKey>& selected)
{
    if (!selected) {
        return OperationState { true, false,
            QCoreApplication::translate("OperationStates", "Select an instance first") };
    }
    if (!find(context.cluster, *selected)) {
        return OperationState { true, false,
            QCoreApplication::translate("OperationStates", "%1 is not known")
                .arg(selected->toString()) };
    }
    return std::nullopt;
}

} // namespace

OperationState OperationStates::of(Operation operation, const SelectionContext& context,
    const std::optional<InstanceKey>& selected)
{
    if (auto none = nothingToAsk(context, selected)) {
        return *none;
    }
    return Verdicts(context, *find(context.cluster, *selected)).of(operation);
}

QHash<Operation, OperationState> OperationStates::all(
    const SelectionContext& context, const std::optional<InstanceKey>& selected)
{
    QHash<Operation, OperationState> states;
    const std::optional<OperationState> none = nothingToAsk(context, selected);
    const std::optional<Verdicts> verdicts = none
        ? std::nullopt
        : std::optional<Verdicts>(std::in_place, context, *find(context.cluster, *selected));
    for (const OperationInfo& info : OperationRegistry::all()) {
        states.insert(info.operation, none ? *none : verdicts->of(info.operation));
    }
    return states;
}

} // namespace topograph
