// One probe against the real sandboxes fills every field a server can tell, in GTID and file:pos
// mode; failures (wrong password, dead port, a failing statement) come back in the documented
// shape; a kept connection that the server dropped is reopened within the same probe; several
// probed at once answer in order.
#include <QElapsedTimer>
#include <QSysInfo>
#include <QTest>

#include "db/mysqlsession.h"
#include "probe/instanceprobe.h"
#include "probe/parallelprobe.h"
#include "sandboxfixture.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

#define SANDBOX_OR_SKIP(mode)                                                                      \
    auto loaded = Sandbox::fromEnvironment(mode);                                                  \
    if (!loaded) {                                                                                 \
        QSKIP(qPrintable(loaded.error().message));                                                 \
    }                                                                                              \
    const Sandbox& sandbox = *loaded;

namespace {

QList<InstanceKey> directReplicas(const Sandbox& sandbox, int number)
{
    QList<InstanceKey> keys;
    for (const SandboxInstance& i : sandbox.instances) {
        if (i.master == number) {
            keys.append(i.key);
        }
    }
    std::sort(keys.begin(), keys.end());
    return keys;
}

} // namespace

class TestProbe final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyField_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("gtid") << u"gtid"_s;
        QTest::newRow("filepos") << u"filepos"_s;
    }

    void everyField()
    {
        QFETCH(QString, mode);
        SANDBOX_OR_SKIP(mode)
        ProbeOptions options = ProbeOptions::fromConfiguration(sandbox.config);
        options.nameMethod = ServerNameMethod::ReportHost;
        for (const SandboxInstance& instance : sandbox.instances) {
            const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1000);
            const ProbeResult result = InstanceProbe::probe(sandbox.settings(instance), options);
            const InstanceRecord& r = result.record;
            const QByteArray where = instance.key.toString().toUtf8();
            QVERIFY2(r.reachable, qPrintable(r.lastError));
            QVERIFY(r.lastError.isEmpty());
            QVERIFY(!r.lastCheckPartialSuccess);
            QCOMPARE(r.key, instance.key);
            QCOMPARE(result.serverReportedHost, u"127.0.0.1"_s); // report_host

            // Bookkeeping: all three timestamps, UTC, now; lastSeen is the successful check.
            QVERIFY(r.lastAttemptedCheck >= before);
            QVERIFY(r.lastChecked >= r.lastAttemptedCheck);
            QCOMPARE(r.lastSeen, r.lastChecked);
            QCOMPARE(r.lastChecked.timeSpec(), Qt::UTC);
            QVERIFY(r.probeLatencyMs >= 0 && r.probeLatencyMs < 2000);

            // Identity and server variables.
            QCOMPARE(r.flavor, Flavor::MariaDB);
            QVERIFY2(r.version.contains(u"MariaDB"_s), where.constData());
            QCOMPARE(r.serverId, static_cast<quint32>(instance.number));
            QVERIFY(r.serverUuid.isEmpty()); // MariaDB has none
            QVERIFY(r.uptimeSeconds > 0);
            QVERIFY(r.logBin);
            QVERIFY(r.logSlaveUpdates);
            QCOMPARE(r.binlogFormat, u"ROW"_s);
            QCOMPARE(r.binlogRowImage, u"FULL"_s);
            QVERIFY(r.binaryLogFile.startsWith(u"binlog."_s));
            QVERIFY(r.binaryLogPos > 4);
            QVERIFY(!r.semiSyncMasterEnabled);
            QVERIFY(!r.semiSyncReplicaEnabled);
            QVERIFY2(!r.gtidCurrentPos.isEmpty(), where.constData());
            QVERIFY2(!r.gtidBinlogPos.isEmpty(), where.constData());
            QVERIFY(r.gtidMode.isEmpty()); // MySQL's
            QVERIFY(!r.supportsOracleGtid);
            QCOMPARE(r.replicaKeys, directReplicas(sandbox, instance.number));

            if (instance.master == 0) {
                QVERIFY2(!r.isReplica(), where.constData());
                QVERIFY(!r.readOnly);
                QVERIFY(r.usingGtid.isEmpty());
                QVERIFY(!r.secondsBehindMaster.has_value());
                QVERIFY(!r.replicationLagSeconds.has_value());
                continue;
            }
            QVERIFY2(r.isReplica(), where.constData());
            QCOMPARE(*r.masterKey, sandbox.instance(instance.master).key);
            QVERIFY(r.readOnly);
            QVERIFY(r.isReplicating());
            QCOMPARE(r.usingGtid, mode == u"gtid"_s ? u"Slave_Pos"_s : u"No"_s);
            QCOMPARE(r.usesGtid(), mode == u"gtid"_s);
            QVERIFY(r.masterLogFile.startsWith(u"binlog."_s));
            QVERIFY(r.readMasterLogPos > 4);
            QVERIFY(r.relayMasterLogFile.startsWith(u"binlog."_s));
            QVERIFY(r.execMasterLogPos > 4);
            QVERIFY(r.relayLogFile.startsWith(u"relay."_s));
            QVERIFY(r.relayLogPos > 4);
            QVERIFY(r.lastSqlError.isEmpty());
            QVERIFY(r.lastIoError.isEmpty());
            QVERIFY(r.secondsBehindMaster.has_value());
            QVERIFY(*r.secondsBehindMaster >= 0);
            QCOMPARE(r.replicationLagSeconds, r.secondsBehindMaster); // no lag query configured
            QCOMPARE(r.sqlDelay, 0);
            QVERIFY(!r.hasReplicationFilters);
            QVERIFY(!r.allowTls);
            if (mode == u"gtid"_s) {
                QVERIFY2(!r.gtidSlavePos.isEmpty(), where.constData());
            }
        }
    }

    void serverNameFollowsTheMethod()
    {
        SANDBOX_OR_SKIP(u"gtid"_s)
        const ConnectionSettings settings = sandbox.settings(sandbox.primary());
        QCOMPARE(InstanceProbe::probeWithName(settings, u"@@report_host"_s).serverReportedHost,
            u"127.0.0.1"_s);
        QCOMPARE(InstanceProbe::probeWithName(settings, u"@@hostname"_s).serverReportedHost,
            QSysInfo::machineHostName());
        const ProbeResult none = InstanceProbe::probeWithName(settings, u"none"_s);
        QVERIFY(none.record.reachable);
        QVERIFY(none.serverReportedHost.isEmpty());
    }

    void lagQueryFillsMeasuredLag()
    {
        SANDBOX_OR_SKIP(u"gtid"_s)
        ProbeOptions options;
        options.replicationLagQuery = u"SELECT 7 AS lag"_s;
        const InstanceRecord r
            = InstanceProbe::probe(sandbox.settings(sandbox.deepest()), options).record;
        QVERIFY(r.reachable);
        QCOMPARE(r.replicationLagSeconds, std::optional<qint64>(7));
    }

    void failingStatementIsAPartialSuccess()
    {
        SANDBOX_OR_SKIP(u"gtid"_s)
        ProbeOptions options;
        options.replicationLagQuery = u"SELECT ts FROM no_such_schema.heartbeat"_s;
        const SandboxInstance& replica = sandbox.deepest();
        const InstanceRecord r = InstanceProbe::probe(sandbox.settings(replica), options).record;
        QVERIFY(!r.reachable);
        QVERIFY(r.lastCheckPartialSuccess);
        QVERIFY2(r.lastError.contains(replica.key.toString()), qPrintable(r.lastError));
        QVERIFY(r.lastError.contains(u"no_such_schema"_s));
        QVERIFY(r.lastAttemptedCheck.isValid());
        QVERIFY(!r.lastSeen.isValid());
        // Everything the other statements read is still there.
        QCOMPARE(r.serverId, static_cast<quint32>(replica.number));
        QVERIFY(r.isReplica());
    }

    void wrongPasswordFailsWithoutLeakingIt()
    {
        SANDBOX_OR_SKIP(u"gtid"_s)
        ConnectionSettings settings = sandbox.settings(sandbox.primary());
        settings.password = u"not-the-password-4711"_s;
        const InstanceRecord r = InstanceProbe::probe(settings);
        QVERIFY(!r.reachable);
        QVERIFY(!r.lastCheckPartialSuccess);
        QVERIFY(r.lastAttemptedCheck.isValid());
        QVERIFY(!r.lastSeen.isValid());
        QVERIFY(r.lastError.contains(settings.key.toString()));
        QVERIFY(r.lastError.contains(u"Access denied"_s));
        QVERIFY(!r.lastError.contains(u"4711"_s));
        QCOMPARE(r.serverId, 0u);
    }

    void deadPortFailsWithinTheConnectTimeout()
    {
        SANDBOX_OR_SKIP(u"gtid"_s)
        ConnectionSettings settings = sandbox.settings(sandbox.primary());
        settings.key.port = static_cast<quint16>(sandbox.primary().key.port + 50);
        settings.connectTimeoutSeconds = 1;
        QElapsedTimer timer;
        timer.start();
        const InstanceRecord r = InstanceProbe::probe(settings);
        QVERIFY(timer.elapsed() < 2000);
        QVERIFY(!r.reachable);
        QVERIFY(r.lastError.contains(settings.key.toString()));
        QVERIFY(r.lastAttemptedCheck.isValid());
        QVERIFY(!r.lastSeen.isValid());
    }

    // Several instances probed at once (operations probe their cluster so): every answer comes
    // back, in the order asked, a dead port's as a failed probe among the others.
    void parallelProbesAnswerInOrder()
    {
        SANDBOX_OR_SKIP(u"gtid"_s)
        QList<ConnectionSettings> settings;
        auto dead = [&](int offset) {
            ConnectionSettings s = sandbox.settings(sandbox.primary());
            s.key.port = static_cast<quint16>(sandbox.primary().key.port + offset);
            s.connectTimeoutSeconds = 1;
            return s;
        };
        settings << dead(50);
        for (const SandboxInstance& instance : sandbox.instances) {
            settings << sandbox.settings(instance);
        }
        settings << dead(51);
        const ProbeOptions options = ProbeOptions::fromConfiguration(sandbox.config);
        ProbeAhead ahead(settings, options);
        for (const QList<ProbeResult>& results :
            { ParallelProbe::probe(settings, options), ahead.results() }) {
            QCOMPARE(results.size(), settings.size());
            for (qsizetype i = 0; i < settings.size(); ++i) {
                const InstanceRecord& r = results.at(i).record;
                QCOMPARE(r.key, settings.at(i).key);
                const bool live = i > 0 && i < settings.size() - 1;
                QVERIFY2(r.reachable == live, qPrintable(r.key.toString() + u": "_s + r.lastError));
                if (!live) {
                    QVERIFY(r.lastError.contains(r.key.toString()));
                }
            }
        }
    }

    void keptConnectionIsReusedAndReopened()
    {
        SANDBOX_OR_SKIP(u"gtid"_s)
        const ConnectionSettings settings = sandbox.settings(sandbox.primary());
        const ProbeOptions options = ProbeOptions::fromConfiguration(sandbox.config);
        std::unique_ptr<MySqlSession> session;
        QVERIFY(InstanceProbe::probe(session, settings, options).record.reachable);
        QVERIFY(session);
        const MySqlSession* first = session.get();
        QVERIFY(InstanceProbe::probe(session, settings, options).record.reachable);
        QCOMPARE(session.get(), first); // reused

        // The server drops the kept connection (as a restart would): the next probe reconnects
        // and still succeeds.
        auto id = session->queryRow(u"SELECT CONNECTION_ID() AS id"_s);
        QVERIFY(id.ok());
        auto admin = MySqlSession::open(settings, u"test"_s);
        QVERIFY(admin.ok());
        QVERIFY((*admin)->execute(u"KILL %1"_s.arg(id->value(u"id"_s).toULongLong())).ok());
        const InstanceRecord again = InstanceProbe::probe(session, settings, options).record;
        QVERIFY2(again.reachable, qPrintable(again.lastError));
        QVERIFY(session);
    }
};

QTEST_GUILESS_MAIN(TestProbe)
#include "tst_probe.moc"
