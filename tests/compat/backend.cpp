#include "backend.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include "config/optionfile.h"
#include "sqlscript.h"

using namespace Qt::StringLiterals;

namespace topograph::compat {

namespace {

Result<QString> readText(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(ErrorCode::IoError, u"cannot read %1: %2"_s.arg(path, file.errorString()));
    }
    return QString::fromUtf8(file.readAll());
}

QSqlDatabase addMySql(const Backend& backend, const QString& connection, const QString& database)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QMYSQL"_s, connection);
    db.setHostName(backend.host);
    db.setPort(backend.port);
    db.setUserName(backend.user);
    db.setPassword(backend.password);
    db.setDatabaseName(database);
    db.setConnectOptions(u"MYSQL_OPT_CONNECT_TIMEOUT=5"_s);
    return db;
}

} // namespace

Backend sqliteBackend(const QString& file)
{
    Backend backend;
    backend.name = u"sqlite"_s;
    backend.sqliteFile = file;
    return backend;
}

Result<Backend> mysqlBackendFromSandbox(const QString& sandboxDir, const QString& sqliteFile)
{
    auto conf = readText(sandboxDir + u"/sandbox.conf"_s);
    if (!conf) {
        return makeError(ErrorCode::NotFound,
            u"%1 is not a running sandbox (no sandbox.conf)"_s.arg(sandboxDir));
    }
    QString host = u"127.0.0.1"_s;
    int portBase = -1;
    int primary = -1;
    for (const QString& line : conf->split(u'\n')) {
        const QString key = line.section(u'=', 0, 0).trimmed();
        const QString value = line.section(u'=', 1).trimmed();
        if (key == u"port_base"_s) {
            portBase = value.toInt();
        } else if (key == u"primary"_s) {
            primary = value.toInt();
        } else if (key == u"host"_s && !value.isEmpty()) {
            host = value;
        }
    }
    if (portBase <= 0 || primary <= 0) {
        return makeError(ErrorCode::ConfigError,
            u"%1/sandbox.conf has no usable port_base= and primary= lines"_s.arg(sandboxDir));
    }
    const QString cnf = sandboxDir + u"/client.cnf"_s;
    auto options = OptionFile::read(cnf);
    if (!options) {
        return options.error();
    }
    Backend backend;
    backend.name = u"mysql"_s;
    backend.sqliteFile = sqliteFile;
    backend.host = host;
    backend.port = portBase + primary;
    backend.database = u"topograph_compat"_s;
    backend.user = options->user.value_or(QString());
    backend.password = options->password.value_or(QString());
    backend.credentialsFile = QFileInfo(cnf).absoluteFilePath();
    return backend;
}

Result<void> prepareMySqlDatabase(const Backend& backend)
{
    const QString connection = u"compat-prepare-"_s + QUuid::createUuid().toString();
    Result<void> result;
    {
        QSqlDatabase db = addMySql(backend, connection, QString());
        if (!db.open()) {
            result = makeError(ErrorCode::ConnectionFailed,
                u"cannot connect to %1:%2: %3"_s.arg(backend.host)
                    .arg(backend.port)
                    .arg(db.lastError().text()));
        } else {
            // Logged on purpose, like the fixtures (see SqlSession): replicas get it too.
            QSqlQuery query(db);
            if (!query.exec(u"CREATE DATABASE IF NOT EXISTS `%1`"_s.arg(backend.database))) {
                result = makeError(ErrorCode::QueryFailed,
                    u"cannot create database %1: %2"_s.arg(
                        backend.database, query.lastError().text()));
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return result;
}

Result<void> writeConfig(const QString& templatePath, const Backend& backend, const QString& out)
{
    auto text = readText(templatePath);
    if (!text) {
        return text.error();
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text->toUtf8(), &parseError);
    if (!doc.isObject()) {
        return makeError(ErrorCode::ConfigError,
            u"%1 is not a JSON object: %2"_s.arg(templatePath, parseError.errorString()));
    }
    QJsonObject config = doc.object();
    for (auto it = config.begin(); it != config.end(); ++it) {
        const QString value = it.value().toString();
        if (value == u"backend-db-placeholder"_s) {
            it.value() = backend.name;
        } else if (value == u"sqlite-data-file-placeholder"_s) {
            it.value() = backend.sqliteFile;
        }
    }
    config[u"BackendDB"_s] = backend.name;
    config[u"SQLite3DataFile"_s] = backend.sqliteFile;
    if (backend.isMySql()) {
        config[u"MySQLOrchestratorHost"_s] = backend.host;
        config[u"MySQLOrchestratorPort"_s] = backend.port;
        config[u"MySQLOrchestratorDatabase"_s] = backend.database;
        config[u"MySQLOrchestratorCredentialsConfigFile"_s] = backend.credentialsFile;
    }
    QFile file(out);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(QJsonDocument(config).toJson(QJsonDocument::Indented)) < 0) {
        return makeError(ErrorCode::IoError, u"cannot write %1: %2"_s.arg(out, file.errorString()));
    }
    return {};
}

SqlSession::SqlSession(const Backend& backend)
    : m_backend(backend)
    , m_connection(u"compat-"_s + QUuid::createUuid().toString())
{ }

SqlSession::~SqlSession()
{
    close();
}

Result<void> SqlSession::open()
{
    QSqlDatabase db;
    if (m_backend.isMySql()) {
        db = addMySql(m_backend, m_connection, m_backend.database);
    } else {
        db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
        db.setDatabaseName(m_backend.sqliteFile);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s);
    }
    m_open = true;
    if (!db.open()) {
        return makeError(ErrorCode::ConnectionFailed,
            u"cannot open the %1 backend: %2"_s.arg(m_backend.name, db.lastError().text()));
    }
    return {};
}

Result<void> SqlSession::runScript(const QString& path)
{
    auto text = readText(path);
    if (!text) {
        return text.error();
    }
    const QString script = m_backend.isMySql() ? *text : rewriteForSqlite(*text);
    const QString file = QFileInfo(path).fileName();
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.isOpen()) {
        return makeError(ErrorCode::Internal, u"%1: no open backend connection"_s.arg(file));
    }
    if (!db.transaction()) {
        return makeError(ErrorCode::QueryFailed,
            u"%1: cannot begin a transaction: %2"_s.arg(file, db.lastError().text()));
    }
    for (const QString& statement : splitStatements(script)) {
        QSqlQuery query(db);
        if (!query.exec(statement)) {
            const QString error = query.lastError().text();
            query.finish();
            db.rollback();
            const QString start = statement.simplified().left(80);
            return makeError(
                ErrorCode::QueryFailed, u"%1: statement failed: %2: %3"_s.arg(file, start, error));
        }
    }
    if (!db.commit()) {
        return makeError(
            ErrorCode::QueryFailed, u"%1: commit failed: %2"_s.arg(file, db.lastError().text()));
    }
    return {};
}

void SqlSession::close()
{
    if (!m_open) {
        return;
    }
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
    m_open = false;
}

} // namespace topograph::compat
