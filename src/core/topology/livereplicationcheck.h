#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include "probe/instancerecord.h"
#include "topology/instancestatus.h"

namespace topograph {

// Whether forgetting some instances would drop hosts that still take part in a live topology
// (DESIGN §6: "a host that still replicates from a live topology is not forgotten without a
// warning"). A host counts as live when it answered its last probe and either runs a replication
// thread or has a replica that answered its last probe and replicates from it. The GUI asks for
// confirmation and the CLI wants --force when this finds anything.
class LiveReplicationCheck final
{
public:
    struct LiveHost
    {
        InstanceKey key;
        QString why; // "replicating from db1:3306", "db2:3306 replicates from it"
    };

    static QList<LiveHost> liveHosts(const QList<InstanceKey>& keys,
        const QList<InstanceRecord>& all, const QDateTime& now,
        const InstanceStatus::Thresholds& thresholds);

    // "db1:3306 (replicating from db0:3306), …": for a confirmation or a refusal.
    static QString describe(const QList<LiveHost>& hosts);
};

} // namespace topograph
