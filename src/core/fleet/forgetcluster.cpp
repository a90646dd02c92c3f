#include "fleet/forgetcluster.h"

#include <algorithm>

#include <QCoreApplication>

#include "topology/ghostdetector.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

QString translated(const char* text)
{
    return QCoreApplication::translate("ForgetClusterPlanner", text);
}

} // namespace

QString ForgetClusterPlanner::clusterOf(const InstanceRecord& record)
{
    return record.clusterName.isEmpty() ? record.key.toString() : record.clusterName;
}

ForgetClusterPlanner::Decision ForgetClusterPlanner::decide(const QString& clusterName,
    const QList<InstanceRecord>& records, const QList<ResolveEntry>& resolves, const QDateTime& now,
    const InstanceStatus::Thresholds& thresholds, bool force)
{
    Decision decision;
    decision.request.clusterName = clusterName;
    for (const InstanceRecord& r : records) {
        if (clusterOf(r) == clusterName) {
            decision.request.keys << r.key;
        }
    }
    std::sort(decision.request.keys.begin(), decision.request.keys.end());
    if (decision.request.keys.isEmpty()) {
        decision.refusal = Refusal::UnknownCluster;
        decision.message
            = translated(QT_TRANSLATE_NOOP("ForgetClusterPlanner", "unknown cluster %1"))
                  .arg(clusterName);
        return decision;
    }
    const QList<GhostCluster> ghosts = GhostDetector::detect(records, resolves, now, thresholds);
    const auto ghost = std::find_if(ghosts.cbegin(), ghosts.cend(),
        [&](const GhostCluster& g) { return g.clusterName == clusterName; });
    if (ghost != ghosts.cend()) {
        decision.request.resolveHostnames = ghost->resolveHostnames();
        decision.request.reason = ghost->reason;
        decision.request.ghost = true;
    } else {
        decision.request.reason = u"forced: not a ghost cluster"_s;
        if (!force) {
            decision.refusal = Refusal::NotGhost;
            decision.message
                = translated(QT_TRANSLATE_NOOP("ForgetClusterPlanner", "%1 is not a ghost cluster"))
                      .arg(clusterName);
            return decision;
        }
    }
    decision.liveHosts
        = LiveReplicationCheck::liveHosts(decision.request.keys, records, now, thresholds);
    if (!decision.liveHosts.isEmpty() && !force) {
        decision.refusal = Refusal::StillReplicating;
        decision.message = translated(
            QT_TRANSLATE_NOOP("ForgetClusterPlanner", "%1 still replicates in a live topology: %2"))
                               .arg(
                                   clusterName, LiveReplicationCheck::describe(decision.liveHosts));
    }
    return decision;
}

} // namespace topograph
