#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include "instancekey.h"
#include "lag/laghistory.h"

namespace topograph {

// The lag samples of a chart as CSV, for a spreadsheet or a ticket: one line per sample,
// instance by instance, oldest first. Times are UTC in ISO 8601 with milliseconds; a missing
// value (a gap) is an empty field, never a zero.
//   instance,time,lag_seconds,source,heartbeat_seconds,seconds_behind_master
class LagCsv final
{
public:
    static QString write(const LagHistory& history, const QList<InstanceKey>& keys,
        const QDateTime& from, const QDateTime& to);
    static QString sourceName(LagSource source); // "heartbeat", "query", "seconds_behind_master"
};

} // namespace topograph
