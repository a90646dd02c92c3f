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
    // database_instance has no column for some of what a probe reads (MariaDB's gtid_slave_pos
    // and gtid_binlog_pos, Using_Gtid's exact value, pt-heartbeat's rows, the session's TLS state):
    // copies those from a probe of the same instance onto a record read back from the backend.
    static void copyUnstoredFields(const InstanceRecord& probe, InstanceRecord& stored);

private:
    Result<void> writeOne(const InstanceRecord& record) const;
    Result<void> writeAttempt(const InstanceRecord& record) const;

    const Backend& m_backend;
};

} // namespace topograph
