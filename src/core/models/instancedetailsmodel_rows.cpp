// InstanceDetailsModel: the rows of each section, built from a record.
#include "models/instancedetailsmodel.h"

#include "timeformat.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

using Row = InstanceDetailsModel::Row;
using Severity = InstanceDetailsModel::Severity;

const QString kNone = u"—"_s; // not applicable or not known

// Appends the rows of one section: the heading first, then each field.
class SectionRows final
{
public:
    SectionRows(QList<Row>& rows, const QString& id, const QString& name)
        : m_rows(rows)
        , m_section(name)
    {
        m_rows.append(Row { u"section:"_s + id, name, name, {}, {}, Severity::Normal, true, {} });
    }

    void add(const QString& id, const QString& field, const QString& value,
        Severity severity = Severity::Normal, const QString& toolTip = {})
    {
        const QString shown = value.isEmpty() ? kNone : value;
        m_rows.append(Row { id, m_section, field, shown, toolTip.isEmpty() ? shown : toolTip,
            severity, false, {} });
    }
    // A moment: shown in local time with its age, copied in ISO 8601.
    void addTime(const QString& id, const QString& field, const QString& shown,
        const QDateTime& time, Severity severity = Severity::Normal)
    {
        add(id, field, shown, severity);
        m_rows.last().copy = TimeFormat::iso(time);
    }

private:
    QList<Row>& m_rows;
    QString m_section;
};

QString onOff(bool on)
{
    return on ? u"ON"_s : u"OFF"_s;
}

QString coordinates(const QString& file, qint64 pos)
{
    return file.isEmpty() ? QString() : file + u':' + QString::number(pos);
}

// GTID sets run to hundreds of characters: one range per line in the tooltip.
QString setToolTip(const QString& set)
{
    QString tip = set;
    return tip.replace(u","_s, u",\n"_s);
}

} // namespace

void InstanceDetailsModel::addInstanceRows(QList<Row>& rows, const InstanceRecord& r,
    const QDateTime& now, const InstanceStatus::Thresholds& thresholds) const
{
    const InstanceStatus status = InstanceStatus::of(r, now, thresholds);
    SectionRows s(rows, u"instance"_s, tr("Instance"));
    s.add(u"key"_s, tr("Instance"), r.key.toString());
    s.add(u"alias"_s, tr("Alias"), r.instanceAlias);
    s.add(u"version"_s, tr("Version"),
        r.versionComment.isEmpty() ? r.version : tr("%1 (%2)").arg(r.version, r.versionComment));
    const QString flavor = r.flavor == Flavor::MariaDB ? u"MariaDB"_s
        : r.flavor == Flavor::MySQL                    ? u"MySQL"_s
                                                       : tr("unknown");
    s.add(u"flavor"_s, tr("Flavor"), flavor);
    s.add(u"server_id"_s, tr("Server ID"), r.serverId ? QString::number(r.serverId) : QString());
    if (r.flavor != Flavor::MariaDB) {
        s.add(u"server_uuid"_s, tr("Server UUID"), r.serverUuid);
    }
    s.add(u"uptime"_s, tr("Uptime"), r.uptimeSeconds > 0 ? duration(r.uptimeSeconds) : QString());
    s.add(u"read_only"_s, tr("read_only"), r.version.isEmpty() ? QString() : onOff(r.readOnly));
    const Severity statusSeverity = status.status == u"ok"_s ? Severity::Normal
        : status.status == u"invalid"_s                      ? Severity::Error
                                                             : Severity::Warning;
    s.add(u"status"_s, tr("Status"), tr("%1 (lag %2)").arg(status.status, status.lag),
        statusSeverity,
        tr("%1 (lag %2)\n%3").arg(status.status, status.lag, status.tags.join(u", "_s)));
    s.addTime(u"last_checked"_s, tr("Last checked"), moment(r.lastChecked, now), r.lastChecked);
    s.addTime(u"last_seen"_s, tr("Last seen"), moment(r.lastSeen, now), r.lastSeen,
        r.reachable ? Severity::Normal : Severity::Warning);
    s.add(u"check_latency"_s, tr("Check latency"),
        r.lastChecked.isValid() ? tr("%1 ms").arg(r.probeLatencyMs) : QString());
    s.add(u"last_error"_s, tr("Last error"), r.lastError.isEmpty() ? tr("none") : r.lastError,
        r.lastError.isEmpty() ? Severity::Normal : Severity::Error);
}

