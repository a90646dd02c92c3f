#pragma once

#include <QList>

#include <optional>

#include "lag/heartbeatrow.h"
#include "lag/lagreading.h"
#include "probe/instancerecord.h"

namespace topograph {

// How lag is decided from what an instance answered, and which heartbeat rows are fake lag
// (DESIGN §8). Pure functions: the sampler, the lag worker, the CLI and the planner use them.
//
// Lag, in this order: ReplicationLagQuery when set; else pt-heartbeat, the instance's clock minus
// `ts` of the row of the cluster's current primary, when that row is there and advancing; else
// Seconds_Behind_Master. A failed read is a gap (no value), never a zero: an unreachable
// instance, a failing lag query, a heartbeat table that exists but cannot be read.
//
// Fake lag, row by row on each instance:
//  - stale: the row's server_id is not the current primary's. It is left over from an old
//    topology (pt-heartbeat ran on a former primary) and replicated everywhere; measuring from
//    it gives a lag that only grows. heartbeat-clean deletes these rows, and only these.
//  - not-advancing: the current primary's row, while the primary's own copy of it, read on the
//    primary, is older than notAdvancingSeconds: pt-heartbeat no longer runs there. On the
//    primary its age has no replication in it, so this is the one place where "old" cannot be
//    real lag; a replica's view of the row is judged by the primary's, never by its own age
//    (a replica whose SQL thread stopped sees an old row and really lags). When the primary
//    could not be read the row counts as current: showing lag that may be fake is safer than
//    hiding lag that may be real. Lag then falls back to Seconds_Behind_Master.
//  - current-primary: otherwise.
class LagRules final
{
public:
    // Ten of pt-heartbeat's default one-second intervals: missed updates, not a slow one. A
    // pt-heartbeat run with --interval above this reads as not advancing.
    static constexpr double notAdvancingSeconds = 10.0;

    // The age of serverId's row, when it is among rows and its age is known.
    static std::optional<double> rowAge(const QList<HeartbeatRow>& rows, quint32 serverId);
    // primaryOwnAge: the age of the primary's row as read on the primary (unknown: false).
    static bool isNotAdvancing(std::optional<double> primaryOwnAge);
    static HeartbeatRow::State classify(
        const HeartbeatRow& row, quint32 primaryServerId, std::optional<double> primaryOwnAge);
    static QList<HeartbeatRow> classified(const QList<HeartbeatRow>& rows, quint32 primaryServerId,
        std::optional<double> primaryOwnAge);

    // Sets reading.sample's lag, source and heartbeat from the rest of the reading. hasLagQuery:
    // ReplicationLagQuery is configured (its answer, or its failure, decides).
    static void resolve(LagReading& reading, bool hasLagQuery, std::optional<double> primaryOwnAge);

    // The fake-lag check of one instance from a sample's reading, or from a probe's record.
    static HeartbeatCheck check(const LagReading& reading, std::optional<double> primaryOwnAge);
    static HeartbeatCheck check(const InstanceRecord& record,
        std::optional<quint32> primaryServerId, std::optional<double> primaryOwnAge);
};

} // namespace topograph
