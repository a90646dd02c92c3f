#include "backend/instancestore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

QString replicaHostsJson(const QList<InstanceKey>& keys)
{
    QJsonArray array;
    for (const InstanceKey& key : keys) {
        array.append(QJsonObject { { u"Hostname"_s, key.host }, { u"Port"_s, key.port } });
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

// Tolerates the \" that orchestrator's SQLite fixtures leave in the JSON.
QList<InstanceKey> parseReplicaHosts(const QString& text)
{
    QString cleaned = text;
    cleaned.replace(u"\\\""_s, u"\""_s);
    QList<InstanceKey> keys;
    const QJsonArray array = QJsonDocument::fromJson(cleaned.toUtf8()).array();
    for (const QJsonValue& value : array) {
        const QJsonObject object = value.toObject();
        const int port = object.value(u"Port"_s).toInt();
        const QString host = object.value(u"Hostname"_s).toString();
        if (!host.isEmpty() && port > 0 && port <= 65535) {
            keys.append(InstanceKey { host, static_cast<quint16>(port) });
        }
    }
    return keys;
}

int threadState(bool running)
{
    return running ? 1 : 0;
}

QVariant optionalValue(const std::optional<qint64>& value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<qint64>());
}

std::optional<qint64> optionalFrom(const QVariant& value)
{
    if (value.isNull()) {
        return std::nullopt;
    }
    return value.toLongLong();
}

// Every column a probe writes, with its value from the record.
QList<std::pair<QString, QVariant>> columns(const InstanceRecord& r)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return {
        { u"hostname"_s, r.key.host },
        { u"port"_s, r.key.port },
        { u"last_checked"_s, Backend::toDb(r.lastChecked.isValid() ? r.lastChecked : now) },
        { u"last_attempted_check"_s,
            Backend::toDb(r.lastAttemptedCheck.isValid() ? r.lastAttemptedCheck : now) },
        { u"last_check_partial_success"_s, r.lastCheckPartialSuccess ? 1 : 0 },
        { u"last_seen"_s, Backend::toDb(r.lastSeen.isValid() ? r.lastSeen : now) },
        { u"uptime"_s, r.uptimeSeconds },
        { u"server_id"_s, r.serverId },
        { u"server_uuid"_s, r.serverUuid },
        { u"version"_s, r.version },
        { u"major_version"_s, r.majorVersion() },
        { u"version_comment"_s, r.versionComment },
        { u"read_only"_s, r.readOnly ? 1 : 0 },
        { u"binlog_format"_s, r.binlogFormat },
        { u"binlog_row_image"_s, r.binlogRowImage },
        { u"log_bin"_s, r.logBin ? 1 : 0 },
        { u"log_slave_updates"_s, r.logSlaveUpdates ? 1 : 0 },
        { u"binary_log_file"_s, r.binaryLogFile },
        { u"binary_log_pos"_s, r.binaryLogPos },
        { u"master_host"_s, r.masterKey ? r.masterKey->host : QString() },
        { u"master_port"_s, r.masterKey ? r.masterKey->port : 0 },
        { u"slave_sql_running"_s, r.sqlThreadRunning ? 1 : 0 },
        { u"slave_io_running"_s, r.ioThreadRunning ? 1 : 0 },
        { u"replication_sql_thread_state"_s, r.isReplica() ? threadState(r.sqlThreadRunning) : -1 },
        { u"replication_io_thread_state"_s, r.isReplica() ? threadState(r.ioThreadRunning) : -1 },
        { u"has_replication_filters"_s, r.hasReplicationFilters ? 1 : 0 },
        { u"supports_oracle_gtid"_s, r.supportsOracleGtid ? 1 : 0 },
        { u"oracle_gtid"_s, r.oracleGtid ? 1 : 0 },
        { u"master_uuid"_s, r.masterUuid },
        { u"executed_gtid_set"_s,
            r.flavor == Flavor::MariaDB ? r.gtidCurrentPos : r.executedGtidSet },
        { u"gtid_mode"_s, r.gtidMode },
        { u"gtid_purged"_s, r.gtidPurged },
        { u"mariadb_gtid"_s, r.mariadbGtid() ? 1 : 0 },
        { u"master_log_file"_s, r.masterLogFile },
        { u"read_master_log_pos"_s, r.readMasterLogPos },
        { u"relay_master_log_file"_s, r.relayMasterLogFile },
        { u"exec_master_log_pos"_s, r.execMasterLogPos },
        { u"relay_log_file"_s, r.relayLogFile },
        { u"relay_log_pos"_s, r.relayLogPos },
        { u"last_sql_error"_s, r.lastSqlError },
        { u"last_io_error"_s, r.lastIoError },
        { u"seconds_behind_master"_s, optionalValue(r.secondsBehindMaster) },
        { u"slave_lag_seconds"_s,
            optionalValue(
                r.replicationLagSeconds ? r.replicationLagSeconds : r.secondsBehindMaster) },
        { u"sql_delay"_s, r.sqlDelay },
        { u"allow_tls"_s, r.allowTls ? 1 : 0 },
        { u"num_slave_hosts"_s, static_cast<int>(r.replicaKeys.size()) },
        { u"slave_hosts"_s, replicaHostsJson(r.replicaKeys) },
        { u"cluster_name"_s, r.clusterName },
        { u"suggested_cluster_alias"_s, r.suggestedClusterAlias },
        { u"data_center"_s, r.dataCenter },
        { u"region"_s, r.region },
        { u"physical_environment"_s, r.physicalEnvironment },
        { u"instance_alias"_s, r.instanceAlias },
        { u"replication_depth"_s, r.replicationDepth },
        { u"is_co_master"_s, r.isCoMaster ? 1 : 0 },
        { u"semi_sync_master_enabled"_s, r.semiSyncMasterEnabled ? 1 : 0 },
        { u"semi_sync_replica_enabled"_s, r.semiSyncReplicaEnabled ? 1 : 0 },
        { u"last_discovery_latency"_s, r.probeLatencyMs * 1000000 },
    };
}

} // namespace

