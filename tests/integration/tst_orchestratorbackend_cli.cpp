// topograph-cli on a backend orchestrator 3.2.6 made, from the shared schema files: SQLite, and
// MySQL in a database of its own on the throwaway sandbox's primary. Over that GTID sandbox,
// discover, relocate (and back), begin/end-maintenance and tag succeed, the rows read back as
// orchestrator reads them, Topograph's own data goes to topograph_* tables made on the first
// write, and no orchestrator table's definition changes. A backend write that fails after a
// relocate makes the CLI say both facts and exit non-zero; discover --poll leaves the polling to
// a running orchestrator service while its rows are recent.
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

#include "clirun.h"
#include "orchestratorfixture.h"
#include "orchestratormysql.h"
#include "sandboxfixture.h"
#include "throwawaysandbox.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

namespace {

// One orchestrator-made backend, whichever the flavour: where the CLI finds it and what
// orchestrator would read from it.
struct OrchestratorSide
{
    QJsonObject settings; // the configuration keys that name it
    std::function<QStringList()> schemaDump;
    std::function<QStringList()> tables;
    std::function<QVariant(const InstanceKey&, const QString&)> column;
};

} // namespace

class TestOrchestratorBackendCli final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ThrowawaySandbox> m_box;
    QJsonObject m_sandboxConfig;
    QString m_config;

    using Run = CliRun;

    Run cli(const QStringList& args) const { return runConfigured(m_config, args); }
    InstanceKey key(int n) const { return m_box->sandbox.instance(n).key; }

    bool configure(const QJsonObject& backend)
    {
        QJsonObject config = m_sandboxConfig;
        for (auto it = backend.begin(); it != backend.end(); ++it) {
            config[it.key()] = it.value();
        }
        QFile out(m_config);
        return out.open(QIODevice::WriteOnly) && out.write(QJsonDocument(config).toJson()) > 0;
    }

    Run relocate(int instance, int below) const
    {
        return cli({ u"-c"_s, u"relocate"_s, u"-i"_s, key(instance).toString(), u"-d"_s,
            key(below).toString() });
    }

    // What a DBA does on the backend orchestrator made: every step succeeds and reads back as
    // orchestrator reads it; orchestrator's tables keep their definitions.
    void scenario(const OrchestratorSide& side)
    {
        QVERIFY(configure(side.settings));
        const QStringList before = side.schemaDump();
        QVERIFY(!before.isEmpty());

        Run run = cli({ u"-c"_s, u"discover"_s, u"-i"_s, key(1).toString() });
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        for (int n : { 1, 2, 3 }) {
            QCOMPARE(side.column(key(n), u"cluster_name"_s).toString(), key(1).toString());
        }
        QCOMPARE(side.column(key(3), u"master_port"_s).toInt(), key(1).port);
        QCOMPARE(side.column(key(3), u"slave_io_running"_s).toInt(), 1);

        run = relocate(3, 2);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(side.column(key(3), u"master_port"_s).toInt(), key(2).port);
        QCOMPARE(side.column(key(3), u"replication_depth"_s).toInt(), 2);
        run = cli({ u"-c"_s, u"topology"_s, u"-i"_s, key(1).toString() });
        QVERIFY2(run.out.contains(u"\n  + "_s + key(3).toString()), qPrintable(run.out));
        // The audit row in orchestrator's table, its owner in Topograph's own, made for it.
        QVERIFY(side.tables().contains(u"topograph_audit_owner"_s));
        run = cli({ u"-c"_s, u"audit"_s, u"-i"_s, key(3).toString() });
        QVERIFY2(run.out.contains(u"\trelocate\t"_s + key(3).toString()), qPrintable(run.out));
        run = relocate(3, 1);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(side.column(key(3), u"master_port"_s).toInt(), key(1).port);

        run = cli({ u"-c"_s, u"begin-maintenance"_s, u"-i"_s, key(2).toString(), u"--reason"_s,
            u"disk swap"_s });
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        run = cli({ u"-c"_s, u"in-maintenance"_s, u"-i"_s, key(2).toString() });
        QCOMPARE(run.out, key(2).toString());
        run = cli({ u"-c"_s, u"end-maintenance"_s, u"-i"_s, key(2).toString() });
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        run = cli({ u"-c"_s, u"in-maintenance"_s, u"-i"_s, key(2).toString() });
        QCOMPARE(run.out, QString());

        run = cli({ u"-c"_s, u"tag"_s, u"-i"_s, key(1).toString(), u"--tag"_s, u"role=primary"_s });
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        run = cli({ u"-c"_s, u"tagged"_s, u"--tag"_s, u"role=primary"_s });
        QCOMPARE(run.out, key(1).toString());

        QCOMPARE(side.schemaDump(), before);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString dir = m_dir.filePath(u"gtid"_s);
        auto started = ThrowawaySandbox::start(dir, u"gtid"_s, u"1>2,3"_s, 490);
        if (!started && started.error().code == ErrorCode::NotFound) {
            QSKIP(qPrintable(started.error().message));
        }
        QVERIFY2(started.ok(), qPrintable(started ? QString() : started.error().message));
        m_box = std::move(started).value();
        QFile in(dir + u"/topograph.conf.json"_s);
        QVERIFY(in.open(QIODevice::ReadOnly));
        m_sandboxConfig = QJsonDocument::fromJson(in.readAll()).object();
        m_config = m_dir.filePath(u"topograph.json"_s);
    }

    void sqliteBackend()
    {
        const QString file = m_dir.filePath(u"orchestrator.sqlite3"_s);
        if (const QString error = makeOrchestratorBackend(file); !error.isEmpty()) {
            QFAIL(qPrintable(u"no orchestrator-made backend: "_s + error));
        }
        OrchestratorSide side;
        side.settings = { { u"BackendDB"_s, u"sqlite"_s }, { u"SQLite3DataFile"_s, file } };
        side.schemaDump = [file] { return orchestratorSchemaDump(file); };
        side.tables = [file] {
            QStringList names;
            for (const QString& line : orchestratorSchemaDump(file, true)) {
                names << line.section(u' ', 1, 1).section(u':', 0, 0);
            }
            return names;
        };
        side.column = [file](const InstanceKey& k, const QString& name) {
            return orchestratorColumn(file, k.host, k.port, name);
        };
        scenario(side);
    }

    void mysqlBackend()
    {
        auto made
            = OrchestratorMySqlBackend::create(m_box->sandbox.settings(m_box->sandbox.primary()));
        QVERIFY2(made.ok(), qPrintable(made ? QString() : made.error().message));
        const std::unique_ptr<OrchestratorMySqlBackend> backend = std::move(made).value();
        OrchestratorSide side;
        side.settings
            = { { u"BackendDB"_s, u"mysql"_s }, { u"MySQLOrchestratorHost"_s, key(1).host },
                  { u"MySQLOrchestratorPort"_s, key(1).port },
                  { u"MySQLOrchestratorDatabase"_s, backend->database() },
                  { u"MySQLOrchestratorCredentialsConfigFile"_s,
                      m_sandboxConfig.value(u"MySQLTopologyCredentialsConfigFile"_s) } };
        side.schemaDump = [&backend] { return backend->schemaDump(); };
        side.tables = [&backend] { return backend->tables(); };
        side.column = [&backend](const InstanceKey& k, const QString& name) {
            return backend->column(k.host, k.port, name);
        };
        scenario(side);
    }

    // The servers change, the backend refuses the rows that say so: the CLI says both and exits
    // non-zero, and the backend keeps what it had.
    void failedBackendWriteAfterRelocate()
    {
        const QString file = m_dir.filePath(u"refusing.sqlite3"_s);
        QVERIFY(makeOrchestratorBackend(file).isEmpty());
        QVERIFY(configure({ { u"BackendDB"_s, u"sqlite"_s }, { u"SQLite3DataFile"_s, file } }));
        Run run = cli({ u"-c"_s, u"discover"_s, u"-i"_s, key(1).toString() });
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(orchestratorColumn(file, key(3).host, key(3).port, u"master_port"_s).toInt(),
            key(1).port);
        QVERIFY(execSqlite(file,
            { u"CREATE TRIGGER refuse_insert BEFORE INSERT ON database_instance BEGIN "
              "SELECT RAISE(ABORT, 'refused by the test'); END"_s,
                u"CREATE TRIGGER refuse_update BEFORE UPDATE ON database_instance BEGIN "
                "SELECT RAISE(ABORT, 'refused by the test'); END"_s }));

        run = relocate(3, 2);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(
            run.out.contains(key(3).toString() + u'<' + key(2).toString()), qPrintable(run.out));
        QVERIFY2(run.err.contains(u"done on the servers and verified"_s), qPrintable(run.err));
        QVERIFY2(run.err.contains(u"the backend could not be updated"_s), qPrintable(run.err));
        QVERIFY2(run.err.contains(u"refused by the test"_s), qPrintable(run.err));
        QCOMPARE(orchestratorColumn(file, key(3).host, key(3).port, u"master_port"_s).toInt(),
            key(1).port);

        QVERIFY(
            execSqlite(file, { u"DROP TRIGGER refuse_insert"_s, u"DROP TRIGGER refuse_update"_s }));
        run = relocate(3, 1);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(orchestratorColumn(file, key(3).host, key(3).port, u"master_port"_s).toInt(),
            key(1).port);
    }
    // discover --poll leaves the polling to a running orchestrator service (BackendPolling:
    // auto), says so, and polls once the service's rows go stale (5 s).
    void pollLeavesItToARunningOrchestrator()
    {
        const QString file = m_dir.filePath(u"polled.sqlite3"_s);
        QVERIFY(makeOrchestratorBackend(file).isEmpty());
        QVERIFY(configure({ { u"BackendDB"_s, u"sqlite"_s }, { u"SQLite3DataFile"_s, file },
            { u"InstancePollSeconds"_s, 1 } }));
        QVERIFY(execSqlite(file,
            { u"INSERT INTO active_node (anchor, hostname, token, last_seen_active, "
              "first_seen_active) VALUES (1, 'orc1', 'tok', datetime('now'), datetime('now'))"_s,
                u"INSERT INTO node_health (hostname, token, last_seen_active, extra_info, "
                "command, app_version, first_seen_active, db_backend, incrementing_indicator) "
                "VALUES ('orc1', 'tok', datetime('now'), '', '', '3.2.6', datetime('now'), '', "
                "0)"_s }));
        QProcess poll;
        poll.setReadChannel(QProcess::StandardError); // what waitForReadyRead waits for
        poll.start(QStringLiteral(TOPOGRAPH_CLI_PATH),
            { u"--config"_s, m_config, u"-c"_s, u"discover"_s, u"-i"_s, key(1).toString(),
                u"--poll"_s });
        QString err;
        const auto waitFor = [&](const QString& text) {
            while (!err.contains(text) && poll.waitForReadyRead(30000)) {
                err += QString::fromUtf8(poll.readAllStandardError());
            }
            return err.contains(text);
        };
        QVERIFY2(waitFor(u"not polling: orchestrator on orc1 keeps the backend fresh"_s),
            qPrintable(err));
        QVERIFY2(!err.contains(u"poll round"_s), qPrintable(err));
        // Nobody renews the rows: after ActiveNodeExpireSeconds Topograph polls again.
        QVERIFY2(waitFor(u"poll round 1:"_s), qPrintable(err));
        poll.terminate();
        QVERIFY(poll.waitForFinished(30000));
        QCOMPARE(poll.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestOrchestratorBackendCli)
#include "tst_orchestratorbackend_cli.moc"
