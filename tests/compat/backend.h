#pragma once

#include <QString>

#include "result.h"

namespace topograph::compat {

// One backend database the cases run on, as the harness and the CLI both reach it.
struct Backend
{
    QString name; // "sqlite" or "mysql"
    QString sqliteFile; // the SQLite file (also written to the config for mysql, unused there)
    QString host;
    int port = 0;
    QString database;
    QString user;
    QString password;
    QString credentialsFile; // MySQL option file the CLI reads the backend account from

    bool isMySql() const { return name == QStringView(u"mysql"); }
};

Backend sqliteBackend(const QString& file);

// The mysql backend on the primary of the scripts/sandbox directory sandboxDir (sandbox.conf's
// port_base + primary, client.cnf's account), with the database topograph_compat. The error says
// why the sandbox cannot serve as a backend.
Result<Backend> mysqlBackendFromSandbox(const QString& sandboxDir, const QString& sqliteFile);

// Connects to the server and creates the database when missing. ConnectionFailed means the
// server is not reachable (the backend is unavailable); other errors are real failures.
Result<void> prepareMySqlDatabase(const Backend& backend);

// Writes the orchestrator.conf.json template with the placeholders replaced and, for mysql,
// the MySQLOrchestrator* keys pointing at the backend.
Result<void> writeConfig(const QString& templatePath, const Backend& backend, const QString& out);

// A harness connection to the backend for fixture SQL. Closes itself on destruction.
// For mysql the fixture SQL is binlogged on purpose: the CLI's own writes (tag, untag, ...) are
// binlogged too, and with binlog_format=ROW a replica that never saw the fixture rows stops with
// error 1032 when the CLI's Delete_rows event reaches it (seen on scripts/sandbox with
// sql_log_bin=0 here). Replicating everything keeps the sandbox's replicas consistent.
class SqlSession final
{
public:
    explicit SqlSession(const Backend& backend);
    ~SqlSession();
    SqlSession(const SqlSession&) = delete;
    SqlSession& operator=(const SqlSession&) = delete;

    Result<void> open();
    // Runs a script file in one transaction: SQLite rewrites first (sqlite only), then every
    // statement in turn. An error names the file, the statement's start and the driver error.
    Result<void> runScript(const QString& path);
    void close();

private:
    const Backend& m_backend;
    QString m_connection;
    bool m_open = false;
};

} // namespace topograph::compat
