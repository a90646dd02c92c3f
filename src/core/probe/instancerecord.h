#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

#include "db/tlssettings.h"
#include "instancekey.h"
#include "lag/heartbeatrow.h"

namespace topograph {

enum class Flavor {
    Unknown,
    MariaDB,
    MySQL,
};

// What Topograph knows about one instance at one moment (DESIGN §3). A plain value: it crosses
// threads, is stored in orchestrator's database_instance table (comments name the column) and is
// compared in tests.
struct InstanceRecord
{
    InstanceKey key; // hostname, port

    // Bookkeeping of checks. Every probe sets lastAttemptedCheck (when it starts) and lastChecked
    // (when it ends); only a successful one sets lastSeen.
    bool reachable = false; // the last probe succeeded
    QString lastError; // why the last probe failed, when it did (never holds a password)
    QDateTime lastChecked; // last_checked
    QDateTime lastAttemptedCheck; // last_attempted_check
    QDateTime lastSeen; // last_seen
    bool lastCheckPartialSuccess = false; // last_check_partial_success
    qint64 probeLatencyMs = 0; // last_discovery_latency (stored in nanoseconds)
    // How the last probe's session was protected; unknown until probed in this run (the
    // backend does not store it).
    std::optional<TlsState> tlsState;

    // Identity and flavour.
    Flavor flavor = Flavor::Unknown;
    quint32 serverId = 0; // server_id
    QString serverUuid; // server_uuid (MySQL)
    QString version; // version
    QString versionComment; // version_comment
    qint64 uptimeSeconds = 0; // uptime
    bool readOnly = false; // read_only
    bool logBin = false; // log_bin
    bool logSlaveUpdates = false; // log_slave_updates
    QString binlogFormat; // binlog_format
    QString binlogRowImage; // binlog_row_image
    QString binaryLogFile; // binary_log_file
    qint64 binaryLogPos = 0; // binary_log_pos
    bool semiSyncMasterEnabled = false; // semi_sync_master_enabled
    bool semiSyncReplicaEnabled = false; // semi_sync_replica_enabled

    // Replication (as a replica).
    std::optional<InstanceKey> masterKey; // master_host, master_port
    bool ioThreadRunning = false; // slave_io_running
    bool sqlThreadRunning = false; // slave_sql_running
    QString masterLogFile; // master_log_file
    qint64 readMasterLogPos = 0; // read_master_log_pos
    QString relayMasterLogFile; // relay_master_log_file
    qint64 execMasterLogPos = 0; // exec_master_log_pos
    QString relayLogFile; // relay_log_file
    qint64 relayLogPos = 0; // relay_log_pos
    QString lastSqlError; // last_sql_error
    QString lastIoError; // last_io_error
    std::optional<qint64> secondsBehindMaster; // seconds_behind_master (NULL when unknown)
    std::optional<qint64> replicationLagSeconds; // slave_lag_seconds: measured lag
    qint64 sqlDelay = 0; // sql_delay
    bool hasReplicationFilters = false; // has_replication_filters
    bool allowTls = false; // allow_tls
    QString masterUuid; // master_uuid

    // GTID. MariaDB: Using_Gtid and the gtid_* positions; MySQL: gtid_mode, Auto_Position, sets.
    QString usingGtid; // MariaDB Using_Gtid: "No", "Slave_Pos", "Current_Pos"
    QString gtidCurrentPos; // MariaDB @@gtid_current_pos
    QString gtidSlavePos; // MariaDB @@gtid_slave_pos
    QString gtidBinlogPos; // MariaDB @@gtid_binlog_pos
    bool supportsOracleGtid = false; // supports_oracle_gtid
    bool oracleGtid = false; // oracle_gtid: MySQL replica with Auto_Position=1
    QString gtidMode; // gtid_mode
    QString executedGtidSet; // executed_gtid_set
    QString gtidPurged; // gtid_purged
    bool pseudoGtid = false; // pseudo_gtid (only read from backends that have it)

    // pt-heartbeat's table (HeartbeatTable) as the probe read it: every row with its age on this
    // instance's clock. Whose row is current and whose is stale depends on the cluster and is
    // decided by LagRules; the rows' state is not set here. std::nullopt when the table was not
    // read: none configured, none on the instance, or the read failed (heartbeatError says why).
    // Not stored in the backend (InstanceStore::copyUnstoredFields keeps it in views).
    std::optional<QList<HeartbeatRow>> heartbeatRows;
    QString heartbeatError;

    // Replicas this instance reports (SHOW SLAVE HOSTS, or the processlist).
    QList<InstanceKey> replicaKeys; // slave_hosts (JSON), num_slave_hosts

    // Computed from the topology, stored for orchestrator compatibility.
    QString clusterName; // cluster_name: the root master's key
    QString suggestedClusterAlias; // suggested_cluster_alias
    QString dataCenter; // data_center
    QString region; // region
    QString physicalEnvironment; // physical_environment
    QString instanceAlias; // instance_alias
    int replicationDepth = 0; // replication_depth
    bool isCoMaster = false; // is_co_master

    bool isReplica() const { return masterKey.has_value(); }
    bool isReplicating() const { return ioThreadRunning && sqlThreadRunning; }
    bool isReplicationStopped() const { return !ioThreadRunning && !sqlThreadRunning; }
    bool mariadbGtid() const { return !usingGtid.isEmpty() && usingGtid != QStringLiteral("No"); }
    bool usesGtid() const { return mariadbGtid() || oracleGtid; }
    // "10.11" from "10.11.6-MariaDB-log", "8.0" from "8.0.36".
    QString majorVersion() const { return version.section(u'.', 0, 1); }
};

} // namespace topograph

Q_DECLARE_METATYPE(topograph::InstanceRecord)
