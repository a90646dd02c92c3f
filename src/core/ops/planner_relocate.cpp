// relocate, move-up, move-below, repoint, and the file:pos primitives they are made of.
#include "ops/planbuilder.h"
#include "ops/planner.h"
#include "ops/plannersupport.h"

using namespace Qt::StringLiterals;

namespace topograph {

using plannersupport::name;
using plannersupport::refusal;

namespace {

// A writeable new master could take writes while the moved replica is stopped and aligned;
// the coordinates read afterwards would then skip (or wrongly include) them.
QString writeableWarning(const InstanceRecord& r, const QString& why)
{
    return u"%1 is writeable (read_only=OFF): %2"_s.arg(name(r.key), why);
}

QString notReplicatingWarning(const InstanceRecord& r)
{
    return u"%1 is not replicating now; the plan starts its replication"_s.arg(name(r.key));
}

} // namespace

void Planner::appendGtidMove(PlanBuilder& builder, const InstanceRecord& replica,
    const InstanceRecord& target, GtidPositioning positioning) const
{
    // With GTID the new master finds the replica's position itself: nothing to align.
    builder.stopReplica(replica);
    builder.changeMasterGtid(replica, target.key, positioning);
    builder.startReplica(replica);
    builder.expect(replica.key, target.key, true);
    if (!replica.isReplicating()) {
        builder.warn(notReplicatingWarning(replica));
    }
}

Result<Planner::Part> Planner::appendRepoint(
    PlanBuilder& builder, const InstanceRecord& replica, const InstanceRecord& master) const
{
    if (auto ok = canReplicate(replica, master); !ok) {
        return ok.error();
    }
    auto gtid = gtidFor(replica, master);
    if (!gtid) {
        return gtid.error();
    }
    if (*gtid) {
        appendGtidMove(builder, replica, master, **gtid);
        return Part { Method::Repoint, u"repoint with "_s + gtidDetail(replica, **gtid) };
    }
    if (replica.masterKey != master.key) {
        builder.warn(u"%1 is not the current master of %2 (%3): %2 continues at its exec "
                     "coordinates in %3's binary log, which is right only if %1 has the same "
                     "binary logs (the same server under another name)"_s.arg(
                         name(master.key), name(replica.key), name(*replica.masterKey)));
    }
    builder.stopReplica(replica);
    builder.changeMasterAt(replica, master.key, { replica.key, CoordinateRef::Source::Exec });
    builder.startReplica(replica);
    builder.expect(replica.key, master.key, true);
    if (!replica.isReplicating()) {
        builder.warn(notReplicatingWarning(replica));
    }
    return Part { Method::Repoint, u"repoint at its own exec coordinates (binlog file:pos)"_s };
}

Result<Planner::Part> Planner::appendMoveUp(
    PlanBuilder& builder, const InstanceRecord& replica) const
{
    auto master = fresh(*replica.masterKey);
    if (!master) {
        return master.error();
    }
    const InstanceRecord& m = **master;
    if (!m.masterKey) {
        return refusal(u"%1 replicates from %2, which is a top master: there is nothing to move "
                       "up to"_s.arg(name(replica.key), name(m.key)));
    }
    if (*m.masterKey == replica.key) {
        return refusal(u"%1 and %2 are co-masters; moving %1 up would make it replicate from "
                       "itself"_s.arg(name(replica.key), name(m.key)));
    }
    auto grand = fresh(*m.masterKey);
    if (!grand) {
        return grand.error();
    }
    const InstanceRecord& g = **grand;
    if (auto ok = canReplicate(replica, g); !ok) {
        return ok.error();
    }
    auto gtid = gtidFor(replica, g);
    if (!gtid) {
        return gtid.error();
    }
    if (*gtid) {
        appendGtidMove(builder, replica, g, **gtid);
        return Part { Method::Gtid, gtidDetail(replica, **gtid) };
    }
    for (const InstanceRecord* r : { &replica, &m }) {
        if (auto ok = readyForFilePos(*r); !ok) {
            return ok.error();
        }
    }
    if (!m.readOnly) {
        builder.warn(writeableWarning(m,
            u"a write on it during the move would reach %1 but "
            "never %2"_s.arg(name(replica.key), name(g.key))));
    }
    // M stops, so its binary log ends exactly where its execution of G's binlog ends: once the
    // replica has executed all of M's binlog, M's exec coordinates are its place in G's.
    builder.stopReplica(m);
    builder.stopReplica(replica);
    builder.catchUp(replica, { m.key, CoordinateRef::Source::OwnBinlog });
    builder.changeMasterAt(replica, g.key, { m.key, CoordinateRef::Source::Exec });
    builder.startReplica(replica);
    builder.startReplica(m);
    builder.expect(replica.key, g.key, true);
    builder.expect(m.key, m.masterKey, true);
    return Part { Method::MoveUp, u"binlog file:pos (move up to grandparent)"_s };
}

Result<Planner::Part> Planner::appendMoveBelow(
    PlanBuilder& builder, const InstanceRecord& replica, const InstanceRecord& sibling) const
{
    if (sibling.key == replica.key) {
        return refusal(u"%1 cannot be moved below itself"_s.arg(name(replica.key)));
    }
    if (sibling.masterKey != replica.masterKey) {
        return refusal(u"%1 is not a sibling of %2 (%2 replicates from %3, %1 from %4)"_s.arg(
            name(sibling.key), name(replica.key), name(*replica.masterKey),
            sibling.masterKey ? name(*sibling.masterKey) : u"nothing"_s));
    }
    if (auto ok = canReplicate(replica, sibling); !ok) {
        return ok.error();
    }
    auto gtid = gtidFor(replica, sibling);
    if (!gtid) {
        return gtid.error();
    }
    if (*gtid) {
        appendGtidMove(builder, replica, sibling, **gtid);
        return Part { Method::Gtid, gtidDetail(replica, **gtid) };
    }
    for (const InstanceRecord* r : { &replica, &sibling }) {
        if (auto ok = readyForFilePos(*r); !ok) {
            return ok.error();
        }
    }
    if (!sibling.readOnly) {
        builder.warn(writeableWarning(sibling,
            u"a write on it while both are stopped would be skipped by %1"_s.arg(
                name(replica.key))));
    }
    // Both stop; whichever is behind catches up with the other, so both have executed the same
    // part of the common master's binlog. The sibling's own binlog then ends at that point.
    builder.stopReplica(replica);
    builder.stopReplica(sibling);
    builder.catchUp(replica, { sibling.key, CoordinateRef::Source::Exec }, sibling.key);
    builder.catchUp(sibling, { replica.key, CoordinateRef::Source::Exec }, replica.key);
    builder.changeMasterAt(replica, sibling.key, { sibling.key, CoordinateRef::Source::OwnBinlog });
    builder.startReplica(sibling);
    builder.startReplica(replica);
    builder.expect(replica.key, sibling.key, true);
    builder.expect(sibling.key, sibling.masterKey, true);
    return Part { Method::MoveBelow, u"binlog file:pos (move below sibling)"_s };
}

} // namespace topograph
