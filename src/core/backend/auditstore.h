#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

#include "backend/backend.h"
#include "instancekey.h"

namespace topograph {

struct AuditEntry
{
    qint64 id = 0;
    QDateTime when;
    QString type; // e.g. "relocate", "move-up", "begin-maintenance"
    InstanceKey key;
    QString clusterName;
    QString message; // method and result; never credentials
    QString owner; // who wrote it (Topograph's own table; empty for rows others wrote)
};

// orchestrator's audit table: one row per operation, newest first when read.
class AuditStore final
{
public:
    explicit AuditStore(const Backend& backend);

    // Makes Topograph's owner table when it is missing (a backend orchestrator made); append()
    // does it too, but cannot inside another transaction on MySQL: call this before one.
    Result<void> prepare() const;
    // The row, and its owner (by default the user running Topograph) in topograph_audit_owner.
    Result<void> write(const QString& type, const InstanceKey& key, const QString& clusterName,
        const QString& message, const QString& owner = defaultOwner()) const;
    // The same, returning the row's audit_id.
    Result<qint64> append(const QString& type, const InstanceKey& key, const QString& clusterName,
        const QString& message, const QString& owner = defaultOwner()) const;
    // Replaces the message of the row `id` (and stamps it with the time now): how an operation
    // closes the row it opened when it started.
    Result<void> rewrite(qint64 id, const QString& message) const;
    // The newest `limit` rows (of one instance), only those after the row afterId if given.
    Result<QList<AuditEntry>> recent(
        int limit, const std::optional<InstanceKey>& key = {}, qint64 afterId = 0) const;

    // Rows since `since` whose message starts with prefix, oldest first.
    Result<QList<AuditEntry>> withMessagePrefix(
        const QString& prefix, const QDateTime& since) const;

    static QString defaultOwner(); // $USER, or "topograph"

private:
    QString selectColumns() const;

    const Backend& m_backend;
};

} // namespace topograph

Q_DECLARE_METATYPE(topograph::AuditEntry)
