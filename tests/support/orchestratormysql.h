#pragma once

#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>

#include "db/connectionsettings.h"
#include "db/mysqlsession.h"
#include "result.h"

namespace topograph::test {

// A MySQL backend as orchestrator 3.2.6 deploys it (../shared/orchestrator-compat/schema), in a
// database of its own (orchestrator_<random>) on a sandbox server: the dump's CREATE TABLE
// statements and the deployment row, made with a plain session the way a test builds a fixture.
// The database is dropped when the object goes.
class OrchestratorMySqlBackend final
{
public:
    ~OrchestratorMySqlBackend();
    OrchestratorMySqlBackend(const OrchestratorMySqlBackend&) = delete;
    OrchestratorMySqlBackend& operator=(const OrchestratorMySqlBackend&) = delete;
    OrchestratorMySqlBackend(OrchestratorMySqlBackend&&) = delete;
    OrchestratorMySqlBackend& operator=(OrchestratorMySqlBackend&&) = delete;

    // server: a sandbox instance's connection settings (its database is ignored).
    static Result<std::unique_ptr<OrchestratorMySqlBackend>> create(
        const ConnectionSettings& server);

    QString database() const { return m_database; }
    // SHOW CREATE TABLE of every table but Topograph's own (topograph_*), AUTO_INCREMENT counters
    // left out.
    QStringList schemaDump() const;
    QStringList tables() const;
    // One value of the database_instance row of host:port.
    QVariant column(const QString& host, int port, const QString& column) const;
    Result<void> execute(const QString& sql) const;

private:
    OrchestratorMySqlBackend() = default;

    std::unique_ptr<MySqlSession> m_session;
    QString m_database;
};

} // namespace topograph::test
