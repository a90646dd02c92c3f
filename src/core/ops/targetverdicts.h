#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include "config/configuration.h"
#include "ops/operationregistry.h"
#include "ops/plannerflags.h"
#include "probe/instancerecord.h"

namespace topograph {

// What the planner says about one destination of an operation that takes one (relocating one
// instance below another, say): the answer the canvas colours a card with while a drag runs, and
// the "Move to…" picker lists (DESIGN §10).
struct TargetVerdict
{
    enum class Kind {
        Valid,
        Warning, // valid, with warnings (the reason lists them)
        Refused, // the reason is the planner's refusal
    };
    Kind kind = Kind::Refused;
    QString reason;
    QString method; // the plan's method line when valid

    bool acceptable() const { return kind != Kind::Refused; }

    friend bool operator==(const TargetVerdict&, const TargetVerdict&) = default;
};

// Asks the Planner, for every candidate destination, whether the operation can be done with it,
// using the records as they are known (the plan that actually runs is made again from fresh
// probes when it is asked for). Pure: no SQL.
class TargetVerdicts final
{
public:
    // The destinations worth offering for operation on instance: its siblings for move-below,
    // every other instance of the records for the rest. Sorted by key.
    static QList<InstanceKey> candidates(
        Operation operation, const QList<InstanceRecord>& records, const InstanceKey& instance);
    // The planner's answer for every candidate of a Replication operation with a destination.
    static QHash<InstanceKey, TargetVerdict> forOperation(Operation operation,
        const Configuration& config, const QList<InstanceRecord>& records,
        const PlannerFlags& flags, const InstanceKey& instance);
    static QHash<InstanceKey, TargetVerdict> forRelocate(const Configuration& config,
        const QList<InstanceRecord>& records, const PlannerFlags& flags, const InstanceKey& dragged)
    {
        return forOperation(Operation::Relocate, config, records, flags, dragged);
    }
    // The planner's answer for one destination.
    static TargetVerdict verdict(Operation operation, const Configuration& config,
        const QList<InstanceRecord>& records, const PlannerFlags& flags,
        const InstanceKey& instance, const InstanceKey& destination);
};

} // namespace topograph
