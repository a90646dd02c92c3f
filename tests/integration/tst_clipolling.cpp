// The whole read path, end to end: `topograph-cli -c discover --poll` on a throwaway sandbox
// keeps the backend fresh; when one server stops, `-c topology` shows it invalid after the next
// poll while the others go on being checked; Ctrl-C ends the poll cleanly. Also the cluster alias
// that DetectClusterAliasQuery returns, and the location that patterns and detect queries give.
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include "backend/backend.h"
#include "backend/instancestore.h"
#include "config/configloader.h"
#include "sandboxfixture.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

class TestCliPolling final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_sandboxDir;
    bool m_up = false;

    static QString cli() { return QStringLiteral(TOPOGRAPH_CLI_PATH); }

    static bool sandbox(const QStringList& args)
    {
        QProcess p;
        p.start(qEnvironmentVariable("TOPOGRAPH_SOURCE_DIR") + u"/scripts/sandbox"_s, args);
        return p.waitForFinished(120000) && p.exitCode() == 0;
    }

    // A copy of a sandbox's configuration with its own SQLite file and extra keys.
    QString writeConfig(const QString& sandboxDir, const QString& name, const QJsonObject& extra)
    {
        QFile in(sandboxDir + u"/topograph.conf.json"_s);
        in.open(QIODevice::ReadOnly);
        QJsonObject config = QJsonDocument::fromJson(in.readAll()).object();
        config[u"SQLite3DataFile"_s] = m_dir.filePath(name + u".sqlite3"_s);
        for (auto it = extra.begin(); it != extra.end(); ++it) {
            config[it.key()] = it.value();
        }
        const QString path = m_dir.filePath(name + u".json"_s);
        QFile out(path);
        out.open(QIODevice::WriteOnly);
        out.write(QJsonDocument(config).toJson());
        return path;
    }

    static QString run(const QStringList& args, int* exitCode = nullptr)
    {
        QProcess p;
        p.start(cli(), args);
        p.waitForFinished(60000);
        if (exitCode) {
            *exitCode = p.exitCode();
        }
        return QString::fromUtf8(p.readAllStandardOutput());
    }

