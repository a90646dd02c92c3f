#include "fleet/fleetproblems.h"

#include "analysis/analysisreader.h"
#include "analysis/replicationanalyzer.h"
#include "backend/backend.h"

namespace topograph {

Result<QList<Problem>> FleetProblems::read(
    const Backend& backend, const Configuration& config, const QDateTime& now)
{
    auto input = AnalysisReader(backend).read(now);
    if (!input) {
        return input.error();
    }
    return fromEntries(ReplicationAnalyzer::analyze(*input, AnalysisSettings::fromConfig(config)));
}

QList<Problem> FleetProblems::fromEntries(const QList<AnalysisEntry>& entries)
{
    QList<Problem> problems;
    for (const AnalysisEntry& entry : entries) {
        QList<AnalysisCode> codes;
        if (entry.analysis != AnalysisCode::NoProblem) {
            codes << entry.analysis;
        }
        for (AnalysisCode warning : entry.structureWarnings) {
            // NoWriteableMaster is both the failure (RecoverNonWriteableMaster) and a warning:
            // one finding in the app.
            if (!codes.contains(warning)) {
                codes << warning;
            }
        }
        for (AnalysisCode code : std::as_const(codes)) {
            Problem p;
            p.code = analysiscode::name(code);
            p.key = entry.key;
            p.cluster = entry.clusterName;
            p.description = analysiscode::description(code);
            p.structureWarning = analysiscode::isStructureWarning(code);
            problems << p;
        }
    }
    return problems;
}

} // namespace topograph
