#include "fleet/fleetsnapshot.h"

namespace topograph {

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
