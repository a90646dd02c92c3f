// A backend as orchestrator 3.2.6 deploys it on SQLite (../shared/orchestrator-compat/schema):
// (the MySQL one: orchestratormysql.h)
// made with plain QtSql, the way a test builds a fixture, and its schema dumped for comparison.
#pragma once

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace topograph::test {

using namespace Qt::StringLiterals;

// The schema orchestrator 3.2.6 deploys, as it dumped it: flavor "sqlite" or "mysql". Needs
// ../shared beside the clone (TOPOGRAPH_SOURCE_DIR/..).
inline QString orchestratorSchemaPath(const QString& flavor)
{
    return qEnvironmentVariable("TOPOGRAPH_SOURCE_DIR")
        + u"/../shared/orchestrator-compat/schema/orchestrator-3.2.6-%1.sql"_s.arg(flavor);
}

// Makes file an orchestrator-made backend (its schema and its deployment row); the error, or an
// empty string.
inline QString makeOrchestratorBackend(const QString& file)
{
    const QString schemaPath = orchestratorSchemaPath(u"sqlite"_s);
    QFile schema(schemaPath);
    if (!schema.open(QIODevice::ReadOnly)) {
        return u"cannot read %1 (../shared beside the clone)"_s.arg(schemaPath);
    }
    const QString text = QString::fromUtf8(schema.readAll());
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"orchestrator-fixture"_s);
        db.setDatabaseName(file);
        if (!db.open()) {
            return db.lastError().text();
        }
        QSqlQuery q(db);
        for (const QString& statement : text.split(u';')) {
            if (!statement.trimmed().isEmpty() && !q.exec(statement)) {
                error = q.lastError().text() + u": "_s + statement.left(80);
                break;
            }
        }
        if (error.isEmpty()
            && !q.exec(u"INSERT INTO orchestrator_db_deployments VALUES "
                       "('3.2.6', '2026-12-01 10:00:00')"_s)) {
            error = q.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(u"orchestrator-fixture"_s);
    return error;
}

// Every table, index and view definition in file ("type name: sql"), Topograph's own
// (topograph_*) only when asked for.
inline QStringList orchestratorSchemaDump(const QString& file, bool withOwn = false)
{
    QStringList dump;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"orchestrator-dump"_s);
        db.setDatabaseName(file);
        if (db.open()) {
            QSqlQuery q(db);
            q.exec(u"SELECT type, name, sql, tbl_name FROM sqlite_master ORDER BY type, name"_s);
            while (q.next()) {
                if (withOwn || !q.value(3).toString().startsWith(u"topograph_"_s)) {
                    dump << q.value(0).toString() + u' ' + q.value(1).toString() + u": "_s
                            + q.value(2).toString();
                }
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(u"orchestrator-dump"_s);
    return dump;
}

// One value of file's database_instance row of host:port, as orchestrator reads it.
inline QVariant orchestratorColumn(
    const QString& file, const QString& host, int port, const QString& column)
{
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"orchestrator-read"_s);
        db.setDatabaseName(file);
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(
                u"SELECT %1 FROM database_instance WHERE hostname = ? AND port = ?"_s.arg(column));
            q.addBindValue(host);
            q.addBindValue(port);
            if (q.exec() && q.next()) {
                value = q.value(0);
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(u"orchestrator-read"_s);
    return value;
}

// Runs statements on file with a connection of the test's own (triggers, a service's rows).
inline bool execSqlite(const QString& file, const QStringList& statements)
{
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"orchestrator-exec"_s);
        db.setDatabaseName(file);
        ok = db.open();
        QSqlQuery q(db);
        for (const QString& statement : statements) {
            if (ok && !q.exec(statement)) {
                qWarning("%s: %s", qPrintable(statement), qPrintable(q.lastError().text()));
                ok = false;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(u"orchestrator-exec"_s);
    return ok;
}

} // namespace topograph::test
