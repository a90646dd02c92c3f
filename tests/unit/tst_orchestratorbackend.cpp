// A backend that orchestrator 3.2.6 made (../shared/orchestrator-compat/schema, as orchestrator
// deploys it on SQLite): Topograph writes its probe answers there with only the columns the
// live table has (orchestrator's database_instance has no first_seen), the rows read back, and
// no orchestrator table's definition changes. Topograph's own data (audit owners, lag history)
// goes into topograph_* tables made on the first write, never in read-only mode; a running
// orchestrator service is told by its active_node and node_health rows.
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include "backend/auditstore.h"
#include "backend/instancestore.h"
#include "backend/laghistorystore.h"
#include "backend/orchestratorservice.h"
#include "backend/topologywriter.h"
#include "lag/laghistorywriter.h"
#include "../support/orchestratorfixture.h"
#include "backendtestsupport.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

namespace {

InstanceRecord probed(const QString& name, const QString& master = {})
{
    InstanceRecord r;
    r.key = key(name);
    r.reachable = true;
    r.version = u"10.11.6-MariaDB-log"_s;
    r.versionComment = u"Debian 12"_s;
    r.serverId = r.key.port;
    r.logBin = r.logSlaveUpdates = true;
    r.binlogFormat = u"ROW"_s;
    r.lastChecked = r.lastSeen = r.lastAttemptedCheck = QDateTime::currentDateTimeUtc();
    if (!master.isEmpty()) {
        r.masterKey = key(master);
        r.ioThreadRunning = r.sqlThreadRunning = true;
        r.secondsBehindMaster = 3;
    }
    return r;
}

} // namespace

