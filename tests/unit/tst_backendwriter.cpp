// TopologyWriter merges probe results into the backend: clusters are recomputed over everything
// known, rows not probed follow their master into its cluster, and an unreachable instance only
// gets its attempt recorded.
#include <QTest>

#include "backend/clusteraliasstore.h"
#include "backend/instancestore.h"
#include "backend/topologywriter.h"
#include "backendtestsupport.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

namespace {

const QDateTime kT0 = QDateTime(QDate(2024, 5, 1), QTime(8, 0, 0), Qt::UTC);

InstanceRecord probed(const QString& name, const QString& master = {})
{
    InstanceRecord r;
    r.key = key(name);
    r.reachable = true;
    r.lastChecked = r.lastAttemptedCheck = r.lastSeen = kT0;
    r.version = u"10.11.6-MariaDB-log"_s;
    r.logBin = true;
    r.logSlaveUpdates = true;
    r.binlogFormat = u"ROW"_s;
    if (!master.isEmpty()) {
        r.masterKey = key(master);
        r.ioThreadRunning = r.sqlThreadRunning = true;
        r.readOnly = true;
    }
    return r;
}

InstanceRecord unreachable(const QString& name, const QDateTime& when)
{
    InstanceRecord r;
    r.key = key(name);
    r.reachable = false;
    r.lastAttemptedCheck = when;
    r.lastError = u"connection refused"_s;
    return r;
}

} // namespace

class TestBackendWriter final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Backend> m_backend;
    Configuration m_config;
    int m_serial = 0;

    InstanceRecord stored(const QString& name)
    {
        auto r = InstanceStore(*m_backend).read(key(name));
        return r && r->has_value() ? **r : InstanceRecord {};
    }
    QString placeOf(const QString& name)
    {
        const InstanceRecord r = stored(name);
        return r.clusterName + u'/' + QString::number(r.replicationDepth);
    }

