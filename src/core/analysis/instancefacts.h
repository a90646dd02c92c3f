#pragma once

#include <QList>
#include <QString>

#include "analysis/analysisinput.h"
#include "instancekey.h"

namespace topograph {

// What the rules know of one instance: its own state and counts over its direct replicas, the
// quantities orchestrator's GetReplicationAnalysis groups per master row.
struct InstanceFacts
{
    InstanceKey key;
    InstanceKey masterKey;
    QString clusterName;
    bool isMaster = false; // no master of its own (and not a secondary of a replication group)
    bool isReplicationGroupMember = false;
    bool isCoMaster = false;
    bool isClusterMaster = false; // its key is the cluster's name
    bool lastCheckValid = false;
    // Its last check is known to be invalid (the timestamps are there and say so); false when a
    // NULL timestamp makes the comparison unknown, as in SQL.
    bool lastCheckKnownInvalid = false;
    bool lastCheckPartialSuccess = false;
    bool isReadOnly = false;
    bool isFailingToConnectToMaster = false;
    bool isDowntimed = false;
    bool isBinlogServer = false;
    bool isStaleBinlogCoordinates = false;
    int replicationDepth = 0;

    int countReplicas = 0;
    int countValidReplicas = 0; // last check valid
    int countValidReplicatingReplicas = 0; // valid, both threads running
    int countReplicasFailingToConnectToMaster = 0;
    int countDowntimedReplicas = 0;
    int countLoggingReplicas = 0; // log_bin and log_slave_updates
    int countStatementBasedLoggingReplicas = 0;
    int countMixedBasedLoggingReplicas = 0;
    int countRowBasedLoggingReplicas = 0;
    int countDistinctMajorVersionsLoggingReplicas = 0;
    int countDelayedReplicas = 0; // sql_delay > 0
    int countLaggingReplicas = 0; // lag above ReasonableReplicationLagSeconds
    int countSemiSyncReplicas = 0;

    bool oracleGtidImmediateTopology = false;
    bool mariaDbGtidImmediateTopology = false;
    bool binlogServerImmediateTopology = false;
    bool pseudoGtidImmediateTopology = false;

    bool semiSyncMasterEnabled = false;
    bool semiSyncMasterStatus = false;
    int semiSyncMasterWaitForReplicaCount = 0;
    int semiSyncMasterClients = 0;

    QString gtidMode;
    QString minReplicaGtidMode; // '' without replicas
    QString maxReplicaGtidMode;
    bool hasErrantReplica = false; // a replica, not downtimed, with errant GTIDs
};

// Builds the facts of every instance not in maintenance, in one pass over the rows plus one over
// each instance's replicas (O(n)).
QList<InstanceFacts> aggregateFacts(const AnalysisInput& input, const AnalysisSettings& settings);

// True when the instance stands out enough to be analysed under ReduceReplicationAnalysisCount.
bool worthAnalysing(const InstanceFacts& facts);

} // namespace topograph
