#include "analysis/analysiscode.h"

#include <iterator>

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

struct CodeInfo
{
    AnalysisCode code;
    const char* name;
    bool structureWarning;
    const char* description;
};

using C = AnalysisCode;

// One row per code, in enum order (checked by the unit test).
constexpr CodeInfo kCodes[] = {
    { C::NoProblem, "NoProblem", false, "Nothing is wrong with this instance." },
    { C::DeadMasterWithoutReplicas, "DeadMasterWithoutReplicas", false,
        "The master cannot be reached and has no replicas." },
    { C::DeadMaster, "DeadMaster", false,
        "The master cannot be reached and none of its replicas is replicating from it." },
    { C::DeadMasterAndReplicas, "DeadMasterAndReplicas", false,
        "The master cannot be reached and none of its replicas can be reached either." },
    { C::DeadMasterAndSomeReplicas, "DeadMasterAndSomeReplicas", false,
        "The master cannot be reached, some of its replicas cannot be reached either and none of "
        "the others is replicating." },
    { C::UnreachableMasterWithLaggingReplicas, "UnreachableMasterWithLaggingReplicas", false,
        "The master cannot be reached and all of its replicas are lagging." },
    { C::UnreachableMaster, "UnreachableMaster", false,
        "The master cannot be reached, but its replicas still replicate from it (possibly a "
        "network problem)." },
    { C::MasterSingleReplicaNotReplicating, "MasterSingleReplicaNotReplicating", false,
        "The master is reachable, but its only replica is not replicating." },
    { C::MasterSingleReplicaDead, "MasterSingleReplicaDead", false,
        "The master is reachable, but its only replica cannot be reached." },
    { C::AllMasterReplicasNotReplicating, "AllMasterReplicasNotReplicating", false,
        "The master is reachable, but none of its replicas is replicating." },
    { C::AllMasterReplicasNotReplicatingOrDead, "AllMasterReplicasNotReplicatingOrDead", false,
        "The master is reachable, but its replicas are either unreachable or not replicating." },
    { C::LockedSemiSyncMasterHypothesis, "LockedSemiSyncMasterHypothesis", false,
        "The semi-sync master seems to wait for more replica acknowledgements than it gets; more "
        "samples are needed to confirm." },
    { C::LockedSemiSyncMaster, "LockedSemiSyncMaster", false,
        "The semi-sync master is locked: it does not get enough replica acknowledgements and its "
        "binary log has not moved." },
    { C::DeadCoMaster, "DeadCoMaster", false,
        "The co-master cannot be reached and none of its replicas is replicating from it." },
    { C::DeadCoMasterAndSomeReplicas, "DeadCoMasterAndSomeReplicas", false,
        "The co-master cannot be reached, some of its replicas cannot be reached either and none "
        "of the others is replicating." },
    { C::UnreachableCoMaster, "UnreachableCoMaster", false,
        "The co-master cannot be reached, but its replicas still replicate from it (possibly a "
        "network problem)." },
    { C::AllCoMasterReplicasNotReplicating, "AllCoMasterReplicasNotReplicating", false,
        "The co-master is reachable, but none of its replicas is replicating." },
    { C::DeadIntermediateMaster, "DeadIntermediateMaster", false,
        "The intermediate master cannot be reached and none of its replicas is replicating from "
        "it." },
    { C::DeadIntermediateMasterWithSingleReplica, "DeadIntermediateMasterWithSingleReplica", false,
        "The intermediate master cannot be reached and its only replica is not replicating." },
    { C::DeadIntermediateMasterWithSingleReplicaFailingToConnect,
        "DeadIntermediateMasterWithSingleReplicaFailingToConnect", false,
        "The intermediate master cannot be reached and its only replica fails to connect to it." },
    { C::DeadIntermediateMasterAndSomeReplicas, "DeadIntermediateMasterAndSomeReplicas", false,
        "The intermediate master cannot be reached, some of its replicas cannot be reached either "
        "and none of the others is replicating." },
    { C::DeadIntermediateMasterAndReplicas, "DeadIntermediateMasterAndReplicas", false,
        "The intermediate master cannot be reached and none of its replicas can be reached "
        "either." },
    { C::UnreachableIntermediateMasterWithLaggingReplicas,
        "UnreachableIntermediateMasterWithLaggingReplicas", false,
        "The intermediate master cannot be reached and all of its replicas are lagging." },
    { C::UnreachableIntermediateMaster, "UnreachableIntermediateMaster", false,
        "The intermediate master cannot be reached, but its replicas still replicate from it "
        "(possibly a network problem)." },
    { C::AllIntermediateMasterReplicasFailingToConnectOrDead,
        "AllIntermediateMasterReplicasFailingToConnectOrDead", false,
        "The intermediate master is reachable, but its replicas fail to connect to it or cannot "
        "be reached." },
    { C::AllIntermediateMasterReplicasNotReplicating, "AllIntermediateMasterReplicasNotReplicating",
        false, "The intermediate master is reachable, but none of its replicas is replicating." },
    { C::FirstTierReplicaFailingToConnectToMaster, "FirstTierReplicaFailingToConnectToMaster",
        false, "This replica of the cluster's master fails to connect to the master." },
    { C::BinlogServerFailingToConnectToMaster, "BinlogServerFailingToConnectToMaster", false,
        "This binlog server fails to connect to its master." },
    { C::DeadReplicationGroupMemberWithReplicas, "DeadReplicationGroupMemberWithReplicas", false,
        "This group replication member cannot be reached and none of its replicas is "
        "replicating." },
    { C::StatementAndMixedLoggingReplicasStructureWarning,
        "StatementAndMixedLoggingReplicasStructureWarning", true,
        "The master's logging replicas mix STATEMENT and MIXED binlog formats, which limits "
        "which of them can be promoted." },
    { C::StatementAndRowLoggingReplicasStructureWarning,
        "StatementAndRowLoggingReplicasStructureWarning", true,
        "The master's logging replicas mix STATEMENT and ROW binlog formats, which limits which "
        "of them can be promoted." },
    { C::MixedAndRowLoggingReplicasStructureWarning, "MixedAndRowLoggingReplicasStructureWarning",
        true,
        "The master's logging replicas mix MIXED and ROW binlog formats, which limits which of "
        "them can be promoted." },
    { C::MultipleMajorVersionsLoggingReplicasStructureWarning,
        "MultipleMajorVersionsLoggingReplicasStructureWarning", true,
        "The master's logging replicas run different major versions, which limits which of them "
        "can be promoted." },
    { C::NoLoggingReplicasStructureWarning, "NoLoggingReplicasStructureWarning", true,
        "None of the master's replicas writes a binary log with log_slave_updates, so none can "
        "take over as master." },
    { C::DifferentGTIDModesStructureWarning, "DifferentGTIDModesStructureWarning", true,
        "The master and its replicas do not all use the same gtid_mode." },
    { C::ErrantGTIDStructureWarning, "ErrantGTIDStructureWarning", true,
        "A replica of this master has errant GTID transactions that the master never executed." },
    { C::NoFailoverSupportStructureWarning, "NoFailoverSupportStructureWarning", true,
        "The master's replicas use neither GTID, Pseudo-GTID nor binlog servers, so a failover "
        "cannot re-attach them." },
    { C::NoWriteableMasterStructureWarning, "NoWriteableMasterStructureWarning", true,
        "The master is read-only, so the cluster takes no writes." },
    { C::NotEnoughValidSemiSyncReplicasStructureWarning,
        "NotEnoughValidSemiSyncReplicasStructureWarning", true,
        "The semi-sync master has fewer semi-sync replicas than it waits for, so it has fallen "
        "back to asynchronous replication." },
};

static_assert(std::size(kCodes)
    == static_cast<std::size_t>(AnalysisCode::NotEnoughValidSemiSyncReplicasStructureWarning) + 1);

const CodeInfo& info(AnalysisCode code)
{
    return kCodes[static_cast<std::size_t>(code)];
}

} // namespace

namespace analysiscode {

QString name(AnalysisCode code)
{
    return QString::fromLatin1(info(code).name);
}

QString description(AnalysisCode code)
{
    return QString::fromUtf8(info(code).description);
}

bool isStructureWarning(AnalysisCode code)
{
    return info(code).structureWarning;
}

std::optional<AnalysisCode> fromName(const QString& name)
{
    for (const CodeInfo& row : kCodes) {
        if (name == QLatin1StringView(row.name)) {
            return row.code;
        }
    }
    return std::nullopt;
}

QList<AnalysisCode> all()
{
    QList<AnalysisCode> codes;
    for (const CodeInfo& row : kCodes) {
        codes << row.code;
    }
    return codes;
}

} // namespace analysiscode

} // namespace topograph
