#pragma once

#include <QList>

#include "probe/instancerecord.h"

namespace topograph {

// orchestrator's GetClusterOSCReplicas (go/inst/instance_dao.go), the replicas a
// pt-online-schema-change would watch and whose largest lag `get-cluster-heuristic-lag` prints:
// the two busiest first-tier intermediate masters, then two replicas of the one (or one of each of
// the two), two third-tier replicas, and two first-tier leaves. Busiest means most replicas
// (slave_hosts); ties keep the backend's host, port order. Instances whose last check failed are
// left out. A pure function of one cluster's records.
class ClusterOscReplicas final
{
public:
    static QList<InstanceRecord> of(const QList<InstanceRecord>& cluster);
};

} // namespace topograph
