#include "ops/targetverdicts.h"

#include <algorithm>

#include <QSet>

#include "ops/planner.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

TargetVerdict verdictOf(const Result<Plan>& plan)
{
    TargetVerdict verdict;
    if (!plan) {
        verdict.kind = TargetVerdict::Kind::Refused;
        verdict.reason = plan.error().message;
        return verdict;
    }
    verdict.kind
        = plan->warnings.isEmpty() ? TargetVerdict::Kind::Valid : TargetVerdict::Kind::Warning;
    verdict.reason = plan->warnings.join(u'\n');
    verdict.method = plan->methodDetail.isEmpty() ? methodName(plan->method) : plan->methodDetail;
    return verdict;
}

} // namespace

QList<InstanceKey> TargetVerdicts::candidates(
    Operation operation, const QList<InstanceRecord>& records, const InstanceKey& instance)
{
    std::optional<InstanceKey> master;
    for (const InstanceRecord& r : records) {
        if (r.key == instance) {
            master = r.masterKey;
        }
    }
    QList<InstanceKey> keys;
    QSet<InstanceKey> seen;
    for (const InstanceRecord& r : records) {
        if (r.key == instance || seen.contains(r.key)) {
            continue;
        }
        if (operation == Operation::MoveBelow && (!master || r.masterKey != master)) {
            continue; // move-below takes a sibling
        }
        seen.insert(r.key);
        keys << r.key;
    }
    std::sort(keys.begin(), keys.end());
    return keys;
}

QHash<InstanceKey, TargetVerdict> TargetVerdicts::forOperation(Operation operation,
    const Configuration& config, const QList<InstanceRecord>& records, const PlannerFlags& flags,
    const InstanceKey& instance)
{
    QHash<InstanceKey, TargetVerdict> verdicts;
    const Planner planner(config, records, flags);
    for (const InstanceKey& target : candidates(operation, records, instance)) {
        verdicts.insert(
            target, verdictOf(OperationRegistry::plan(planner, operation, instance, target)));
    }
    return verdicts;
}

TargetVerdict TargetVerdicts::verdict(Operation operation, const Configuration& config,
    const QList<InstanceRecord>& records, const PlannerFlags& flags, const InstanceKey& instance,
    const InstanceKey& destination)
{
    const Planner planner(config, records, flags);
    return verdictOf(OperationRegistry::plan(planner, operation, instance, destination));
}

} // namespace topograph
