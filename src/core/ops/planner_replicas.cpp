// relocate-replicas, move-up-replicas, repoint-replicas: one plan for all replicas of an instance,
// refused as a whole when any one of them would be refused.
#include "ops/planbuilder.h"
#include "ops/planner.h"
#include "ops/plannersupport.h"

using namespace Qt::StringLiterals;

namespace topograph {

using plannersupport::name;
using plannersupport::refusal;

namespace {

// Every replica that cannot be moved, each with its reason: a DBA fixes them all in one go.
Error refusalList(const QStringList& problems)
{
    return refusal(u"%1 of the replicas cannot be moved, so none is:\n  - %2"_s.arg(
        QString::number(problems.size()), problems.join(u"\n  - "_s)));
}

} // namespace

Result<Plan> Planner::relocateReplicas(const InstanceKey& instance, const InstanceKey& target) const
{
    const QString what
        = u"relocate the replicas of %1 below %2"_s.arg(name(instance), name(target));
    return guarded(what, [&]() -> Result<Plan> {
        auto i = fresh(instance);
        auto t = fresh(target);
        if (!i || !t) {
            return !i ? i.error() : t.error();
        }
        auto replicas = freshReplicasOf(instance);
        if (!replicas) {
            return replicas.error();
        }
        PlanBuilder builder(Operation::RelocateReplicas, what, m_flags.untilTimeoutSeconds);
        QList<std::pair<InstanceKey, Part>> parts;
        QStringList problems;
        for (const InstanceRecord* r : *replicas) {
            if (r->key == target) {
                continue; // the target stays where it is; its siblings go below it
            }
            builder.setGroup(u"relocate %1 below %2"_s.arg(name(r->key), name(target)));
            auto part = appendRelocate(builder, *r, **t);
            if (part) {
                parts.append({ r->key, *part });
            } else {
                problems << part.error().message;
            }
        }
        builder.setGroup({});
        if (!problems.isEmpty()) {
            return refusalList(problems);
        }
        if (parts.isEmpty()) {
            return refusal(u"%1 has no replicas other than %2"_s.arg(name(instance), name(target)));
        }
        return finish(builder, combine(parts));
    });
}

Result<Plan> Planner::moveUpReplicas(const InstanceKey& instance) const
{
    const QString what = u"move the replicas of %1 up"_s.arg(name(instance));
    return guarded(what, [&]() -> Result<Plan> {
        auto i = freshReplica(instance);
        if (!i) {
            return i.error();
        }
        const InstanceRecord& m = **i;
        auto grand = fresh(*m.masterKey);
        auto replicas = freshReplicasOf(instance);
        if (!grand || !replicas) {
            return !grand ? grand.error() : replicas.error();
        }
        const InstanceRecord& g = **grand;
        QList<std::pair<const InstanceRecord*, GtidPositioning>> byGtid;
        QList<const InstanceRecord*> byFilePos;
        QStringList problems;
        for (const InstanceRecord* r : *replicas) {
            if (r->key == g.key) {
                continue; // a co-master of `instance` is already where the others go
            }
            auto gtid = gtidFor(*r, g);
            Result<void> ok = canReplicate(*r, g);
            if (ok && !gtid) {
                ok = gtid.error();
            }
            if (ok && !*gtid) {
                ok = readyForFilePos(*r);
            }
            if (!ok) {
                problems << ok.error().message;
            } else if (*gtid) {
                byGtid.append({ r, **gtid });
            } else {
                byFilePos.append(r);
            }
        }
        if (!byFilePos.isEmpty()) {
            if (auto ok = readyForFilePos(m); !ok) {
                problems << ok.error().message;
            }
        }
        if (!problems.isEmpty()) {
            return refusalList(problems);
        }
        if (byGtid.isEmpty() && byFilePos.isEmpty()) {
            return refusal(u"%1 has no replicas to move up"_s.arg(name(instance)));
        }
        PlanBuilder builder(Operation::MoveUpReplicas, what, m_flags.untilTimeoutSeconds);
        QList<std::pair<InstanceKey, Part>> parts;
        for (const auto& [r, positioning] : byGtid) {
            builder.setGroup(u"move %1 up below %2 (GTID)"_s.arg(name(r->key), name(g.key)));
            appendGtidMove(builder, *r, g, positioning);
            parts.append({ r->key, Part { Method::Gtid, gtidDetail(*r, positioning) } });
        }
        if (!byFilePos.isEmpty()) {
            // As in move-up, once for all: the instance stops, each replica executes all of its
            // binlog, then continues in the grandparent's binlog at the instance's exec point.
            builder.setGroup(byGtid.isEmpty()
                    ? QString()
                    : u"move the others up below %1 (binlog file:pos)"_s.arg(name(g.key)));
            builder.stopReplica(m);
            for (const InstanceRecord* r : byFilePos) {
                builder.stopReplica(*r);
                builder.catchUp(*r, { m.key, CoordinateRef::Source::OwnBinlog });
            }
            for (const InstanceRecord* r : byFilePos) {
                builder.changeMasterAt(*r, g.key, { m.key, CoordinateRef::Source::Exec });
            }
            for (const InstanceRecord* r : byFilePos) {
                builder.startReplica(*r);
                builder.expect(r->key, g.key, true);
                parts.append({ r->key,
                    Part { Method::MoveUp, u"binlog file:pos (move up to grandparent)"_s } });
            }
            builder.startReplica(m);
            builder.expect(m.key, m.masterKey, true);
            if (!m.readOnly) {
                builder.warn(
                    u"%1 is writeable (read_only=OFF): a write on it during the move "
                    "would reach its replicas but never %2"_s.arg(name(m.key), name(g.key)));
            }
        }
        builder.setGroup({});
        return finish(builder, combine(parts));
    });
}

Result<Plan> Planner::repointReplicas(const InstanceKey& instance) const
{
    const QString what = u"repoint the replicas of %1"_s.arg(name(instance));
    return guarded(what, [&]() -> Result<Plan> {
        auto i = fresh(instance);
        if (!i) {
            return i.error();
        }
        auto replicas = freshReplicasOf(instance);
        if (!replicas) {
            return replicas.error();
        }
        PlanBuilder builder(Operation::RepointReplicas, what, m_flags.untilTimeoutSeconds);
        QList<std::pair<InstanceKey, Part>> parts;
        QStringList problems;
        for (const InstanceRecord* r : *replicas) {
            builder.setGroup(u"repoint %1 at %2"_s.arg(name(r->key), name(instance)));
            auto part = appendRepoint(builder, *r, **i);
            if (part) {
                parts.append({ r->key, *part });
            } else {
                problems << part.error().message;
            }
        }
        builder.setGroup({});
        if (!problems.isEmpty()) {
            return refusalList(problems);
        }
        return finish(builder, combine(parts));
    });
}

} // namespace topograph
