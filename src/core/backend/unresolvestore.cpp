#include "backend/unresolvestore.h"

using namespace Qt::StringLiterals;

namespace topograph {

UnresolveStore::UnresolveStore(const Backend& backend)
    : m_backend(backend)
{ }

Result<QList<UnresolveEntry>> UnresolveStore::all() const
{
    auto rows = m_backend.select(u"SELECT hostname, unresolved_hostname, last_registered FROM "
                                 "hostname_unresolve ORDER BY hostname"_s);
    if (!rows) {
        return rows.error();
    }
    QList<UnresolveEntry> entries;
    for (const SqlRow& row : *rows) {
        entries.append(
            { row.value(u"hostname"_s).toString(), row.value(u"unresolved_hostname"_s).toString(),
                Backend::fromDb(row.value(u"last_registered"_s)) });
    }
    return entries;
}

Result<void> UnresolveStore::registerName(
    const InstanceKey& key, const QString& unresolvedHostname) const
{
    if (auto writable = m_backend.requireWritable(); !writable) {
        return writable;
    }
    const QString upsert = m_backend.flavor() == SqlFlavor::SQLite
        ? u"ON CONFLICT (hostname) DO UPDATE SET unresolved_hostname = "
          "excluded.unresolved_hostname, last_registered = excluded.last_registered"_s
        : u"ON DUPLICATE KEY UPDATE unresolved_hostname = VALUES(unresolved_hostname), "
          "last_registered = VALUES(last_registered)"_s;
    auto done = m_backend.exec(u"INSERT INTO hostname_unresolve (hostname, unresolved_hostname, "
                               "last_registered) VALUES (?, ?, ?) "_s
            + upsert,
        { key.host, unresolvedHostname, Backend::toDb(QDateTime::currentDateTimeUtc()) });
    if (!done) {
        return done.error();
    }
    return {};
}

Result<int> UnresolveStore::deregister(const InstanceKey& key) const
{
    return remove({ key.host });
}

Result<int> UnresolveStore::remove(const QStringList& hostnames) const
{
    if (auto writable = m_backend.requireWritable(); !writable) {
        return writable.error();
    }
    int removed = 0;
    for (const QString& name : hostnames) {
        auto done
            = m_backend.exec(u"DELETE FROM hostname_unresolve WHERE hostname = ?"_s, { name });
        if (!done) {
            return done.error();
        }
        removed += *done;
    }
    return removed;
}

} // namespace topograph
