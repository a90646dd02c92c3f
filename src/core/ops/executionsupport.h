#pragma once

#include <QHash>
#include <QList>
#include <QSet>

#include <functional>
#include <memory>

#include "config/configuration.h"
#include "ops/executor.h"
#include "ops/opssession.h"
#include "ops/plan.h"

namespace topograph {

class Backend;
class MaintenanceStore;

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

    Result<void> openSessions();
    Result<void> lock(const MaintenanceStore& locks);
    void unlock(const MaintenanceStore& locks);
    Result<void> runStep(const PlanStep& step);
    // Restarts the replication this run stopped, retrying on fresh connections for up to
    // windowSeconds; notify hears of every failed attempt.
    void recover(int windowSeconds, const std::function<void(const QString&)>& notify);
    Result<void> verify(int ioWaitSeconds);
    void readStandings();
    void audit(const Backend& backend) const;

private:
    OpsSession* session(const InstanceKey& key);
    void reopen(const InstanceKey& key);
    Result<Coordinates> coordinates(const CoordinateRef& ref);
    Result<bool> isBehind(const InstanceKey& instance, const InstanceKey& other);
    Result<void> waitUntil(const PlanStep& step);
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
    QSet<InstanceKey> m_stopped; // replication this run stopped and has not restarted
    QList<InstanceKey> m_locked;
    QList<Equivalence> m_equivalences;
};

} // namespace topograph
