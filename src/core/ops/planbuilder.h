#pragma once

#include <QString>

#include <optional>

#include "ops/opsdialect.h"
#include "ops/plan.h"
#include "probe/instancerecord.h"

namespace topograph {

// Collects the steps of one plan, spelling each statement for the server it runs on. The planner
// decides what to do; this only writes it down, and keeps the bookkeeping that every plan needs
// (instances touched and stopped, expected end state) consistent with the steps.
class PlanBuilder final
{
public:
    PlanBuilder(Operation operation, QString title, int untilTimeoutSeconds);

    // Heading for the steps added from now on (a sub-operation of a multi-part plan).
    void setGroup(const QString& heading) { m_group = heading; }
    QString group() const { return m_group; }

    void stopReplica(const InstanceRecord& r);
    void startReplica(const InstanceRecord& r);
    // r replicates until it has executed up to `until`, then stops again (START SLAVE UNTIL,
    // the wait, STOP SLAVE: the UNTIL stops only the SQL thread). With onlyIfBehind, the
    // START ... UNTIL runs only when r is behind that sibling; the wait is then done at once
    // and the STOP (needed anyway before a CHANGE MASTER) is harmless.
    void catchUp(const InstanceRecord& r, const CoordinateRef& until,
        const std::optional<InstanceKey>& onlyIfBehind = std::nullopt);
    void changeMasterAt(
        const InstanceRecord& r, const InstanceKey& master, const CoordinateRef& at);
    // r must still stand exactly at `at` of its master's binary log (see PlanStep::CheckExecuted).
    void checkExecuted(const InstanceRecord& r, const BinlogPosition& at);
    // At a position known when planning (a recorded equivalence), not read at run time.
    void changeMasterAtPosition(
        const InstanceRecord& r, const InstanceKey& master, const BinlogPosition& at);
    void changeMasterGtid(
        const InstanceRecord& r, const InstanceKey& master, GtidPositioning positioning);
    void setReadOnly(const InstanceRecord& r, bool on);
    // deleteSql: HeartbeatTable::deleteRows(); run with sql_log_bin=0 in the same session.
    void deleteHeartbeatRows(
        const InstanceRecord& r, const QString& deleteSql, const QString& description);

    // The end state of one instance; a later call for the same instance replaces it.
    void expect(const InstanceKey& instance, const std::optional<InstanceKey>& master,
        bool replicating, std::optional<bool> readOnly = std::nullopt);
    // heartbeat-clean's end state: the table's rows, replication left as it is.
    void expectHeartbeat(const InstanceKey& instance, const HeartbeatCleanup& cleanup);
    void warn(const QString& warning);

    // Every instance the plan runs on, and every instance it makes a master of.
    QList<InstanceKey> involved() const;
    // The plan, or the first error met while spelling it (an unquotable host name).
    Result<Plan> finish(Method method, const QString& methodDetail);

private:
    Plan m_plan;
    QString m_group;
    int m_untilTimeoutSeconds = 0;
    std::optional<Error> m_error;

    PlanStep& add(PlanStep::Kind kind, const InstanceRecord& r, const QString& description,
        const QString& sql);
    // 'host' for a CHANGE MASTER, remembering the first host that cannot be quoted.
    QString hostLiteral(const InstanceKey& master);
    void recordMasterBefore(PlanStep& step, const InstanceRecord& r) const;
};

} // namespace topograph
