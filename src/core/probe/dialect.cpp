#include "probe/dialect.h"

#include <QRegularExpression>

#include <algorithm>

#include "probe/sqlvalue.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

// Column names of the replica status statement that changed spelling in MySQL 8.0.22.
struct StatusColumns
{
    QString host;
    QString port;
    QString ioRunning;
    QString sqlRunning;
    QString masterLogFile;
    QString readPos;
    QString relayMasterLogFile;
    QString execPos;
    QString secondsBehind;
    QString sslAllowed;
    QString masterUuid;
};

const StatusColumns& slaveColumns()
{
    static const StatusColumns columns { u"Master_Host"_s, u"Master_Port"_s, u"Slave_IO_Running"_s,
        u"Slave_SQL_Running"_s, u"Master_Log_File"_s, u"Read_Master_Log_Pos"_s,
        u"Relay_Master_Log_File"_s, u"Exec_Master_Log_Pos"_s, u"Seconds_Behind_Master"_s,
        u"Master_SSL_Allowed"_s, u"Master_UUID"_s };
    return columns;
}

const StatusColumns& replicaColumns()
{
    static const StatusColumns columns { u"Source_Host"_s, u"Source_Port"_s,
        u"Replica_IO_Running"_s, u"Replica_SQL_Running"_s, u"Source_Log_File"_s,
        u"Read_Source_Log_Pos"_s, u"Relay_Source_Log_File"_s, u"Exec_Source_Log_Pos"_s,
        u"Seconds_Behind_Source"_s, u"Source_SSL_Allowed"_s, u"Source_UUID"_s };
    return columns;
}

std::optional<InstanceKey> keyFrom(const QVariant& host, const QVariant& port)
{
    const QString name = sqlvalue::text(host);
    const qint64 number = sqlvalue::integer(port);
    if (name.isEmpty() || number < 1 || number > 65535) {
        return std::nullopt;
    }
    return InstanceKey { name, static_cast<quint16>(number) };
}

// MySQL prints GTID sets with a newline after every comma.
QString oneLine(const QVariant& value)
{
    return sqlvalue::text(value).remove(u'\n');
}

} // namespace

Dialect Dialect::forVersion(const QString& version, const QString& versionComment)
{
    Dialect dialect;
    QString text = version.trimmed();
    // Some proxies and old clients show MariaDB as "5.5.5-10.6.12-MariaDB".
    if (text.startsWith(u"5.5.5-"_s) && text.contains(u"mariadb"_s, Qt::CaseInsensitive)) {
        text = text.mid(6);
    }
    static const QRegularExpression numbers(u"^(\\d+)\\.(\\d+)(?:\\.(\\d+))?"_s);
    const QRegularExpressionMatch match = numbers.match(text);
    if (!match.hasMatch()) {
        return dialect;
    }
    dialect.m_major = match.captured(1).toInt();
    dialect.m_minor = match.captured(2).toInt();
    dialect.m_patch = match.captured(3).toInt();
    const bool mariadb = text.contains(u"mariadb"_s, Qt::CaseInsensitive)
        || versionComment.contains(u"mariadb"_s, Qt::CaseInsensitive);
    dialect.m_flavor = mariadb ? Flavor::MariaDB : Flavor::MySQL;
    return dialect;
}

bool Dialect::atLeast(int major, int minor, int patch) const
{
    return std::tie(m_major, m_minor, m_patch) >= std::tie(major, minor, patch);
}

bool Dialect::isSupported() const
{
    switch (m_flavor) {
    case Flavor::MariaDB:
        return atLeast(10, 3, 0);
    case Flavor::MySQL:
        return atLeast(5, 7, 0);
    case Flavor::Unknown:
        break;
    }
    return false;
}

QString Dialect::name() const
{
    const QString number = u"%1.%2.%3"_s.arg(m_major).arg(m_minor).arg(m_patch);
    switch (m_flavor) {
    case Flavor::MariaDB:
        return u"MariaDB "_s + number;
    case Flavor::MySQL:
        return u"MySQL "_s + number;
    case Flavor::Unknown:
        break;
    }
    return u"an unknown server version"_s;
}

bool Dialect::usesReplicaTerms() const
{
    return isMySql() && atLeast(8, 0, 22);
}

QString Dialect::identityQuery()
{
    return u"SELECT @@version AS version, @@version_comment AS version_comment"_s;
}

QString Dialect::variablesQuery() const
{
    const QString logUpdates = isMySql() && atLeast(8, 0, 26) ? u"@@global.log_replica_updates"_s
                                                              : u"@@global.log_slave_updates"_s;
    QString sql = u"SELECT @@global.server_id AS server_id, @@global.read_only AS read_only, "
                  "@@global.log_bin AS log_bin, %1 AS log_updates, "
                  "@@global.binlog_format AS binlog_format, "
                  "@@global.binlog_row_image AS binlog_row_image, "
                  "@@hostname AS hostname, @@global.report_host AS report_host"_s.arg(logUpdates);
    if (isMySql()) {
        sql += u", @@global.server_uuid AS server_uuid"_s;
    }
    return sql;
}

QString Dialect::gtidQuery() const
{
    if (m_flavor == Flavor::MariaDB) {
        return u"SELECT @@global.gtid_current_pos AS gtid_current_pos, "
               "@@global.gtid_slave_pos AS gtid_slave_pos, "
               "@@global.gtid_binlog_pos AS gtid_binlog_pos"_s;
    }
    return u"SELECT @@global.gtid_mode AS gtid_mode, @@global.gtid_executed AS gtid_executed, "
           "@@global.gtid_purged AS gtid_purged"_s;
}

