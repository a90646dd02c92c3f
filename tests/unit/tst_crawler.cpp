#include <QHash>
#include <QSet>
#include <QTest>

#include "probe/instancerecord.h"
#include "topology/crawler.h"

using namespace Qt::StringLiterals;
using topograph::Crawler;
using topograph::InstanceKey;
using topograph::InstanceRecord;

namespace topograph {
// Found by QTest through ADL: failing comparisons print "host:port".
char* toString(const InstanceKey& key)
{
    return QTest::toString(key.toString());
}
} // namespace topograph

namespace {

InstanceKey key(const QString& text)
{
    return *InstanceKey::parse(text, 3306);
}

InstanceRecord node(const QString& name, const QString& master, const QStringList& replicas)
{
    InstanceRecord r;
    r.key = key(name);
    r.reachable = true;
    if (!master.isEmpty()) {
        r.masterKey = key(master);
        r.ioThreadRunning = r.sqlThreadRunning = true;
    }
    for (const QString& replica : replicas) {
        r.replicaKeys << key(replica);
    }
    return r;
}

// A fleet the fake probe answers from; keys outside it are unreachable. Counts probes per key.
struct FakeFleet
{
    QHash<InstanceKey, InstanceRecord> records;
    QHash<InstanceKey, int> calls;

    void add(const InstanceRecord& r) { records.insert(r.key, r); }

    Crawler::ProbeFunction probe()
    {
        return [this](const InstanceKey& k) {
            ++calls[k];
            if (records.contains(k)) {
                return records.value(k);
            }
            InstanceRecord dead;
            dead.key = k;
            dead.lastError = u"connection refused"_s;
            return dead;
        };
    }

    int totalCalls() const
    {
        int total = 0;
        for (const int n : calls) {
            total += n;
        }
        return total;
    }
};

// master -> replica1 -> replica1a; master -> replica2, replica0 (as SHOW SLAVE HOSTS reports them).
void addFiveInstances(FakeFleet& fleet)
{
    fleet.add(node(u"master"_s, {}, { u"replica1"_s, u"replica2"_s, u"replica0"_s }));
    fleet.add(node(u"replica1"_s, u"master"_s, { u"replica1a"_s }));
    fleet.add(node(u"replica1a"_s, u"replica1"_s, {}));
    fleet.add(node(u"replica2"_s, u"master"_s, {}));
    fleet.add(node(u"replica0"_s, u"master"_s, {}));
}

QList<InstanceKey> keysOf(const QList<InstanceRecord>& records)
{
    QList<InstanceKey> keys;
    for (const InstanceRecord& r : records) {
        keys << r.key;
    }
    return keys;
}

QSet<InstanceKey> keySet(const QList<InstanceRecord>& records)
{
    const QList<InstanceKey> keys = keysOf(records);
    return QSet<InstanceKey>(keys.begin(), keys.end());
}

} // namespace

class TestCrawler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsWholeTopology_data();
    void findsWholeTopology();
    void discoveryOrder();
    void unreachableIncludedAndCrawlContinues();
    void unreachableSeed();
    void duplicateReferencesProbedOnce();
    void coMasterCycle();
    void maxInstances_data();
    void maxInstances();
};

void TestCrawler::findsWholeTopology_data()
{
    QTest::addColumn<QString>("seed");
    QTest::newRow("from the master") << u"master"_s;
    QTest::newRow("from an intermediate") << u"replica1"_s;
    QTest::newRow("from a leaf two levels down") << u"replica1a"_s;
    QTest::newRow("from a sibling leaf") << u"replica0"_s;
}

void TestCrawler::findsWholeTopology()
{
    QFETCH(QString, seed);
    FakeFleet fleet;
    addFiveInstances(fleet);
    fleet.add(node(u"other-cluster"_s, {}, {})); // never referenced: never probed

    const QList<InstanceRecord> found = Crawler(fleet.probe()).crawl(key(seed));
    QCOMPARE(found.size(), 5);
    QCOMPARE(found.first().key, key(seed));
    const QSet<InstanceKey> expected { key(u"master"_s), key(u"replica1"_s), key(u"replica1a"_s),
        key(u"replica2"_s), key(u"replica0"_s) };
    QCOMPARE(keySet(found), expected);
    for (const InstanceRecord& r : found) {
        QVERIFY(r.reachable);
        QCOMPARE(r.masterKey, fleet.records.value(r.key).masterKey);
        QCOMPARE(r.replicaKeys, fleet.records.value(r.key).replicaKeys);
    }
    // Each key probed exactly once, nothing else probed.
    QCOMPARE(fleet.calls.size(), 5);
    for (auto it = fleet.calls.cbegin(); it != fleet.calls.cend(); ++it) {
        QVERIFY2(it.value() == 1, qPrintable(it.key().toString()));
    }
    QVERIFY(!fleet.calls.contains(key(u"other-cluster"_s)));
}

