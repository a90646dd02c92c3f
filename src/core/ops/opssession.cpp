#include "ops/opssession.h"

#include "lag/heartbeattable.h"

using namespace Qt::StringLiterals;

namespace topograph {

bool operator<(const Coordinates& a, const Coordinates& b)
{
    // "binlog.000012" after "binlog.000009": compare the numeric suffix, not the text.
    const qint64 fileA = a.file.section(u'.', -1).toLongLong();
    const qint64 fileB = b.file.section(u'.', -1).toLongLong();
    if (fileA != fileB) {
        return fileA < fileB;
    }
    return a.pos < b.pos;
}

OpsSession::OpsSession(std::unique_ptr<MySqlSession> session, Dialect dialect, OpsDialect ops)
    : m_session(std::move(session))
    , m_dialect(std::move(dialect))
    , m_ops(ops)
{ }

QString ReplicaThreads::describe() const
{
    if (!isReplica) {
        return u"not a replica"_s;
    }
    QString text = u"IO %1, SQL %2"_s.arg(
        ioState.isEmpty() ? u"No"_s : ioState, sqlRunning ? u"running"_s : u"stopped"_s);
    if (untilPending()) {
        text += u", START SLAVE UNTIL pending (%1)"_s.arg(untilCondition);
    }
    const QString errors = QString(lastIoError + u' ' + lastSqlError).trimmed();
    if (!errors.isEmpty()) {
        text += u", error: "_s + errors;
    }
    return text;
}

Result<std::unique_ptr<OpsSession>> OpsSession::open(const ConnectionSettings& settings)
{
    auto session = MySqlSession::open(settings, u"ops"_s);
    if (!session) {
        return session.error();
    }
    auto identity = (*session)->queryRow(
        u"SELECT @@version AS version, @@version_comment AS version_comment"_s);
    if (!identity) {
        return identity.error();
    }
    InstanceRecord identityRecord;
    identityRecord.version = identity->value(u"version"_s).toString();
    identityRecord.versionComment = identity->value(u"version_comment"_s).toString();
    Dialect dialect = Dialect::forVersion(identityRecord.version, identityRecord.versionComment);
    return std::unique_ptr<OpsSession>(
        new OpsSession(std::move(session).value(), dialect, OpsDialect::forRecord(identityRecord)));
}

Result<void> OpsSession::run(const QStringList& statements) const
{
    for (const QString& statement : statements) {
        if (auto done = m_session->execute(statement); !done) {
            return done;
        }
    }
    return {};
}

Result<InstanceRecord> OpsSession::replicaState() const
{
    auto row = m_session->queryRow(m_dialect.replicaStatusStatement());
    if (!row) {
        return row.error();
    }
    InstanceRecord record;
    record.key = key();
    m_dialect.applyReplicaStatus(*row, record);
    return record;
}

Result<ReplicaThreads> OpsSession::threads() const
{
    auto row = m_session->queryRow(m_dialect.replicaStatusStatement());
    if (!row) {
        return row.error();
    }
    ReplicaThreads threads;
    if (row->isEmpty()) {
        return threads;
    }
    InstanceRecord record;
    m_dialect.applyReplicaStatus(*row, record);
    threads.isReplica = true;
    threads.master = record.masterKey;
    // The IO thread's own word: "Connecting" is running but not yet receiving.
    threads.ioState
        = row->value(u"Slave_IO_Running"_s, row->value(u"Replica_IO_Running"_s)).toString();
    threads.sqlRunning = record.sqlThreadRunning;
    threads.untilCondition = row->value(u"Until_Condition"_s).toString();
    threads.executed = { record.relayMasterLogFile, record.execMasterLogPos };
    threads.lastIoError = record.lastIoError;
    threads.lastSqlError = record.lastSqlError;
    return threads;
}

Result<Coordinates> OpsSession::ownBinlog() const
{
    auto row = m_session->queryRow(m_dialect.masterStatusStatement());
    if (!row) {
        return row.error();
    }
    InstanceRecord record;
    m_dialect.applyMasterStatus(*row, record);
    if (record.binaryLogFile.isEmpty()) {
        return makeError(ErrorCode::Refused,
            u"%1 has no binary log to read coordinates from"_s.arg(key().toString()));
    }
    return Coordinates { record.binaryLogFile, record.binaryLogPos };
}

Result<Coordinates> OpsSession::executed() const
{
    auto state = replicaState();
    if (!state) {
        return state.error();
    }
    if (state->relayMasterLogFile.isEmpty()) {
        return makeError(ErrorCode::Refused,
            u"%1 is not a replica: it has no executed coordinates"_s.arg(key().toString()));
    }
    return Coordinates { state->relayMasterLogFile, state->execMasterLogPos };
}

} // namespace topograph

namespace topograph {

Result<QList<HeartbeatRow>> OpsSession::heartbeatRows(const QString& selectRows) const
{
    auto rows = m_session->query(selectRows);
    if (!rows) {
        return rows.error();
    }
    return HeartbeatTable::parseRows(*rows);
}

} // namespace topograph
