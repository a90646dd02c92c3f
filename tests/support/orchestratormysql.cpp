#include "orchestratormysql.h"

#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>

#include "orchestratorfixture.h"

using namespace Qt::StringLiterals;

namespace topograph::test {

Result<std::unique_ptr<OrchestratorMySqlBackend>> OrchestratorMySqlBackend::create(
    const ConnectionSettings& server)
{
    QFile schema(orchestratorSchemaPath(u"mysql"_s));
    if (!schema.open(QIODevice::ReadOnly)) {
        return makeError(ErrorCode::NotFound,
            u"cannot read %1 (../shared beside the clone)"_s.arg(schema.fileName()));
    }
    const QString text = QString::fromUtf8(schema.readAll());
    std::unique_ptr<OrchestratorMySqlBackend> backend(new OrchestratorMySqlBackend);
    ConnectionSettings settings = server;
    settings.database.clear();
    auto session = MySqlSession::open(settings, u"orchestrator-fixture"_s);
    if (!session) {
        return session.error();
    }
    backend->m_session = std::move(session).value();
    backend->m_database
        = u"orchestrator_%1"_s.arg(QString::number(QRandomGenerator::global()->generate(), 16));
    const QStringList setup { u"CREATE DATABASE %1"_s.arg(backend->m_database),
        u"USE %1"_s.arg(backend->m_database) };
    for (const QString& statement : setup) {
        if (auto done = backend->execute(statement); !done) {
            return done.error();
        }
    }
    // The dump's CREATE TABLE statements, as orchestrator's deployment made them.
    for (const QString& chunk : text.split(u';')) {
        const qsizetype at = chunk.indexOf(u"CREATE TABLE"_s);
        if (at < 0) {
            continue;
        }
        if (auto done = backend->execute(chunk.mid(at)); !done) {
            return done.error();
        }
    }
    if (auto done = backend->execute(u"INSERT INTO orchestrator_db_deployments VALUES "
                                     "('3.2.6', '2026-12-01 10:00:00')"_s);
        !done) {
        return done.error();
    }
    return backend;
}

OrchestratorMySqlBackend::~OrchestratorMySqlBackend()
{
    if (m_session && !m_database.isEmpty()) {
        if (auto dropped = execute(u"DROP DATABASE IF EXISTS %1"_s.arg(m_database)); !dropped) {
            qWarning(
                "cannot drop %s: %s", qPrintable(m_database), qPrintable(dropped.error().message));
        }
    }
}

Result<void> OrchestratorMySqlBackend::execute(const QString& sql) const
{
    return m_session->execute(sql);
}

QStringList OrchestratorMySqlBackend::tables() const
{
    QStringList names;
    auto rows = m_session->query(u"SELECT table_name AS t FROM information_schema.tables WHERE "
                                 "table_schema = '%1' ORDER BY 1"_s.arg(m_database));
    if (rows) {
        for (const SqlRow& row : std::as_const(*rows)) {
            names << row.value(u"t"_s).toString();
        }
    }
    return names;
}

QStringList OrchestratorMySqlBackend::schemaDump() const
{
    static const QRegularExpression counter(u" AUTO_INCREMENT=\\d+"_s);
    QStringList dump;
    for (const QString& table : tables()) {
        if (table.startsWith(u"topograph_"_s)) {
            continue;
        }
        auto row = m_session->queryRow(u"SHOW CREATE TABLE %1.%2"_s.arg(m_database, table));
        QString definition = row ? row->value(u"Create Table"_s).toString()
                                 : u"(cannot read: %1)"_s.arg(row.error().message);
        dump << definition.remove(counter);
    }
    return dump;
}

QVariant OrchestratorMySqlBackend::column(
    const QString& host, int port, const QString& column) const
{
    auto row = m_session->queryRow(
        u"SELECT %1 AS v FROM %2.database_instance WHERE hostname = '%3' AND port = %4"_s.arg(
            column, m_database, host, QString::number(port)));
    return row ? row->value(u"v"_s) : QVariant();
}

} // namespace topograph::test
