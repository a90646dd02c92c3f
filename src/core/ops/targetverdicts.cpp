#include "ops/targetverdicts.h"

#include "ops/planner.h"

using namespace Qt::StringLiterals;

namespace topograph {

QHash<InstanceKey, TargetVerdict> TargetVerdicts::forRelocate(const Configuration& config,
    const QList<InstanceRecord>& records, const PlannerFlags& flags, const InstanceKey& dragged)
{
    QHash<InstanceKey, TargetVerdict> verdicts;
    const Planner planner(config, records, flags);
    for (const InstanceRecord& target : records) {
        if (target.key == dragged) {
            continue;
        }
        TargetVerdict verdict;
        auto plan = planner.relocate(dragged, target.key);
        if (!plan) {
            verdict.kind = TargetVerdict::Kind::Refused;
            verdict.reason = plan.error().message;
        } else {
            verdict.kind = plan->warnings.isEmpty() ? TargetVerdict::Kind::Valid
                                                    : TargetVerdict::Kind::Warning;
            verdict.reason = plan->warnings.join(u'\n');
            verdict.method
                = plan->methodDetail.isEmpty() ? methodName(plan->method) : plan->methodDetail;
        }
        verdicts.insert(target.key, verdict);
    }
    return verdicts;
}

} // namespace topograph