void InstanceStore::copyUnstoredFields(const InstanceRecord& probe, InstanceRecord& stored)
{
    stored.gtidSlavePos = probe.gtidSlavePos;
    stored.gtidBinlogPos = probe.gtidBinlogPos;
    stored.heartbeatRows = probe.heartbeatRows;
    stored.heartbeatError = probe.heartbeatError;
    stored.tlsState = probe.tlsState;
    if (stored.mariadbGtid() == probe.mariadbGtid()) {
        stored.usingGtid = probe.usingGtid; // "Current_Pos" stays itself
    }
}

InstanceStore::InstanceStore(const Backend& backend)
    : m_backend(backend)
{ }

Result<void> InstanceStore::write(const QList<InstanceRecord>& records) const
{
    if (auto writable = m_backend.requireWritable(); !writable) {
        return writable;
    }
    // In key order (hostname, port), as every writer locks rows: two writers of one shared
    // backend then wait for each other instead of deadlocking.
    QList<InstanceRecord> ordered = records;
    std::stable_sort(ordered.begin(), ordered.end(),
        [](const InstanceRecord& a, const InstanceRecord& b) { return a.key < b.key; });
    return m_backend.transaction([&]() -> Result<void> {
        for (const InstanceRecord& record : ordered) {
            auto done = record.reachable ? writeOne(record) : writeAttempt(record);
            if (!done) {
                return done;
            }
        }
        return {};
    });
}

Result<void> InstanceStore::writeOne(const InstanceRecord& record) const
{
    auto values = columns(record);
    // A null QString binds as NULL; the text columns are NOT NULL with '' for "none".
    for (auto& [name, value] : values) {
        if (value.metaType().id() == QMetaType::QString && value.toString().isNull()) {
            value = QString(u""_s);
        }
    }
    QStringList names;
    QStringList updates;
    QVariantList binds;
    for (const auto& [name, value] : values) {
        if (!m_backend.hasColumn(u"database_instance"_s, name)) {
            continue; // a table orchestrator (of some version) made: only the columns it has
        }
        names << name;
        binds << value;
        if (name == u"hostname"_s || name == u"port"_s) {
            continue;
        }
        updates << (m_backend.flavor() == SqlFlavor::SQLite
                ? QString(name + u" = excluded."_s + name)
                : QString(name + u" = VALUES("_s + name + u')'));
    }
    if (m_backend.hasColumn(u"database_instance"_s, u"first_seen"_s)) { // Topograph's own schema
        names << u"first_seen"_s;
        binds << Backend::toDb(QDateTime::currentDateTimeUtc());
    }
    // Columns Topograph has no value for that a new row must fill (orchestrator's MySQL table
    // has NOT NULL columns without a default): their zero on INSERT, untouched on UPDATE.
    for (const auto& [name, zero] : m_backend.columnsWithoutDefault(u"database_instance"_s)) {
        if (!names.contains(name)) {
            names << name;
            binds << zero;
        }
    }
    const QString placeholders = QStringList(names.size(), u"?"_s).join(u", "_s);
    QString sql = u"INSERT INTO database_instance ("_s + names.join(u", "_s) + u") VALUES ("_s
        + placeholders + u") "_s;
    sql += m_backend.flavor() == SqlFlavor::SQLite
        ? u"ON CONFLICT (hostname, port) DO UPDATE SET "_s
        : u"ON DUPLICATE KEY UPDATE "_s;
    sql += updates.join(u", "_s);
    auto done = m_backend.exec(sql, binds);
    if (!done) {
        return done.error();
    }
    return {};
}

