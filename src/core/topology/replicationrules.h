#pragma once

#include <QList>
#include <QString>

#include <optional>

#include "config/configuration.h"
#include "probe/instancerecord.h"

namespace topograph {

// Whether one instance could replicate from another, and why not (DESIGN §7, orchestrator's
// can-replicate-from): the reasons are written for a DBA.
struct Verdict
{
    bool allowed = true;
    QString reason;

    static Verdict yes() { return {}; }
    static Verdict no(QString why) { return { false, std::move(why) }; }
};

class ReplicationRules final
{
public:
    static Verdict canReplicateFrom(
        const InstanceRecord& replica, const InstanceRecord& source, const Configuration& config);

    // 1 for "5.6" < "5.7", comparing dotted numbers; 0 when equal.
    static int compareVersions(const QString& a, const QString& b);
    // STATEMENT < MIXED < ROW; unknown formats rank lowest.
    static int binlogFormatRank(const QString& format);

    // Whether replica can be positioned by GTID on source: both MariaDB, the replica replicates
    // with GTID (Using_Gtid is not No) and source writes a binlog; or both MySQL with
    // gtid_mode=ON. The reason names what is missing.
    static Verdict gtidCompatible(const InstanceRecord& replica, const InstanceRecord& source);
    // MySQL: source has not purged transactions replica has not executed (it could never send
    // them). MariaDB exposes nothing comparable in a probe, so it always passes.
    static Verdict gtidsAvailable(const InstanceRecord& replica, const InstanceRecord& source);
    // For binlog file:pos moves: the replica's lag (the larger of measured lag and
    // Seconds_Behind_Master) is known and at most ReasonableMaintenanceReplicationLagSeconds.
    static Verdict maintenanceLag(const InstanceRecord& replica, const Configuration& config);
};

} // namespace topograph
