#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace topograph {

// Every finding of orchestrator 3.2.6's replication analysis, failures and structure warnings in
// one closed set. The CLI prints name(), the app shows description(); both read the one table in
// analysiscode.cpp.
enum class AnalysisCode {
    NoProblem,
    DeadMasterWithoutReplicas,
    DeadMaster,
    DeadMasterAndReplicas,
    DeadMasterAndSomeReplicas,
    UnreachableMasterWithLaggingReplicas,
    UnreachableMaster,
    MasterSingleReplicaNotReplicating,
    MasterSingleReplicaDead,
    AllMasterReplicasNotReplicating,
    AllMasterReplicasNotReplicatingOrDead,
    LockedSemiSyncMasterHypothesis,
    LockedSemiSyncMaster,
    DeadCoMaster,
    DeadCoMasterAndSomeReplicas,
    UnreachableCoMaster,
    AllCoMasterReplicasNotReplicating,
    DeadIntermediateMaster,
    DeadIntermediateMasterWithSingleReplica,
    DeadIntermediateMasterWithSingleReplicaFailingToConnect,
    DeadIntermediateMasterAndSomeReplicas,
    DeadIntermediateMasterAndReplicas,
    UnreachableIntermediateMasterWithLaggingReplicas,
    UnreachableIntermediateMaster,
    AllIntermediateMasterReplicasFailingToConnectOrDead,
    AllIntermediateMasterReplicasNotReplicating,
    FirstTierReplicaFailingToConnectToMaster,
    BinlogServerFailingToConnectToMaster,
    DeadReplicationGroupMemberWithReplicas,
    // Structure warnings: the shape of the topology puts a failover at risk.
    StatementAndMixedLoggingReplicasStructureWarning,
    StatementAndRowLoggingReplicasStructureWarning,
    MixedAndRowLoggingReplicasStructureWarning,
    MultipleMajorVersionsLoggingReplicasStructureWarning,
    NoLoggingReplicasStructureWarning,
    DifferentGTIDModesStructureWarning,
    ErrantGTIDStructureWarning,
    NoFailoverSupportStructureWarning,
    // Also an analysis code of its own when RecoverNonWriteableMaster is set.
    NoWriteableMasterStructureWarning,
    NotEnoughValidSemiSyncReplicasStructureWarning,
};

namespace analysiscode {

QString name(AnalysisCode code); // orchestrator's spelling, e.g. "DeadMaster"
QString description(AnalysisCode code); // one plain sentence for a DBA
bool isStructureWarning(AnalysisCode code);
std::optional<AnalysisCode> fromName(const QString& name);
QList<AnalysisCode> all(); // in declaration order, NoProblem first

} // namespace analysiscode

} // namespace topograph
