#include "ops/planner.h"
#include "ops/plannersupport.h"

#include "ops/planbuilder.h"
#include "topology/replicationrules.h"

using namespace Qt::StringLiterals;

namespace topograph {

using plannersupport::name;
using plannersupport::refusal;

namespace {

QString yesNo(bool running)
{
    return running ? u"Yes"_s : u"No"_s;
}

} // namespace

Planner::Planner(
    const Configuration& config, const QList<InstanceRecord>& topology, PlannerFlags flags)
    : m_config(config)
    , m_view(topology)
    , m_flags(std::move(flags))
{ }

Result<Plan> Planner::guarded(const QString& what, const std::function<Result<Plan>()>& body) const
{
    auto plan = writable() ? body() : Result<Plan>(writable().error());
    if (!plan) {
        const Error& why = plan.error();
        return makeError(why.code, u"cannot %1: %2"_s.arg(what, why.message), why.detail);
    }
    return plan;
}

Result<void> Planner::writable() const
{
    if (m_flags.readOnly || m_config.readOnly) {
        const QString source = m_flags.readOnly
            ? u"--read-only"_s
            : u"ReadOnly: true in %1"_s.arg(
                m_config.sourcePath.isEmpty() ? u"the configuration"_s : m_config.sourcePath);
        return refusal(
            u"Topograph is in read-only mode (%1), so it changes nothing on any instance"_s.arg(
                source));
    }
    return {};
}

Result<const InstanceRecord*> Planner::fresh(const InstanceKey& key) const
{
    const InstanceRecord* r = m_view.find(key);
    // Plans come from fresh probes only: a stale backend row could describe a topology that
    // no longer exists, and the SQL would then act on the wrong coordinates.
    if (!r) {
        return refusal(u"%1 has not been probed; a plan is made only from a fresh probe of "
                       "every instance it involves"_s.arg(key.toString()));
    }
    if (!r->reachable) {
        return refusal(u"%1 could not be probed (%2); a plan is made only from a fresh probe "
                       "of every instance it involves"_s.arg(key.toString(),
                           r->lastError.isEmpty() ? u"unreachable"_s : r->lastError));
    }
    return r;
}

Result<const InstanceRecord*> Planner::freshReplica(const InstanceKey& key) const
{
    auto r = fresh(key);
    if (r && !(*r)->isReplica()) {
        return refusal(u"%1 is not a replica (it has no master)"_s.arg(key.toString()));
    }
    return r;
}

Result<QList<const InstanceRecord*>> Planner::freshReplicasOf(const InstanceKey& key) const
{
    QList<const InstanceRecord*> replicas;
    QStringList problems;
    for (const InstanceKey& replica : m_view.replicasOf(key)) {
        auto r = fresh(replica);
        if (r) {
            replicas.append(*r);
        } else {
            problems << r.error().message;
        }
    }
    if (!problems.isEmpty()) {
        return refusal(problems.join(u"; "_s));
    }
    if (replicas.isEmpty()) {
        return refusal(u"%1 has no replicas"_s.arg(key.toString()));
    }
    return replicas;
}

Result<void> Planner::canReplicate(
    const InstanceRecord& replica, const InstanceRecord& source) const
{
    const Verdict verdict = ReplicationRules::canReplicateFrom(replica, source, m_config);
    if (!verdict.allowed) {
        return refusal(verdict.reason);
    }
    return {};
}

Result<void> Planner::readyForFilePos(const InstanceRecord& replica) const
{
    if (!replica.isReplicating()) {
        QString why
            = u"%1 is not replicating (IO thread running: %2, SQL thread running: %3)"_s.arg(
                replica.key.toString(), yesNo(replica.ioThreadRunning),
                yesNo(replica.sqlThreadRunning));
        for (const QString& error : { replica.lastIoError, replica.lastSqlError }) {
            if (!error.isEmpty()) {
                why += u"; last error: "_s + error;
            }
        }
        return refusal(why
            + u"; a binlog file:pos move needs its replication running to bring positions level: "
              "fix the error or start it (start-replica) first"_s);
    }
    const Verdict lag = ReplicationRules::maintenanceLag(replica, m_config);
    if (!lag.allowed) {
        return refusal(lag.reason);
    }
    return {};
}

Result<std::optional<GtidPositioning>> Planner::gtidFor(
    const InstanceRecord& replica, const InstanceRecord& source) const
{
    const Verdict compatible = ReplicationRules::gtidCompatible(replica, source);
    if (!compatible.allowed) {
        if (replica.usesGtid()) {
            return refusal(
                u"%1 replicates with GTID, but %2; moving it with binlog file:pos "
                "would silently turn GTID off"_s.arg(replica.key.toString(), compatible.reason));
        }
        return std::optional<GtidPositioning>();
    }
    const Verdict available = ReplicationRules::gtidsAvailable(replica, source);
    if (!available.allowed) {
        return refusal(available.reason);
    }
    if (replica.flavor == Flavor::MySQL) {
        return std::optional(GtidPositioning::MySqlAutoPosition);
    }
    // Keep the replica's own choice: current_pos also counts transactions in its own binlog.
    return std::optional(replica.usingGtid.compare(u"Current_Pos"_s, Qt::CaseInsensitive) == 0
            ? GtidPositioning::MariaDbCurrentPos
            : GtidPositioning::MariaDbSlavePos);
}

QString Planner::gtidDetail(const InstanceRecord& replica, GtidPositioning positioning) const
{
    return u"GTID (%1)"_s.arg(OpsDialect::forRecord(replica).gtidOption(positioning));
}

Planner::Part Planner::combine(const QList<std::pair<InstanceKey, Part>>& parts)
{
    Part all = parts.value(0).second;
    QStringList details;
    bool same = true;
    for (const auto& [key, part] : parts) {
        same = same && part.method == all.method && part.detail == all.detail;
        details << u"%1: %2"_s.arg(key.toString(), part.detail);
    }
    if (same) {
        return all;
    }
    return Part { Method::Chain, u"per replica: "_s + details.join(u"; "_s) };
}

Result<Plan> Planner::finish(PlanBuilder& builder, const Part& part) const
{
    // Someone else is working on these instances; a move that stops, restarts or hangs
    // replicas below them would interfere.
    QStringList locked;
    for (const InstanceKey& key : builder.involved()) {
        if (m_flags.maintenanceLocked.contains(key)) {
            locked << key.toString();
        }
    }
    if (!locked.isEmpty()) {
        return refusal(u"%1 %2 under an active maintenance lock; end the maintenance first "
                       "(or wait for it to expire)"_s.arg(
                           locked.join(u", "_s), locked.size() == 1 ? u"is"_s : u"are"_s));
    }
    return builder.finish(part.method, part.detail);
}

} // namespace topograph
