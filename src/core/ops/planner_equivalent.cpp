// move-equivalent: a replica goes below another server at the position that a recorded
// equivalence (master_position_equivalence, written by earlier file:pos moves) names.
#include "ops/planbuilder.h"
#include "ops/planner.h"
#include "ops/plannersupport.h"

using namespace Qt::StringLiterals;

namespace topograph {

using plannersupport::name;
using plannersupport::refusal;

Result<Plan> Planner::moveEquivalent(
    const InstanceKey& replicaKey, const InstanceKey& targetKey) const
{
    const QString title
        = u"move %1 below %2 by equivalent position"_s.arg(name(replicaKey), name(targetKey));
    return guarded(title, [&]() -> Result<Plan> {
        if (replicaKey == targetKey) {
            return refusal(u"%1 cannot be moved below itself"_s.arg(name(replicaKey)));
        }
        auto replica = freshReplica(replicaKey);
        if (!replica) {
            return replica.error();
        }
        auto target = fresh(targetKey);
        if (!target) {
            return target.error();
        }
        const InstanceRecord& r = **replica;
        const InstanceRecord& t = **target;
        if (*r.masterKey == t.key) {
            return refusal(u"%1 already replicates from %2"_s.arg(name(r.key), name(t.key)));
        }
        if (auto ok = canReplicate(r, t); !ok) {
            return ok.error();
        }
        if (r.usesGtid()) {
            return refusal(u"%1 replicates with GTID (%2): moving it to a binlog file:pos would "
                           "turn GTID off; relocate moves it by GTID"_s.arg(name(r.key),
                               r.usingGtid.isEmpty() ? u"auto-position"_s : r.usingGtid));
        }
        const BinlogPosition at { r.relayMasterLogFile, r.execMasterLogPos };
        if (at.file.isEmpty()) {
            return refusal(u"%1 reports no exec coordinates in %2's binary log"_s.arg(
                name(r.key), name(*r.masterKey)));
        }
        const auto equivalent = equivalentPosition(m_flags.equivalences, t.key, *r.masterKey, at);
        if (!equivalent) {
            return refusal(
                u"no equivalent position is known for %1, which has executed %2 of %3's binary "
                "log, on %4: master_position_equivalence holds no such pair (file:pos moves "
                "record them; any write since then moves the replica past the recorded "
                "position)"_s.arg(name(r.key), at.toString(), name(*r.masterKey), name(t.key)));
        }
        PlanBuilder builder(Operation::MoveEquivalent, title, m_flags.untilTimeoutSeconds);
        builder.stopReplica(r);
        builder.checkExecuted(r, at);
        builder.changeMasterAtPosition(r, t.key, *equivalent);
        builder.startReplica(r);
        builder.expect(r.key, t.key, true);
        if (!r.isReplicating()) {
            builder.warn(
                u"%1 is not replicating now; the plan starts its replication"_s.arg(name(r.key)));
        }
        return finish(builder,
            Part { Method::Equivalent,
                u"binlog file:pos at the recorded equivalent position (%1 of %2 = %3 of %4)"_s.arg(
                    at.toString(), name(*r.masterKey), equivalent->toString(), name(t.key)) });
    });
}

} // namespace topograph
