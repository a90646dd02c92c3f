#pragma once

#include <QList>

#include <optional>

#include "lag/lagtarget.h"
#include "probe/instancerecord.h"

namespace topograph {

// Lag targets from what is known of a cluster (the latest probes, or the backend's rows): the
// GUI, the CLI and the planner pick the cluster's current primary the same way.
class LagTargets final
{
public:
    // The current primary among a cluster's records: the one instance that replicates from no
    // one; for co-masters (each the other's replica) the one that is writeable. std::nullopt
    // when that does not name exactly one instance, or its server_id was never read.
    static std::optional<InstanceRecord> primaryOf(const QList<InstanceRecord>& cluster);
    // One target per record, each with the primary's server_id (unknown: lag from SBM only).
    static QList<LagTarget> forCluster(const QList<InstanceRecord>& cluster);
};

} // namespace topograph