void TestCrawler::discoveryOrder()
{
    FakeFleet fleet;
    addFiveInstances(fleet);
    const QList<InstanceKey> fromMaster = keysOf(Crawler(fleet.probe()).crawl(key(u"master"_s)));
    const QList<InstanceKey> expected { key(u"master"_s), key(u"replica1"_s), key(u"replica2"_s),
        key(u"replica0"_s), key(u"replica1a"_s) };
    QCOMPARE(fromMaster, expected);
}

void TestCrawler::unreachableIncludedAndCrawlContinues()
{
    FakeFleet fleet;
    // "dead" is listed first among the master's replicas; the crawl must go on past it.
    fleet.add(node(u"master"_s, {}, { u"dead"_s, u"replica1"_s }));
    fleet.add(node(u"replica1"_s, u"master"_s, { u"replica1a"_s, u"dead2"_s }));
    fleet.add(node(u"replica1a"_s, u"replica1"_s, {}));

    const QList<InstanceRecord> found = Crawler(fleet.probe()).crawl(key(u"replica1a"_s));
    QCOMPARE(keySet(found),
        (QSet<InstanceKey> { key(u"master"_s), key(u"replica1"_s), key(u"replica1a"_s),
            key(u"dead"_s), key(u"dead2"_s) }));
    int unreachable = 0;
    for (const InstanceRecord& r : found) {
        if (!r.reachable) {
            ++unreachable;
            QVERIFY(r.key == key(u"dead"_s) || r.key == key(u"dead2"_s));
            QCOMPARE(r.lastError, u"connection refused"_s);
        }
    }
    QCOMPARE(unreachable, 2);
    QCOMPARE(fleet.calls.value(key(u"dead"_s)), 1);
    QCOMPARE(fleet.calls.value(key(u"dead2"_s)), 1);
    QCOMPARE(fleet.totalCalls(), 5);
}

void TestCrawler::unreachableSeed()
{
    FakeFleet fleet;
    addFiveInstances(fleet);
    const QList<InstanceRecord> found = Crawler(fleet.probe()).crawl(key(u"nowhere"_s));
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().key, key(u"nowhere"_s));
    QVERIFY(!found.first().reachable);
    QCOMPARE(fleet.totalCalls(), 1);
}

void TestCrawler::duplicateReferencesProbedOnce()
{
    FakeFleet fleet;
    // The replica is named twice by the master, and names the master and itself back.
    fleet.add(node(u"master"_s, {}, { u"replica1"_s, u"replica1"_s, u"master"_s }));
    fleet.add(node(u"replica1"_s, u"master"_s, { u"master"_s, u"replica1"_s }));

    const QList<InstanceRecord> found = Crawler(fleet.probe()).crawl(key(u"master"_s));
    QCOMPARE(keysOf(found), (QList<InstanceKey> { key(u"master"_s), key(u"replica1"_s) }));
    QCOMPARE(fleet.calls.value(key(u"master"_s)), 1);
    QCOMPARE(fleet.calls.value(key(u"replica1"_s)), 1);
}

void TestCrawler::coMasterCycle()
{
    FakeFleet fleet;
    fleet.add(node(u"a"_s, u"b"_s, { u"b"_s, u"c"_s }));
    fleet.add(node(u"b"_s, u"a"_s, { u"a"_s }));
    fleet.add(node(u"c"_s, u"a"_s, {}));

    const QList<InstanceRecord> found = Crawler(fleet.probe()).crawl(key(u"c"_s));
    QCOMPARE(found.size(), 3);
    QCOMPARE(keySet(found), (QSet<InstanceKey> { key(u"a"_s), key(u"b"_s), key(u"c"_s) }));
    QCOMPARE(fleet.totalCalls(), 3);
}

void TestCrawler::maxInstances_data()
{
    QTest::addColumn<int>("maxInstances");
    QTest::addColumn<int>("expected");
    QTest::newRow("bound below the fleet") << 3 << 3;
    QTest::newRow("bound of one") << 1 << 1;
    QTest::newRow("bound equal to the fleet") << 10 << 10;
    QTest::newRow("bound above the fleet") << 50 << 10;
    QTest::newRow("default bound") << -1 << 10;
}

void TestCrawler::maxInstances()
{
    QFETCH(int, maxInstances);
    QFETCH(int, expected);

    // A star: h0 with nine replicas.
    FakeFleet fleet;
    QStringList replicas;
    for (int i = 1; i < 10; ++i) {
        replicas << u"h%1"_s.arg(i);
        fleet.add(node(replicas.last(), u"h0"_s, {}));
    }
    fleet.add(node(u"h0"_s, {}, replicas));

    const Crawler crawler
        = maxInstances < 0 ? Crawler(fleet.probe()) : Crawler(fleet.probe(), maxInstances);
    const QList<InstanceRecord> found = crawler.crawl(key(u"h5"_s));
    QCOMPARE(found.size(), expected);
    QCOMPARE(fleet.totalCalls(), expected); // the bound stops probing, not just collecting
    QCOMPARE(found.first().key, key(u"h5"_s));
}

QTEST_GUILESS_MAIN(TestCrawler)
#include "tst_crawler.moc"
