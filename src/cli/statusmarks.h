#pragma once

#include <QHash>
#include <QString>

#include "backend/backend.h"
#include "instancekey.h"
#include "result.h"
#include "topology/topologyprinter.h"

namespace topograph {

// What orchestrator's status line shows that InstanceRecord does not keep: errant GTIDs
// (gtid_errant), the semi-sync statuses and an active downtime (database_instance_downtime), for
// every instance of one cluster.
Result<QHash<InstanceKey, TopologyPrinter::Marks>> readStatusMarks(
    const Backend& backend, const QString& clusterName);

} // namespace topograph
