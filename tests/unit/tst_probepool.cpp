// The probe pool without a database server: keys stick to workers, failures come back as records
// in the documented shape, a host that accepts TCP but never answers (a frozen server) only holds
// up its own worker, and shutdown closes every connection.
#include <QElapsedTimer>
#include <QSet>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QTcpServer>
#include <QTest>

#include "discovery/probepool.h"

using namespace Qt::StringLiterals;
using namespace topograph;

namespace {

const QString kPassword = u"secret-pw-4711"_s;

Configuration testConfig()
{
    Configuration config;
    config.mysqlTopologyUser = u"topograph-test"_s;
    config.mysqlTopologyPassword = kPassword;
    config.mysqlConnectTimeoutSeconds = 1;
    config.mysqlDiscoveryReadTimeoutSeconds = 1;
    return config;
}

// A port on 127.0.0.1 that nothing listens on (connections are refused at once).
quint16 refusedPort(int workers, int notOnWorker)
{
    for (int attempt = 0; attempt < 200; ++attempt) {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0)) {
            continue;
        }
        const quint16 port = probe.serverPort();
        probe.close();
        const InstanceKey key { u"127.0.0.1"_s, port };
        if (ProbePool::workerIndexFor(key, workers) != notOnWorker) {
            return port;
        }
    }
    return 0;
}

} // namespace

class TestProbePool final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keysStickToTheirWorker()
    {
        QSet<int> used;
        for (int i = 0; i < 200; ++i) {
            const InstanceKey key { u"db%1.eqiad.wmnet"_s.arg(1000 + i), 3306 };
            const int index = ProbePool::workerIndexFor(key, 8);
            QVERIFY(index >= 0 && index < 8);
            QCOMPARE(ProbePool::workerIndexFor(key, 8), index);
            used.insert(index);
        }
        QCOMPARE(used.size(), 8); // 200 keys spread over every worker
        QCOMPARE(ProbePool::workerIndexFor(InstanceKey { u"db1"_s, 3306 }, 1), 0);
        QCOMPARE(ProbePool::workerIndexFor(InstanceKey { u"db1"_s, 3306 }, 0), 0);
    }

    void generationsAreUnique()
    {
        ProbePool pool(testConfig(), 1);
        const quint64 first = pool.newGeneration();
        const quint64 second = pool.newGeneration();
        QVERIFY(first > 0);
        QVERIFY(second > first);
    }

    void missingCredentialsFailEveryProbe()
    {
        Configuration config = testConfig();
        config.mysqlTopologyUser.clear();
        ProbePool pool(config, 2);
        QVERIFY(pool.configurationError().has_value());
        QSignalSpy spy(&pool, &ProbePool::probed);
        const InstanceKey key { u"db1"_s, 3306 };
        pool.probe(key, 17);
        QCOMPARE(spy.count(), 0); // asynchronous, like a real probe
        QVERIFY(spy.wait(5000));
        const auto record = spy.first().at(0).value<InstanceRecord>();
        QCOMPARE(spy.first().at(1).toULongLong(), 17u);
        QCOMPARE(record.key, key);
        QVERIFY(!record.reachable);
        QVERIFY(record.lastError.contains(u"db1:3306"_s));
        QVERIFY(record.lastError.contains(u"MySQLTopologyUser"_s));
    }

    void refusedConnectionIsAFailedRecord()
    {
        ProbePool pool(testConfig(), 2);
        QVERIFY(!pool.configurationError().has_value());
        QSignalSpy spy(&pool, &ProbePool::probed);
        const InstanceKey key { u"127.0.0.1"_s, refusedPort(2, -1) };
        const QDateTime before = QDateTime::currentDateTimeUtc();
        pool.probe(key, 3);
        QVERIFY(spy.wait(5000));
        const auto record = spy.first().at(0).value<InstanceRecord>();
        QCOMPARE(record.key, key);
        QVERIFY(!record.reachable);
        QVERIFY(!record.lastCheckPartialSuccess);
        QVERIFY(record.lastAttemptedCheck.isValid());
        QVERIFY(record.lastAttemptedCheck >= before.addSecs(-1));
        QCOMPARE(record.lastAttemptedCheck.timeSpec(), Qt::UTC);
        QVERIFY(record.lastChecked.isValid());
        QVERIFY(!record.lastSeen.isValid());
        QVERIFY2(record.lastError.contains(key.toString()), qPrintable(record.lastError));
        QVERIFY(!record.lastError.contains(kPassword));
    }

    void silentHostOnlyHoldsUpItsOwnWorker()
    {
        // Accepts TCP (the kernel completes the handshake) but never sends the server greeting.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        const InstanceKey frozen { u"127.0.0.1"_s, silent.serverPort() };
        const int frozenWorker = ProbePool::workerIndexFor(frozen, 2);
        const InstanceKey refused { u"127.0.0.1"_s, refusedPort(2, frozenWorker) };
        QVERIFY(refused.port != 0);

        ProbePool pool(testConfig(), 2);
        QSignalSpy spy(&pool, &ProbePool::probed);
        QElapsedTimer timer;
        timer.start();
        pool.probe(frozen, 1);
        pool.probe(refused, 1);
        QVERIFY(spy.wait(5000));
        QCOMPARE(spy.first().at(0).value<InstanceRecord>().key, refused);
        QVERIFY2(timer.elapsed() < 900, "the refused probe waited for the frozen one");
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 2, 5000);
        const auto late = spy.at(1).at(0).value<InstanceRecord>();
        QCOMPARE(late.key, frozen);
        QVERIFY(!late.reachable);
        // The connect timeout (1 s) covers the server greeting too.
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
    }

    void shutdownClosesConnectionsAndEndsSignals()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        auto pool = std::make_unique<ProbePool>(testConfig(), 3);
        QSignalSpy spy(pool.get(), &ProbePool::probed);
        pool->probe(InstanceKey { u"127.0.0.1"_s, silent.serverPort() }, 1);
        for (int i = 0; i < 5; ++i) {
            pool->probe(InstanceKey { u"127.0.0.1"_s, refusedPort(3, -1) }, 1);
        }
        QElapsedTimer timer;
        timer.start();
        pool->shutdown(); // the silent probe is in progress on one worker
        QVERIFY(timer.elapsed() < 3000);
        QVERIFY(pool->isShutDown());
        pool->probe(InstanceKey { u"127.0.0.1"_s, 1 }, 2);
        QCoreApplication::processEvents();
        QCOMPARE(spy.count(), 0);
        for (const QString& name : QSqlDatabase::connectionNames()) {
            QVERIFY2(!name.startsWith(u"probe-"_s), qPrintable(name));
        }
        pool.reset(); // a second shutdown from the destructor is harmless
    }
};

QTEST_GUILESS_MAIN(TestProbePool)
#include "tst_probepool.moc"
