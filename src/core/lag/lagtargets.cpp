#include "lag/lagtargets.h"

namespace topograph {

namespace {

const InstanceRecord* find(const QList<InstanceRecord>& records, const InstanceKey& key)
{
    for (const InstanceRecord& r : records) {
        if (r.key == key) {
            return &r;
        }
    }
    return nullptr;
}

} // namespace

std::optional<InstanceRecord> LagTargets::primaryOf(const QList<InstanceRecord>& cluster)
{
    QList<const InstanceRecord*> roots;
    for (const InstanceRecord& r : cluster) {
        if (!r.isReplica()) {
            roots << &r;
        }
    }
    if (roots.isEmpty()) {
        // Co-masters: each is the other's replica; the writeable one takes the writes.
        for (const InstanceRecord& r : cluster) {
            const InstanceRecord* master = r.masterKey ? find(cluster, *r.masterKey) : nullptr;
            if (master && master->masterKey == r.key && !r.readOnly) {
                roots << &r;
            }
        }
    }
    if (roots.size() != 1 || roots.first()->serverId == 0) {
        return std::nullopt;
    }
    return *roots.first();
}

QList<LagTarget> LagTargets::forCluster(const QList<InstanceRecord>& cluster)
{
    const std::optional<InstanceRecord> primary = primaryOf(cluster);
    QList<LagTarget> targets;
    for (const InstanceRecord& r : cluster) {
        LagTarget target;
        target.instance = r.key;
        if (primary) {
            target.primaryServerId = primary->serverId;
            target.replica = r.key != primary->key;
        } else {
            target.replica = r.isReplica();
        }
        targets << target;
    }
    return targets;
}

} // namespace topograph
