#include "backend/maintenancestore.h"

#include <QHostInfo>

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

MaintenanceLock fromRow(const SqlRow& row)
{
    MaintenanceLock lock;
    lock.id = row.value(u"database_instance_maintenance_id"_s).toLongLong();
    lock.key = InstanceKey { row.value(u"hostname"_s).toString(),
        static_cast<quint16>(row.value(u"port"_s).toUInt()) };
    lock.begin = Backend::fromDb(row.value(u"begin_timestamp"_s));
    lock.end = Backend::fromDb(row.value(u"end_timestamp"_s));
    lock.owner = row.value(u"owner"_s).toString();
    lock.reason = row.value(u"reason"_s).toString();
    return lock;
}

const QString kActive = u"SELECT * FROM database_instance_maintenance WHERE maintenance_active = 1 "
                        "AND end_timestamp > ?"_s;

} // namespace

MaintenanceStore::MaintenanceStore(const Backend& backend)
    : m_backend(backend)
{ }

Result<MaintenanceLock> MaintenanceStore::begin(
    const InstanceKey& key, const QString& owner, const QString& reason, int minutes) const
{
    if (auto writable = m_backend.requireWritable(); !writable) {
        return writable.error();
    }
    if (reason.trimmed().isEmpty()) {
        return makeError(ErrorCode::InvalidInput, u"begin-maintenance needs --reason"_s);
    }
    if (auto expired = expireOld(); !expired) {
        return expired.error();
    }
    auto current = active(key);
    if (!current) {
        return current.error();
    }
    if (*current) {
        return makeError(ErrorCode::Refused,
            u"%1 is already in maintenance (owner %2, until %3 UTC: %4)"_s.arg(key.toString(),
                (*current)->owner, (*current)->end.toString(u"yyyy-MM-dd HH:mm:ss"_s),
                (*current)->reason));
    }
    MaintenanceLock lock;
    lock.key = key;
    lock.begin = QDateTime::currentDateTimeUtc();
    lock.end = lock.begin.addSecs(static_cast<qint64>(minutes) * 60);
    lock.owner = owner;
    lock.reason = reason;
    // Explicitly bounded (it ends at end_timestamp), as orchestrator's own begin-maintenance
    // writes it: a running orchestrator expires an unbounded lock whose processing node is not in
    // its node_health table, and Topograph is never there.
    auto done = m_backend.insert(u"INSERT INTO database_instance_maintenance (hostname, port, "
                                 "maintenance_active, begin_timestamp, end_timestamp, owner, "
                                 "reason, processing_node_hostname, processing_node_token, "
                                 "explicitly_bounded) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, 1)"_s,
        { key.host, key.port, Backend::toDb(lock.begin), Backend::toDb(lock.end), owner, reason,
            QHostInfo::localHostName(), u"topograph"_s });
    if (!done) {
        return done.error();
    }
    lock.id = *done;
    return lock;
}

Result<bool> MaintenanceStore::endOwn(const MaintenanceLock& lock) const
{
    if (auto writable = m_backend.requireWritable(); !writable) {
        return writable.error();
    }
    // By its id: a lock of ours that expired and was taken again by someone else stays theirs.
    auto done = m_backend.exec(u"UPDATE database_instance_maintenance SET maintenance_active = "
                               "NULL, end_timestamp = ? WHERE database_instance_maintenance_id = ? "
                               "AND maintenance_active = 1"_s,
        { Backend::toDb(QDateTime::currentDateTimeUtc()), lock.id });
    if (!done) {
        return done.error();
    }
    return *done > 0;
}

Result<bool> MaintenanceStore::end(const InstanceKey& key) const
{
    if (auto writable = m_backend.requireWritable(); !writable) {
        return writable.error();
    }
    // NULL, not 0: the unique index (maintenance_active, hostname, port) keeps one active row
    // and any number of ended ones.
    auto done = m_backend.exec(u"UPDATE database_instance_maintenance SET maintenance_active = "
                               "NULL, end_timestamp = ? WHERE hostname = ? AND port = ? AND "
                               "maintenance_active = 1"_s,
        { Backend::toDb(QDateTime::currentDateTimeUtc()), key.host, key.port });
    if (!done) {
        return done.error();
    }
    return *done > 0;
}

Result<std::optional<MaintenanceLock>> MaintenanceStore::active(const InstanceKey& key) const
{
    auto rows = m_backend.select(kActive + u" AND hostname = ? AND port = ?"_s,
        { Backend::toDb(QDateTime::currentDateTimeUtc()), key.host, key.port });
    if (!rows) {
        return rows.error();
    }
    if (rows->isEmpty()) {
        return std::optional<MaintenanceLock> {};
    }
    return std::optional<MaintenanceLock> { fromRow(rows->first()) };
}

Result<QList<MaintenanceLock>> MaintenanceStore::allActive() const
{
    auto rows = m_backend.select(kActive + u" ORDER BY hostname, port"_s,
        { Backend::toDb(QDateTime::currentDateTimeUtc()) });
    if (!rows) {
        return rows.error();
    }
    QList<MaintenanceLock> locks;
    for (const SqlRow& row : *rows) {
        locks << fromRow(row);
    }
    return locks;
}

Result<int> MaintenanceStore::expireOld() const
{
    if (m_backend.isReadOnly()) {
        return 0;
    }
    return m_backend.exec(u"UPDATE database_instance_maintenance SET maintenance_active = NULL "
                          "WHERE maintenance_active = 1 AND end_timestamp <= ?"_s,
        { Backend::toDb(QDateTime::currentDateTimeUtc()) });
}

} // namespace topograph
