#pragma once

#include <QList>
#include <QString>

#include "db/mysqlsession.h"
#include "lag/heartbeattable.h"
#include "lag/lagreading.h"
#include "probe/dialect.h"

namespace topograph {

// The one statement of a lag sample (DESIGN §8: one query per instance and sample), spelled for
// one server, and how its answers become a LagReading.
//
// Seconds_Behind_Master is sampled every time, beside the heartbeat, and no SELECT can read it:
// MariaDB has no table view of SHOW SLAVE STATUS, and MySQL's performance_schema replication
// tables have no Seconds_Behind_Master. So the sample is several statements sent together in one
// round trip (QMYSQL connects with CLIENT_MULTI_STATEMENTS; QSqlQuery::nextResult() reads each
// answer), not one statement per value: one wait on the network per instance and sample, the
// same server work. bench_lag measures both ways. The replica status comes first because it
// always answers; then ReplicationLagQuery (when set); the heartbeat table last, because the
// server stops at the first failing statement and a missing heartbeat table is normal.
// The statement carries no values (the primary's row is picked from the answer), so the text
// protocol that multi-statements need binds nothing.
class LagStatement final
{
public:
    LagStatement(const Dialect& dialect, HeartbeatTable heartbeat, const QString& lagQuery);

    QString sql() const;
    bool hasLagQuery() const { return !m_lagQuery.isEmpty(); }
    // Fills reading's status, lag query and heartbeat fields, sample.secondsBehindMaster and
    // reachable/error from the answers. The sample's lag and source are LagRules::resolve's.
    void read(const StatementAnswers& answers, LagReading& reading) const;

private:
    enum class Part {
        ReplicaStatus,
        LagQuery,
        Heartbeat,
    };

    Dialect m_dialect;
    HeartbeatTable m_heartbeat;
    QString m_lagQuery;
    QList<Part> m_parts;
};

} // namespace topograph
