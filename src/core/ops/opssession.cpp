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

OpsSession::OpsSession(std::unique_ptr<MySqlSession> session, Dialect dialect)
    : m_session(std::move(session))
    , m_dialect(std::move(dialect))
{ }

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
    Dialect dialect = Dialect::forVersion(
        identity->value(u"version"_s).toString(), identity->value(u"version_comment"_s).toString());
    return std::unique_ptr<OpsSession>(new OpsSession(std::move(session).value(), dialect));
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
