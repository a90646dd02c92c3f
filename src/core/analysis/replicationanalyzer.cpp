#include "analysis/replicationanalyzer.h"

#include <QRegularExpression>

#include <algorithm>
#include <tuple>

#include "analysis/analysisrules.h"
#include "analysis/instancefacts.h"

using namespace Qt::StringLiterals;

namespace topograph {

QString AnalysisEntry::analysisString() const
{
    QStringList parts;
    if (analysis != AnalysisCode::NoProblem) {
        parts << analysiscode::name(analysis);
    }
    for (AnalysisCode code : structureWarnings) {
        parts << analysiscode::name(code);
    }
    return parts.join(u", "_s);
}

QList<AnalysisEntry> ReplicationAnalyzer::analyze(
    const AnalysisInput& input, const AnalysisSettings& settings)
{
    QList<InstanceFacts> facts = aggregateFacts(input, settings);
    std::stable_sort(
        facts.begin(), facts.end(), [](const InstanceFacts& a, const InstanceFacts& b) {
            return std::make_tuple(!a.isMaster, !a.isClusterMaster, -a.countReplicas, a.key)
                < std::make_tuple(!b.isMaster, !b.isClusterMaster, -b.countReplicas, b.key);
        });
    QList<QRegularExpression> ignored;
    for (const QString& filter : settings.recoveryIgnoreHostnameFilters) {
        if (QRegularExpression re(filter); re.isValid()) {
            ignored << re;
        }
    }
    QList<AnalysisEntry> entries;
    for (const InstanceFacts& f : std::as_const(facts)) {
        if (settings.reduceReplicationAnalysisCount && !worthAnalysing(f)) {
            continue;
        }
        AnalysisEntry e;
        e.key = f.key;
        e.clusterName = f.clusterName;
        e.analysis = analysisrules::classify(f, settings);
        e.structureWarnings = analysisrules::structureWarnings(f);
        e.countReplicas = f.countReplicas;
        e.countValidReplicas = f.countValidReplicas;
        e.countValidReplicatingReplicas = f.countValidReplicatingReplicas;
        if (e.analysis == AnalysisCode::NoProblem && e.structureWarnings.isEmpty()
            && !settings.includeNoProblem) {
            continue;
        }
        const bool ignore = std::any_of(ignored.cbegin(), ignored.cend(),
            [&f](const QRegularExpression& re) { return re.match(f.key.host).hasMatch(); });
        if (ignore) {
            continue;
        }
        e.downtimed = f.isDowntimed;
        e.replicasDowntimed = f.countReplicas == f.countDowntimedReplicas
            && analysisrules::isAboutReplicas(e.analysis);
        if ((e.downtimed || e.replicasDowntimed) && !settings.includeDowntimed) {
            continue;
        }
        entries << e;
    }
    return entries;
}

} // namespace topograph
