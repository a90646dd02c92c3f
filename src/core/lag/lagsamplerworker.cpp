#include "lag/lagsamplerworker.h"

#include <QThread>

#include "db/mysqlsession.h"
#include "logging.h"
#include "probe/dialect.h"
#include "probe/sqlvalue.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

constexpr int kFirstClientError = 2000; // CR_*: the connection, not the statement, failed

} // namespace

LagSamplerWorker::LagSamplerWorker(
    ConnectionSettings base, HeartbeatTable heartbeat, QString lagQuery, int index)
    : m_base(std::move(base))
    , m_heartbeat(std::move(heartbeat))
    , m_lagQuery(std::move(lagQuery))
    , m_index(index)
{ }

// Connections are normally closed by now (closeAll on the worker's thread).
LagSamplerWorker::~LagSamplerWorker() = default;

std::optional<Error> LagSamplerWorker::open(const InstanceKey& key, Connection& connection)
{
    ConnectionSettings settings = m_base;
    settings.key = key;
    auto opened = MySqlSession::open(settings, u"lag"_s);
    if (!opened) {
        return opened.error();
    }
    auto identity = (*opened)->queryRow(Dialect::identityQuery());
    if (!identity) {
        return identity.error();
    }
    const Dialect dialect = Dialect::forVersion(sqlvalue::text(identity->value(u"version"_s)),
        sqlvalue::text(identity->value(u"version_comment"_s)));
    connection.session = std::move(opened).value();
    connection.statement.emplace(dialect, m_heartbeat, m_lagQuery);
    return std::nullopt;
}

void LagSamplerWorker::sample(const LagTarget& target)
{
    if (m_stopping.load()) {
        return;
    }
    LagReading reading;
    reading.target = target;
    Connection& connection = m_connections[target.instance];
    const bool kept = connection.session != nullptr;
    StatementAnswers answers;
    if (kept) {
        answers = connection.session->queryAll(connection.statement->sql());
    }
    // A kept connection that lost its server (restart, idle timeout) is reopened once, now.
    if (!kept || (answers.error && answers.serverErrorCode >= kFirstClientError)) {
        connection = Connection {};
        if (const std::optional<Error> failed = open(target.instance, connection)) {
            m_connections.erase(target.instance);
            reading.sample.at = QDateTime::currentDateTimeUtc();
            reading.error = failed->message;
            qCDebug(lcLag).noquote()
                << "lag sample of" << target.instance.toString() << "failed:" << reading.error;
            Q_EMIT sampled(m_index, reading, true);
            return;
        }
        answers = connection.session->queryAll(connection.statement->sql());
    }
    reading.sample.at = QDateTime::currentDateTimeUtc();
    connection.statement->read(answers, reading);
    if (!reading.reachable) {
        m_connections.erase(target.instance); // left broken: the next sample reconnects
    }
    Q_EMIT sampled(m_index, reading, false);
}

void LagSamplerWorker::forget(const QList<InstanceKey>& keys)
{
    for (const InstanceKey& key : keys) {
        m_connections.erase(key);
    }
}

void LagSamplerWorker::closeAll(QThread* target)
{
    m_connections.clear();
    moveToThread(target);
}

} // namespace topograph