Result<void> InstanceStore::writeAttempt(const InstanceRecord& record) const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime attempted
        = record.lastAttemptedCheck.isValid() ? record.lastAttemptedCheck : now;
    const QDateTime checked = record.lastChecked.isValid() ? record.lastChecked : attempted;
    auto done = m_backend.exec(u"UPDATE database_instance SET last_attempted_check = ?, "
                               "last_checked = ?, last_check_partial_success = ? "
                               "WHERE hostname = ? AND port = ?"_s,
        { Backend::toDb(attempted), Backend::toDb(checked), record.lastCheckPartialSuccess ? 1 : 0,
            record.key.host, record.key.port });
    if (!done) {
        return done.error();
    }
    return {};
}

InstanceRecord InstanceStore::fromRow(const SqlRow& row)
{
    auto text
        = [&](const char16_t* name) { return row.value(QString::fromUtf16(name)).toString(); };
    auto number
        = [&](const char16_t* name) { return row.value(QString::fromUtf16(name)).toLongLong(); };
    auto flag = [&](const char16_t* name) { return number(name) != 0; };
    InstanceRecord r;
    r.key = InstanceKey { text(u"hostname"), static_cast<quint16>(number(u"port")) };
    r.lastChecked = Backend::fromDb(row.value(u"last_checked"_s));
    r.lastAttemptedCheck = Backend::fromDb(row.value(u"last_attempted_check"_s));
    r.lastSeen = Backend::fromDb(row.value(u"last_seen"_s));
    r.reachable = r.lastSeen.isValid() && r.lastChecked.isValid() && r.lastSeen >= r.lastChecked;
    r.lastCheckPartialSuccess = flag(u"last_check_partial_success");
    r.probeLatencyMs = number(u"last_discovery_latency") / 1000000;
    r.version = text(u"version");
    r.versionComment = text(u"version_comment");
    r.flavor = r.version.contains(u"MariaDB"_s, Qt::CaseInsensitive) ? Flavor::MariaDB
        : r.version.isEmpty()                                        ? Flavor::Unknown
                                                                     : Flavor::MySQL;
    r.uptimeSeconds = number(u"uptime");
    r.serverId = static_cast<quint32>(number(u"server_id"));
    r.serverUuid = text(u"server_uuid");
    r.readOnly = flag(u"read_only");
    r.binlogFormat = text(u"binlog_format");
    r.binlogRowImage = text(u"binlog_row_image");
    r.logBin = flag(u"log_bin");
    r.logSlaveUpdates = flag(u"log_slave_updates");
    r.binaryLogFile = text(u"binary_log_file");
    r.binaryLogPos = number(u"binary_log_pos");
    const QString masterHost = text(u"master_host");
    const qint64 masterPort = number(u"master_port");
    if (!masterHost.isEmpty() && masterPort > 0 && masterPort <= 65535) {
        r.masterKey = InstanceKey { masterHost, static_cast<quint16>(masterPort) };
    }
    // The thread states are what orchestrator's tools read for "is replicating".
    r.sqlThreadRunning = number(u"replication_sql_thread_state") == 1;
    r.ioThreadRunning = number(u"replication_io_thread_state") == 1;
    r.hasReplicationFilters = flag(u"has_replication_filters");
    r.supportsOracleGtid = flag(u"supports_oracle_gtid");
    r.oracleGtid = flag(u"oracle_gtid");
    r.masterUuid = text(u"master_uuid");
    r.gtidMode = text(u"gtid_mode");
    r.gtidPurged = text(u"gtid_purged");
    // executed_gtid_set holds MariaDB's gtid_current_pos, or MySQL's executed set.
    if (r.flavor == Flavor::MariaDB) {
        r.gtidCurrentPos = text(u"executed_gtid_set");
    } else {
        r.executedGtidSet = text(u"executed_gtid_set");
    }
    if (flag(u"mariadb_gtid")) {
        r.usingGtid = u"Slave_Pos"_s; // the column keeps only whether GTID is used
    }
    r.pseudoGtid = flag(u"pseudo_gtid");
    r.masterLogFile = text(u"master_log_file");
    r.readMasterLogPos = number(u"read_master_log_pos");
    r.relayMasterLogFile = text(u"relay_master_log_file");
    r.execMasterLogPos = number(u"exec_master_log_pos");
    r.relayLogFile = text(u"relay_log_file");
    r.relayLogPos = number(u"relay_log_pos");
    r.lastSqlError = text(u"last_sql_error");
    r.lastIoError = text(u"last_io_error");
    r.secondsBehindMaster = optionalFrom(row.value(u"seconds_behind_master"_s));
    r.replicationLagSeconds = optionalFrom(row.value(u"slave_lag_seconds"_s));
    r.sqlDelay = number(u"sql_delay");
    r.allowTls = flag(u"allow_tls");
    r.replicaKeys = parseReplicaHosts(text(u"slave_hosts"));
    r.clusterName = text(u"cluster_name");
    r.suggestedClusterAlias = text(u"suggested_cluster_alias");
    r.dataCenter = text(u"data_center");
    r.region = text(u"region");
    r.physicalEnvironment = text(u"physical_environment");
    r.instanceAlias = text(u"instance_alias");
    r.replicationDepth = static_cast<int>(number(u"replication_depth"));
    r.isCoMaster = flag(u"is_co_master");
    r.semiSyncMasterEnabled = flag(u"semi_sync_master_enabled");
    r.semiSyncReplicaEnabled = flag(u"semi_sync_replica_enabled");
    return r;
}

