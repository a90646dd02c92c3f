#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QVariantMap>

#include <memory>
#include <optional>

#include "db/connectionsettings.h"
#include "result.h"

namespace topograph {

using SqlRow = QVariantMap; // column name -> value

// The answers to statements sent together in one round trip (MySqlSession::queryAll).
struct StatementAnswers
{
    QList<QList<SqlRow>> results; // one per statement that answered, in order
    std::optional<Error> error; // the statement that failed: the server runs none after it
    int serverErrorCode = 0; // its MySQL error number (1146: no such table); 0 without error
};

// One open QMYSQL connection, owned by the thread that opened it. The destructor closes it and
// removes it from QSqlDatabase's registry on that same thread. Error messages name the instance
// and carry the server's text; they never contain the password.
class MySqlSession final
{
public:
    ~MySqlSession();
    MySqlSession(const MySqlSession&) = delete;
    MySqlSession& operator=(const MySqlSession&) = delete;
    MySqlSession(MySqlSession&&) = delete;
    MySqlSession& operator=(MySqlSession&&) = delete;

    // purpose goes into the connection name ("probe-host:port-N"), which must be unique.
    static Result<std::unique_ptr<MySqlSession>> open(
        const ConnectionSettings& settings, const QString& purpose);

    const InstanceKey& key() const { return m_key; }
    // How this session is protected (the padlock on the instance's card).
    TlsState tlsState() const { return m_tlsState; }

    Result<QList<SqlRow>> query(const QString& sql) const;
    // The first row, or an empty row when the statement returned none.
    Result<SqlRow> queryRow(const QString& sql) const;
    Result<void> execute(const QString& sql) const;
    // Statements separated by ';' in one round trip: QMYSQL opens its connections with
    // CLIENT_MULTI_STATEMENTS, and QSqlQuery::nextResult() walks the answers. The server stops
    // at the first statement that fails; the answers before it are kept. Text protocol only, so
    // only for statements that carry no values.
    StatementAnswers queryAll(const QString& statements) const;

private:
    MySqlSession(QString connectionName, InstanceKey key);

    QString m_connectionName;
    InstanceKey m_key;
    TlsState m_tlsState = TlsState::Plain;
};

} // namespace topograph
