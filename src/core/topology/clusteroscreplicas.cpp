#include "topology/clusteroscreplicas.h"

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

// In the backend's order (host, port), then each filter in orchestrator's order.
QList<InstanceRecord> where(
    const QList<InstanceRecord>& cluster, const std::function<bool(const InstanceRecord&)>& test)
{
    QList<InstanceRecord> found;
    for (const InstanceRecord& r : cluster) {
        if (test(r)) {
            found << r;
        }
    }
    std::stable_sort(found.begin(), found.end(),
        [](const InstanceRecord& a, const InstanceRecord& b) { return a.key < b.key; });
    return found;
}

void busiestFirst(QList<InstanceRecord>& records)
{
    std::stable_sort(
        records.begin(), records.end(), [](const InstanceRecord& a, const InstanceRecord& b) {
            return a.replicaKeys.size() > b.replicaKeys.size();
        });
}

// orchestrator's filterOSCInstances: no binlog servers, no instance whose last check failed.
QList<InstanceRecord> usable(const QList<InstanceRecord>& records)
{
    QList<InstanceRecord> kept;
    for (const InstanceRecord& r : records) {
        if (r.reachable && !r.version.contains(u"maxscale"_s)) {
            kept << r;
        }
    }
    return kept;
}

QList<InstanceRecord> firstOf(const QList<InstanceRecord>& records, qsizetype count)
{
    return records.mid(0, std::min(count, records.size()));
}

} // namespace

QList<InstanceRecord> ClusterOscReplicas::of(const QList<InstanceRecord>& cluster)
{
    QList<InstanceRecord> result;
    QList<InstanceRecord> intermediates = where(cluster, [](const InstanceRecord& r) {
        return r.replicationDepth == 1 && !r.replicaKeys.isEmpty();
    });
    busiestFirst(intermediates);
    intermediates = firstOf(usable(intermediates), 2);
    result << intermediates;

    auto replicasOf = [&cluster](const InstanceRecord& master) {
        QList<InstanceRecord> replicas = where(
            cluster, [&master](const InstanceRecord& r) { return r.masterKey == master.key; });
        busiestFirst(replicas);
        return usable(replicas);
    };
    if (intermediates.size() == 1) {
        result << firstOf(replicasOf(intermediates.constFirst()), 2);
    } else if (intermediates.size() == 2) {
        for (const InstanceRecord& intermediate : std::as_const(intermediates)) {
            result << firstOf(replicasOf(intermediate), 1);
        }
    }

    QList<InstanceRecord> thirdTier
        = where(cluster, [](const InstanceRecord& r) { return r.replicationDepth == 3; });
    busiestFirst(thirdTier);
    result << firstOf(usable(thirdTier), 2);

    const QList<InstanceRecord> leaves = where(cluster,
        [](const InstanceRecord& r) { return r.replicationDepth == 1 && r.replicaKeys.isEmpty(); });
    result << firstOf(usable(leaves), 2);
    return result;
}

} // namespace topograph