QString Dialect::masterStatusStatement() const
{
    return isMySql() && atLeast(8, 2, 0) ? u"SHOW BINARY LOG STATUS"_s : u"SHOW MASTER STATUS"_s;
}

QString Dialect::replicaStatusStatement() const
{
    return usesReplicaTerms() ? u"SHOW REPLICA STATUS"_s : u"SHOW SLAVE STATUS"_s;
}

QString Dialect::replicaHostsStatement() const
{
    return usesReplicaTerms() ? u"SHOW REPLICAS"_s : u"SHOW SLAVE HOSTS"_s;
}

QString Dialect::processlistReplicasQuery() const
{
    return u"SELECT host FROM information_schema.processlist "
           "WHERE command IN ('Binlog Dump', 'Binlog Dump GTID')"_s;
}

void Dialect::applyVariables(const QVariantMap& row, InstanceRecord& record) const
{
    record.serverId = static_cast<quint32>(sqlvalue::integer(row.value(u"server_id"_s)));
    record.serverUuid = sqlvalue::text(row.value(u"server_uuid"_s));
    record.readOnly = sqlvalue::flag(row.value(u"read_only"_s));
    record.logBin = sqlvalue::flag(row.value(u"log_bin"_s));
    record.logSlaveUpdates = sqlvalue::flag(row.value(u"log_updates"_s));
    record.binlogFormat = sqlvalue::text(row.value(u"binlog_format"_s));
    record.binlogRowImage = sqlvalue::text(row.value(u"binlog_row_image"_s));
}

void Dialect::applyGtid(const QVariantMap& row, InstanceRecord& record) const
{
    if (m_flavor == Flavor::MariaDB) {
        record.gtidCurrentPos = sqlvalue::text(row.value(u"gtid_current_pos"_s));
        record.gtidSlavePos = sqlvalue::text(row.value(u"gtid_slave_pos"_s));
        record.gtidBinlogPos = sqlvalue::text(row.value(u"gtid_binlog_pos"_s));
        return;
    }
    record.gtidMode = sqlvalue::text(row.value(u"gtid_mode"_s)).toUpper();
    record.executedGtidSet = oneLine(row.value(u"gtid_executed"_s));
    record.gtidPurged = oneLine(row.value(u"gtid_purged"_s));
    // ON, ON_PERMISSIVE and OFF_PERMISSIVE can all replicate GTID transactions.
    record.supportsOracleGtid = !record.gtidMode.isEmpty() && record.gtidMode != u"OFF"_s;
}

void Dialect::applyMasterStatus(const QVariantMap& row, InstanceRecord& record) const
{
    record.binaryLogFile = sqlvalue::text(row.value(u"File"_s));
    record.binaryLogPos = sqlvalue::integer(row.value(u"Position"_s));
}

void Dialect::applyReplicaStatus(const QVariantMap& row, InstanceRecord& record) const
{
    if (row.isEmpty()) {
        return;
    }
    const StatusColumns& c = usesReplicaTerms() ? replicaColumns() : slaveColumns();
    record.masterKey = keyFrom(row.value(c.host), row.value(c.port));
    record.ioThreadRunning = sqlvalue::yes(row.value(c.ioRunning));
    record.sqlThreadRunning = sqlvalue::yes(row.value(c.sqlRunning));
    record.masterLogFile = sqlvalue::text(row.value(c.masterLogFile));
    record.readMasterLogPos = sqlvalue::integer(row.value(c.readPos));
    record.relayMasterLogFile = sqlvalue::text(row.value(c.relayMasterLogFile));
    record.execMasterLogPos = sqlvalue::integer(row.value(c.execPos));
    record.relayLogFile = sqlvalue::text(row.value(u"Relay_Log_File"_s));
    record.relayLogPos = sqlvalue::integer(row.value(u"Relay_Log_Pos"_s));
    record.lastSqlError = sqlvalue::text(row.value(u"Last_SQL_Error"_s));
    record.lastIoError = sqlvalue::text(row.value(u"Last_IO_Error"_s));
    record.secondsBehindMaster = sqlvalue::optionalInteger(row.value(c.secondsBehind));
    record.sqlDelay = sqlvalue::integer(row.value(u"SQL_Delay"_s));
    record.allowTls = sqlvalue::yes(row.value(c.sslAllowed));
    record.masterUuid = sqlvalue::text(row.value(c.masterUuid));
    static const QStringList filters { u"Replicate_Do_DB"_s, u"Replicate_Ignore_DB"_s,
        u"Replicate_Do_Table"_s, u"Replicate_Ignore_Table"_s, u"Replicate_Wild_Do_Table"_s,
        u"Replicate_Wild_Ignore_Table"_s };
    record.hasReplicationFilters = std::any_of(filters.cbegin(), filters.cend(),
        [&row](const QString& column) { return !sqlvalue::text(row.value(column)).isEmpty(); });
    if (m_flavor == Flavor::MariaDB) {
        record.usingGtid = sqlvalue::text(row.value(u"Using_Gtid"_s));
    } else {
        record.oracleGtid = sqlvalue::integer(row.value(u"Auto_Position"_s)) == 1;
    }
}

void Dialect::applyReplicaHosts(const QList<QVariantMap>& rows, InstanceRecord& record) const
{
    record.replicaKeys.clear();
    for (const QVariantMap& row : rows) {
        const auto key = keyFrom(row.value(u"Host"_s), row.value(u"Port"_s));
        if (key && *key != record.key && !record.replicaKeys.contains(*key)) {
            record.replicaKeys.append(*key);
        }
    }
    std::sort(record.replicaKeys.begin(), record.replicaKeys.end());
}

} // namespace topograph
