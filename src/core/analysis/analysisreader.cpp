#include "analysis/analysisreader.h"

#include "backend/backend.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

const QString kInstances = u"SELECT hostname, port, master_host, master_port, cluster_name, "
                           "last_checked, last_seen, last_attempted_check, "
                           "last_check_partial_success, read_only, is_co_master, "
                           "replication_depth, slave_io_running, slave_sql_running, last_io_error, "
                           "binlog_server, pseudo_gtid, oracle_gtid, mariadb_gtid, log_bin, "
                           "log_slave_updates, binlog_format, major_version, binary_log_file, "
                           "binary_log_pos, sql_delay, slave_lag_seconds, gtid_mode, gtid_errant, "
                           "semi_sync_master_enabled, semi_sync_master_status, "
                           "semi_sync_master_wait_for_slave_count, semi_sync_master_clients, "
                           "semi_sync_replica_enabled, replication_group_name, "
                           "replication_group_member_state, replication_group_member_role "
                           "FROM database_instance"_s;

InstanceKey keyOf(const SqlRow& row)
{
    return InstanceKey { row.value(u"hostname"_s).toString(),
        static_cast<quint16>(row.value(u"port"_s).toUInt()) };
}

bool flag(const SqlRow& row, const QString& column)
{
    return row.value(column).toLongLong() != 0;
}

int number(const SqlRow& row, const QString& column)
{
    return row.value(column).toInt();
}

QString text(const SqlRow& row, const QString& column)
{
    return row.value(column).toString();
}

AnalysisInstance fromRow(const SqlRow& row)
{
    AnalysisInstance i;
    i.key = keyOf(row);
    i.masterHost = text(row, u"master_host"_s);
    i.masterPort = number(row, u"master_port"_s);
    i.clusterName = text(row, u"cluster_name"_s);
    i.lastChecked = Backend::fromDb(row.value(u"last_checked"_s));
    i.lastSeen = Backend::fromDb(row.value(u"last_seen"_s));
    i.lastAttemptedCheck = Backend::fromDb(row.value(u"last_attempted_check"_s));
    i.lastCheckPartialSuccess = flag(row, u"last_check_partial_success"_s);
    i.readOnly = flag(row, u"read_only"_s);
    i.isCoMaster = flag(row, u"is_co_master"_s);
    i.replicationDepth = number(row, u"replication_depth"_s);
    i.slaveIoRunning = flag(row, u"slave_io_running"_s);
    i.slaveSqlRunning = flag(row, u"slave_sql_running"_s);
    i.lastIoError = text(row, u"last_io_error"_s);
    i.binlogServer = flag(row, u"binlog_server"_s);
    i.pseudoGtid = flag(row, u"pseudo_gtid"_s);
    i.oracleGtid = flag(row, u"oracle_gtid"_s);
    i.mariadbGtid = flag(row, u"mariadb_gtid"_s);
    i.logBin = flag(row, u"log_bin"_s);
    i.logSlaveUpdates = flag(row, u"log_slave_updates"_s);
    i.binlogFormat = text(row, u"binlog_format"_s);
    i.majorVersion = text(row, u"major_version"_s);
    i.binaryLogFile = text(row, u"binary_log_file"_s);
    i.binaryLogPos = row.value(u"binary_log_pos"_s).toLongLong();
    i.sqlDelay = number(row, u"sql_delay"_s);
    if (const QVariant lag = row.value(u"slave_lag_seconds"_s); !lag.isNull()) {
        i.slaveLagSeconds = lag.toLongLong();
    }
    i.gtidMode = text(row, u"gtid_mode"_s);
    i.gtidErrant = text(row, u"gtid_errant"_s);
    i.semiSyncMasterEnabled = flag(row, u"semi_sync_master_enabled"_s);
    i.semiSyncMasterStatus = flag(row, u"semi_sync_master_status"_s);
    i.semiSyncMasterWaitForReplicaCount = number(row, u"semi_sync_master_wait_for_slave_count"_s);
    i.semiSyncMasterClients = number(row, u"semi_sync_master_clients"_s);
    i.semiSyncReplicaEnabled = flag(row, u"semi_sync_replica_enabled"_s);
    i.replicationGroupName = text(row, u"replication_group_name"_s);
    i.replicationGroupMemberState = text(row, u"replication_group_member_state"_s);
    i.replicationGroupMemberRole = text(row, u"replication_group_member_role"_s);
    return i;
}

} // namespace

AnalysisReader::AnalysisReader(const Backend& backend)
    : m_backend(backend)
{ }

Result<AnalysisInput> AnalysisReader::read(const QDateTime& now) const
{
    AnalysisInput input;
    input.now = now.toUTC();
    if (auto done = readInstances(input); !done) {
        return done.error();
    }
    if (auto done = readSideTables(input); !done) {
        return done.error();
    }
    return input;
}

Result<void> AnalysisReader::readInstances(AnalysisInput& input) const
{
    auto rows = m_backend.select(kInstances);
    if (!rows) {
        return rows.error();
    }
    input.instances.reserve(rows->size());
    for (const SqlRow& row : std::as_const(*rows)) {
        input.instances << fromRow(row);
    }
    return {};
}

Result<void> AnalysisReader::readSideTables(AnalysisInput& input) const
{
    auto resolves = m_backend.select(u"SELECT hostname, resolved_hostname FROM hostname_resolve"_s);
    if (!resolves) {
        return resolves.error();
    }
    for (const SqlRow& row : std::as_const(*resolves)) {
        input.resolvedHostnames.insert(text(row, u"hostname"_s), text(row, u"resolved_hostname"_s));
    }
    auto maintenance = m_backend.select(
        u"SELECT hostname, port FROM database_instance_maintenance WHERE maintenance_active = 1"_s);
    if (!maintenance) {
        return maintenance.error();
    }
    for (const SqlRow& row : std::as_const(*maintenance)) {
        input.inMaintenance.insert(keyOf(row));
    }
    auto downtimes = m_backend.select(u"SELECT hostname, port, end_timestamp FROM "
                                      "database_instance_downtime WHERE downtime_active = 1"_s);
    if (!downtimes) {
        return downtimes.error();
    }
    for (const SqlRow& row : std::as_const(*downtimes)) {
        input.downtimeEnds.insert(keyOf(row), Backend::fromDb(row.value(u"end_timestamp"_s)));
    }
    auto stale = m_backend.select(u"SELECT hostname, port, binary_log_file, binary_log_pos, "
                                  "first_seen FROM database_instance_stale_binlog_coordinates"_s);
    if (!stale) {
        return stale.error();
    }
    for (const SqlRow& row : std::as_const(*stale)) {
        input.staleCoordinates.insert(keyOf(row),
            StaleBinlogCoordinates { text(row, u"binary_log_file"_s),
                row.value(u"binary_log_pos"_s).toLongLong(),
                Backend::fromDb(row.value(u"first_seen"_s)) });
    }
    return {};
}

} // namespace topograph