private Q_SLOTS:
    void initTestCase() { isolateHome(m_dir); }
    void init()
    {
        const QString file = m_dir.filePath(u"writer-%1.sqlite3"_s.arg(++m_serial));
        m_config = sqliteConfig(file);
        m_backend = openSqlite(file);
        QVERIFY(m_backend);
    }
    void cleanup() { m_backend.reset(); }

    void clustersAreComputedOnWrite()
    {
        const TopologyWriter writer(*m_backend, m_config);
        QVERIFY(writer.record({ probed(u"b:3306"_s, u"a:3306"_s), probed(u"a:3306"_s),
            probed(u"c:3306"_s, u"b:3306"_s) }));
        QCOMPARE(placeOf(u"a:3306"_s), u"a:3306/0"_s);
        QCOMPARE(placeOf(u"b:3306"_s), u"a:3306/1"_s);
        QCOMPARE(placeOf(u"c:3306"_s), u"a:3306/2"_s);
    }

    void newMasterPullsKnownReplicasIntoItsCluster()
    {
        const TopologyWriter writer(*m_backend, m_config);
        // x replicates from n, which is not known yet: x heads its own cluster.
        QVERIFY(writer.record({ probed(u"x:3306"_s, u"n:3306"_s), probed(u"y:3306"_s, u"x:3306"_s),
            probed(u"other:3306"_s) }));
        QCOMPARE(placeOf(u"x:3306"_s), u"x:3306/0"_s);
        QCOMPARE(placeOf(u"y:3306"_s), u"x:3306/1"_s);

        InstanceRecord n = probed(u"n:3306"_s);
        n.lastChecked = n.lastAttemptedCheck = n.lastSeen = kT0.addSecs(30);
        QVERIFY(writer.record({ n }));
        QCOMPARE(placeOf(u"n:3306"_s), u"n:3306/0"_s);
        QCOMPARE(placeOf(u"x:3306"_s), u"n:3306/1"_s);
        QCOMPARE(placeOf(u"y:3306"_s), u"n:3306/2"_s);
        QCOMPARE(placeOf(u"other:3306"_s), u"other:3306/0"_s);
        // Rows that were not probed only changed their cluster, not their check times.
        QCOMPARE(stored(u"y:3306"_s).lastChecked, kT0);
        QCOMPARE(stored(u"y:3306"_s).lastSeen, kT0);
        QVERIFY(stored(u"y:3306"_s).reachable);
        auto cluster = InstanceStore(*m_backend).readCluster(u"n:3306"_s);
        QVERIFY(cluster.ok());
        QCOMPARE(cluster->size(), 3);
    }

    void unreachableKnownInstanceOnlyGetsItsAttempt()
    {
        const TopologyWriter writer(*m_backend, m_config);
        QVERIFY(writer.record({ probed(u"a:3306"_s), probed(u"b:3306"_s, u"a:3306"_s) }));
        const InstanceRecord before = stored(u"b:3306"_s);
        QVERIFY(writer.record({ unreachable(u"b:3306"_s, kT0.addSecs(60)),
            unreachable(u"ghost:3306"_s, kT0.addSecs(60)) }));
        const InstanceRecord after = stored(u"b:3306"_s);
        QVERIFY(!after.reachable);
        QCOMPARE(after.lastAttemptedCheck, kT0.addSecs(60));
        QCOMPARE(after.lastChecked, kT0.addSecs(60));
        QCOMPARE(after.lastSeen, kT0);
        QCOMPARE(after.version, before.version);
        QCOMPARE(after.masterKey, before.masterKey);
        QCOMPARE(after.clusterName, u"a:3306"_s);
        QCOMPARE(after.replicationDepth, 1);
        QCOMPARE(rowCount(*m_backend, u"database_instance"_s), 2); // no row for ghost
    }

    void unreachableReplicaFollowsItsNewMaster()
    {
        const TopologyWriter writer(*m_backend, m_config);
        QVERIFY(
            writer.record({ probed(u"x:3306"_s, u"n:3306"_s), probed(u"y:3306"_s, u"x:3306"_s) }));
        // One poll round: n answers for the first time, x does not answer.
        QVERIFY(writer.record({ probed(u"n:3306"_s), unreachable(u"x:3306"_s, kT0.addSecs(60)) }));
        QCOMPARE(placeOf(u"y:3306"_s), u"n:3306/2"_s);
        QCOMPARE(placeOf(u"x:3306"_s), u"n:3306/1"_s);
        QCOMPARE(stored(u"x:3306"_s).lastAttemptedCheck, kT0.addSecs(60));
        QVERIFY(!stored(u"x:3306"_s).reachable);
    }

    void rootRecordsItsSuggestedAlias()
    {
        InstanceRecord root = probed(u"a:3306"_s);
        root.suggestedClusterAlias = u"s1"_s;
        InstanceRecord replica = probed(u"b:3306"_s, u"a:3306"_s);
        replica.suggestedClusterAlias = u"not-a-root"_s;
        QVERIFY(TopologyWriter(*m_backend, m_config).record({ root, replica }));
        const ClusterAliasStore aliases(*m_backend, m_config);
        QCOMPARE(aliases.aliasOf(u"a:3306"_s).value(), u"s1"_s);
        QCOMPARE(aliases.clusterFor(u"s1"_s).value(), u"a:3306"_s);
        QCOMPARE(rowCount(*m_backend, u"cluster_alias"_s), 1);
    }

    void readOnlyBackendIsRefused()
    {
        QVERIFY(m_backend->exec(u"INSERT INTO topograph_schema (version, app_version) "
                                "VALUES (99, '9.9.9')"_s));
        m_backend.reset();
        m_backend = openSqlite(m_config.sqlite3DataFile);
        QVERIFY(m_backend && m_backend->isReadOnly());
        auto done = TopologyWriter(*m_backend, m_config).record({ probed(u"a:3306"_s) });
        QVERIFY(!done.ok());
        QCOMPARE(done.error().message, m_backend->readOnlyReason());
        QCOMPARE(rowCount(*m_backend, u"database_instance"_s), 0);
    }
};

QTEST_GUILESS_MAIN(TestBackendWriter)
#include "tst_backendwriter.moc"
