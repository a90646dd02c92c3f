#include "db/mysqlsession.h"

#include <QAtomicInteger>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include "db/mysqlconnector.h"
#include "logging.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

QAtomicInteger<quint64> g_connectionSerial;

QString serverText(const QSqlError& error)
{
    QString text = error.databaseText().trimmed();
    if (text.isEmpty()) {
        text = error.driverText().trimmed();
    }
    return text;
}

QList<SqlRow> rowsOf(QSqlQuery& q)
{
    QList<SqlRow> rows;
    while (q.next()) {
        const QSqlRecord record = q.record();
        SqlRow row;
        for (int i = 0; i < record.count(); ++i) {
            row.insert(record.fieldName(i), record.value(i));
        }
        rows.append(row);
    }
    return rows;
}

} // namespace

MySqlSession::MySqlSession(QString connectionName, InstanceKey key)
    : m_connectionName(std::move(connectionName))
    , m_key(std::move(key))
{ }

MySqlSession::~MySqlSession()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<MySqlSession>> MySqlSession::open(
    const ConnectionSettings& settings, const QString& purpose)
{
    if (!QSqlDatabase::isDriverAvailable(u"QMYSQL"_s)) {
        return makeError(ErrorCode::ConnectionFailed,
            u"the Qt MySQL driver (QMYSQL) is not installed: install libqt6sql6-mysql"_s);
    }
    const QString name = u"%1-%2-%3"_s.arg(purpose, settings.key.toString())
                             .arg(g_connectionSerial.fetchAndAddRelaxed(1));
    std::unique_ptr<MySqlSession> session(new MySqlSession(name, settings.key));
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QMYSQL"_s, name);
    auto opened = MySqlConnector::open(db, settings);
    if (!opened) {
        return opened.error();
    }
    session->m_tlsState = *opened;
    return session;
}

StatementAnswers MySqlSession::queryAll(const QString& statements) const
{
    StatementAnswers answers;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    bool more = q.exec(statements);
    while (more) {
        answers.results.append(rowsOf(q));
        more = q.nextResult();
    }
    // nextResult() returns false both at the end and on a failed statement; only the latter
    // leaves an error behind.
    const QSqlError error = q.lastError();
    if (error.isValid()) {
        const QString text = serverText(error);
        answers.error = makeError(
            ErrorCode::QueryFailed, u"query on %1 failed: %2"_s.arg(m_key.toString(), text), text);
        answers.serverErrorCode = error.nativeErrorCode().toInt();
    }
    return answers;
}

Result<QList<SqlRow>> MySqlSession::query(const QString& sql) const
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    if (!q.exec(sql)) {
        const QString text = serverText(q.lastError());
        return makeError(
            ErrorCode::QueryFailed, u"query on %1 failed: %2"_s.arg(m_key.toString(), text), text);
    }
    return rowsOf(q);
}

Result<SqlRow> MySqlSession::queryRow(const QString& sql) const
{
    auto rows = query(sql);
    if (!rows) {
        return rows.error();
    }
    return rows->isEmpty() ? SqlRow {} : rows->first();
}

Result<void> MySqlSession::execute(const QString& sql) const
{
    auto rows = query(sql);
    if (!rows) {
        return rows.error();
    }
    return {};
}

} // namespace topograph
