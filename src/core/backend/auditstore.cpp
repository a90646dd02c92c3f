#include "backend/auditstore.h"

#include "logging.h"

using namespace Qt::StringLiterals;

namespace topograph {

AuditStore::AuditStore(const Backend& backend)
    : m_backend(backend)
{ }

QString AuditStore::defaultOwner()
{
    return qEnvironmentVariable("USER", u"topograph"_s);
}

Result<void> AuditStore::prepare() const
{
    return m_backend.ensureOwnTable(u"topograph_audit_owner"_s);
}

Result<void> AuditStore::write(const QString& type, const InstanceKey& key,
    const QString& clusterName, const QString& message, const QString& owner) const
{
    auto id = append(type, key, clusterName, message, owner);
    if (!id) {
        return id.error();
    }
    return {};
}

Result<qint64> AuditStore::append(const QString& type, const InstanceKey& key,
    const QString& clusterName, const QString& message, const QString& owner) const
{
    if (auto writable = m_backend.requireWritable(); !writable) {
        return writable.error();
    }
    // Who wrote the row lives in Topograph's own table, made on the first write to a backend
    // orchestrator made. Without it (a database user without CREATE, say) the row still stands,
    // and the log says why its owner is missing.
    bool withOwner = true;
    if (auto own = prepare(); !own) {
        withOwner = false;
        qCWarning(lcBackend).noquote()
            << "audit rows are written without their owner:" << own.error().message;
    }
    qint64 written = 0;
    auto done = m_backend.transaction([&]() -> Result<void> {
        auto id = m_backend.insert(u"INSERT INTO audit (audit_timestamp, audit_type, hostname, "
                                   "port, cluster_name, message) VALUES (?, ?, ?, ?, ?, ?)"_s,
            { Backend::toDb(QDateTime::currentDateTimeUtc()), type, key.host, key.port,
                clusterName.isNull() ? u""_s : clusterName, message });
        if (!id) {
            return id.error();
        }
        written = *id;
        if (!withOwner) {
            return {};
        }
        auto owned = m_backend.exec(
            u"INSERT INTO topograph_audit_owner (audit_id, owner) VALUES (?, ?)"_s, { *id, owner });
        if (!owned) {
            return owned.error();
        }
        return {};
    });
    if (!done) {
        return done.error();
    }
    return written;
}

Result<void> AuditStore::rewrite(qint64 id, const QString& message) const
{
    if (auto writable = m_backend.requireWritable(); !writable) {
        return writable;
    }
    auto done
        = m_backend.exec(u"UPDATE audit SET audit_timestamp = ?, message = ? WHERE audit_id = ?"_s,
            { Backend::toDb(QDateTime::currentDateTimeUtc()), message, id });
    if (!done) {
        return done.error();
    }
    if (*done != 1) {
        return makeError(ErrorCode::NotFound,
            u"the audit row %1 is no longer in the backend"_s.arg(QString::number(id)));
    }
    return {};
}

namespace {

AuditEntry entryFrom(const SqlRow& row)
{
    return { row.value(u"audit_id"_s).toLongLong(),
        Backend::fromDb(row.value(u"audit_timestamp"_s)), row.value(u"audit_type"_s).toString(),
        InstanceKey { row.value(u"hostname"_s).toString(),
            static_cast<quint16>(row.value(u"port"_s).toUInt()) },
        row.value(u"cluster_name"_s).toString(), row.value(u"message"_s).toString(),
        row.value(u"owner"_s).toString() };
}

} // namespace

QString AuditStore::selectColumns() const
{
    return m_backend.hasOwnTable(u"topograph_audit_owner"_s)
        ? u"SELECT a.audit_id, a.audit_timestamp, a.audit_type, a.hostname, a.port, "
          "a.cluster_name, a.message, o.owner FROM audit a LEFT JOIN topograph_audit_owner o "
          "ON o.audit_id = a.audit_id"_s
        : u"SELECT a.audit_id, a.audit_timestamp, a.audit_type, a.hostname, a.port, "
          "a.cluster_name, a.message FROM audit a"_s;
}

Result<QList<AuditEntry>> AuditStore::withMessagePrefix(
    const QString& prefix, const QDateTime& since) const
{
    auto rows = m_backend.select(selectColumns()
            + u" WHERE a.audit_timestamp >= ? AND a.message LIKE ? ORDER BY a.audit_id"_s,
        { Backend::toDb(since), QString(prefix + u'%') });
    if (!rows) {
        return rows.error();
    }
    QList<AuditEntry> entries;
    for (const SqlRow& row : *rows) {
        // LIKE ignores case on some collations: keep the exact prefix only.
        if (row.value(u"message"_s).toString().startsWith(prefix)) {
            entries.append(entryFrom(row));
        }
    }
    return entries;
}

Result<QList<AuditEntry>> AuditStore::recent(
    int limit, const std::optional<InstanceKey>& key, qint64 afterId) const
{
    QString sql = selectColumns() + u" WHERE a.audit_id > ?"_s;
    QVariantList binds { afterId };
    if (key) {
        sql += u" AND a.hostname = ? AND a.port = ?"_s;
        binds << key->host << key->port;
    }
    sql += u" ORDER BY a.audit_id DESC LIMIT %1"_s.arg(QString::number(std::max(1, limit)));
    auto rows = m_backend.select(sql, binds);
    if (!rows) {
        return rows.error();
    }
    QList<AuditEntry> entries;
    for (const SqlRow& row : *rows) {
        entries.append(entryFrom(row));
    }
    return entries;
}

} // namespace topograph
