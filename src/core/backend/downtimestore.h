#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

#include "backend/backend.h"
#include "instancekey.h"

namespace topograph {

struct Downtime
{
    InstanceKey key;
    QDateTime begin;
    QDateTime end;
    QString owner;
    QString reason;
};

// orchestrator's database_instance_downtime: one row per instance, active until its end. A
// downtimed instance's failures (and failures about its replicas only, when every replica is
// downtimed) are left out of the replication analysis.
class DowntimeStore final
{
public:
    explicit DowntimeStore(const Backend& backend);

    // Starts, or replaces, the instance's downtime for `seconds` from now.
    Result<Downtime> begin(
        const InstanceKey& key, const QString& owner, const QString& reason, qint64 seconds) const;
    // Ends the active downtime; false when there was none.
    Result<bool> end(const InstanceKey& key) const;
    // The active downtime that has not yet ended, if any.
    Result<std::optional<Downtime>> active(const InstanceKey& key) const;

    // orchestrator's duration syntax: "30" or "30s", "10m", "2h", "1d"; empty is 0.
    static Result<qint64> parseDuration(const QString& text);

private:
    const Backend& m_backend;
};

} // namespace topograph
