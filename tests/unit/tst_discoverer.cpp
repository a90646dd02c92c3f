// Discovery's failure paths without a server; the crawl itself is tested on the sandbox
// (tests/integration/tst_discovery.cpp).
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include "discovery/discoverer.h"
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
    return config;
}

InstanceKey refusedKey()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return InstanceKey { u"127.0.0.1"_s, server.serverPort() };
}

} // namespace

class TestDiscoverer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unreachableSeedIsAnErrorNamingIt()
    {
        const InstanceKey seed = refusedKey();
        auto result = Discoverer::discoverBlocking(testConfig(), seed, 10000);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::ConnectionFailed);
        QVERIFY2(
            result.error().message.contains(seed.toString()), qPrintable(result.error().message));
    }

    void missingCredentialsAreAnError()
    {
        Configuration config = testConfig();
        config.mysqlTopologyUser.clear();
        auto result = Discoverer::discoverBlocking(config, InstanceKey { u"db1"_s, 3306 }, 1000);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::ConfigError);
    }

    void frozenSeedTimesOut()
    {
        QTcpServer silent; // accepts, never greets
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        Configuration config = testConfig();
        config.mysqlConnectTimeoutSeconds = 2;
        const InstanceKey seed { u"127.0.0.1"_s, silent.serverPort() };
        auto result = Discoverer::discoverBlocking(config, seed, 300);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::Timeout);
        QVERIFY(result.error().message.contains(seed.toString()));
    }

    void unreachableSeedStillFinishes()
    {
        ProbePool pool(testConfig(), 2);
        Discoverer discoverer(&pool);
        QSignalSpy found(&discoverer, &Discoverer::instanceDiscovered);
        QSignalSpy finished(&discoverer, &Discoverer::finished);
        discoverer.start(refusedKey());
        QVERIFY(discoverer.isRunning());
        QVERIFY(finished.wait(5000));
        QCOMPARE(found.count(), 1);
        const auto records = finished.first().at(0).value<QList<InstanceRecord>>();
        QCOMPARE(records.size(), 1);
        QVERIFY(!records.first().reachable);
        QVERIFY(!discoverer.isRunning());
        QCOMPARE(discoverer.levels(), 1);
    }
};

QTEST_GUILESS_MAIN(TestDiscoverer)
#include "tst_discoverer.moc"
