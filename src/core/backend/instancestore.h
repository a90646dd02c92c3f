#pragma once

#include <QList>

#include <optional>

#include "backend/backend.h"
#include "probe/instancerecord.h"

namespace topograph {

// Reads and writes InstanceRecords in orchestrator's database_instance table. A successful probe
// upserts every column it knows (first_seen is kept); a failed probe only records the attempt
// (last_attempted_check, last_checked), never last_seen, so the row reads as "invalid".
class InstanceStore final
{
public:
    explicit InstanceStore(const Backend& backend);

    Result<void> write(const QList<InstanceRecord>& records) const; // one transaction
    Result<QList<InstanceRecord>> readAll() const;
    Result<std::optional<InstanceRecord>> read(const InstanceKey& key) const;
    Result<QList<InstanceRecord>> readCluster(const QString& clusterName) const;
    // Deletes the instance and what hangs off it; returns whether a row existed.
    Result<bool> forget(const InstanceKey& key) const;

    static InstanceRecord fromRow(const SqlRow& row);

private:
    Result<void> writeOne(const InstanceRecord& record) const;
    Result<void> writeAttempt(const InstanceRecord& record) const;

    const Backend& m_backend;
};

} // namespace topograph
