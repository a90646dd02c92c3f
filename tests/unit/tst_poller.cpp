// Polling rounds and back-off without a server: every probe fails at once (nothing listens), so
// the rounds show who was probed and who skipped.
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include "discovery/poller.h"
#include "discovery/probepool.h"

using namespace Qt::StringLiterals;
using namespace topograph;

namespace {

Configuration testConfig()
{
    Configuration config;
    config.mysqlTopologyUser = u"topograph-test"_s;
    config.mysqlConnectTimeoutSeconds = 1;
    config.mysqlDiscoveryReadTimeoutSeconds = 1;
    config.instancePollSeconds = 1;
    return config;
}

InstanceKey refusedKey()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return InstanceKey { u"127.0.0.1"_s, server.serverPort() }; // closed when server goes
}

} // namespace

class TestPoller final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backoff_data()
    {
        QTest::addColumn<int>("failures");
        QTest::addColumn<int>("interval");
        QTest::addColumn<int>("rounds");
        QTest::newRow("reachable") << 0 << 5 << 0;
        QTest::newRow("1st failure") << 1 << 5 << 1;
        QTest::newRow("2nd failure") << 2 << 5 << 2;
        QTest::newRow("3rd failure") << 3 << 5 << 4;
        QTest::newRow("4th failure") << 4 << 5 << 8;
        QTest::newRow("capped at 60 s of 5 s rounds") << 5 << 5 << 12;
        QTest::newRow("capped at 60 s of 1 s rounds") << 12 << 1 << 60;
        QTest::newRow("very long outage") << 1000 << 1 << 60;
        QTest::newRow("interval beyond the cap") << 3 << 120 << 1;
    }

    void backoff()
    {
        QFETCH(int, failures);
        QFETCH(int, interval);
        QFETCH(int, rounds);
        QCOMPARE(Poller::backoffRounds(failures, interval), rounds);
    }

    void unreachableInstancesSkipRounds()
    {
        ProbePool pool(testConfig(), 2);
        Poller poller(&pool, testConfig());
        const QList<InstanceKey> keys { refusedKey(), refusedKey() };
        poller.setKeys(keys);
        QSignalSpy rounds(&poller, &Poller::roundFinished);
        QSignalSpy probed(&poller, &Poller::probed);
        poller.start();
        QVERIFY(poller.isRunning());
        // Round 1 probes both (unreachable); round 2 skips both; round 3 probes both again.
        QTRY_COMPARE_WITH_TIMEOUT(rounds.count(), 3, 10000);
        poller.stop();
        QCOMPARE(rounds.at(0).at(1).toInt(), 2);
        QCOMPARE(rounds.at(0).at(2).toInt(), 2);
        QCOMPARE(rounds.at(1).at(1).toInt(), 0);
        QCOMPARE(rounds.at(2).at(1).toInt(), 2);
        QVERIFY(rounds.at(1).at(0).toULongLong() > rounds.at(0).at(0).toULongLong());
        QTRY_COMPARE_WITH_TIMEOUT(probed.count(), 4, 5000);
        for (const QList<QVariant>& signal : std::as_const(probed)) {
            QVERIFY(!signal.at(0).value<InstanceRecord>().reachable);
        }
        QCOMPARE(poller.staleReplies(), 0u);
    }

    void keysAreKeptUnique()
    {
        ProbePool pool(testConfig(), 1);
        Poller poller(&pool, testConfig());
        const InstanceKey key { u"db1"_s, 3306 };
        poller.setKeys({ key, key, InstanceKey {} });
        poller.addKey(key);
        QCOMPARE(poller.keys(), QList<InstanceKey> { key });
        poller.removeKey(key);
        QVERIFY(poller.keys().isEmpty());
        QSignalSpy rounds(&poller, &Poller::roundFinished);
        poller.start(); // an empty round finishes at once
        QCOMPARE(rounds.count(), 1);
        QCOMPARE(rounds.first().at(1).toInt(), 0);
        poller.stop();
        QVERIFY(!poller.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestPoller)
#include "tst_poller.moc"