class TestOrchestratorBackend final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { isolateHome(m_dir); }

    void probeAnswersAreWrittenWithTheLiveTablesColumns()
    {
        const QString file = m_dir.filePath(u"orchestrator.sqlite3"_s);
        if (const QString error = makeOrchestratorBackend(file); !error.isEmpty()) {
            QSKIP(qPrintable(u"no orchestrator-made backend: "_s + error));
        }
        const QStringList before = orchestratorSchemaDump(file);
        QVERIFY(before.join(u'\n').contains(u"orchestrator_db_deployments"_s));
        {
            auto backend = openSqlite(file);
            QVERIFY(backend);
            QVERIFY(!backend->hasColumn(u"database_instance"_s, u"first_seen"_s));
            QVERIFY(backend->hasColumn(u"database_instance"_s, u"gtid_errant"_s));
            const Configuration config = sqliteConfig(file);
            auto written
                = TopologyWriter(*backend, config)
                      .record({ probed(u"db1:3306"_s), probed(u"db2:3306"_s, u"db1:3306"_s),
                          probed(u"db3:3306"_s, u"db2:3306"_s) });
            QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().message));
            // Written again (an update of the same rows), as the next poll round does.
            written
                = TopologyWriter(*backend, config).record({ probed(u"db3:3306"_s, u"db1:3306"_s) });
            QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().message));
            auto rows = InstanceStore(*backend).readAll();
            QVERIFY(rows.ok());
            QCOMPARE(rows->size(), 3);
            auto db3 = InstanceStore(*backend).read(key(u"db3:3306"_s));
            QVERIFY(db3.ok() && db3->has_value());
            QCOMPARE((*db3)->masterKey, std::optional(key(u"db1:3306"_s)));
            QCOMPARE((*db3)->clusterName, u"db1:3306"_s);
            QCOMPARE((*db3)->replicationDepth, 1);
            QCOMPARE((*db3)->secondsBehindMaster, std::optional<qint64>(3));
            QCOMPARE((*db3)->versionComment, u"Debian 12"_s);
        }
        // Orchestrator reads its own columns as it wrote them: here the cluster and the master.
        QCOMPARE(
            orchestratorColumn(file, u"db2"_s, 3306, u"cluster_name"_s).toString(), u"db1:3306"_s);
        QCOMPARE(orchestratorColumn(file, u"db2"_s, 3306, u"master_host"_s).toString(), u"db1"_s);
        QCOMPARE(orchestratorColumn(file, u"db2"_s, 3306, u"master_port"_s).toInt(), 3306);
        QCOMPARE(orchestratorSchemaDump(file), before);
    }
    void ownTablesComeWithTheFirstWrite()
    {
        const QString file = m_dir.filePath(u"own-tables.sqlite3"_s);
        QVERIFY(makeOrchestratorBackend(file).isEmpty());
        const QStringList before = orchestratorSchemaDump(file);
        auto backend = openSqlite(file);
        QVERIFY(backend);
        QVERIFY(backend->isOrchestratorBackend());
        QVERIFY(!backend->hasTable(u"topograph_audit_owner"_s));
        QVERIFY(!backend->hasTable(u"topograph_lag_samples"_s));
        // Nothing kept yet reads as nothing, not as an error.
        const LagHistoryStore lag(*backend);
        auto none = lag.read(key(u"db1:3306"_s), QDateTime::currentDateTimeUtc().addDays(-1));
        QVERIFY(none.ok() && none->isEmpty());

        auto id = AuditStore(*backend).append(
            u"relocate"_s, key(u"db2:3306"_s), u"db1:3306"_s, u"moved"_s, u"dba"_s);
        QVERIFY2(id.ok(), id.ok() ? "" : qPrintable(id.error().message));
        QVERIFY(backend->hasTable(u"topograph_audit_owner"_s));
        auto entries = AuditStore(*backend).recent(5);
        QVERIFY(entries.ok() && entries->size() == 1);
        QCOMPARE(entries->first().owner, u"dba"_s);

        LagSample sample;
        sample.at = QDateTime::currentDateTimeUtc().addSecs(-30);
        sample.lag = 1.5;
        sample.heartbeat = 1.5;
        QVERIFY(lag.write({ { key(u"db2:3306"_s), sample } }).ok());
        QVERIFY(backend->hasColumn(u"topograph_lag_samples"_s, u"heartbeat_seconds"_s));
        auto read = lag.read(key(u"db2:3306"_s), sample.at.addSecs(-1));
        QVERIFY(read.ok() && read->size() == 1);
        QCOMPARE(read->first().lag, std::optional<double>(1.5));
        QCOMPARE(orchestratorSchemaDump(file), before);
    }

    void readOnlyCreatesNoTable()
    {
        const QString file = m_dir.filePath(u"read-only.sqlite3"_s);
        QVERIFY(makeOrchestratorBackend(file).isEmpty());
        Configuration config = sqliteConfig(file);
        config.readOnly = true;
        auto opened = Backend::open(config);
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
        const std::unique_ptr<Backend> backend = std::move(opened).value();
        QVERIFY(!backend->ensureOwnTable(u"topograph_audit_owner"_s).ok());
        QVERIFY(!AuditStore(*backend).append(u"x"_s, key(u"db1:3306"_s), {}, u"y"_s).ok());
        QVERIFY(!backend->hasTable(u"topograph_audit_owner"_s));
        QVERIFY(orchestratorSchemaDump(file, true) == orchestratorSchemaDump(file));
    }

    // orchestrator's active node renews active_node and node_health every second; rows older
    // than ActiveNodeExpireSeconds (5 s) mean no service is running.
    void orchestratorServiceIsActiveWhileItsRowsAreRecent()
    {
        const QString file = m_dir.filePath(u"service.sqlite3"_s);
        QVERIFY(makeOrchestratorBackend(file).isEmpty());
        auto backend = openSqlite(file);
        QVERIFY(backend);
        auto active = OrchestratorService::activeNode(*backend);
        QVERIFY(active.ok() && !active->has_value()); // never ran

        const auto beat = [&](const QString& activeAgo, const QString& healthAgo) {
            return execSqlite(file,
                { u"DELETE FROM active_node"_s, u"DELETE FROM node_health"_s,
                    u"INSERT INTO active_node (anchor, hostname, token, last_seen_active, "
                    "first_seen_active) VALUES (1, 'orc1', 'tok', datetime('now', '%1'), "
                    "datetime('now', '-1 hour'))"_s.arg(activeAgo),
                    u"INSERT INTO node_health (hostname, token, last_seen_active, extra_info, "
                    "command, app_version, first_seen_active, db_backend, "
                    "incrementing_indicator) VALUES ('orc1', 'tok', datetime('now', '%1'), '', "
                    "'', '3.2.6', datetime('now', '-1 hour'), '', 0)"_s.arg(healthAgo) });
        };
        QVERIFY(beat(u"-1 seconds"_s, u"-1 seconds"_s));
        active = OrchestratorService::activeNode(*backend);
        QVERIFY(active.ok());
        QCOMPARE(active->value_or(QString()), u"orc1"_s);

        QVERIFY(beat(u"-1 seconds"_s, u"-60 seconds"_s)); // its health check stopped
        active = OrchestratorService::activeNode(*backend);
        QVERIFY(active.ok() && !active->has_value());
        QVERIFY(beat(u"-60 seconds"_s, u"-1 seconds"_s)); // it is no longer the leader
        active = OrchestratorService::activeNode(*backend);
        QVERIFY(active.ok() && !active->has_value());
    }
    // The app's lag history writer keeps its history on such a backend too.
    void lagHistoryIsKeptThere()
    {
        const QString file = m_dir.filePath(u"lag-history.sqlite3"_s);
        QVERIFY(makeOrchestratorBackend(file).isEmpty());
        LagSample sample;
        sample.at = QDateTime::currentDateTimeUtc().addSecs(-10);
        sample.lag = 2.0;
        {
            LagHistoryWriter writer(sqliteConfig(file));
            writer.enqueue({ { key(u"db2:3306"_s), sample } });
            QCOMPARE(writer.flush(), QString());
        }
        auto backend = openSqlite(file);
        QVERIFY(backend);
        QCOMPARE(rowCount(*backend, u"topograph_lag_samples"_s), 1);
    }
};

QTEST_GUILESS_MAIN(TestOrchestratorBackend)
#include "tst_orchestratorbackend.moc"
