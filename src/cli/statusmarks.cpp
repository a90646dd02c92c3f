#include "statusmarks.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

InstanceKey keyOf(const SqlRow& row)
{
    return InstanceKey { row.value(u"hostname"_s).toString(),
        static_cast<quint16>(row.value(u"port"_s).toUInt()) };
}

} // namespace

Result<QHash<InstanceKey, TopologyPrinter::Marks>> readStatusMarks(
    const Backend& backend, const QString& clusterName)
{
    QHash<InstanceKey, TopologyPrinter::Marks> marks;
    auto rows = backend.select(u"SELECT hostname, port, gtid_errant, semi_sync_master_status, "
                               "semi_sync_replica_status FROM database_instance "
                               "WHERE cluster_name = ?"_s,
        { clusterName });
    if (!rows) {
        return rows.error();
    }
    for (const SqlRow& row : *rows) {
        TopologyPrinter::Marks& m = marks[keyOf(row)];
        m.gtidErrant = !row.value(u"gtid_errant"_s).toString().isEmpty();
        m.semiSyncMaster = row.value(u"semi_sync_master_status"_s).toInt() != 0;
        m.semiSyncReplica = row.value(u"semi_sync_replica_status"_s).toInt() != 0;
    }
    // orchestrator: a downtime row whose end is unset or still ahead.
    auto downtimes = backend.select(u"SELECT d.hostname, d.port FROM database_instance_downtime d "
                                    "JOIN database_instance i ON i.hostname = d.hostname "
                                    "AND i.port = d.port WHERE i.cluster_name = ? "
                                    "AND (d.end_timestamp IS NULL OR d.end_timestamp > ?)"_s,
        { clusterName, Backend::toDb(QDateTime::currentDateTimeUtc()) });
    if (!downtimes) {
        return downtimes.error();
    }
    for (const SqlRow& row : *downtimes) {
        marks[keyOf(row)].downtimed = true;
    }
    return marks;
}

} // namespace topograph
