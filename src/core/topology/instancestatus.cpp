#include "topology/instancestatus.h"

using namespace Qt::StringLiterals;

namespace topograph {

InstanceStatus InstanceStatus::of(
    const InstanceRecord& r, const QDateTime& now, const Thresholds& thresholds)
{
    InstanceStatus s;
    s.lastCheckValid = r.reachable;
    s.recentlyChecked = r.lastChecked.isValid()
        && r.lastChecked.secsTo(now) <= static_cast<qint64>(thresholds.pollSeconds) * 5;
    s.replicating = r.isReplica() && r.isReplicating();
    const qint64 lag = r.replicationLagSeconds.value_or(r.secondsBehindMaster.value_or(0));

    if (!s.lastCheckValid || !s.recentlyChecked) {
        s.lag = u"unknown"_s;
    } else if (r.isReplica() && (!r.isReplicating() || !r.secondsBehindMaster.has_value())) {
        s.lag = u"null"_s;
    } else {
        s.lag = QString::number(r.isReplica() ? lag : 0) + u's';
    }

    if (!s.lastCheckValid) {
        s.status = u"invalid"_s;
    } else if (!s.recentlyChecked) {
        s.status = u"unchecked"_s;
    } else if (r.isReplica() && !r.isReplicating()) {
        s.status = u"nonreplicating"_s;
    } else if (r.isReplica() && lag > thresholds.reasonableLagSeconds) {
        s.status = u"lag"_s;
    } else {
        s.status = u"ok"_s;
    }

    if (!r.reachable && r.version.isEmpty()) {
        return s; // never seen: nothing to say about it
    }
    s.tags << r.version << (r.readOnly ? u"ro"_s : u"rw"_s)
           << (r.logBin ? r.binlogFormat : u"nobinlog"_s);
    if (r.logBin && r.logSlaveUpdates) {
        s.tags << u">>"_s;
    }
    if (r.usesGtid()) {
        s.tags << u"GTID"_s;
    }
    if (r.pseudoGtid) {
        s.tags << u"P-GTID"_s;
    }
    if (r.sqlDelay > 0) {
        s.tags << u"delayed"_s;
    }
    return s;
}

} // namespace topograph
