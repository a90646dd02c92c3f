// take-master and make-co-master: a replica and its master change roles (orchestrator's
// definitions), keeping GTID for every instance that replicates with it.
#include "ops/planbuilder.h"
#include "ops/planner.h"
#include "ops/plannersupport.h"

using namespace Qt::StringLiterals;

namespace topograph {

using plannersupport::name;
using plannersupport::refusal;

Result<Plan> Planner::takeMaster(const InstanceKey& replica) const
{
    const QString what = u"make %1 the master of its master"_s.arg(name(replica));
    return guarded(what, [&]() -> Result<Plan> {
        auto rr = freshReplica(replica);
        if (!rr) {
            return rr.error();
        }
        const InstanceRecord& r = **rr;
        auto mm = fresh(*r.masterKey);
        if (!mm) {
            return mm.error();
        }
        const InstanceRecord& m = **mm;
        if (m.masterKey == r.key) {
            return refusal(u"%1 and %2 are already co-masters"_s.arg(name(r.key), name(m.key)));
        }
        if (!m.masterKey) {
            return refusal(u"%1 is a top master: take-master needs it to replicate from another "
                           "instance, which %2 then replicates from (a top master is replaced "
                           "by a master switchover instead)"_s.arg(name(m.key), name(r.key)));
        }
        auto gg = fresh(*m.masterKey);
        if (!gg) {
            return gg.error();
        }
        const InstanceRecord& g = **gg;
        for (const auto& [replicaOf, source] : { std::pair { &r, &g }, std::pair { &m, &r } }) {
            if (auto ok = canReplicate(*replicaOf, *source); !ok) {
                return ok.error();
            }
        }
        auto rGtid = gtidFor(r, g);
        auto mGtid = gtidFor(m, r);
        if (!rGtid || !mGtid) {
            return !rGtid ? rGtid.error() : mGtid.error();
        }
        const bool allGtid = *rGtid && *mGtid;
        if (!allGtid) {
            for (const InstanceRecord* x : { &r, &m }) {
                if (auto ok = readyForFilePos(*x); !ok) {
                    return ok.error();
                }
            }
        }
        PlanBuilder builder(Operation::TakeMaster, what, m_flags.untilTimeoutSeconds);
        // r first executes everything m has (also with GTID: m must never be ahead of its new
        // master); then r continues in g's binlog where m stands, and m where r now ends.
        builder.stopReplica(m);
        builder.stopReplica(r);
        builder.catchUp(r, { m.key, CoordinateRef::Source::OwnBinlog });
        if (*rGtid) {
            builder.changeMasterGtid(r, g.key, **rGtid);
        } else {
            builder.changeMasterAt(r, g.key, { m.key, CoordinateRef::Source::Exec });
        }
        if (*mGtid) {
            builder.changeMasterGtid(m, r.key, **mGtid);
        } else {
            builder.changeMasterAt(m, r.key, { r.key, CoordinateRef::Source::OwnBinlog });
        }
        builder.startReplica(r);
        builder.startReplica(m);
        builder.expect(r.key, g.key, true);
        builder.expect(m.key, r.key, true);
        if (!m.readOnly) {
            builder.warn(u"%1 is writeable (read_only=OFF): a write on it during the switch "
                         "would be lost to %2 and %3"_s.arg(name(m.key), name(r.key), name(g.key)));
        }
        if (allGtid) {
            return finish(builder, Part { Method::Gtid, gtidDetail(r, **rGtid) });
        }
        return finish(builder,
            Part { Method::Chain,
                u"binlog file:pos (take master: %1 moves up next to %2, then %2 moves below %1)"_s
                    .arg(name(r.key), name(m.key)) });
    });
}

Result<Plan> Planner::makeCoMaster(const InstanceKey& replica) const
{
    const QString what = u"make %1 co-master with its master"_s.arg(name(replica));
    return guarded(what, [&]() -> Result<Plan> {
        auto rr = freshReplica(replica);
        if (!rr) {
            return rr.error();
        }
        const InstanceRecord& r = **rr;
        auto mm = fresh(*r.masterKey);
        if (!mm) {
            return mm.error();
        }
        const InstanceRecord& m = **mm;
        if (m.masterKey == r.key) {
            return refusal(u"%1 and %2 are already co-masters"_s.arg(name(r.key), name(m.key)));
        }
        if (m.masterKey) {
            return refusal(u"%1 replicates from %2; only a top master can become co-master with "
                           "its replica"_s.arg(name(m.key), name(*m.masterKey)));
        }
        if (!r.readOnly) {
            return refusal(u"%1 is writeable (read_only=OFF); make it read-only first "
                           "(set-read-only): a co-master taking writes %2 has not seen would "
                           "make them diverge"_s.arg(name(r.key), name(m.key)));
        }
        if (auto ok = canReplicate(m, r); !ok) {
            return ok.error();
        }
        // m is not a replica yet, so it has no GTID mode of its own: it follows the cluster's.
        // current_pos, because m's own transactions are in its binlog, not in gtid_slave_pos.
        InstanceRecord asReplica = m;
        if (r.mariadbGtid()) {
            asReplica.usingGtid = u"Current_Pos"_s;
        }
        auto gtid = gtidFor(asReplica, r);
        if (!gtid) {
            return gtid.error();
        }
        PlanBuilder builder(Operation::MakeCoMaster, what, m_flags.untilTimeoutSeconds);
        // r keeps replicating: everything r's binlog gains after the position read here came
        // from m (r is read-only), and m skips events with its own server_id.
        if (*gtid) {
            builder.changeMasterGtid(m, r.key, **gtid);
        } else {
            builder.changeMasterAt(m, r.key, { r.key, CoordinateRef::Source::OwnBinlog });
        }
        builder.startReplica(m);
        builder.expect(m.key, r.key, true);
        builder.expect(r.key, m.key, r.isReplicating());
        builder.warn(u"%1 replicates from nothing now: unless it kept the replication account "
                     "of an earlier CHANGE MASTER, give it one by hand first (plans never carry "
                     "credentials)"_s.arg(name(m.key)));
        if (*gtid) {
            return finish(builder, Part { Method::Gtid, gtidDetail(asReplica, **gtid) });
        }
        return finish(builder,
            Part { Method::CoMaster,
                u"binlog file:pos (%1 starts at %2's current binlog coordinates)"_s.arg(
                    name(m.key), name(r.key)) });
    });
}

} // namespace topograph
