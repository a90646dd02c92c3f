// The sandbox is real: every instance answers through QMYSQL with timeouts, replication follows the
// requested shape in GTID and file:pos mode, and a row written on the primary reaches the deepest
// replica.
#include <QProcess>
#include <QSet>
#include <QTest>
#include <QUuid>

#include "db/mysqlsession.h"
#include "probe/instanceprobe.h"
#include "sandboxfixture.h"
#include "discovery/discoverer.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

class TestSandbox final : public QObject
{
    Q_OBJECT

private:
    Sandbox sandboxFor(const QString& mode)
    {
        auto sandbox = Sandbox::fromEnvironment(mode);
        if (!sandbox) {
            return {};
        }
        return *sandbox;
    }

    static void addModes()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("gtid") << u"gtid"_s;
        QTest::newRow("filepos") << u"filepos"_s;
    }

#define SANDBOX_OR_SKIP(mode)                                                                      \
    auto loaded = Sandbox::fromEnvironment(mode);                                                  \
    if (!loaded) {                                                                                 \
        QSKIP(qPrintable(loaded.error().message));                                                 \
    }                                                                                              \
    const Sandbox& sandbox = *loaded;

private Q_SLOTS:
    void everyInstanceAnswersWithItsServerId_data()
    {
        addModes();
    }
    void everyInstanceAnswersWithItsServerId()
    {
        QFETCH(QString, mode);
        SANDBOX_OR_SKIP(mode)
        QCOMPARE(sandbox.mode, mode);
        QSet<quint32> serverIds;
        for (const SandboxInstance& instance : sandbox.instances) {
            const ConnectionSettings settings = sandbox.settings(instance);
            QVERIFY(settings.connectOptions()->contains(u"MYSQL_OPT_CONNECT_TIMEOUT=2"_s));
            QVERIFY(settings.connectOptions()->contains(u"MYSQL_OPT_READ_TIMEOUT="_s));
            auto session = MySqlSession::open(settings, u"test"_s);
            QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().message));
            auto row = (*session)->queryRow(u"SELECT @@server_id AS id"_s);
            QVERIFY(row.ok());
            const quint32 id = row->value(u"id"_s).toUInt();
            QCOMPARE(id, static_cast<quint32>(instance.number));
            serverIds.insert(id);
        }
        QCOMPARE(serverIds.size(), sandbox.instances.size());
    }

    void replicationFollowsTheShape_data()
    {
        addModes();
    }
    void replicationFollowsTheShape()
    {
        QFETCH(QString, mode);
        SANDBOX_OR_SKIP(mode)
        for (const SandboxInstance& instance : sandbox.instances) {
            auto session = MySqlSession::open(sandbox.settings(instance), u"test"_s);
            QVERIFY(session.ok());
            auto status = (*session)->queryRow(u"SHOW SLAVE STATUS"_s);
            QVERIFY(status.ok());
            if (instance.master == 0) {
                QVERIFY2(status->isEmpty(), "the primary must not replicate");
                continue;
            }
            const SandboxInstance& master = sandbox.instance(instance.master);
            QCOMPARE(status->value(u"Master_Host"_s).toString(), master.key.host);
            QCOMPARE(status->value(u"Master_Port"_s).toUInt(), static_cast<uint>(master.key.port));
            QCOMPARE(status->value(u"Slave_IO_Running"_s).toString(), u"Yes"_s);
            QCOMPARE(status->value(u"Slave_SQL_Running"_s).toString(), u"Yes"_s);
            QCOMPARE(status->value(u"Using_Gtid"_s).toString(),
                mode == u"gtid"_s ? u"Slave_Pos"_s : u"No"_s);
        }
    }

    void rowOnPrimaryReachesDeepestReplica_data()
    {
        addModes();
    }
    void rowOnPrimaryReachesDeepestReplica()
    {
        QFETCH(QString, mode);
        SANDBOX_OR_SKIP(mode)
        const SandboxInstance& deepest = sandbox.deepest();
        QVERIFY2(sandbox.depth(deepest.number) >= 2, "the test shape needs two levels of replicas");
        auto primary = MySqlSession::open(sandbox.settings(sandbox.primary()), u"test"_s);
        auto replica = MySqlSession::open(sandbox.settings(deepest), u"test"_s);
        QVERIFY(primary.ok() && replica.ok());
        QVERIFY((*primary)
                    ->execute(u"CREATE TABLE IF NOT EXISTS topograph_test.sandbox_rows "
                              "(token CHAR(36) PRIMARY KEY, mode VARCHAR(16)) ENGINE=InnoDB"_s)
                    .ok());
        const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QVERIFY((*primary)
                    ->execute(u"INSERT INTO topograph_test.sandbox_rows VALUES ('%1', '%2')"_s.arg(
                        token, mode))
                    .ok());
        const QString check
            = u"SELECT COUNT(*) AS n FROM topograph_test.sandbox_rows WHERE token = '%1'"_s.arg(
                token);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                auto row = (*replica)->queryRow(check);
                return row.ok() && row->value(u"n"_s).toInt() == 1;
            }(),
            30000);
    }

    void heartbeatReachesDeepestReplica()
    {
        SANDBOX_OR_SKIP(u"gtid"_s)
        if (!sandbox.heartbeat) {
            QSKIP("the GTID sandbox was started without --heartbeat");
        }
        auto replica = MySqlSession::open(sandbox.settings(sandbox.deepest()), u"test"_s);
        QVERIFY(replica.ok());
        // pt-heartbeat updates the primary's row every second: its timestamp must move on the
        // deepest replica too.
        const QString query = u"SELECT ts FROM heartbeat.heartbeat WHERE server_id = %1"_s.arg(
            sandbox.primary().number);
        QString first;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                auto row = (*replica)->queryRow(query);
                first = row.ok() ? row->value(u"ts"_s).toString() : QString();
                return !first.isEmpty();
            }(),
            30000);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                auto row = (*replica)->queryRow(query);
                return row.ok() && !row->isEmpty() && row->value(u"ts"_s).toString() != first;
            }(),
            30000);
    }

    void discoveryFromLeafFindsEveryInstance_data()
    {
        addModes();
    }
    void discoveryFromLeafFindsEveryInstance()
    {
        QFETCH(QString, mode);
        SANDBOX_OR_SKIP(mode)
        auto found = Discoverer::discoverBlocking(sandbox.config, sandbox.deepest().key, 60000);
        QVERIFY2(found.ok(), qPrintable(found.ok() ? QString() : found.error().message));
        const QList<InstanceRecord> records = *found;
        QCOMPARE(records.size(), sandbox.instances.size());
        for (const InstanceRecord& record : records) {
            QVERIFY2(record.reachable, qPrintable(record.lastError));
            const SandboxInstance* expected = nullptr;
            for (const SandboxInstance& i : sandbox.instances) {
                if (i.key == record.key) {
                    expected = &i;
                }
            }
            QVERIFY(expected);
            QCOMPARE(record.serverId, static_cast<quint32>(expected->number));
            QCOMPARE(record.isReplica(), expected->master != 0);
            if (expected->master != 0) {
                QCOMPARE(*record.masterKey, sandbox.instance(expected->master).key);
                QVERIFY(record.isReplicating());
                QCOMPARE(record.usesGtid(), mode == u"gtid"_s);
            }
        }
    }

    void wrongPasswordIsRefusedWithoutLeakingIt()
    {
        SANDBOX_OR_SKIP(u"gtid"_s)
        ConnectionSettings settings = sandbox.settings(sandbox.primary());
        settings.password = u"not-the-password-4711"_s;
        auto session = MySqlSession::open(settings, u"test"_s);
        QVERIFY(!session.ok());
        QCOMPARE(session.error().code, ErrorCode::ConnectionFailed);
        QVERIFY(session.error().message.contains(sandbox.primary().key.toString()));
        QVERIFY(session.error().message.contains(u"Access denied"_s));
        QVERIFY(!session.error().message.contains(u"4711"_s));
    }

    void deadPortFailsWithinTheConnectTimeout()
    {
        SANDBOX_OR_SKIP(u"gtid"_s)
        ConnectionSettings settings = sandbox.settings(sandbox.primary());
        settings.key.port = static_cast<quint16>(sandbox.primary().key.port + 99);
        const InstanceRecord record = InstanceProbe::probe(settings);
        QVERIFY(!record.reachable);
        QVERIFY(record.lastError.contains(settings.key.toString()));
    }

    void cliDiscoversAndPrintsTheTopologyFromALeaf_data()
    {
        addModes();
    }
    void cliDiscoversAndPrintsTheTopologyFromALeaf()
    {
        QFETCH(QString, mode);
        SANDBOX_OR_SKIP(mode)
        const QString config = sandbox.dir + u"/topograph.conf.json"_s;
        const QString leaf = sandbox.deepest().key.toString();
        QProcess discover;
        discover.start(QStringLiteral(TOPOGRAPH_CLI_PATH),
            { u"--config"_s, config, u"-c"_s, u"discover"_s, u"-i"_s, leaf });
        QVERIFY(discover.waitForFinished(60000));
        QCOMPARE(discover.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(discover.readAllStandardOutput()).trimmed(), leaf);

        QProcess cli;
        cli.start(QStringLiteral(TOPOGRAPH_CLI_PATH),
            { u"--config"_s, config, u"-c"_s, u"topology"_s, u"-i"_s, leaf });
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 0);
        const QStringList lines
            = QString::fromUtf8(cli.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), sandbox.instances.size());
        QVERIFY(lines.first().startsWith(sandbox.primary().key.toString() + u' '));
        const QString deepestLine = QString(2 * (sandbox.depth(sandbox.deepest().number) - 1), u' ')
            + u"+ "_s + sandbox.deepest().key.toString() + u' ';
        bool found = false;
        for (const QString& line : lines) {
            found = found || line.startsWith(deepestLine);
        }
        QVERIFY2(found, qPrintable(lines.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestSandbox)
#include "tst_sandbox.moc"
