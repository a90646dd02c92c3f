#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

#include "probe/instancerecord.h"

namespace topograph {

// How an instance reads to a DBA right now, in orchestrator's words: the lag and status columns
// of `topology`, whether it counts as replicating, and its short tags. Derived from a record,
// the time and two thresholds; nothing here is stored.
struct InstanceStatus
{
    bool lastCheckValid = false; // the last check succeeded (last_seen >= last_checked)
    bool recentlyChecked = false; // checked within 5 poll intervals
    bool replicating = false; // a replica with both threads running
    QString lag; // "7s", "unknown", "null"
    QString status; // "ok", "invalid", "unchecked", "nonreplicating", "lag"
    QStringList tags; // version, ro|rw, binlog format|nobinlog, then >>, GTID, P-GTID...

    struct Thresholds
    {
        int pollSeconds = 5;
        int reasonableLagSeconds = 10;
    };

    static InstanceStatus of(
        const InstanceRecord& record, const QDateTime& now, const Thresholds& thresholds);
};

} // namespace topograph
