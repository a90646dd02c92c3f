#pragma once

#include <QList>

#include <functional>
#include <optional>

#include "config/configuration.h"
#include "lag/heartbeattable.h"
#include "ops/opsdialect.h"
#include "ops/plan.h"
#include "ops/plannerflags.h"
#include "ops/topologyview.h"
#include "probe/instancerecord.h"

namespace topograph {

class PlanBuilder;

// Turns a topology operation into a Plan, or refuses it (DESIGN §7). A pure function of the
// records (fresh probes of every instance involved), the configuration and the flags: it runs no
// SQL and only spells the SQL each step would run. Drag-and-drop highlighting, --noop and the
// executor all use the same answers. Refusals are ErrorCode::Refused, with a message naming the
// instances and the cause; host names that cannot be written into SQL are InvalidInput.
//
// Methods for relocate(i, target), in this order: target already i's master → repoint; GTID on
// both sides → one CHANGE MASTER with GTID positioning; otherwise binlog file:pos: sibling →
// move-below, grandparent → move-up, anything else in the same tree → a chain of move-ups and
// move-belows planned in full. A replica that replicates with GTID is never moved with
// file:pos (that would silently turn GTID off); such moves are refused instead.
class Planner final
{
public:
    Planner(const Configuration& config, const QList<InstanceRecord>& topology,
        PlannerFlags flags = {});

    Result<Plan> relocate(const InstanceKey& replica, const InstanceKey& target) const;
    Result<Plan> moveUp(const InstanceKey& replica) const;
    Result<Plan> moveBelow(const InstanceKey& replica, const InstanceKey& sibling) const;
    // At the replica's own exec coordinates, on its master or on `master` (the same server
    // under another name, or a server with the same binary logs).
    Result<Plan> repoint(
        const InstanceKey& replica, const std::optional<InstanceKey>& master = std::nullopt) const;
    // File:pos below target at the position recorded as equivalent to the replica's current
    // one (PlannerFlags::equivalences); refused, with the reason, when none is known.
    Result<Plan> moveEquivalent(const InstanceKey& replica, const InstanceKey& target) const;
    Result<Plan> relocateReplicas(const InstanceKey& instance, const InstanceKey& target) const;
    Result<Plan> moveUpReplicas(const InstanceKey& instance) const;
    Result<Plan> repointReplicas(const InstanceKey& instance) const;
    Result<Plan> takeMaster(const InstanceKey& replica) const;
    Result<Plan> makeCoMaster(const InstanceKey& replica) const;
    Result<Plan> stopReplica(const InstanceKey& instance) const;
    Result<Plan> startReplica(const InstanceKey& instance) const;
    Result<Plan> restartReplica(const InstanceKey& instance) const;
    Result<Plan> setReadOnly(const InstanceKey& instance, bool readOnly) const;
    // Fake lag (DESIGN §8): deletes the stale heartbeat rows (LagRules) on this instance only,
    // in one session with sql_log_bin=0 so that nothing replicates or reaches a binary log.
    // Refused without stale rows, and when the cluster's current primary is not known from a
    // fresh probe (its row must never be deleted).
    Result<Plan> cleanHeartbeat(const InstanceKey& instance) const;
    // The same on every instance of instance's cluster that holds stale rows, each in its own
    // unlogged session; instances that cannot be probed are left out with a warning.
    Result<Plan> cleanClusterHeartbeat(const InstanceKey& instance) const;

    // The cluster's current primary for heartbeat rules, from its fresh probe.
    struct HeartbeatPrimary
    {
        InstanceKey key;
        quint32 serverId = 0;
        std::optional<double> ownAge; // its own row's age on its own clock
    };

private:
    // How one replica was (or would be) moved, for the plan's method line.
    struct Part
    {
        Method method = Method::Simple;
        QString detail;
    };

    Configuration m_config;
    TopologyView m_view;
    PlannerFlags m_flags;

    // Checks shared by every operation (planner.cpp). Each returns the refusal reason alone;
    // the public functions prefix "cannot <what>: ".
    Result<void> writable() const;
    Result<const InstanceRecord*> fresh(const InstanceKey& key) const;
    Result<HeartbeatTable> heartbeatTable() const; // refused when none is configured
    Result<HeartbeatPrimary> heartbeatPrimary(const InstanceKey& instance) const;
    Result<const InstanceRecord*> freshReplica(const InstanceKey& key) const;
    Result<QList<const InstanceRecord*>> freshReplicasOf(const InstanceKey& key) const;
    Result<void> canReplicate(const InstanceRecord& replica, const InstanceRecord& source) const;
    Result<void> readyForFilePos(const InstanceRecord& replica) const;
    // GTID positioning for replica below source; std::nullopt for file:pos; refused when the
    // replica uses GTID but cannot keep it on source.
    Result<std::optional<GtidPositioning>> gtidFor(
        const InstanceRecord& replica, const InstanceRecord& source) const;
    QString gtidDetail(const InstanceRecord& replica, GtidPositioning positioning) const;
    Result<Plan> finish(PlanBuilder& builder, const Part& part) const;
    // Refuses in read-only mode, else runs body; either refusal is prefixed "cannot <what>: ".
    Result<Plan> guarded(const QString& what, const std::function<Result<Plan>()>& body) const;
    static Part combine(const QList<std::pair<InstanceKey, Part>>& parts);

    // The moves (planner_relocate.cpp). Each appends steps to builder, or refuses.
    Result<Part> appendRelocate(
        PlanBuilder& builder, const InstanceRecord& replica, const InstanceRecord& target) const;
    Result<Part> appendRepoint(
        PlanBuilder& builder, const InstanceRecord& replica, const InstanceRecord& master) const;
    Result<Part> appendMoveUp(PlanBuilder& builder, const InstanceRecord& replica) const;
    Result<Part> appendMoveBelow(
        PlanBuilder& builder, const InstanceRecord& replica, const InstanceRecord& sibling) const;
    Result<Part> appendChain(
        PlanBuilder& builder, const InstanceRecord& replica, const InstanceRecord& target) const;
    void appendGtidMove(PlanBuilder& builder, const InstanceRecord& replica,
        const InstanceRecord& target, GtidPositioning positioning) const;
};

} // namespace topograph
