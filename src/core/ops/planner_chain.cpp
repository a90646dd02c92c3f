// relocate (method choice and the file:pos chain), and the public single-replica moves.
#include "ops/planbuilder.h"
#include "ops/planner.h"
#include "ops/plannersupport.h"

using namespace Qt::StringLiterals;

namespace topograph {

using plannersupport::name;
using plannersupport::refusal;

Result<Planner::Part> Planner::appendChain(
    PlanBuilder& builder, const InstanceRecord& replica, const InstanceRecord& target) const
{
    // Up from the replica's master to the first instance on the target's line to the top,
    // then down that line to the target: move-ups, then move-belows.
    QList<InstanceKey> targetLine { target.key };
    targetLine += m_view.ancestors(target.key);
    QList<InstanceKey> upPast;
    InstanceKey current = *replica.masterKey;
    while (!targetLine.contains(current)) {
        auto m = fresh(current);
        if (!m) {
            return m.error();
        }
        if (!(*m)->masterKey || upPast.contains(current)) {
            return refusal(
                u"%1 and %2 have no common ancestor in the probed topology, so no "
                "chain of binlog file:pos moves leads there (GTID would be needed)"_s.arg(
                    name(replica.key), name(target.key)));
        }
        upPast.append(current);
        current = *(*m)->masterKey;
    }
    QList<InstanceKey> down = targetLine.mid(0, targetLine.indexOf(current));
    std::reverse(down.begin(), down.end());

    const QString outer = builder.group();
    const QString prefix = outer.isEmpty() ? QString() : outer + u": "_s;
    const bool single = upPast.size() + down.size() == 1;
    InstanceRecord moving = replica;
    QStringList moves;
    Part last;
    for (const InstanceKey& from : upPast) {
        const InstanceKey to = *m_view.find(from)->masterKey;
        moves << u"move up below %1"_s.arg(name(to));
        if (!single) {
            builder.setGroup(prefix + u"move %1 up below %2"_s.arg(name(replica.key), name(to)));
        }
        auto part = appendMoveUp(builder, moving);
        if (!part) {
            return part.error();
        }
        last = *part;
        moving.masterKey = to;
    }
    for (const InstanceKey& below : down) {
        auto sibling = fresh(below);
        if (!sibling) {
            return sibling.error();
        }
        moves << u"move below %1"_s.arg(name(below));
        if (!single) {
            builder.setGroup(prefix + u"move %1 below %2"_s.arg(name(replica.key), name(below)));
        }
        auto part = appendMoveBelow(builder, moving, **sibling);
        if (!part) {
            return part.error();
        }
        last = *part;
        moving.masterKey = below;
    }
    builder.setGroup(outer);
    if (single) {
        return last;
    }
    return Part { Method::Chain,
        u"binlog file:pos (chain of %1 moves: %2)"_s.arg(moves.size()).arg(moves.join(u", "_s)) };
}

Result<Planner::Part> Planner::appendRelocate(
    PlanBuilder& builder, const InstanceRecord& replica, const InstanceRecord& target) const
{
    if (replica.key == target.key) {
        return refusal(u"%1 and the target are the same instance"_s.arg(name(replica.key)));
    }
    if (m_view.isDescendant(target.key, replica.key)) {
        return refusal(u"%1 replicates (directly or further down) from %2: an instance cannot be "
                       "moved below its own descendant"_s.arg(name(target.key), name(replica.key)));
    }
    if (auto ok = canReplicate(replica, target); !ok) {
        return ok.error();
    }
    if (replica.masterKey == target.key) {
        return appendRepoint(builder, replica, target);
    }
    auto gtid = gtidFor(replica, target);
    if (!gtid) {
        return gtid.error();
    }
    if (*gtid) {
        if (m_view.root(replica.key) != m_view.root(target.key)
            && !m_view.ancestors(target.key).contains(m_view.root(replica.key))) {
            builder.warn(u"%1 is in another replication tree than %2: make sure it has the same "
                         "data"_s.arg(name(target.key), name(replica.key)));
        }
        appendGtidMove(builder, replica, target, **gtid);
        return Part { Method::Gtid, gtidDetail(replica, **gtid) };
    }
    return appendChain(builder, replica, target);
}

Result<Plan> Planner::relocate(const InstanceKey& replica, const InstanceKey& target) const
{
    const QString what = u"relocate %1 below %2"_s.arg(name(replica), name(target));
    return guarded(what, [&]() -> Result<Plan> {
        if (replica == target) {
            return refusal(u"%1 and the target are the same instance"_s.arg(name(replica)));
        }
        auto r = freshReplica(replica);
        auto t = fresh(target);
        if (!r || !t) {
            return !r ? r.error() : t.error();
        }
        PlanBuilder builder(Operation::Relocate, what, m_flags.untilTimeoutSeconds);
        auto part = appendRelocate(builder, **r, **t);
        return part ? finish(builder, *part) : Result<Plan>(part.error());
    });
}

Result<Plan> Planner::moveUp(const InstanceKey& replica) const
{
    const QString what = u"move %1 up"_s.arg(name(replica));
    return guarded(what, [&]() -> Result<Plan> {
        auto r = freshReplica(replica);
        if (!r) {
            return r.error();
        }
        PlanBuilder builder(Operation::MoveUp, what, m_flags.untilTimeoutSeconds);
        auto part = appendMoveUp(builder, **r);
        return part ? finish(builder, *part) : Result<Plan>(part.error());
    });
}

Result<Plan> Planner::moveBelow(const InstanceKey& replica, const InstanceKey& sibling) const
{
    const QString what = u"move %1 below %2"_s.arg(name(replica), name(sibling));
    return guarded(what, [&]() -> Result<Plan> {
        if (replica == sibling) {
            return refusal(u"%1 cannot be moved below itself"_s.arg(name(replica)));
        }
        auto r = freshReplica(replica);
        auto s = fresh(sibling);
        if (!r || !s) {
            return !r ? r.error() : s.error();
        }
        PlanBuilder builder(Operation::MoveBelow, what, m_flags.untilTimeoutSeconds);
        auto part = appendMoveBelow(builder, **r, **s);
        return part ? finish(builder, *part) : Result<Plan>(part.error());
    });
}

Result<Plan> Planner::repoint(
    const InstanceKey& replica, const std::optional<InstanceKey>& master) const
{
    const QString what = master ? u"repoint %1 at %2"_s.arg(name(replica), name(*master))
                                : u"repoint %1"_s.arg(name(replica));
    return guarded(what, [&]() -> Result<Plan> {
        auto r = freshReplica(replica);
        if (!r) {
            return r.error();
        }
        const InstanceKey target = master.value_or(*(*r)->masterKey);
        if (target == replica) {
            return refusal(u"%1 cannot replicate from itself"_s.arg(name(replica)));
        }
        if (m_view.isDescendant(target, replica)) {
            return refusal(
                u"%1 replicates (directly or further down) from %2: an instance "
                "cannot replicate from its own descendant"_s.arg(name(target), name(replica)));
        }
        auto m = fresh(target);
        if (!m) {
            return m.error();
        }
        PlanBuilder builder(Operation::Repoint, what, m_flags.untilTimeoutSeconds);
        auto part = appendRepoint(builder, **r, **m);
        return part ? finish(builder, *part) : Result<Plan>(part.error());
    });
}

} // namespace topograph
