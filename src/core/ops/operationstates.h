#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

#include "config/configuration.h"
#include "ops/operationregistry.h"
#include "ops/plannerflags.h"
#include "probe/instancerecord.h"

namespace topograph {

// Whether an operation is offered for the selected instance, and why not (DESIGN §10: menus,
// context menu and panels enable an operation from the planner's verdict, all alike).
struct OperationState
{
    bool visible = true; // false: the other half of a pair applies (start/stop, begin/end, ro/rw)
    bool enabled = false;
    QString toolTip; // why it is disabled; else what it would do

    friend bool operator==(const OperationState&, const OperationState&) = default;
};

// What the states are computed from: the latest known records of the selected instance's
// cluster, and what forbids changes now.
struct SelectionContext
{
    Configuration config;
    QList<InstanceRecord> cluster;
    PlannerFlags flags; // read-only mode and the instances with an active maintenance lock
    QString readOnlyReason; // non-empty: every change is disabled with this reason
    QString busyReason; // non-empty: replication changes wait (an operation is running)
    QString ghostReason; // non-empty: the selected instance's cluster is a ghost (this is why)
};

// The verdicts for every operation of the registry on one selected instance. Replication
// operations ask the Planner on the context's records (those with a destination are enabled
// when the planner accepts at least one destination); a pure function, no SQL.
class OperationStates final
{
public:
    static OperationState of(Operation operation, const SelectionContext& context,
        const std::optional<InstanceKey>& selected);
    static QHash<Operation, OperationState> all(
        const SelectionContext& context, const std::optional<InstanceKey>& selected);
};

} // namespace topograph
