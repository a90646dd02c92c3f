// Records for the canvas tests: healthy MariaDB instances checked 3 s before kNow.
#pragma once

#include <QDateTime>

#include "probe/instancerecord.h"
#include "topology/instancestatus.h"

namespace topograph::test {

using namespace Qt::StringLiterals;

inline const QDateTime kNow = QDateTime(QDate(2024, 3, 1), QTime(12, 0, 0), Qt::UTC);
inline const InstanceStatus::Thresholds kThresholds { 5, 10 };

inline InstanceKey key(const QString& host)
{
    return InstanceKey { host, 3306 };
}

// A healthy MariaDB instance checked 3 s ago; a GTID replica when master is given.
inline InstanceRecord instance(
    const QString& host, const QString& master = {}, const QString& cluster = u"m1:3306"_s)
{
    InstanceRecord r;
    r.key = key(host);
    r.reachable = true;
    r.lastChecked = kNow.addSecs(-3);
    r.lastSeen = r.lastChecked;
    r.flavor = Flavor::MariaDB;
    r.version = u"10.11.6-MariaDB-log"_s;
    r.logBin = true;
    r.logSlaveUpdates = true;
    r.binlogFormat = u"ROW"_s;
    r.clusterName = cluster;
    if (!master.isEmpty()) {
        r.masterKey = key(master);
        r.readOnly = true;
        r.ioThreadRunning = true;
        r.sqlThreadRunning = true;
        r.secondsBehindMaster = 0;
        r.usingGtid = u"Slave_Pos"_s;
    }
    return r;
}

} // namespace topograph::test
