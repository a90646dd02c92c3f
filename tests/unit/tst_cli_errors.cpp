// topograph-cli on bad input, against a SQLite backend in a temporary folder (no server needed):
// every failure exits 1 with exactly one "topograph-cli: " line on stderr naming the problem,
// prints nothing on stdout, and leaves the backend file as it was.
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include "backend/instancestore.h"
#include "backendtestsupport.h"
#include "clirun.h"
#include "ops/operationregistry.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

class TestCliErrors final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_backendFile;

    QString writeFile(const QString& name, const QByteArray& content)
    {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
            return {};
        }
        return file.fileName();
    }
    QString config(const QString& name) const { return m_dir.filePath(name); }

    // Runs a command that must be refused; empty when it was, else what went wrong.
    QString refusalProblem(const QStringList& args, const QStringList& mentions)
    {
        const QString before = sqliteDump(m_backendFile);
        if (!before.contains(u"db1|3306"_s)) {
            return u"the test backend is not set up"_s;
        }
        const CliRun run = runCli(args);
        if (run.exitCode != 1) {
            return u"exit code %1 (stdout: %2)"_s.arg(QString::number(run.exitCode), run.out);
        }
        if (!run.out.isEmpty()) {
            return u"stdout not empty: "_s + run.out;
        }
        if (run.errLines.size() != 1 || !run.errLines.first().startsWith(u"topograph-cli: "_s)) {
            return u"stderr is not one \"topograph-cli: \" line: "_s + run.errLines.join(u" // "_s);
        }
        const QString line = run.errLines.first();
        for (const QString& mention : mentions) {
            if (!line.contains(mention)) {
                return u"\"%1\" not in: %2"_s.arg(mention, line);
            }
        }
        if (line.contains(u"s3cret-pw"_s)) {
            return u"a password leaked into the error"_s;
        }
        if (sqliteDump(m_backendFile) != before) {
            return u"the backend changed"_s;
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        isolateHome(m_dir);
        m_backendFile = m_dir.filePath(u"backend.sqlite3"_s);
        const QByteArray file = m_backendFile.toUtf8();
        QVERIFY(!writeFile(u"sqlite.json"_s, "{\"SQLite3DataFile\": \"" + file + "\"}").isEmpty());
        QVERIFY(!writeFile(
            u"readonly.json"_s, "{\"SQLite3DataFile\": \"" + file + "\", \"ReadOnly\": true}")
                     .isEmpty());
        QVERIFY(
            !writeFile(u"broken.json"_s, "{\"SQLite3DataFile\": \"" + file + "\",\n  \"ReadOnly\"")
                 .isEmpty());
        QVERIFY(!writeFile(u"badheartbeat.json"_s,
            "{\"SQLite3DataFile\": \"" + file + "\", \"HeartbeatTable\": \"hb; DROP TABLE x\"}")
                     .isEmpty());
        QVERIFY(!writeFile(u"mysql.json"_s,
            "{\"BackendDB\": \"mysql\", \"MySQLOrchestratorHost\": \"127.0.0.1\", "
            "\"MySQLOrchestratorPort\": 1, \"MySQLConnectTimeoutSeconds\": 1, "
            "\"MySQLOrchestratorUser\": \"orc\", \"MySQLOrchestratorPassword\": \"s3cret-pw\"}")
                     .isEmpty());
        const CliRun deployed = runCli(
            { u"--config"_s, config(u"sqlite.json"_s), u"-c"_s, u"redeploy-internal-db"_s });
        QCOMPARE(deployed.exitCode, 0);
        auto backend = openSqlite(m_backendFile);
        QVERIFY(backend && backend->schemaVersion() == Schema::currentVersion());
        InstanceRecord known;
        known.key = key(u"db1:3306"_s);
        known.reachable = true;
        known.clusterName = u"db1:3306"_s;
        QVERIFY(InstanceStore(*backend).write({ known }));
    }

    void refused_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("mentions");
        const QString sqlite = config(u"sqlite.json"_s);
        const QString readOnly = config(u"readonly.json"_s);
        QTest::newRow("malformed -i")
            << QStringList { u"--config"_s, sqlite, u"-c"_s, u"topology"_s, u"-i"_s, u"db1:xx"_s }
            << QStringList { u"db1:xx"_s, u"port"_s };
        // Without -i orchestrator assumes this machine, which the backend does not know.
        QTest::newRow("missing -i") << QStringList { u"--config"_s, sqlite, u"-c"_s,
            u"which-master"_s } << QStringList { u"-i"_s, u"Instance not found"_s };
        QTest::newRow("unknown command") << QStringList { u"--config"_s, sqlite, u"-c"_s,
            u"no-such-command"_s } << QStringList { u"unknown command"_s, u"no-such-command"_s };
        QTest::newRow("unknown flag")
            << QStringList { u"--config"_s, sqlite, u"-c"_s, u"clusters"_s, u"--bogus"_s }
            << QStringList { u"--bogus"_s };
        QTest::newRow("unknown instance") << QStringList {
            u"--config"_s, sqlite, u"-c"_s, u"which-master"_s, u"-i"_s, u"nosuch:3306"_s
        } << QStringList { u"unknown instance"_s, u"nosuch:3306"_s, u"Instance not found"_s };
        QTest::newRow("unreadable config") << QStringList { u"--config"_s, u"/nonexistent.json"_s,
            u"-c"_s, u"clusters"_s } << QStringList { u"/nonexistent.json"_s };
        QTest::newRow("invalid JSON config")
            << QStringList { u"--config"_s, config(u"broken.json"_s), u"-c"_s, u"clusters"_s }
            << QStringList { config(u"broken.json"_s) };
        QTest::newRow("unreachable MySQL backend")
            << QStringList { u"--config"_s, config(u"mysql.json"_s), u"-c"_s, u"clusters"_s }
            << QStringList { u"127.0.0.1:1"_s };
        QTest::newRow("begin-maintenance without reason") << QStringList { u"--config"_s, sqlite,
            u"-c"_s, u"begin-maintenance"_s, u"-i"_s, u"db1:3306"_s }
                                                          << QStringList { u"reason"_s };
        QTest::newRow("replication-lag without -i") << QStringList { u"--config"_s, sqlite, u"-c"_s,
            u"replication-lag"_s } << QStringList { u"-i"_s, u"replication-lag"_s };
        QTest::newRow("heartbeat-check of an unknown instance") << QStringList {
            u"--config"_s, sqlite, u"-c"_s, u"heartbeat-check"_s, u"-i"_s, u"nosuch:3306"_s
        } << QStringList { u"unknown instance"_s, u"nosuch:3306"_s };
        QTest::newRow("bad HeartbeatTable") << QStringList { u"--config"_s,
            config(u"badheartbeat.json"_s), u"-c"_s, u"replication-lag"_s, u"-i"_s,
            u"db1:3306"_s } << QStringList { u"HeartbeatTable"_s, u"hb; DROP TABLE x"_s };
        QTest::newRow("untag-all without =")
            << QStringList { u"--config"_s, sqlite, u"-c"_s, u"untag-all"_s, u"-tag"_s, u"role"_s }
            << QStringList { u"name=value"_s };
        const QList<QStringList> mutations {
            { u"tag"_s, u"-i"_s, u"db1:3306"_s, u"-tag"_s, u"role=backup"_s },
            { u"untag"_s, u"-i"_s, u"db1:3306"_s, u"-tag"_s, u"role"_s },
            { u"forget"_s, u"-i"_s, u"db1:3306"_s },
            { u"begin-maintenance"_s, u"-i"_s, u"db1:3306"_s, u"--reason"_s, u"test"_s },
            { u"reset-hostname-resolve-cache"_s },
            { u"heartbeat-clean"_s, u"-i"_s, u"db1:3306"_s },
            { u"register-hostname-unresolve"_s, u"-i"_s, u"db1:3306"_s, u"--hostname"_s, u"vip"_s },
            { u"deregister-hostname-unresolve"_s, u"-i"_s, u"db1:3306"_s },
            { u"forget-cluster"_s, u"-i"_s, u"db1:3306"_s },
            { u"register-candidate"_s, u"-i"_s, u"db1:3306"_s, u"--promotion-rule"_s, u"prefer"_s },
        };
        for (const QStringList& mutation : mutations) {
            QTest::addRow("%s --read-only", qPrintable(mutation.first()))
                << (QStringList { u"--config"_s, sqlite, u"--read-only"_s, u"-c"_s } + mutation)
                << QStringList { u"read-only"_s, u"--read-only"_s, mutation.first() };
            QTest::addRow("%s ReadOnly", qPrintable(mutation.first()))
                << (QStringList { u"--config"_s, readOnly, u"-c"_s } + mutation)
                << QStringList { u"read-only"_s, u"ReadOnly"_s, mutation.first() };
        }
    }
    void refused()
    {
        QFETCH(QStringList, args);
        QFETCH(QStringList, mentions);
        const QString problem = refusalProblem(args, mentions);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void readOnlyRefusesEveryMutation_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::newRow("discover") << QStringList { u"discover"_s, u"-i"_s, u"127.0.0.1:1"_s };
        QTest::newRow("redeploy-internal-db") << QStringList { u"redeploy-internal-db"_s };
        QTest::newRow("upgrade-backend") << QStringList { u"upgrade-backend"_s };
        QTest::newRow("forget-cluster --force")
            << QStringList { u"forget-cluster"_s, u"-i"_s, u"db1:3306"_s, u"--force"_s };
    }
    void readOnlyRefusesEveryMutation()
    {
        QFETCH(QStringList, command);
        // Read-only refuses every change of state, backend writes and DDL included.
        const QString problem = refusalProblem(
            QStringList { u"--config"_s, config(u"sqlite.json"_s), u"--read-only"_s, u"-c"_s }
                + command,
            { u"read-only"_s });
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void readOnlyNeverCreatesTheBackend()
    {
        const QString file = m_dir.filePath(u"ro-missing/backend.sqlite3"_s);
        const QString cfg = writeFile(u"ro-missing.json"_s,
            "{\"SQLite3DataFile\": \"" + file.toUtf8() + "\", \"ReadOnly\": true}");
        QVERIFY(!cfg.isEmpty());
        for (const QStringList& extra : { QStringList {}, QStringList { u"--read-only"_s } }) {
            const CliRun run
                = runCli(QStringList { u"--config"_s, cfg, u"-c"_s, u"clusters"_s } + extra);
            QCOMPARE(run.exitCode, 1);
            QCOMPARE(run.out, QString());
            QCOMPARE(run.errLines.size(), 1);
            QVERIFY2(run.errLines.first().contains(file), qPrintable(run.errLines.first()));
            QVERIFY2(run.errLines.first().contains(u"does not exist"_s),
                qPrintable(run.errLines.first()));
            QVERIFY(!QFileInfo::exists(file));
            QVERIFY(!QFileInfo::exists(m_dir.filePath(u"ro-missing"_s)));
        }
        // An existing backend is read as it is.
        const QString before = sqliteDump(m_backendFile);
        const CliRun clusters
            = runCli({ u"--config"_s, config(u"readonly.json"_s), u"-c"_s, u"clusters"_s });
        QCOMPARE(clusters.exitCode, 0);
        QVERIFY2(clusters.errLines.isEmpty(), qPrintable(clusters.errLines.join(u'\n')));
        QCOMPARE(clusters.out.trimmed(), u"db1:3306"_s);
        QCOMPARE(sqliteDump(m_backendFile), before);
    }

    void helpListsEveryCommand()
    {
        const CliRun run = runCli({ u"-c"_s, u"help"_s });
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.errLines.isEmpty(), qPrintable(run.errLines.join(u'\n')));
        QStringList listed;
        for (const QString& line : run.out.split(u'\n')) {
            if (line.startsWith(u"  "_s) && !line.trimmed().isEmpty()) {
                listed << line.trimmed().section(u' ', 0, 0);
            }
        }
        // Every command registered in the CLI's sources ({ u"name"_s, u"Summary"_s, fn }) ...
        const QString cli = QStringLiteral(TOPOGRAPH_CLI_SOURCE_DIR);
        const QRegularExpression entry(u"\\{\\s*u\"([a-z][a-z0-9-]*)\"_s,\\s*u\"[A-Z]"_s);
        QStringList registered;
        for (const QString& name : QDir(cli).entryList({ u"commands*.cpp"_s }, QDir::Files)) {
            QFile file(cli + u'/' + name);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(file.readAll());
            for (const auto& match : entry.globalMatch(text)) {
                registered << match.captured(1);
            }
        }
        // ... and at least those the backend and tag stores serve today.
        registered << u"help"_s << u"topology"_s << u"clusters"_s << u"discover"_s << u"forget"_s
                   << u"begin-maintenance"_s << u"end-maintenance"_s << u"tag"_s << u"untag"_s
                   << u"untag-all"_s << u"tagged"_s << u"redeploy-internal-db"_s
                   << u"upgrade-backend"_s << u"reset-hostname-resolve-cache"_s
                   << u"show-resolve-hosts"_s << u"instance-status"_s << u"can-replicate-from"_s
                   << u"show-unresolve-hosts"_s << u"resolve"_s << u"register-hostname-unresolve"_s
                   << u"deregister-hostname-unresolve"_s << u"forget-cluster"_s;
        // ... and every operation of the registry that has a command name, with its help line.
        for (const OperationInfo& info : OperationRegistry::all()) {
            if (info.cliName[0] != 0) {
                registered << OperationRegistry::cliName(info.operation);
                QVERIFY2(run.out.contains(QString::fromUtf8(info.summary)), info.summary);
            }
        }
        registered.removeDuplicates();
        QVERIFY(registered.size() >= 30);
        for (const QString& name : registered) {
            QVERIFY2(listed.contains(name), qPrintable(u"-c help does not list "_s + name));
        }
        QCOMPARE(QStringList(listed).removeDuplicates(), 0);
    }

    void emptyBackendHasNoClusters()
    {
        const QString file = m_dir.filePath(u"empty.sqlite3"_s);
        const QString cfg
            = writeFile(u"empty.json"_s, "{\"SQLite3DataFile\": \"" + file.toUtf8() + "\"}");
        const CliRun deployed = runCli({ u"--config"_s, cfg, u"-c"_s, u"redeploy-internal-db"_s });
        QCOMPARE(deployed.exitCode, 0);
        QCOMPARE(deployed.out, QString());
        QVERIFY(QFile::exists(file));
        const CliRun clusters = runCli({ u"--config"_s, cfg, u"-c"_s, u"clusters"_s });
        QCOMPARE(clusters.exitCode, 0);
        // orchestrator prints the names joined by newlines (go/app/cli.go): here one empty line.
        QCOMPARE(clusters.out, u"\n"_s);
        QVERIFY2(clusters.errLines.isEmpty(), qPrintable(clusters.errLines.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestCliErrors)
#include "tst_cli_errors.moc"
