#include "probe/instanceprobe.h"

#include "db/mysqlsession.h"
#include "logging.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

bool yes(const QVariant& value)
{
    return value.toString().compare(u"Yes"_s, Qt::CaseInsensitive) == 0;
}

Result<void> readReplication(const MySqlSession& session, InstanceRecord& record)
{
    auto status = session.queryRow(u"SHOW SLAVE STATUS"_s);
    if (!status) {
        return status.error();
    }
    if (status->isEmpty()) {
        return {};
    }
    const SqlRow& row = *status;
    const QString host = row.value(u"Master_Host"_s).toString();
    const uint port = row.value(u"Master_Port"_s).toUInt();
    if (!host.isEmpty() && port > 0 && port <= 65535) {
        record.masterKey = InstanceKey { host, static_cast<quint16>(port) };
    }
    record.ioThreadRunning = yes(row.value(u"Slave_IO_Running"_s));
    record.sqlThreadRunning = yes(row.value(u"Slave_SQL_Running"_s));
    record.usingGtid = row.value(u"Using_Gtid"_s).toString();
    const QVariant lag = row.value(u"Seconds_Behind_Master"_s);
    if (!lag.isNull() && !lag.toString().isEmpty()) {
        record.secondsBehindMaster = lag.toLongLong();
    }
    return {};
}

Result<void> readReplicas(const MySqlSession& session, InstanceRecord& record)
{
    auto hosts = session.query(u"SHOW SLAVE HOSTS"_s);
    if (!hosts) {
        return hosts.error();
    }
    for (const SqlRow& row : *hosts) {
        const QString host = row.value(u"Host"_s).toString();
        const uint port = row.value(u"Port"_s).toUInt();
        if (!host.isEmpty() && port > 0 && port <= 65535) {
            record.replicaKeys.append(InstanceKey { host, static_cast<quint16>(port) });
        }
    }
    std::sort(record.replicaKeys.begin(), record.replicaKeys.end());
    return {};
}

} // namespace

InstanceRecord InstanceProbe::probe(const ConnectionSettings& settings)
{
    InstanceRecord record;
    record.key = settings.key;
    record.lastChecked = QDateTime::currentDateTimeUtc();
    auto session = MySqlSession::open(settings, u"probe"_s);
    if (!session) {
        record.lastError = session.error().message;
        return record;
    }
    const MySqlSession& db = **session;
    auto vars = db.queryRow(u"SELECT @@server_id AS server_id, @@version AS version, "
                            "@@read_only AS read_only, @@log_bin AS log_bin, "
                            "@@log_slave_updates AS log_slave_updates, "
                            "@@binlog_format AS binlog_format"_s);
    if (!vars) {
        record.lastError = vars.error().message;
        return record;
    }
    record.serverId = vars->value(u"server_id"_s).toUInt();
    record.version = vars->value(u"version"_s).toString();
    record.readOnly = vars->value(u"read_only"_s).toInt() != 0;
    record.logBin = vars->value(u"log_bin"_s).toInt() != 0;
    record.logSlaveUpdates = vars->value(u"log_slave_updates"_s).toInt() != 0;
    record.binlogFormat = vars->value(u"binlog_format"_s).toString();
    for (auto step : { readReplication, readReplicas }) {
        if (auto done = step(db, record); !done) {
            record.lastError = done.error().message;
            return record;
        }
    }
    record.reachable = true;
    qCDebug(lcProbe) << "probed" << record.key.toString() << "server_id" << record.serverId;
    return record;
}

} // namespace topograph
