#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include "backend/clusterforgetter.h"
#include "backend/resolvestore.h"
#include "probe/instancerecord.h"
#include "result.h"
#include "topology/instancestatus.h"
#include "topology/livereplicationcheck.h"

namespace topograph {

// What happened to a "forget cluster" request, as FleetWorker reports it (a plain value for a
// queued signal). ok: report says what went. Otherwise error says why; needsConfirmation is set
// when the only obstacle was that hosts still replicate (liveHosts): ask, then call again with
// force.
struct ForgetClusterOutcome
{
    QString clusterName;
    bool ok = false;
    ForgetClusterReport report;
    Error error;
    bool needsConfirmation = false;
    QString liveHosts; // LiveReplicationCheck::describe of the hosts still replicating
};

// Decides whether a cluster may be forgotten and what exactly goes (DESIGN §6), for the CLI's
// forget-cluster and FleetWorker alike: refused unless the cluster is a ghost (GhostDetector) or
// force is set; refused when one of its hosts still replicates in a live topology
// (LiveReplicationCheck) unless force is set. The request lists the cluster's keys and, for a
// ghost, the resolve entries that produced it.
class ForgetClusterPlanner final
{
public:
    enum class Refusal {
        None,
        UnknownCluster,
        NotGhost,
        StillReplicating,
    };
    struct Decision
    {
        Refusal refusal = Refusal::None;
        QString message; // why it is refused (empty when not)
        QList<LiveReplicationCheck::LiveHost> liveHosts;
        ForgetClusterRequest request; // filled even when refused, for a confirmation dialog
    };

    static Decision decide(const QString& clusterName, const QList<InstanceRecord>& records,
        const QList<ResolveEntry>& resolves, const QDateTime& now,
        const InstanceStatus::Thresholds& thresholds, bool force);

    // The cluster name of the instance, as the backend knows it (the key's own when none).
    static QString clusterOf(const InstanceRecord& record);
};

} // namespace topograph

Q_DECLARE_METATYPE(topograph::ForgetClusterOutcome)
