#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

#include "lag/heartbeatrow.h"
#include "lag/lagreading.h"

namespace topograph {

// The CLI's lag and heartbeat formats (replication-lag, its --watch, heartbeat-check): aligned
// columns with a header, seconds with three decimals, "-" where there is no value and NULL for a
// NULL Seconds_Behind_Master.
class LagPrinter final
{
public:
    // replication-lag: one line per reading after a header; columns instance, role (primary,
    // replica), lag (the value the source gives), heartbeat (pt-heartbeat's lag), sbm, source
    // (heartbeat, query, sbm) and a note (why there is no value, or why the source fell back).
    static QStringList table(const QList<LagReading>& readings);
    // replication-lag --watch: one line per reading, "key=value" fields after the time (UTC).
    static QString watchLine(const LagReading& reading);
    // heartbeat-check: the rows of one instance (server_id, ts in UTC, age, state).
    static QStringList heartbeatRows(const HeartbeatCheck& check);

    static QString seconds(const std::optional<double>& value); // "0.412", "-"
    static QString sourceName(LagSource source); // "heartbeat", "query", "sbm"
    static QString stateName(HeartbeatRow::State state); // "current-primary", "stale", ...
    static QString note(const LagReading& reading);

private:
    static QStringList aligned(const QList<QStringList>& rows);
};

} // namespace topograph
