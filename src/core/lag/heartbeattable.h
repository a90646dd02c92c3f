#pragma once

#include <QList>
#include <QString>

#include "config/configuration.h"
#include "db/mysqlsession.h"
#include "lag/heartbeatrow.h"
#include "result.h"

namespace topograph {

// pt-heartbeat's table as Topograph reads and cleans it (DESIGN §8). pt-heartbeat keeps one row
// per server that ever ran it against this replication stream, keyed by server_id, with `ts` a
// varchar such as '2026-12-02T15:35:07.001230': UTC with --utc (HeartbeatUtc, the default), else
// the local time of the host it runs on. The configured name (HeartbeatTable) is checked and
// quoted once, here; no statement spells it any other way.
class HeartbeatTable final
{
public:
    // A disabled table (HeartbeatTable empty) reads nothing; InvalidInput for a name that is not
    // database.table.
    static Result<HeartbeatTable> fromConfiguration(const Configuration& config);
    static Result<HeartbeatTable> make(const QString& name, bool utc);

    bool isEnabled() const { return !m_quoted.isEmpty(); }
    QString name() const { return m_name; } // as configured: heartbeat.heartbeat
    QString quotedName() const { return m_quoted; } // `heartbeat`.`heartbeat`
    bool utc() const { return m_utc; }

    // Every row, with its age on the instance's own clock in microseconds (the server computes
    // it, so the resolution is pt-heartbeat's: a microsecond) and that clock in UTC. Columns
    // server_id, age_us, ts_utc (ts in UTC, as text).
    QString selectRows() const;
    // Deletes the rows of serverIds and never the current primary's: the guard is part of the
    // statement, so a wrong list cannot remove the row lag is measured from.
    QString deleteRows(const QList<quint32>& serverIds, quint32 primaryServerId) const;

    // The rows of selectRows(), sorted by server_id; their state is left for LagRules to decide.
    static QList<HeartbeatRow> parseRows(const QList<SqlRow>& rows);
    // No such table or database (1146, 1049): the instance has no heartbeat, which is no error.
    static bool isMissingTable(int serverErrorCode);

private:
    QString m_name;
    QString m_quoted;
    bool m_utc = true;
};

} // namespace topograph
