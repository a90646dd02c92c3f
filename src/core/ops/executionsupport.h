#pragma once

#include <QHash>
#include <QList>
#include <QSet>

#include <atomic>
#include <functional>
#include <memory>

#include "backend/maintenancestore.h"
#include "config/configuration.h"
#include "ops/executor.h"
#include "ops/opssession.h"
#include "ops/plan.h"

namespace topograph {

class Backend;

// The state of one Executor::run: its sessions, what it stopped, what it locked, and the
// file:pos repositionings it made (for master_position_equivalence).
class ExecutionContext final
{
public:
    ExecutionContext(const Configuration& config, const Plan& plan, ExecutionReport& report);
    ~ExecutionContext();
    ExecutionContext(const ExecutionContext&) = delete;
    ExecutionContext& operator=(const ExecutionContext&) = delete;
    ExecutionContext(ExecutionContext&&) = delete;
    ExecutionContext& operator=(ExecutionContext&&) = delete;

    void setCancel(const std::atomic<bool>* cancel) { m_cancel = cancel; }

    Result<void> openSessions();
    // How every instance's replication threads stand before anything runs: recovery puts
    // back exactly this (and never starts what was stopped before).
    Result<void> readThreadsBefore();
    Result<void> lock(const MaintenanceStore& locks);
    void unlock(const MaintenanceStore& locks);
    // The "operation started" audit row, written before the first step (OperationJournal).
    Result<void> openJournal(const Backend& backend);
    Result<void> runStep(const PlanStep& step);
    // Puts the replication threads of every instance this run changed back as they were
    // before it (STOP, which also clears a pending UNTIL, then START of the threads that ran),
    // retrying on fresh connections for up to windowSeconds; notify hears of every failed
    // attempt. Then verifies the result (recovery.cpp).
    void recover(
        int windowSeconds, int ioWaitSeconds, const std::function<void(const QString&)>& notify);
    Result<void> verify(int ioWaitSeconds);
    void readStandings();
    // Closes the journal's row with the outcome (or writes one when none was opened).
    void audit(const Backend& backend) const;

private:
    OpsSession* session(const InstanceKey& key);
    // The instance's settings for operations: long read timeout, expected server_id.
    Result<ConnectionSettings> sessionSettings(const InstanceKey& key) const;
    void reopen(const InstanceKey& key);
    Result<void> checkMasterBefore(const PlanStep& step);
    // Restores one instance's threads; empty when done, else why not.
    QString restore(const InstanceKey& key);
    // Waits (bounded) until the restored instances stand as before; returns what does not.
    QStringList verifyRestored(const QList<InstanceKey>& keys, int ioWaitSeconds);
    QString clusterOf(const Backend& backend) const;
    Result<Coordinates> coordinates(const CoordinateRef& ref);
    Result<bool> isBehind(const InstanceKey& instance, const InstanceKey& other);
    Result<void> waitUntil(const PlanStep& step);
    // PlanStep::CheckExecuted: the stopped replica stands exactly where the plan expects.
    Result<void> checkExecuted(const PlanStep& step);
    Result<void> verifyHeartbeat(const ExpectedState& expected);
    void log(const QString& line);

    struct Equivalence
    {
        InstanceKey oldMaster;
        Coordinates oldPosition;
        InstanceKey newMaster;
        Coordinates newPosition;
    };

    const Configuration& m_config;
    const Plan& m_plan;
    ExecutionReport& m_report;
    QHash<InstanceKey, std::shared_ptr<OpsSession>> m_sessions;
    const std::atomic<bool>* m_cancel = nullptr;
    QHash<InstanceKey, ReplicaThreads> m_before; // every instance's threads before the steps
    QSet<InstanceKey> m_changed; // instances whose threads or master a step may have changed
    QList<MaintenanceLock> m_locked;
    qint64 m_journalId = 0; // the audit row opened when the steps began
    QString m_cluster;
    QList<Equivalence> m_equivalences;
};

} // namespace topograph
