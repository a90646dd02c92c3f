// stop-replica, start-replica, restart-replica, set-read-only, set-writeable: one statement on one
// instance.
#include "ops/planbuilder.h"
#include "ops/planner.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

const QString kOneStatement = u"single statement"_s;

} // namespace

Result<Plan> Planner::stopReplica(const InstanceKey& instance) const
{
    const QString what = u"stop replication on %1"_s.arg(instance.toString());
    return guarded(what, [&]() -> Result<Plan> {
        auto r = freshReplica(instance);
        if (!r) {
            return r.error();
        }
        PlanBuilder builder(Operation::StopReplica, what, m_flags.untilTimeoutSeconds);
        builder.stopReplica(**r);
        builder.expect(instance, (*r)->masterKey, false);
        if ((*r)->isReplicationStopped()) {
            builder.warn(u"replication on %1 is already stopped"_s.arg(instance.toString()));
        }
        return finish(builder, Part { Method::Simple, kOneStatement });
    });
}

Result<Plan> Planner::startReplica(const InstanceKey& instance) const
{
    const QString what = u"start replication on %1"_s.arg(instance.toString());
    return guarded(what, [&]() -> Result<Plan> {
        auto r = freshReplica(instance);
        if (!r) {
            return r.error();
        }
        PlanBuilder builder(Operation::StartReplica, what, m_flags.untilTimeoutSeconds);
        builder.startReplica(**r);
        builder.expect(instance, (*r)->masterKey, true);
        if ((*r)->isReplicating()) {
            builder.warn(u"replication on %1 is already running"_s.arg(instance.toString()));
        }
        return finish(builder, Part { Method::Simple, kOneStatement });
    });
}

Result<Plan> Planner::restartReplica(const InstanceKey& instance) const
{
    const QString what = u"restart replication on %1"_s.arg(instance.toString());
    return guarded(what, [&]() -> Result<Plan> {
        auto r = freshReplica(instance);
        if (!r) {
            return r.error();
        }
        PlanBuilder builder(Operation::RestartReplica, what, m_flags.untilTimeoutSeconds);
        builder.stopReplica(**r);
        builder.startReplica(**r);
        builder.expect(instance, (*r)->masterKey, true);
        return finish(builder, Part { Method::Simple, u"two statements"_s });
    });
}

Result<Plan> Planner::setReadOnly(const InstanceKey& instance, bool readOnly) const
{
    const QString what
        = (readOnly ? u"make %1 read-only"_s : u"make %1 writeable"_s).arg(instance.toString());
    return guarded(what, [&]() -> Result<Plan> {
        auto r = fresh(instance);
        if (!r) {
            return r.error();
        }
        PlanBuilder builder(readOnly ? Operation::SetReadOnly : Operation::SetWriteable, what,
            m_flags.untilTimeoutSeconds);
        builder.setReadOnly(**r, readOnly);
        builder.expect(instance, (*r)->masterKey, (*r)->isReplicating(), readOnly);
        if ((*r)->readOnly == readOnly) {
            builder.warn(u"%1 is already %2"_s.arg(
                instance.toString(), readOnly ? u"read-only"_s : u"writeable"_s));
        }
        return finish(builder, Part { Method::Simple, kOneStatement });
    });
}

} // namespace topograph
