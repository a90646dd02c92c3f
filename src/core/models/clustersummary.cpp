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

void ClusterSummary::attachProblems(
    QList<ClusterSummary>& summaries, const QList<Problem>& problems)
{
    QHash<QString, QList<const Problem*>> byCluster;
    for (const Problem& p : problems) {
        byCluster[p.cluster].append(&p);
    }
    for (ClusterSummary& s : summaries) {
        s.analysisCodes.clear();
        s.analysisLines.clear();
        QList<const Problem*> found = byCluster.value(s.name);
        std::stable_sort(found.begin(), found.end(), [](const Problem* a, const Problem* b) {
            return !a->structureWarning && b->structureWarning;
        });
        for (const Problem* p : std::as_const(found)) {
            if (!s.analysisCodes.contains(p->code)) {
                s.analysisCodes.append(p->code);
            }
            s.analysisLines.append(p->key.toString() + u": "_s + p->code);
        }
    }
}

} // namespace topograph
