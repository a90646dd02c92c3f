#include "fleet/fleetsnapshot.h"

#include <QSet>

namespace topograph {

void FleetSnapshot::apply(const FleetChange& change)
{
    QHash<InstanceKey, qsizetype> at;
    at.reserve(records.size());
    for (qsizetype i = 0; i < records.size(); ++i) {
        at.insert(records.at(i).key, i);
    }
    for (const InstanceRecord& r : change.changed) {
        const auto found = at.constFind(r.key);
        if (found != at.cend()) {
            records[*found] = r;
        } else {
            at.insert(r.key, records.size());
            records << r;
        }
    }
    if (!change.removed.isEmpty()) {
        const QSet<InstanceKey> gone(change.removed.cbegin(), change.removed.cend());
        records.removeIf([&gone](const InstanceRecord& r) { return gone.contains(r.key); });
    }
    serial = change.serial;
    takenAt = change.takenAt;
}

QList<InstanceRecord> FleetSnapshot::cluster(const QString& clusterName) const
{
    QList<InstanceRecord> members;
    for (const InstanceRecord& r : records) {
        const QString name = r.clusterName.isEmpty() ? r.key.toString() : r.clusterName;
        if (name == clusterName) {
            members << r;
        }
    }
    return members;
}

const InstanceRecord* FleetSnapshot::find(const InstanceKey& key) const
{
    for (const InstanceRecord& r : records) {
        if (r.key == key) {
            return &r;
        }
    }
    return nullptr;
}

std::optional<MaintenanceLock> FleetSnapshot::maintenanceOf(const InstanceKey& key) const
{
    for (const MaintenanceLock& lock : maintenance) {
        if (lock.key == key) {
            return lock;
        }
    }
    return std::nullopt;
}

const GhostCluster* FleetSnapshot::ghost(const QString& clusterName) const
{
    for (const GhostCluster& g : ghosts) {
        if (g.clusterName == clusterName) {
            return &g;
        }
    }
    return nullptr;
}

} // namespace topograph
