#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

#include "instancekey.h"

namespace topograph {

struct Configuration;

// One database_instance row, as much of it as the replication analysis reads. Timestamps are
// UTC; an invalid QDateTime is a NULL column.
struct AnalysisInstance
{
    InstanceKey key;
    QString masterHost;
    int masterPort = 0;
    QString clusterName;
    QDateTime lastChecked;
    QDateTime lastSeen;
    QDateTime lastAttemptedCheck;
    bool lastCheckPartialSuccess = false;
    bool readOnly = false;
    bool isCoMaster = false;
    int replicationDepth = 0;
    bool slaveIoRunning = false;
    bool slaveSqlRunning = false;
    QString lastIoError;
    bool binlogServer = false;
    bool pseudoGtid = false;
    bool oracleGtid = false;
    bool mariadbGtid = false;
    bool logBin = false;
    bool logSlaveUpdates = false;
    QString binlogFormat; // STATEMENT, MIXED, ROW
    QString majorVersion; // "10.11"
    QString binaryLogFile;
    qint64 binaryLogPos = 0;
    int sqlDelay = 0;
    std::optional<qint64> slaveLagSeconds; // NULL when unknown
    QString gtidMode;
    QString gtidErrant;
    bool semiSyncMasterEnabled = false;
    bool semiSyncMasterStatus = false;
    int semiSyncMasterWaitForReplicaCount = 0;
    int semiSyncMasterClients = 0;
    bool semiSyncReplicaEnabled = false;
    QString replicationGroupName;
    QString replicationGroupMemberState;
    QString replicationGroupMemberRole;
};

// A database_instance_stale_binlog_coordinates row: since when the instance's binary log has
// stood still at these coordinates.
struct StaleBinlogCoordinates
{
    QString file;
    qint64 pos = 0;
    QDateTime firstSeen;
};

// Everything the analysis reads, as plain values (AnalysisReader loads it from the backend).
struct AnalysisInput
{
    QList<AnalysisInstance> instances;
    QHash<QString, QString> resolvedHostnames; // hostname_resolve: hostname → resolved_hostname
    QSet<InstanceKey> inMaintenance; // keys with an active maintenance row
    // Active downtime rows (downtime_active = 1) → their end (invalid when NULL).
    QHash<InstanceKey, QDateTime> downtimeEnds;
    QHash<InstanceKey, StaleBinlogCoordinates> staleCoordinates;
    QDateTime now; // UTC, the moment "now()" stands for
};

// The configuration keys the analysis obeys, and what the caller wants to see.
struct AnalysisSettings
{
    int instancePollSeconds = 5;
    int reasonableReplicationLagSeconds = 10;
    bool reduceReplicationAnalysisCount = true;
    bool recoverNonWriteableMaster = false;
    QStringList recoveryIgnoreHostnameFilters;
    bool includeDowntimed = false; // keep entries that a downtime suppresses
    bool includeNoProblem = false; // keep entries with nothing to report

    static AnalysisSettings fromConfig(const Configuration& config);
};

} // namespace topograph
