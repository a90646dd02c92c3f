#pragma once

#include <QDateTime>
#include <QList>
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
};

// orchestrator's audit table: one row per operation, newest first when read.
class AuditStore final
{
public:
    explicit AuditStore(const Backend& backend);

    Result<void> write(const QString& type, const InstanceKey& key, const QString& clusterName,
        const QString& message) const;
    Result<QList<AuditEntry>> recent(int limit, const std::optional<InstanceKey>& key = {}) const;

private:
    const Backend& m_backend;
};

} // namespace topograph
