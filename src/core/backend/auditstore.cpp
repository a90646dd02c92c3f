#include "backend/auditstore.h"

using namespace Qt::StringLiterals;

namespace topograph {

AuditStore::AuditStore(const Backend& backend)
    : m_backend(backend)
{ }

Result<void> AuditStore::write(const QString& type, const InstanceKey& key,
    const QString& clusterName, const QString& message) const
{
    if (auto writable = m_backend.requireWritable(); !writable) {
        return writable;
    }
    auto done = m_backend.exec(u"INSERT INTO audit (audit_timestamp, audit_type, hostname, port, "
                               "cluster_name, message) VALUES (?, ?, ?, ?, ?, ?)"_s,
        { Backend::toDb(QDateTime::currentDateTimeUtc()), type, key.host, key.port,
            clusterName.isNull() ? u""_s : clusterName, message });
    if (!done) {
        return done.error();
    }
    return {};
}

Result<QList<AuditEntry>> AuditStore::recent(int limit, const std::optional<InstanceKey>& key) const
{
    QString sql = u"SELECT audit_id, audit_timestamp, audit_type, hostname, port, cluster_name, "
                  "message FROM audit"_s;
    QVariantList binds;
    if (key) {
        sql += u" WHERE hostname = ? AND port = ?"_s;
        binds << key->host << key->port;
    }
    sql += u" ORDER BY audit_id DESC LIMIT %1"_s.arg(QString::number(std::max(1, limit)));
    auto rows = m_backend.select(sql, binds);
    if (!rows) {
        return rows.error();
    }
    QList<AuditEntry> entries;
    for (const SqlRow& row : *rows) {
        entries.append({ row.value(u"audit_id"_s).toLongLong(),
            Backend::fromDb(row.value(u"audit_timestamp"_s)), row.value(u"audit_type"_s).toString(),
            InstanceKey { row.value(u"hostname"_s).toString(),
                static_cast<quint16>(row.value(u"port"_s).toUInt()) },
            row.value(u"cluster_name"_s).toString(), row.value(u"message"_s).toString() });
    }
    return entries;
}

} // namespace topograph