private Q_SLOTS:
    void aliasComesFromDetectClusterAliasQuery()
    {
        auto loaded = Sandbox::fromEnvironment(u"gtid"_s);
        if (!loaded) {
            QSKIP(qPrintable(loaded.error().message));
        }
        const QString config = writeConfig(loaded->dir, u"alias"_s,
            { { u"DetectClusterAliasQuery"_s, u"SELECT 'section-s9'"_s },
                { u"ClusterNameToAlias"_s, QJsonObject {} } });
        int code = -1;
        run({ u"--config"_s, config, u"-c"_s, u"discover"_s, u"-i"_s,
                loaded->deepest().key.toString() },
            &code);
        QCOMPARE(code, 0);
        const QString primary = loaded->primary().key.toString();
        QCOMPARE(run({ u"--config"_s, config, u"-c"_s, u"clusters-alias"_s }).simplified(),
            primary + u" section-s9"_s);
        const QStringList members
            = run({ u"--config"_s, config, u"-c"_s, u"which-cluster-instances"_s, u"-alias"_s,
                      u"section-s9"_s })
                  .split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(members.size(), loaded->instances.size());
    }

    // Data centre, region and physical environment: a host name pattern's first group, which
    // a detect query (when set) overrides, stored in database_instance.
    void locationFromPatternsAndQueries()
    {
        auto loaded = Sandbox::fromEnvironment(u"gtid"_s);
        if (!loaded) {
            QSKIP(qPrintable(loaded.error().message));
        }
        const QString config = writeConfig(loaded->dir, u"location"_s,
            { { u"DataCenterPattern"_s, u"^([^.:]+)"_s }, { u"RegionPattern"_s, u"^([^.:]+)"_s },
                { u"DetectRegionQuery"_s, u"SELECT 'eu-west'"_s },
                { u"DetectPhysicalEnvironmentQuery"_s, u"SELECT CONCAT('env-', @@port)"_s } });
        int code = -1;
        run({ u"--config"_s, config, u"-c"_s, u"discover"_s, u"-i"_s,
                loaded->primary().key.toString() },
            &code);
        QCOMPARE(code, 0);
        auto parsed = ConfigLoader::fromFile(config);
        QVERIFY(parsed.ok());
        auto db = Backend::open(*parsed);
        QVERIFY(db.ok());
        for (const SandboxInstance& instance : loaded->instances) {
            auto record = InstanceStore(**db).read(instance.key);
            QVERIFY(record && *record);
            const QString host = instance.key.host;
            QCOMPARE((*record)->dataCenter, host.section(u'.', 0, 0));
            QCOMPARE((*record)->region, u"eu-west"_s);
            QCOMPARE(
                (*record)->physicalEnvironment, u"env-"_s + QString::number(instance.key.port));
        }
    }

    void pollingShowsAStoppedServerAsInvalid()
    {
        const int scratch = qEnvironmentVariableIntValue("TOPOGRAPH_TEST_SCRATCH_PORT_BASE");
        if (scratch == 0) {
            QSKIP("TOPOGRAPH_TEST_SCRATCH_PORT_BASE is not set: run the suite with scripts/test");
        }
        m_sandboxDir = m_dir.filePath(u"sb"_s);
        QVERIFY(sandbox({ u"up"_s, u"--dir"_s, m_sandboxDir, u"--shape"_s, u"1>2,3"_s,
            u"--port-base"_s, QString::number(scratch + 20) }));
        m_up = true;
        const QString config = writeConfig(m_sandboxDir, u"poll"_s,
            { { u"InstancePollSeconds"_s, 1 }, { u"MySQLConnectTimeoutSeconds"_s, 1 },
                { u"MySQLDiscoveryReadTimeoutSeconds"_s, 2 } });
        auto loaded = Sandbox::load(m_sandboxDir);
        QVERIFY(loaded.ok());
        const InstanceKey stopped = loaded->instance(3).key;
        const InstanceKey primary = loaded->primary().key;

        QProcess poll;
        poll.start(cli(),
            { u"--config"_s, config, u"-c"_s, u"discover"_s, u"-i"_s, primary.toString(),
                u"--poll"_s });
        QVERIFY(poll.waitForStarted());
        // discover prints the seed once the topology is recorded; only then is the backend's
        // schema there to read.
        QTRY_VERIFY_WITH_TIMEOUT(poll.canReadLine() || poll.state() != QProcess::Running, 60000);
        QCOMPARE(QString::fromUtf8(poll.readLine()).trimmed(), primary.toString());

        auto parsed = ConfigLoader::fromFile(config);
        QVERIFY(parsed.ok());
        auto record = [&](const InstanceKey& key) -> std::optional<InstanceRecord> {
            auto db = Backend::open(*parsed);
            if (!db) {
                return std::nullopt;
            }
            auto r = InstanceStore(**db).read(key);
            return r ? *r : std::nullopt;
        };
        QTRY_VERIFY_WITH_TIMEOUT(record(stopped) && record(stopped)->reachable, 30000);

        QFile pidFile(m_sandboxDir + u"/n3/mariadbd.pid"_s);
        QVERIFY(pidFile.open(QIODevice::ReadOnly));
        const qint64 pid = pidFile.readAll().trimmed().toLongLong();
        QVERIFY(pid > 0);
        ::kill(static_cast<pid_t>(pid), SIGTERM);
        QTRY_VERIFY_WITH_TIMEOUT(::kill(static_cast<pid_t>(pid), 0) != 0, 60000);
        const QDateTime killedAt = QDateTime::currentDateTimeUtc().addSecs(-1);

        // The next polls mark it invalid (checked, not seen) ...
        QTRY_VERIFY_WITH_TIMEOUT(record(stopped) && !record(stopped)->reachable
                && record(stopped)->lastChecked >= killedAt,
            30000);
        QVERIFY(record(stopped)->lastSeen < killedAt.addSecs(1));
        // ... while the primary keeps being checked and seen after the stop.
        QTRY_VERIFY_WITH_TIMEOUT(record(primary) && record(primary)->reachable
                && record(primary)->lastSeen > killedAt.addSecs(2),
            30000);
        const QString topology
            = run({ u"--config"_s, config, u"-c"_s, u"topology"_s, u"-i"_s, primary.toString() });
        QVERIFY2(topology.contains(u"- "_s + stopped.toString()), qPrintable(topology));
        QVERIFY2(topology.contains(u"[unknown,invalid"_s), qPrintable(topology));
        QVERIFY2(
            topology.contains(u"+ "_s + loaded->instance(2).key.toString()), qPrintable(topology));

        ::kill(static_cast<pid_t>(poll.processId()), SIGINT);
        QVERIFY(poll.waitForFinished(30000));
        QCOMPARE(poll.exitStatus(), QProcess::NormalExit);
        QCOMPARE(poll.exitCode(), 0);
    }

    void cleanupTestCase()
    {
        if (m_up) {
            sandbox({ u"down"_s, u"--dir"_s, m_sandboxDir, u"--purge"_s });
        }
    }
};

QTEST_GUILESS_MAIN(TestCliPolling)
#include "tst_clipolling.moc"
