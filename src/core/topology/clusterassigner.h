#pragma once

#include <QList>

#include "probe/instancerecord.h"

namespace topograph {

// Names each instance's cluster after its root master's key, and sets its replication depth and
// co-master flag, from the master links among the records given (DESIGN §5). Two instances that
// replicate from each other are co-masters; their cluster is named after the writable one (or the
// smaller key when both or neither are writable). A replica whose master is unknown is the root of
// its own cluster.
class ClusterAssigner final
{
public:
    static void assign(QList<InstanceRecord>& records);
};

} // namespace topograph
