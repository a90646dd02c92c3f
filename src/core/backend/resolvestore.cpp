#include "backend/resolvestore.h"

using namespace Qt::StringLiterals;

namespace topograph {

ResolveStore::ResolveStore(const Backend& backend, int expiryMinutes)
    : m_backend(backend)
    , m_expiryMinutes(expiryMinutes)
{ }

QVariant ResolveStore::cutoff() const
{
    return Backend::toDb(
        QDateTime::currentDateTimeUtc().addSecs(-static_cast<qint64>(m_expiryMinutes) * 60));
}

Result<void> ResolveStore::recordDiscovery(const QList<std::pair<QString, QString>>& resolutions,
    const QList<std::pair<InstanceKey, QString>>& reportedNames) const
{
    QList<std::pair<QString, QString>> all = resolutions;
    for (const auto& [key, name] : reportedNames) {
        if (!name.isEmpty() && name != key.host) {
            all.append({ key.host, name });
        }
    }
    for (const auto& [name, resolved] : all) {
        if (auto done = record(name, resolved); !done) {
            return done;
        }
    }
    return {};
}

Result<void> ResolveStore::record(const QString& hostname, const QString& resolved) const
{
    if (auto writable = m_backend.requireWritable(); !writable) {
        return writable;
    }
    const QString upsert = m_backend.flavor() == SqlFlavor::SQLite
        ? u"ON CONFLICT (hostname) DO UPDATE SET resolved_hostname = excluded.resolved_hostname, "
          "resolved_timestamp = excluded.resolved_timestamp"_s
        : u"ON DUPLICATE KEY UPDATE resolved_hostname = VALUES(resolved_hostname), "
          "resolved_timestamp = VALUES(resolved_timestamp)"_s;
    auto done = m_backend.exec(u"INSERT INTO hostname_resolve (hostname, resolved_hostname, "
                               "resolved_timestamp) VALUES (?, ?, ?) "_s
            + upsert,
        { hostname, resolved, Backend::toDb(QDateTime::currentDateTimeUtc()) });
    if (!done) {
        return done.error();
    }
    return {};
}

Result<QList<ResolveEntry>> ResolveStore::all() const
{
    auto rows
        = m_backend.select(u"SELECT hostname, resolved_hostname, resolved_timestamp FROM "
                           "hostname_resolve WHERE resolved_timestamp > ? ORDER BY hostname"_s,
            { cutoff() });
    if (!rows) {
        return rows.error();
    }
    QList<ResolveEntry> entries;
    for (const SqlRow& row : *rows) {
        entries.append(
            { row.value(u"hostname"_s).toString(), row.value(u"resolved_hostname"_s).toString(),
                Backend::fromDb(row.value(u"resolved_timestamp"_s)) });
    }
    return entries;
}

Result<QList<ResolveEntry>> ResolveStore::everything() const
{
    auto rows = m_backend.select(u"SELECT hostname, resolved_hostname, resolved_timestamp FROM "
                                 "hostname_resolve ORDER BY hostname"_s);
    if (!rows) {
        return rows.error();
    }
    QList<ResolveEntry> entries;
    for (const SqlRow& row : *rows) {
        entries.append(
            { row.value(u"hostname"_s).toString(), row.value(u"resolved_hostname"_s).toString(),
                Backend::fromDb(row.value(u"resolved_timestamp"_s)) });
    }
    return entries;
}

Result<int> ResolveStore::remove(const QStringList& hostnames) const
{
    if (auto writable = m_backend.requireWritable(); !writable) {
        return writable.error();
    }
    int removed = 0;
    for (const QString& name : hostnames) {
        auto done = m_backend.exec(u"DELETE FROM hostname_resolve WHERE hostname = ?"_s, { name });
        if (!done) {
            return done.error();
        }
        removed += *done;
    }
    return removed;
}

Result<int> ResolveStore::reset() const
{
    if (auto writable = m_backend.requireWritable(); !writable) {
        return writable.error();
    }
    return m_backend.exec(u"DELETE FROM hostname_resolve"_s);
}

Result<int> ResolveStore::purgeExpired() const
{
    if (m_backend.isReadOnly()) {
        return 0;
    }
    return m_backend.exec(
        u"DELETE FROM hostname_resolve WHERE resolved_timestamp <= ?"_s, { cutoff() });
}

} // namespace topograph
