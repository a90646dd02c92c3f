#include "models/clustersummary.h"

#include <QSet>

#include <algorithm>

#include "topology/ghostdetector.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

QString clusterOf(const InstanceRecord& record)
{
    return record.clusterName.isEmpty() ? record.key.toString() : record.clusterName;
}

// Alias (or name, when none) case-insensitively, then name: the order DBAs scan the list in.
bool summaryLess(const ClusterSummary& a, const ClusterSummary& b)
{
    const int byAlias = QString::compare(a.displayName(), b.displayName(), Qt::CaseInsensitive);
    if (byAlias != 0) {
        return byAlias < 0;
    }
    return a.name < b.name;
}

} // namespace

QList<ClusterSummary> ClusterSummary::fromRecords(const QList<InstanceRecord>& records,
    const QHash<QString, QString>& aliases, const QDateTime& now,
    const InstanceStatus::Thresholds& thresholds, const QSet<InstanceKey>& fakeLag,
    const QList<GhostCluster>* ghosts)
{
    const QList<GhostCluster> detected
        = ghosts ? QList<GhostCluster>() : GhostDetector::detect(records, {}, now, thresholds);
    QHash<QString, QString> ghostReasons;
    for (const GhostCluster& g : ghosts ? *ghosts : detected) {
        ghostReasons.insert(g.clusterName, g.reason);
    }

    QHash<QString, QList<const InstanceRecord*>> byCluster;
    QStringList order; // first appearance, for a deterministic result before sorting
    for (const InstanceRecord& r : records) {
        const QString cluster = clusterOf(r);
        auto it = byCluster.find(cluster);
        if (it == byCluster.end()) {
            order << cluster;
            it = byCluster.insert(cluster, {});
        }
        it->append(&r);
    }

    QList<ClusterSummary> result;
    result.reserve(order.size());
    for (const QString& cluster : std::as_const(order)) {
        const QList<const InstanceRecord*>& members = byCluster[cluster];
        ClusterSummary s;
        s.name = cluster;
        s.alias = aliases.value(cluster);
        s.instances = static_cast<int>(members.size());

        const InstanceRecord* primary = nullptr;
        for (const InstanceRecord* r : members) {
            const InstanceStatus status = InstanceStatus::of(*r, now, thresholds);
            const bool fake = fakeLag.contains(r->key);
            s.fakeLag += fake ? 1 : 0;
            if (status.status != u"ok"_s || fake) {
                ++s.problems;
            }
            if (!status.lastCheckValid) {
                ++s.unreachable;
            }
            if (r->lastChecked.isValid()
                && (!s.oldestCheck.isValid() || r->lastChecked < s.oldestCheck)) {
                s.oldestCheck = r->lastChecked;
            }
            if (!primary && r->key.toString() == cluster) {
                primary = r;
            }
        }
        s.primary = primary ? primary->key : InstanceKey::parse(cluster, 0).valueOr(InstanceKey {});
        // DESIGN §6: GhostDetector says which clusters exist only because a name failed to match.
        const auto reason = ghostReasons.constFind(cluster);
        s.ghost = reason != ghostReasons.cend();
        s.ghostReason = s.ghost ? *reason : QString();
        result << s;
    }
    std::sort(result.begin(), result.end(), summaryLess);
    return result;
}

} // namespace topograph
