// InstanceStore on SQLite: every stored field of an InstanceRecord survives a write and a read,
// failed probes record only the attempt, forget removes what hangs off an instance.
#include <QTest>

#include "backend/instancestore.h"
#include "backend/tagstore.h"
#include "backendtestsupport.h"
#include "recordfixture.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

class TestInstanceStore final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Backend> m_backend;
    int m_serial = 0;

private Q_SLOTS:
    void initTestCase() { isolateHome(m_dir); }
    void init()
    {
        m_backend = openSqlite(m_dir.filePath(u"store-%1.sqlite3"_s.arg(++m_serial)));
        QVERIFY(m_backend);
    }
    void cleanup() { m_backend.reset(); }

    void roundTrip_data()
    {
        QTest::addColumn<InstanceRecord>("record");
        QTest::newRow("mariadb") << fullRecord(Flavor::MariaDB);
        QTest::newRow("mysql") << fullRecord(Flavor::MySQL);
        InstanceRecord offset = fullRecord(Flavor::MySQL);
        // A time given in another zone and with milliseconds comes back as the same UTC second.
        offset.lastChecked
            = QDateTime(QDate(2024, 3, 1), QTime(14, 30, 45, 999), Qt::OffsetFromUTC, 7200);
        QTest::newRow("offset time") << offset;
    }
    void roundTrip()
    {
        QFETCH(InstanceRecord, record);
        const InstanceStore store(*m_backend);
        QVERIFY(store.write({ record }));
        auto read = store.read(record.key);
        QVERIFY(read.ok());
        QVERIFY(read->has_value());
        const InstanceRecord& r = **read;
        verifyStoredFields(r, record);
        // Not stored (database_instance has no column for them): lastError, gtidSlavePos,
        // gtidBinlogPos; pseudoGtid is only read; usingGtid comes back as "Slave_Pos" for any
        // MariaDB GTID mode (mariadb_gtid is a flag).
    }

    void mariadbGtidPositionWithoutGtidReplication_data()
    {
        QTest::addColumn<InstanceRecord>("record");
        InstanceRecord primary = fullRecord(Flavor::MariaDB);
        primary.masterKey.reset();
        primary.usingGtid.clear(); // a primary has no Using_Gtid
        QTest::newRow("MariaDB primary") << primary;
        InstanceRecord filepos = fullRecord(Flavor::MariaDB);
        filepos.usingGtid = u"No"_s;
        QTest::newRow("MariaDB file:pos replica") << filepos;
    }
    void mariadbGtidPositionWithoutGtidReplication()
    {
        QFETCH(InstanceRecord, record);
        const InstanceStore store(*m_backend);
        QVERIFY(store.write({ record }));
        const InstanceRecord r = store.read(record.key).value().value();
        QCOMPARE(r.gtidCurrentPos, record.gtidCurrentPos);
        QCOMPARE(r.flavor, Flavor::MariaDB);
    }

    void nullsSurviveAsNullopt()
    {
        InstanceRecord record = fullRecord(Flavor::MariaDB);
        record.secondsBehindMaster.reset();
        record.replicationLagSeconds.reset();
        record.masterKey.reset();
        record.replicaKeys.clear();
        const InstanceStore store(*m_backend);
        QVERIFY(store.write({ record }));
        auto read = store.read(record.key);
        QVERIFY(read.ok() && read->has_value());
        QVERIFY(!(*read)->secondsBehindMaster.has_value());
        QVERIFY(!(*read)->replicationLagSeconds.has_value());
        QVERIFY(!(*read)->masterKey.has_value());
        QVERIFY((*read)->replicaKeys.isEmpty());
        QCOMPARE(rowCount(*m_backend, u"database_instance"_s,
                     u"seconds_behind_master IS NULL AND slave_lag_seconds IS NULL"_s),
            1);
        // A measured lag of zero is a value, not NULL.
        record.secondsBehindMaster = 0;
        QVERIFY(store.write({ record }));
        QCOMPARE(store.read(record.key).value()->secondsBehindMaster, std::optional<qint64>(0));
    }

    void rewriteKeepsFirstSeen()
    {
        const InstanceStore store(*m_backend);
        const InstanceRecord record = fullRecord(Flavor::MariaDB);
        QVERIFY(store.write({ record }));
        QVERIFY(
            m_backend->exec(u"UPDATE database_instance SET first_seen = '2020-01-01 00:00:00'"_s));
        QVERIFY(store.write({ record }));
        QCOMPARE(rowCount(*m_backend, u"database_instance"_s), 1);
        QCOMPARE(
            rowCount(*m_backend, u"database_instance"_s, u"first_seen = '2020-01-01 00:00:00'"_s),
            1);
    }

    void failedProbeRecordsTheAttemptOnly()
    {
        const InstanceStore store(*m_backend);
        const InstanceRecord seen = fullRecord(Flavor::MariaDB);
        QVERIFY(store.write({ seen }));
        InstanceRecord failed;
        failed.key = seen.key;
        failed.reachable = false;
        failed.lastAttemptedCheck = kT0.addSecs(60);
        failed.lastError = u"connection refused"_s;
        QVERIFY(store.write({ failed }));
        const InstanceRecord r = store.read(seen.key).value().value();
        QCOMPARE(r.lastAttemptedCheck, kT0.addSecs(60));
        QCOMPARE(r.lastChecked, kT0.addSecs(60));
        QCOMPARE(r.lastSeen, kT0);
        QVERIFY(!r.reachable);
        QCOMPARE(r.version, seen.version); // what was known stays
        QCOMPARE(r.masterKey, seen.masterKey);
        QCOMPARE(r.clusterName, seen.clusterName);
    }

    void failedProbeOfUnknownInstanceWritesNothing()
    {
        InstanceRecord failed;
        failed.key = key(u"ghost:3306"_s);
        failed.reachable = false;
        failed.lastAttemptedCheck = kT0;
        QVERIFY(InstanceStore(*m_backend).write({ failed }));
        QCOMPARE(rowCount(*m_backend, u"database_instance"_s), 0);
    }

    void forgetDeletesTheRowAndItsTags()
    {
        const InstanceStore store(*m_backend);
        InstanceRecord other = fullRecord(Flavor::MySQL);
        other.key = key(u"db9:3306"_s);
        const InstanceRecord record = fullRecord(Flavor::MariaDB);
        QVERIFY(store.write({ record, other }));
        const TagStore tags(*m_backend);
        QVERIFY(tags.tag(record.key, u"role"_s, u"backup"_s));
        QVERIFY(tags.tag(other.key, u"role"_s, u"backup"_s));
        auto forgotten = store.forget(record.key);
        QVERIFY(forgotten.ok());
        QVERIFY(*forgotten);
        QVERIFY(!store.read(record.key).value().has_value());
        QCOMPARE(tags.tagsOf(record.key).value().size(), 0);
        QCOMPARE(tags.tagsOf(other.key).value().size(), 1);
        QCOMPARE(store.readAll().value().size(), 1);
        auto again = store.forget(record.key);
        QVERIFY(again.ok());
        QVERIFY(!*again);
    }

    void readCluster()
    {
        const InstanceStore store(*m_backend);
        QList<InstanceRecord> records;
        for (const auto& [name, cluster] : QList<std::pair<QString, QString>> {
                 { u"b:3306"_s, u"a:3306"_s }, { u"a:3306"_s, u"a:3306"_s },
                 { u"x:3306"_s, u"x:3306"_s }, { u"c:3306"_s, u"a:3306"_s } }) {
            InstanceRecord r;
            r.key = key(name);
            r.reachable = true;
            r.clusterName = cluster;
            records << r;
        }
        QVERIFY(store.write(records));
        auto cluster = store.readCluster(u"a:3306"_s);
        QVERIFY(cluster.ok());
        QList<InstanceKey> keys;
        for (const InstanceRecord& r : *cluster) {
            keys << r.key;
        }
        QCOMPARE(
            keys, QList<InstanceKey>({ key(u"a:3306"_s), key(u"b:3306"_s), key(u"c:3306"_s) }));
        QVERIFY(store.readCluster(u"nosuch:3306"_s).value().isEmpty());
        QCOMPARE(store.readAll().value().size(), 4);
    }
};

QTEST_GUILESS_MAIN(TestInstanceStore)
#include "tst_instancestore.moc"