Result<QList<InstanceRecord>> InstanceStore::readAll() const
{
    auto rows = m_backend.select(u"SELECT * FROM database_instance ORDER BY hostname, port"_s);
    if (!rows) {
        return rows.error();
    }
    QList<InstanceRecord> records;
    for (const SqlRow& row : *rows) {
        records.append(fromRow(row));
    }
    return records;
}

Result<std::optional<InstanceRecord>> InstanceStore::read(const InstanceKey& key) const
{
    auto rows
        = m_backend.select(u"SELECT * FROM database_instance WHERE hostname = ? AND port = ?"_s,
            { key.host, key.port });
    if (!rows) {
        return rows.error();
    }
    if (rows->isEmpty()) {
        return std::optional<InstanceRecord> {};
    }
    return std::optional<InstanceRecord> { fromRow(rows->first()) };
}

Result<QList<InstanceRecord>> InstanceStore::readCluster(const QString& clusterName) const
{
    auto rows = m_backend.select(
        u"SELECT * FROM database_instance WHERE cluster_name = ? ORDER BY hostname, port"_s,
        { clusterName });
    if (!rows) {
        return rows.error();
    }
    QList<InstanceRecord> records;
    for (const SqlRow& row : *rows) {
        records.append(fromRow(row));
    }
    return records;
}

Result<bool> InstanceStore::forget(const InstanceKey& key) const
{
    if (auto writable = m_backend.requireWritable(); !writable) {
        return writable.error();
    }
    bool existed = false;
    auto done = m_backend.transaction([&]() -> Result<void> {
        auto deleted
            = m_backend.exec(u"DELETE FROM database_instance WHERE hostname = ? AND port = ?"_s,
                { key.host, key.port });
        if (!deleted) {
            return deleted.error();
        }
        existed = *deleted > 0;
        for (const QString& table : { u"database_instance_tags"_s, u"database_instance_downtime"_s,
                 u"candidate_database_instance"_s }) {
            auto cleared
                = m_backend.exec(u"DELETE FROM "_s + table + u" WHERE hostname = ? AND port = ?"_s,
                    { key.host, key.port });
            if (!cleared) {
                return cleared.error();
            }
        }
        return {};
    });
    if (!done) {
        return done.error();
    }
    return existed;
}

} // namespace topograph
