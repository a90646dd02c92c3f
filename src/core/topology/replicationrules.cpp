#include "topology/replicationrules.h"

#include <QHash>

#include <algorithm>

#include "ops/gtidset.h"

using namespace Qt::StringLiterals;

namespace topograph {

int ReplicationRules::compareVersions(const QString& a, const QString& b)
{
    const QStringList left = a.section(u'-', 0, 0).split(u'.');
    const QStringList right = b.section(u'-', 0, 0).split(u'.');
    for (qsizetype i = 0; i < std::max(left.size(), right.size()); ++i) {
        const int l = left.value(i).toInt();
        const int r = right.value(i).toInt();
        if (l != r) {
            return l < r ? -1 : 1;
        }
    }
    return 0;
}

int ReplicationRules::binlogFormatRank(const QString& format)
{
    const QString f = format.toUpper();
    return f == u"ROW"_s ? 3 : f == u"MIXED"_s ? 2 : f == u"STATEMENT"_s ? 1 : 0;
}

Verdict ReplicationRules::canReplicateFrom(
    const InstanceRecord& replica, const InstanceRecord& source, const Configuration& config)
{
    Q_UNUSED(config)
    const QString r = replica.key.toString();
    const QString s = source.key.toString();
    if (replica.key == source.key) {
        return Verdict::no(u"%1 cannot replicate from itself"_s.arg(r));
    }
    if (replica.serverId != 0 && replica.serverId == source.serverId) {
        return Verdict::no(
            u"%1 and %2 have the same server_id %3"_s.arg(r, s, QString::number(replica.serverId)));
    }
    if (!replica.serverUuid.isEmpty() && replica.serverUuid == source.serverUuid) {
        return Verdict::no(u"%1 and %2 have the same server_uuid"_s.arg(r, s));
    }
    if (!source.logBin) {
        return Verdict::no(u"%1 has no binary log (log_bin is off), so nothing can replicate "
                           "from it"_s.arg(s));
    }
    if (source.isReplica() && !source.logSlaveUpdates) {
        return Verdict::no(u"%1 has no log_slave_updates, so its replicas would miss the changes "
                           "it replicates"_s.arg(s));
    }
    if (compareVersions(replica.majorVersion(), source.majorVersion()) < 0) {
        return Verdict::no(u"%1 runs %2, older than %3 on %4: a replica must not be older than "
                           "its master"_s.arg(r, replica.version, source.version, s));
    }
    if (replica.logBin && replica.logSlaveUpdates
        && binlogFormatRank(replica.binlogFormat) < binlogFormatRank(source.binlogFormat)) {
        return Verdict::no(u"%1 logs %2 but %3 logs %4: a replica that writes its own binary "
                           "log needs a format at least as complete as its master's"_s.arg(
                               r, replica.binlogFormat, s, source.binlogFormat));
    }
    if (source.sqlDelay > replica.sqlDelay) {
        return Verdict::no(u"%1 is delayed by %2 s (SQL_Delay), more than %3"_s.arg(
            s, QString::number(source.sqlDelay), r));
    }
    return Verdict::yes();
}

Verdict ReplicationRules::gtidCompatible(
    const InstanceRecord& replica, const InstanceRecord& source)
{
    const QString r = replica.key.toString();
    const QString s = source.key.toString();
    if (replica.flavor != source.flavor || replica.flavor == Flavor::Unknown) {
        return Verdict::no(u"%1 and %2 are not both MariaDB or both MySQL, and their GTIDs "
                           "are not compatible"_s.arg(r, s));
    }
    if (replica.flavor == Flavor::MariaDB) {
        if (!replica.mariadbGtid()) {
            return Verdict::no(u"%1 does not replicate with GTID (Using_Gtid is No)"_s.arg(r));
        }
        if (!source.logBin) {
            return Verdict::no(u"%1 has no binary log to serve GTIDs from"_s.arg(s));
        }
        return Verdict::yes();
    }
    for (const InstanceRecord* x : { &replica, &source }) {
        if (x->gtidMode.toUpper() != u"ON"_s) {
            return Verdict::no(u"%1 has gtid_mode=%2, not ON"_s.arg(
                x->key.toString(), x->gtidMode.isEmpty() ? u"OFF"_s : x->gtidMode));
        }
    }
    return Verdict::yes();
}

Verdict ReplicationRules::gtidsAvailable(
    const InstanceRecord& replica, const InstanceRecord& source)
{
    if (replica.flavor != Flavor::MySQL || source.gtidPurged.trimmed().isEmpty()) {
        return Verdict::yes();
    }
    const auto purged = GtidSet::parse(source.gtidPurged);
    const auto executed = GtidSet::parse(replica.executedGtidSet);
    if (!purged || !executed) {
        return Verdict::no(u"the GTID sets of %1 or %2 cannot be read, so Topograph cannot tell "
                           "whether %2 still has every transaction %1 needs"_s.arg(
                               replica.key.toString(), source.key.toString()));
    }
    if (!executed->contains(*purged)) {
        return Verdict::no(u"%1 has purged binary logs with transactions %2 has not executed "
                           "(%3), so it could never send them"_s.arg(source.key.toString(),
                               replica.key.toString(), purged->missingFrom(*executed)));
    }
    return Verdict::yes();
}

Verdict ReplicationRules::maintenanceLag(const InstanceRecord& replica, const Configuration& config)
{
    std::optional<qint64> lag = replica.replicationLagSeconds;
    if (replica.secondsBehindMaster) {
        lag = std::max(lag.value_or(0), *replica.secondsBehindMaster);
    }
    const int limit = config.reasonableMaintenanceReplicationLagSeconds;
    if (!lag) {
        return Verdict::no(u"the replication lag of %1 is unknown (Seconds_Behind_Master is NULL "
                           "and no lag was measured); a binlog file:pos move needs it at most "
                           "%2 s (ReasonableMaintenanceReplicationLagSeconds)"_s.arg(
                               replica.key.toString(), QString::number(limit)));
    }
    if (*lag > limit) {
        return Verdict::no(
            u"%1 lags %2 s behind its master, more than %3 s "
            "(ReasonableMaintenanceReplicationLagSeconds); a binlog file:pos move "
            "would wait too long with replication stopped"_s.arg(
                replica.key.toString(), QString::number(*lag), QString::number(limit)));
    }
    return Verdict::yes();
}

} // namespace topograph
