// Discovery on the real sandboxes: from the deepest leaf every instance is found with its master,
// one probe level after another; with DiscoverByShowSlaveHosts off, replicas come from the
// processlist, which in the sandbox (every replica connects from 127.0.0.1) finds exactly what it
// can: the instances on DefaultInstancePort.
#include <QElapsedTimer>
#include <QQueue>
#include <QSignalSpy>
#include <QTest>

#include "discovery/discoverer.h"
#include "discovery/probepool.h"
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

const SandboxInstance* byKey(const Sandbox& sandbox, const InstanceKey& key)
{
    for (const SandboxInstance& i : sandbox.instances) {
        if (i.key == key) {
            return &i;
        }
    }
    return nullptr;
}

// Breadth-first distance over master and replica edges: the levels a crawl needs.
int expectedLevels(const Sandbox& sandbox, int seed)
{
    QHash<int, int> level { { seed, 1 } };
    QQueue<int> queue;
    queue.enqueue(seed);
    int deepest = 1;
    while (!queue.isEmpty()) {
        const int n = queue.dequeue();
        for (const SandboxInstance& i : sandbox.instances) {
            const bool neighbour = i.number == sandbox.instance(n).master || i.master == n;
            if (neighbour && !level.contains(i.number)) {
                level.insert(i.number, level.value(n) + 1);
                deepest = std::max(deepest, level.value(i.number));
                queue.enqueue(i.number);
            }
        }
    }
    return deepest;
}

Configuration fastConfig(const Sandbox& sandbox)
{
    Configuration config = sandbox.config;
    config.mysqlConnectTimeoutSeconds = 1;
    config.mysqlDiscoveryReadTimeoutSeconds = 2;
    return config;
}

} // namespace

class TestDiscovery final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromDeepestLeafFindsAll_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("gtid") << u"gtid"_s;
        QTest::newRow("filepos") << u"filepos"_s;
    }

    void fromDeepestLeafFindsAll()
    {
        QFETCH(QString, mode);
        SANDBOX_OR_SKIP(mode)
        Configuration config = fastConfig(sandbox);
        config.discoverByShowSlaveHosts = true;
        const SandboxInstance& leaf = sandbox.deepest();
        QElapsedTimer timer;
        timer.start();
        auto result = Discoverer::discoverBlocking(config, leaf.key, 20000);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QVERIFY(timer.elapsed() < 5000);
        const QList<InstanceRecord>& records = *result;
        QCOMPARE(records.size(), sandbox.instances.size());
        QCOMPARE(records.first().key, leaf.key); // the seed comes first
        QSet<InstanceKey> seen;
        for (const InstanceRecord& record : records) {
            QVERIFY2(record.reachable, qPrintable(record.lastError));
            QVERIFY2(!seen.contains(record.key), "each key is probed once");
            seen.insert(record.key);
            const SandboxInstance* expected = byKey(sandbox, record.key);
            QVERIFY(expected);
            QCOMPARE(record.serverId, static_cast<quint32>(expected->number));
            if (expected->master == 0) {
                QVERIFY(!record.isReplica());
            } else {
                QCOMPARE(*record.masterKey, sandbox.instance(expected->master).key);
            }
        }
    }

    void crawlsOneLevelAtATime()
    {
        SANDBOX_OR_SKIP(u"gtid"_s)
        ProbePool pool(fastConfig(sandbox), 8);
        Discoverer discoverer(&pool);
        QSignalSpy discovered(&discoverer, &Discoverer::instanceDiscovered);
        QSignalSpy finished(&discoverer, &Discoverer::finished);
        const SandboxInstance& leaf = sandbox.deepest();
        discoverer.start(leaf.key);
        QVERIFY(finished.wait(20000));
        QCOMPARE(discovered.count(), sandbox.instances.size());
        QCOMPARE(
            finished.first().at(0).value<QList<InstanceRecord>>().size(), sandbox.instances.size());
        // Every key of a level is sent together: as many levels as the tree's breadth-first depth
        // from the seed, not one per instance.
        QCOMPARE(discoverer.levels(), expectedLevels(sandbox, leaf.number));
        QVERIFY(discoverer.levels() < sandbox.instances.size());
    }

    // The processlist shows a replica's address, not the port it listens on: every sandbox
    // replica appears as 127.0.0.1 with DefaultInstancePort (the primary's port). From the leaf,
    // the chain of masters is found through the replica status; the other replicas are not.
    void processlistFindsOnlyTheDefaultPort_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("gtid") << u"gtid"_s;
        QTest::newRow("filepos") << u"filepos"_s;
    }

    void processlistFindsOnlyTheDefaultPort()
    {
        QFETCH(QString, mode);
        SANDBOX_OR_SKIP(mode)
        Configuration config = fastConfig(sandbox);
        config.discoverByShowSlaveHosts = false;
        QCOMPARE(config.defaultInstancePort, static_cast<int>(sandbox.primary().key.port));
        const SandboxInstance& leaf = sandbox.deepest();
        auto result = Discoverer::discoverBlocking(config, leaf.key, 20000);
        QVERIFY(result.ok());
        QSet<InstanceKey> expected;
        for (int n = leaf.number; n != 0; n = sandbox.instance(n).master) {
            expected.insert(sandbox.instance(n).key);
        }
        QSet<InstanceKey> found;
        for (const InstanceRecord& record : *result) {
            QVERIFY2(record.reachable, qPrintable(record.lastError));
            found.insert(record.key);
            const SandboxInstance* instance = byKey(sandbox, record.key);
            QVERIFY(instance);
            if (instance->master != 0) {
                QCOMPARE(*record.masterKey, sandbox.instance(instance->master).key);
            }
            for (const InstanceKey& replica : record.replicaKeys) {
                QCOMPARE(replica.host, u"127.0.0.1"_s);
                QCOMPARE(static_cast<int>(replica.port), config.defaultInstancePort);
            }
            // A master with replicas lists "127.0.0.1:<default port>" (wrong, the limitation),
            // except the primary, whose replicas map onto itself and are dropped.
            const bool hasReplicas
                = std::any_of(sandbox.instances.cbegin(), sandbox.instances.cend(),
                    [instance](const SandboxInstance& i) { return i.master == instance->number; });
            QCOMPARE(
                record.replicaKeys.isEmpty(), !hasReplicas || record.key == sandbox.primary().key);
        }
        QCOMPARE(found, expected);

        auto fromPrimary = Discoverer::discoverBlocking(config, sandbox.primary().key, 20000);
        QVERIFY(fromPrimary.ok());
        QCOMPARE(fromPrimary->size(), 1);
    }

    void unreachableSeedIsAnError()
    {
        SANDBOX_OR_SKIP(u"gtid"_s)
        const InstanceKey dead { sandbox.primary().key.host,
            static_cast<quint16>(sandbox.primary().key.port + 50) };
        auto result = Discoverer::discoverBlocking(fastConfig(sandbox), dead, 20000);
        QVERIFY(!result.ok());
        QVERIFY(result.error().message.contains(dead.toString()));
    }
};

QTEST_GUILESS_MAIN(TestDiscovery)
#include "tst_discovery.moc"
