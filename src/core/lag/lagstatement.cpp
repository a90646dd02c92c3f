#include "lag/lagstatement.h"

#include <QStringList>

#include "probe/sqlvalue.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

// MySQL client errors (CR_*, 2000-2999: server gone, lost connection) mean no answer at all;
// anything below is the server refusing one statement on a working connection.
constexpr int kFirstClientError = 2000;

QString withoutTrailingSemicolons(QString sql)
{
    sql = sql.trimmed();
    while (sql.endsWith(u';')) {
        sql.chop(1);
        sql = sql.trimmed();
    }
    return sql;
}

} // namespace

LagStatement::LagStatement(
    const Dialect& dialect, HeartbeatTable heartbeat, const QString& lagQuery)
    : m_dialect(dialect)
    , m_heartbeat(std::move(heartbeat))
    , m_lagQuery(withoutTrailingSemicolons(lagQuery))
{
    m_parts << Part::ReplicaStatus;
    if (!m_lagQuery.isEmpty()) {
        m_parts << Part::LagQuery;
    }
    if (m_heartbeat.isEnabled()) {
        m_parts << Part::Heartbeat;
    }
}

QString LagStatement::sql() const
{
    QStringList statements;
    for (const Part part : m_parts) {
        switch (part) {
        case Part::ReplicaStatus:
            statements << m_dialect.replicaStatusStatement();
            break;
        case Part::LagQuery:
            statements << m_lagQuery;
            break;
        case Part::Heartbeat:
            statements << m_heartbeat.selectRows();
            break;
        }
    }
    return statements.join(u"; "_s);
}

void LagStatement::read(const StatementAnswers& answers, LagReading& reading) const
{
    reading.reachable = !answers.error || answers.serverErrorCode < kFirstClientError;
    reading.error = answers.error ? answers.error->message : QString();
    for (qsizetype i = 0; i < m_parts.size(); ++i) {
        const bool answered = i < answers.results.size();
        const bool failedHere = !answered && i == answers.results.size() && answers.error;
        switch (m_parts.at(i)) {
        case Part::ReplicaStatus:
            if (answered) {
                InstanceRecord status;
                const QList<SqlRow>& rows = answers.results.at(i);
                m_dialect.applyReplicaStatus(rows.isEmpty() ? SqlRow {} : rows.first(), status);
                reading.isReplica = status.isReplica();
                reading.ioRunning = status.ioThreadRunning;
                reading.sqlRunning = status.sqlThreadRunning;
                reading.sample.secondsBehindMaster = status.secondsBehindMaster;
            }
            break;
        case Part::LagQuery:
            reading.lagQueryFailed = !answered;
            if (answered) {
                const QList<SqlRow>& rows = answers.results.at(i);
                const QVariant value
                    = rows.isEmpty() || rows.first().isEmpty() ? QVariant() : rows.first().first();
                bool ok = false;
                const double lag = sqlvalue::text(value).toDouble(&ok);
                reading.queryLag = ok ? std::optional<double>(lag) : std::nullopt;
            }
            break;
        case Part::Heartbeat:
            if (answered) {
                reading.heartbeatTableFound = true;
                reading.heartbeatRows = HeartbeatTable::parseRows(answers.results.at(i));
            } else if (failedHere && HeartbeatTable::isMissingTable(answers.serverErrorCode)) {
                reading.error.clear(); // no table: lag falls back to Seconds_Behind_Master
            } else if (failedHere) {
                reading.heartbeatError = answers.error->message;
            } else {
                reading.heartbeatError
                    = u"%1 was not read: the statement before it failed (%2)"_s.arg(
                        m_heartbeat.name(), reading.error);
            }
            break;
        }
    }
}

} // namespace topograph
