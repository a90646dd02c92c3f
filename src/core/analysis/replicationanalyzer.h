#pragma once

#include <QList>
#include <QString>

#include "analysis/analysiscode.h"
#include "analysis/analysisinput.h"
#include "instancekey.h"

namespace topograph {

// One line of the replication analysis: an instance with a failure, structure warnings, or both.
struct AnalysisEntry
{
    InstanceKey key;
    QString clusterName;
    AnalysisCode analysis = AnalysisCode::NoProblem;
    QList<AnalysisCode> structureWarnings;
    int countReplicas = 0;
    int countValidReplicas = 0;
    int countValidReplicatingReplicas = 0;
    bool downtimed = false; // the instance itself is downtimed
    bool replicasDowntimed = false; // every replica is, and the finding is about them

    // "DeadMaster, NoLoggingReplicasStructureWarning": the failure (unless NoProblem), then
    // the warnings, as orchestrator prints them.
    QString analysisString() const;
};

// orchestrator 3.2.6's GetReplicationAnalysis as a pure function of backend rows: no SQL, no
// clock (input.now is "now"). Entries come in orchestrator's order: masters first, then cluster
// masters, then by number of replicas (descending), then by key.
class ReplicationAnalyzer final
{
public:
    static QList<AnalysisEntry> analyze(
        const AnalysisInput& input, const AnalysisSettings& settings);
};

} // namespace topograph
