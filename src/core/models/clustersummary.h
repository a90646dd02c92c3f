#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QSet>
#include <QString>
#include <QStringList>

#include "fleet/problem.h"
#include "instancekey.h"
#include "probe/instancerecord.h"
#include "topology/ghostcluster.h"
#include "topology/instancestatus.h"

namespace topograph {

// One row of the clusters list (DESIGN §10): a cluster's alias, primary and counts, computed from
// the latest records. A plain value, compared to update the list in place.
struct ClusterSummary
{
    QString name; // cluster_name: the primary's key string
    QString alias; // empty when none is set
    InstanceKey primary; // the record named by the cluster, or the name parsed when none is known
    int instances = 0;
    int problems = 0; // instances whose status is not "ok" (unreachable ones included)
    int unreachable = 0; // instances whose last check failed
    int fakeLag = 0; // instances with stale pt-heartbeat rows (their lag looks wrong)
    QDateTime oldestCheck; // the oldest lastChecked among the instances (invalid if none)
    bool ghost = false; // exists only because a name failed to match (DESIGN §6)
    QString ghostReason; // why it is a ghost (GhostDetector), for a tooltip; empty when not
    // The replication analysis's codes for the cluster's instances, each once, failures first
    // (the badges), and "instance: Code" lines for the tooltip.
    QStringList analysisCodes;
    QStringList analysisLines;

    // Alias when set, otherwise the cluster name.
    QString displayName() const { return alias.isEmpty() ? name : alias; }

    // Groups records by cluster name (a record without one is its own cluster, named by its key),
    // sorted by alias, then name.
    // fakeLag: the instances whose heartbeat rows were found stale; each is a problem too.
    // ghosts: the ghost clusters found for these records (FleetSnapshot::ghosts, which also
    // weighs the resolve cache); when null, GhostDetector runs here on the records alone.
    static QList<ClusterSummary> fromRecords(const QList<InstanceRecord>& records,
        const QHash<QString, QString>& aliases, const QDateTime& now,
        const InstanceStatus::Thresholds& thresholds, const QSet<InstanceKey>& fakeLag = {},
        const QList<GhostCluster>* ghosts = nullptr);

    // Fills analysisCodes and analysisLines of each summary from the findings of its cluster.
    static void attachProblems(QList<ClusterSummary>& summaries, const QList<Problem>& problems);

    friend bool operator==(const ClusterSummary&, const ClusterSummary&) = default;
};

} // namespace topograph

Q_DECLARE_METATYPE(topograph::ClusterSummary)
