// topograph-cli refusals that need a live instance (the GTID sandbox): an instance refusing the
// credentials, and read-only mode around discovery. Each refusal exits 1 with one
// "topograph-cli: " line on stderr, nothing on stdout, and the SQLite backend unchanged.
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <functional>

#include "backendtestsupport.h"
#include "clirun.h"
#include "sandboxfixture.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

class TestCliSandboxErrors final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<Sandbox> m_sandbox;
    QString m_backendFile;
    int m_serial = 0;

    // The sandbox's own configuration with a fresh, deployed SQLite backend; change edits it.
    QString newConfig(const std::function<void(QJsonObject&)>& change = {})
    {
        QFile sandboxConfig(m_sandbox->dir + u"/topograph.conf.json"_s);
        if (!sandboxConfig.open(QIODevice::ReadOnly)) {
            return {};
        }
        QJsonObject json = QJsonDocument::fromJson(sandboxConfig.readAll()).object();
        m_backendFile = m_dir.filePath(u"backend-%1.sqlite3"_s.arg(++m_serial));
        json.insert(u"SQLite3DataFile"_s, m_backendFile);
        if (change) {
            change(json);
        }
        QFile file(m_dir.filePath(u"config-%1.json"_s.arg(m_serial)));
        if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(json).toJson()) <= 0) {
            return {};
        }
        file.close();
        if (runCli({ u"--config"_s, file.fileName(), u"-c"_s, u"redeploy-internal-db"_s }).exitCode
            != 0) {
            return {};
        }
        return file.fileName();
    }

    // Empty when the command was refused as it should be, else what went wrong.
    QString refusalProblem(const QStringList& args, const QStringList& mentions)
    {
        const QString before = sqliteDump(m_backendFile);
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
        for (const QString& mention : mentions) {
            if (!run.errLines.first().contains(mention)) {
                return u"\"%1\" not in: %2"_s.arg(mention, run.errLines.first());
            }
        }
        if (sqliteDump(m_backendFile) != before) {
            return u"the backend changed: %1 instance rows now"_s.arg(
                sqliteDump(m_backendFile).count(u"|25"_s));
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto sandbox = Sandbox::fromEnvironment(u"gtid"_s);
        if (!sandbox) {
            QSKIP(qPrintable(sandbox.error().message));
        }
        m_sandbox = *sandbox;
        isolateHome(m_dir);
    }

    void wrongCredentialsAreRefused()
    {
        const QString primary = m_sandbox->primary().key.toString();
        const QString config = newConfig([](QJsonObject& json) {
            json.remove(u"MySQLTopologyCredentialsConfigFile"_s);
            json.insert(u"MySQLTopologyUser"_s, u"topograph_nosuch"_s);
            json.insert(u"MySQLTopologyPassword"_s, u"wr0ng-Pa55"_s);
        });
        QVERIFY(!config.isEmpty());
        const QString before = sqliteDump(m_backendFile);
        const CliRun run
            = runCli({ u"--config"_s, config, u"-c"_s, u"discover"_s, u"-i"_s, primary });
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.out, QString());
        QVERIFY(!run.errLines.isEmpty());
        const QString last = run.errLines.last();
        QVERIFY2(last.startsWith(u"topograph-cli: "_s), qPrintable(last));
        QVERIFY2(last.contains(primary) && last.contains(u"Access denied"_s), qPrintable(last));
        QVERIFY(!run.errLines.join(u'\n').contains(u"wr0ng-Pa55"_s));
        QCOMPARE(sqliteDump(m_backendFile), before);
        QVERIFY2(run.errLines.size() == 1, qPrintable(run.errLines.join(u" // "_s)));
    }

    void readOnlyDiscoverWritesNothing()
    {
        const QString primary = m_sandbox->primary().key.toString();
        const QString config = newConfig();
        QVERIFY(!config.isEmpty());
        const QString problem = refusalProblem(
            { u"--config"_s, config, u"--read-only"_s, u"-c"_s, u"discover"_s, u"-i"_s, primary },
            { u"read-only"_s });
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void discoverWorksWithTheRightCredentials()
    {
        // The control for the two refusals above: same backend set-up, nothing refused.
        const QString primary = m_sandbox->primary().key.toString();
        const QString config = newConfig();
        QVERIFY(!config.isEmpty());
        const CliRun run
            = runCli({ u"--config"_s, config, u"-c"_s, u"discover"_s, u"-i"_s, primary });
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, primary + u'\n');
        auto backend = Backend::open(sqliteConfig(m_backendFile));
        QVERIFY(backend.ok());
        QCOMPARE(rowCount(**backend, u"database_instance"_s), m_sandbox->instances.size());
    }
};

QTEST_GUILESS_MAIN(TestCliSandboxErrors)
#include "tst_cli_errors.moc"