void InstanceDetailsModel::addReplicationRows(
    QList<Row>& rows, const InstanceRecord& r, const InstanceStatus::Thresholds& thresholds) const
{
    SectionRows s(rows, u"replication"_s, tr("Replication"));
    const bool replica = r.isReplica();
    s.add(
        u"master"_s, tr("Master"), replica ? r.masterKey->toString() : tr("none (not a replica)"));
    if (r.flavor != Flavor::MariaDB) {
        s.add(u"master_uuid"_s, tr("Master UUID"), replica ? r.masterUuid : QString());
    }
    const auto thread = [&](bool running, const QString& error) {
        if (!replica) {
            return std::pair { QString(), Severity::Normal };
        }
        return std::pair { running ? tr("running") : tr("stopped"),
            running               ? Severity::Normal
                : error.isEmpty() ? Severity::Warning
                                  : Severity::Error };
    };
    const auto [io, ioSeverity] = thread(r.ioThreadRunning, r.lastIoError);
    const auto [sql, sqlSeverity] = thread(r.sqlThreadRunning, r.lastSqlError);
    s.add(u"io_thread"_s, tr("IO thread"), io, ioSeverity);
    s.add(u"sql_thread"_s, tr("SQL thread"), sql, sqlSeverity);
    const auto error = [&](const QString& text) {
        return replica ? (text.isEmpty() ? tr("none") : text) : QString();
    };
    s.add(u"last_io_error"_s, tr("Last IO error"), error(r.lastIoError),
        r.lastIoError.isEmpty() ? Severity::Normal : Severity::Error);
    s.add(u"last_sql_error"_s, tr("Last SQL error"), error(r.lastSqlError),
        r.lastSqlError.isEmpty() ? Severity::Normal : Severity::Error);
    const auto lagSeverity = [&](const std::optional<qint64>& lag) {
        if (!replica) {
            return Severity::Normal;
        }
        return !lag || *lag > thresholds.reasonableLagSeconds ? Severity::Warning
                                                              : Severity::Normal;
    };
    s.add(u"seconds_behind_master"_s, tr("Seconds_Behind_Master"),
        replica ? seconds(r.secondsBehindMaster, u"NULL"_s) : QString(),
        lagSeverity(r.secondsBehindMaster));
    s.add(u"measured_lag"_s, tr("Measured lag"),
        replica ? seconds(r.replicationLagSeconds, tr("not measured")) : QString(),
        r.replicationLagSeconds ? lagSeverity(r.replicationLagSeconds) : Severity::Normal,
        tr("Lag from ReplicationLagQuery (e.g. pt-heartbeat), when configured"));
    s.add(u"sql_delay"_s, tr("SQL delay"),
        replica ? (r.sqlDelay > 0 ? duration(r.sqlDelay) : tr("none")) : QString());
    s.add(u"replication_depth"_s, tr("Replication depth"), QString::number(r.replicationDepth));
    s.add(u"co_master"_s, tr("Co-master"), yesNo(r.isCoMaster));
    s.add(u"replication_filters"_s, tr("Replication filters"),
        replica ? yesNo(r.hasReplicationFilters) : QString(),
        r.hasReplicationFilters ? Severity::Warning : Severity::Normal);
    s.add(u"tls"_s, tr("TLS to master"), replica ? yesNo(r.allowTls) : QString());
    s.add(u"semi_sync"_s, tr("Semi-sync"),
        tr("master %1, replica %2")
            .arg(onOff(r.semiSyncMasterEnabled), onOff(r.semiSyncReplicaEnabled)));
}

void InstanceDetailsModel::addBinlogRows(QList<Row>& rows, const InstanceRecord& r) const
{
    SectionRows s(rows, u"binlog"_s, tr("Binary log"));
    const bool known = !r.version.isEmpty();
    s.add(u"log_bin"_s, tr("log_bin"), known ? onOff(r.logBin) : QString());
    s.add(u"log_slave_updates"_s, tr("log_slave_updates"),
        known ? onOff(r.logSlaveUpdates) : QString());
    s.add(u"binlog_format"_s, tr("binlog_format"), r.binlogFormat);
    s.add(u"binlog_row_image"_s, tr("binlog_row_image"), r.binlogRowImage);
    s.add(u"own_coordinates"_s, tr("Own binlog"), coordinates(r.binaryLogFile, r.binaryLogPos),
        Severity::Normal, tr("SHOW MASTER STATUS: this instance's own binary log position"));
    s.add(u"read_coordinates"_s, tr("Read from master"),
        coordinates(r.masterLogFile, r.readMasterLogPos), Severity::Normal,
        tr("Master_Log_File:Read_Master_Log_Pos: how far the IO thread has read"));
    s.add(u"exec_coordinates"_s, tr("Executed from master"),
        coordinates(r.relayMasterLogFile, r.execMasterLogPos), Severity::Normal,
        tr("Relay_Master_Log_File:Exec_Master_Log_Pos: how far the SQL thread has executed"));
    s.add(u"relay_log"_s, tr("Relay log"), coordinates(r.relayLogFile, r.relayLogPos));
}

