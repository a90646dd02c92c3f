#include "analysis/analysisrules.h"

namespace topograph::analysisrules {

namespace {

using C = AnalysisCode;

C classifyMaster(const InstanceFacts& a, const AnalysisSettings& settings)
{
    const int n = a.countReplicas;
    const int valid = a.countValidReplicas;
    const int replicating = a.countValidReplicatingReplicas;
    if (!a.lastCheckValid) {
        if (n == 0) {
            return C::DeadMasterWithoutReplicas;
        }
        if (valid == n && replicating == 0) {
            return C::DeadMaster;
        }
        if (valid == 0 && replicating == 0) {
            return C::DeadMasterAndReplicas;
        }
        if (valid < n && valid > 0 && replicating == 0) {
            return C::DeadMasterAndSomeReplicas;
        }
        if (a.countLaggingReplicas == n && a.countDelayedReplicas < n && replicating > 0) {
            return C::UnreachableMasterWithLaggingReplicas;
        }
        // A partial success (some of the check's queries answered) is noise, unless a replica
        // also fails to connect.
        if (valid > 0 && replicating > 0
            && (!a.lastCheckPartialSuccess || a.countReplicasFailingToConnectToMaster > 0)) {
            return C::UnreachableMaster;
        }
    }
    if (a.semiSyncMasterEnabled && a.semiSyncMasterStatus && a.semiSyncMasterWaitForReplicaCount > 0
        && a.semiSyncMasterClients < a.semiSyncMasterWaitForReplicaCount) {
        return a.isStaleBinlogCoordinates ? C::LockedSemiSyncMaster
                                          : C::LockedSemiSyncMasterHypothesis;
    }
    if (!a.lastCheckValid) {
        return C::NoProblem;
    }
    if (a.isReadOnly && replicating > 0 && settings.recoverNonWriteableMaster) {
        return C::NoWriteableMasterStructureWarning;
    }
    if (n == 1 && valid == n && replicating == 0) {
        return C::MasterSingleReplicaNotReplicating;
    }
    if (n == 1 && valid == 0) {
        return C::MasterSingleReplicaDead;
    }
    if (n > 1 && valid == n && replicating == 0) {
        return C::AllMasterReplicasNotReplicating;
    }
    if (n > 1 && valid < n && valid > 0 && replicating == 0) {
        return C::AllMasterReplicasNotReplicatingOrDead;
    }
    return C::NoProblem;
}

C classifyCoMaster(const InstanceFacts& a)
{
    const int n = a.countReplicas;
    const int valid = a.countValidReplicas;
    const int replicating = a.countValidReplicatingReplicas;
    if (!a.lastCheckValid && n > 0 && valid == n && replicating == 0) {
        return C::DeadCoMaster;
    }
    if (!a.lastCheckValid && n > 0 && valid < n && valid > 0 && replicating == 0) {
        return C::DeadCoMasterAndSomeReplicas;
    }
    if (!a.lastCheckValid && !a.lastCheckPartialSuccess && valid > 0 && replicating > 0) {
        return C::UnreachableCoMaster;
    }
    if (a.lastCheckValid && n > 0 && replicating == 0) {
        return C::AllCoMasterReplicasNotReplicating;
    }
    return C::NoProblem;
}

C classifyIntermediate(const InstanceFacts& a)
{
    const int n = a.countReplicas;
    const int valid = a.countValidReplicas;
    const int replicating = a.countValidReplicatingReplicas;
    const int failing = a.countReplicasFailingToConnectToMaster;
    if (!a.lastCheckValid) {
        if (n == 1 && valid == n && failing == n && replicating == 0) {
            return C::DeadIntermediateMasterWithSingleReplicaFailingToConnect;
        }
        if (n == 1 && valid == n && replicating == 0) {
            return C::DeadIntermediateMasterWithSingleReplica;
        }
        if (n > 1 && valid == n && replicating == 0) {
            return C::DeadIntermediateMaster;
        }
        if (valid < n && valid > 0 && replicating == 0) {
            return C::DeadIntermediateMasterAndSomeReplicas;
        }
        if (n > 0 && valid == 0) {
            return C::DeadIntermediateMasterAndReplicas;
        }
        if (a.countLaggingReplicas == n && a.countDelayedReplicas < n && replicating > 0) {
            return C::UnreachableIntermediateMasterWithLaggingReplicas;
        }
        if (!a.lastCheckPartialSuccess && valid > 0 && replicating > 0) {
            return C::UnreachableIntermediateMaster;
        }
        return C::NoProblem;
    }
    // Reachable: judge by the replicas alone; with at least two of them, all failing to
    // connect (or dead) points at the intermediate master.
    if (n > 1 && replicating == 0 && failing > 0 && failing == valid) {
        return C::AllIntermediateMasterReplicasFailingToConnectOrDead;
    }
    if (n > 0 && replicating == 0) {
        return C::AllIntermediateMasterReplicasNotReplicating;
    }
    return C::NoProblem;
}

} // namespace

AnalysisCode classify(const InstanceFacts& a, const AnalysisSettings& settings)
{
    if (a.isReplicationGroupMember) {
        return !a.lastCheckValid && a.countReplicas > 0 && a.countValidReplicatingReplicas == 0
            ? C::DeadReplicationGroupMemberWithReplicas
            : C::NoProblem;
    }
    if (a.isMaster) {
        if (const C code = classifyMaster(a, settings); code != C::NoProblem) {
            return code;
        }
    }
    if (a.isCoMaster) {
        if (const C code = classifyCoMaster(a); code != C::NoProblem) {
            return code;
        }
    }
    if (!a.isMaster) {
        if (const C code = classifyIntermediate(a); code != C::NoProblem) {
            return code;
        }
    }
    if (a.isBinlogServer && a.isFailingToConnectToMaster) {
        return C::BinlogServerFailingToConnectToMaster;
    }
    if (a.replicationDepth == 1 && a.isFailingToConnectToMaster) {
        return C::FirstTierReplicaFailingToConnectToMaster;
    }
    return C::NoProblem;
}

QList<AnalysisCode> structureWarnings(const InstanceFacts& a)
{
    QList<AnalysisCode> warnings;
    if (a.isMaster && a.countLoggingReplicas == 0 && a.countReplicas > 1) {
        warnings << C::NoLoggingReplicasStructureWarning;
    }
    if (a.isMaster && a.countReplicas > 1 && !a.oracleGtidImmediateTopology
        && !a.mariaDbGtidImmediateTopology && !a.binlogServerImmediateTopology
        && !a.pseudoGtidImmediateTopology) {
        warnings << C::NoFailoverSupportStructureWarning;
    }
    if (a.isMaster && a.countStatementBasedLoggingReplicas > 0
        && a.countMixedBasedLoggingReplicas > 0) {
        warnings << C::StatementAndMixedLoggingReplicasStructureWarning;
    }
    if (a.isMaster && a.countStatementBasedLoggingReplicas > 0
        && a.countRowBasedLoggingReplicas > 0) {
        warnings << C::StatementAndRowLoggingReplicasStructureWarning;
    }
    if (a.isMaster && a.countMixedBasedLoggingReplicas > 0 && a.countRowBasedLoggingReplicas > 0) {
        warnings << C::MixedAndRowLoggingReplicasStructureWarning;
    }
    if (a.isMaster && a.countDistinctMajorVersionsLoggingReplicas > 1) {
        warnings << C::MultipleMajorVersionsLoggingReplicasStructureWarning;
    }
    if (a.countReplicas > 0
        && (a.gtidMode != a.minReplicaGtidMode || a.gtidMode != a.maxReplicaGtidMode)) {
        warnings << C::DifferentGTIDModesStructureWarning;
    }
    if (a.hasErrantReplica) {
        warnings << C::ErrantGTIDStructureWarning;
    }
    if (a.isMaster && a.isReadOnly) {
        warnings << C::NoWriteableMasterStructureWarning;
    }
    if (a.isMaster && a.semiSyncMasterEnabled && !a.semiSyncMasterStatus
        && a.semiSyncMasterWaitForReplicaCount > 0
        && a.semiSyncMasterClients < a.semiSyncMasterWaitForReplicaCount) {
        warnings << C::NotEnoughValidSemiSyncReplicasStructureWarning;
    }
    return warnings;
}

bool isAboutReplicas(AnalysisCode code)
{
    switch (code) {
    case C::AllMasterReplicasNotReplicating:
    case C::AllMasterReplicasNotReplicatingOrDead:
    case C::MasterSingleReplicaDead:
    case C::AllCoMasterReplicasNotReplicating:
    case C::DeadIntermediateMasterWithSingleReplica:
    case C::DeadIntermediateMasterWithSingleReplicaFailingToConnect:
    case C::DeadIntermediateMasterAndReplicas:
    case C::DeadIntermediateMasterAndSomeReplicas:
    case C::AllIntermediateMasterReplicasFailingToConnectOrDead:
    case C::AllIntermediateMasterReplicasNotReplicating:
        return true;
    default:
        return false;
    }
}

} // namespace topograph::analysisrules
