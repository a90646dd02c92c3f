#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

#include "backend/backend.h"
#include "instancekey.h"

namespace topograph {

struct MaintenanceLock
{
    qint64 id = 0;
    InstanceKey key;
    QDateTime begin;
    QDateTime end;
    QString owner;
    QString reason;
};

// orchestrator's database_instance_maintenance: at most one active lock per instance, each with
// an end time; a lock past its end no longer counts and is cleared by expireOld().
class MaintenanceStore final
{
public:
    explicit MaintenanceStore(const Backend& backend);

    Result<MaintenanceLock> begin(
        const InstanceKey& key, const QString& owner, const QString& reason, int minutes) const;
    // Ends the instance's active lock, whoever holds it (end-maintenance: a DBA's explicit
    // choice); false when there was none.
    Result<bool> end(const InstanceKey& key) const;
    // Ends this lock (one that begin() returned) only if it is still active: never a lock that
    // someone else took after it expired. False when it had already ended.
    Result<bool> endOwn(const MaintenanceLock& lock) const;
    Result<std::optional<MaintenanceLock>> active(const InstanceKey& key) const;
    Result<QList<MaintenanceLock>> allActive() const;
    Result<int> expireOld() const;

private:
    const Backend& m_backend;
};

} // namespace topograph