void InstanceDetailsModel::addGtidRows(QList<Row>& rows, const InstanceRecord& r) const
{
    SectionRows s(rows, u"gtid"_s, tr("GTID"));
    QString inUse = tr("no (binlog file:pos)");
    if (r.mariadbGtid()) {
        inUse = tr("MariaDB GTID (Using_Gtid=%1)").arg(r.usingGtid);
    } else if (r.oracleGtid) {
        inUse = tr("MySQL GTID (Auto_Position=1)");
    } else if (!r.isReplica()) {
        inUse = kNone;
    }
    s.add(u"gtid_in_use"_s, tr("Replicates by GTID"), inUse);
    const auto set = [&](const QString& id, const QString& field, const QString& value) {
        s.add(id, field, value, Severity::Normal, setToolTip(value));
    };
    if (r.flavor != Flavor::MySQL) {
        set(u"gtid_current_pos"_s, tr("gtid_current_pos"), r.gtidCurrentPos);
        set(u"gtid_slave_pos"_s, tr("gtid_slave_pos"), r.gtidSlavePos);
        set(u"gtid_binlog_pos"_s, tr("gtid_binlog_pos"), r.gtidBinlogPos);
    }
    if (r.flavor != Flavor::MariaDB) {
        s.add(u"gtid_mode"_s, tr("gtid_mode"), r.gtidMode);
        set(u"executed_gtid_set"_s, tr("Executed_Gtid_Set"), r.executedGtidSet);
        set(u"gtid_purged"_s, tr("gtid_purged"), r.gtidPurged);
    }
}

void InstanceDetailsModel::addTopologyRows(
    QList<Row>& rows, const InstanceRecord& r, const QString& clusterAlias) const
{
    SectionRows s(rows, u"topology"_s, tr("Topology"));
    s.add(u"cluster"_s, tr("Cluster"), r.clusterName);
    s.add(u"cluster_alias"_s, tr("Cluster alias"),
        clusterAlias.isEmpty() ? r.suggestedClusterAlias : clusterAlias);
    QStringList replicas;
    for (const InstanceKey& key : r.replicaKeys) {
        replicas << key.toString();
    }
    s.add(u"replica_count"_s, tr("Replicas"), QString::number(replicas.size()));
    s.add(u"replicas"_s, tr("Replica list"),
        replicas.isEmpty() ? tr("none") : replicas.join(u", "_s), Severity::Normal,
        replicas.isEmpty() ? tr("none") : replicas.join(u'\n'));
    s.add(u"data_center"_s, tr("Data center"), r.dataCenter);
    s.add(u"region"_s, tr("Region"), r.region);
    s.add(u"physical_environment"_s, tr("Environment"), r.physicalEnvironment);
}

void InstanceDetailsModel::addMaintenanceRows(
    QList<Row>& rows, const std::optional<MaintenanceLock>& maintenance, const QDateTime& now) const
{
    SectionRows s(rows, u"maintenance"_s, tr("Maintenance"));
    // The same four rows with or without a lock, so that beginning one does not move the view.
    if (!maintenance) {
        s.add(u"maintenance"_s, tr("Maintenance"), tr("none"));
        s.add(u"maintenance_owner"_s, tr("Owner"), QString());
        s.add(u"maintenance_reason"_s, tr("Reason"), QString());
        s.add(u"maintenance_until"_s, tr("Until"), QString());
        return;
    }
    s.add(u"maintenance"_s, tr("Maintenance"), tr("active (lock %1)").arg(maintenance->id),
        Severity::Warning);
    s.add(u"maintenance_owner"_s, tr("Owner"), maintenance->owner);
    s.add(u"maintenance_reason"_s, tr("Reason"), maintenance->reason);
    s.addTime(u"maintenance_until"_s, tr("Until"), moment(maintenance->end, now), maintenance->end);
}

QString InstanceDetailsModel::duration(qint64 secs) const
{
    const qint64 days = secs / 86400;
    const qint64 hours = secs % 86400 / 3600;
    const qint64 minutes = secs % 3600 / 60;
    if (days > 0) {
        return tr("%1 d %2 h %3 min").arg(days).arg(hours).arg(minutes);
    }
    if (hours > 0) {
        return tr("%1 h %2 min").arg(hours).arg(minutes);
    }
    if (minutes > 0) {
        return tr("%1 min %2 s").arg(minutes).arg(secs % 60);
    }
    return tr("%1 s").arg(secs);
}

QString InstanceDetailsModel::moment(const QDateTime& time, const QDateTime& now) const
{
    if (!time.isValid()) {
        return tr("never");
    }
    const QString when = TimeFormat::display(time);
    const qint64 secs = time.secsTo(now);
    if (!now.isValid()) {
        return when;
    }
    if (secs < 0) {
        return tr("%1 (in %2)").arg(when, duration(-secs));
    }
    return secs == 0 ? tr("%1 (now)").arg(when) : tr("%1 (%2 ago)").arg(when, duration(secs));
}

QString InstanceDetailsModel::yesNo(bool yes) const
{
    return yes ? tr("yes") : tr("no");
}

QString InstanceDetailsModel::seconds(
    const std::optional<qint64>& value, const QString& missing) const
{
    return value ? tr("%1 s").arg(*value) : missing;
}

} // namespace topograph
