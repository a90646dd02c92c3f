// DiscoveryIgnoreHostnameFilters (and forgotten keys) in the fleet engine: an ignored key is never
// polled, followed, discovered or written — the seed of a discovery included.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "backend/instancestore.h"
#include "backend/topologywriter.h"
#include "backendtestsupport.h"
#include "discovery/discoverer.h"
#include "discovery/poller.h"
#include "discovery/probepool.h"
#include "ghostfixture.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

namespace {

Configuration ignoring(const QStringList& filters)
{
    Configuration config;
    config.mysqlTopologyUser = u"topograph-test"_s;
    config.mysqlConnectTimeoutSeconds = 1;
    config.instancePollSeconds = 1;
    config.discoveryIgnoreHostnameFilters = filters;
    return config;
}

} // namespace

class TestDiscoveryIgnore final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void pollerNeverPollsIgnoredKeys()
    {
        const Configuration config = ignoring({ u"^pc1008:"_s });
        ProbePool pool(config, 1);
        Poller poller(&pool, config);
        poller.setKeys({ ghostKey(u"pc1008:3306"_s), ghostKey(u"db1:3306"_s) });
        QCOMPARE(poller.keys(), QList { ghostKey(u"db1:3306"_s) });
        poller.addKey(ghostKey(u"pc1008:3307"_s));
        QCOMPARE(poller.keys().size(), 1);
        // A predicate set later (forgotten keys) also drops the keys already polled.
        poller.addKey(ghostKey(u"db2:3306"_s));
        poller.setIgnore([](const InstanceKey& key) { return key.host == u"db1"_s; });
        QCOMPARE(poller.keys(), QList { ghostKey(u"db2:3306"_s) });
        poller.addKey(ghostKey(u"db1:3306"_s));
        QCOMPARE(poller.keys(), QList { ghostKey(u"db2:3306"_s) });
        pool.shutdown();
    }

    void discovererSkipsIgnoredKeysAndSeeds()
    {
        const Configuration config = ignoring({});
        ProbePool pool(config, 1);
        Discoverer discoverer(&pool);
        discoverer.setIgnore([](const InstanceKey& key) { return key.host == u"pc1008"_s; });
        QSignalSpy finished(&discoverer, &Discoverer::finished);
        discoverer.start(ghostKey(u"pc1008:3306"_s));
        QVERIFY(finished.wait(10000));
        QVERIFY(finished.first().first().value<QList<InstanceRecord>>().isEmpty());
        QVERIFY(!discoverer.isRunning());
        pool.shutdown();
    }

    void blockingDiscoveryRefusesAnIgnoredSeed()
    {
        auto found = Discoverer::discoverBlocking(
            ignoring({ u"^pc1008:3306$"_s }), ghostKey(u"pc1008:3306"_s), 10000);
        QVERIFY(!found);
        QCOMPARE(found.error().code, ErrorCode::Refused);
        QVERIFY(found.error().message.contains(u"DiscoveryIgnoreHostnameFilters"_s));
    }

    void writerNeverWritesIgnoredKeys()
    {
        isolateHome(m_dir);
        auto backend = openSqlite(m_dir.filePath(u"w.sqlite3"_s));
        QVERIFY(backend);
        const Configuration config = ignoring({ u"^pc1008:"_s });
        const QString live = u"pc1008.eqiad.wmnet:3306"_s;
        QVERIFY(TopologyWriter(*backend, config)
                    .record({ liveRecord(live, live),
                        liveRecord(u"pc1008:3306"_s, u"pc1008:3306"_s) }));
        auto rows = InstanceStore(*backend).readAll();
        QVERIFY(rows);
        QCOMPARE(rows->size(), 1);
        QCOMPARE(rows->first().key, ghostKey(live));
    }
};

QTEST_GUILESS_MAIN(TestDiscoveryIgnore)
#include "tst_discoveryignore.moc"
