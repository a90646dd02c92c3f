#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include "config/configuration.h"
#include "ops/plannerflags.h"
#include "probe/instancerecord.h"

namespace topograph {

// What the planner says about relocating one instance below another: the answer the canvas
// colours a card with while a drag runs (DESIGN §10).
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

    friend bool operator==(const TargetVerdict&, const TargetVerdict&) = default;
};

// Asks the Planner, for every record other than `dragged`, whether `dragged` can be relocated
// below it, using the records as they are known (the plan that actually runs is made again from
// fresh probes after the drop). Pure: no SQL.
class TargetVerdicts final
{
public:
    static QHash<InstanceKey, TargetVerdict> forRelocate(const Configuration& config,
        const QList<InstanceRecord>& records, const PlannerFlags& flags,
        const InstanceKey& dragged);
};

} // namespace topograph
