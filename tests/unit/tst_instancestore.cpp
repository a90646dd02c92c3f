// InstanceStore on SQLite: every stored field of an InstanceRecord survives a write and a read,
// failed probes record only the attempt, forget removes what hangs off an instance.
#include <QTest>

#include "backend/instancestore.h"
#include "backend/tagstore.h"
#include "backendtestsupport.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

Q_DECLARE_METATYPE(topograph::InstanceRecord)

namespace {

const QDateTime kT0 = QDateTime(QDate(2024, 3, 1), QTime(12, 30, 45), Qt::UTC);

// Every field the store keeps, with values that differ from the defaults.
InstanceRecord fullRecord(Flavor flavor)
{
    InstanceRecord r;
    r.key = key(u"db1.example.org:3307"_s);
    r.reachable = true;
    r.lastChecked = kT0;
    r.lastAttemptedCheck = kT0;
    r.lastSeen = kT0;
    r.lastCheckPartialSuccess = true;
    r.probeLatencyMs = 42;
    r.flavor = flavor;
    r.serverId = 4000000001u;
    r.version = flavor == Flavor::MariaDB ? u"10.11.6-MariaDB-log"_s : u"8.0.36"_s;
    r.versionComment = u"a comment"_s;
    r.uptimeSeconds = 123456;
    r.readOnly = true;
    r.logBin = true;
    r.logSlaveUpdates = true;
    r.binlogFormat = u"ROW"_s;
    r.binlogRowImage = u"FULL"_s;
    r.binaryLogFile = u"db1-bin.000042"_s;
    r.binaryLogPos = 5000000000LL;
    r.semiSyncMasterEnabled = true;
    r.semiSyncReplicaEnabled = true;
    r.masterKey = key(u"db0.example.org:3306"_s);
    r.ioThreadRunning = true;
    r.sqlThreadRunning = true;
    r.masterLogFile = u"db0-bin.000007"_s;
    r.readMasterLogPos = 7777;
    r.relayMasterLogFile = u"db0-bin.000006"_s;
    r.execMasterLogPos = 6666;
    r.relayLogFile = u"db1-relay.000003"_s;
    r.relayLogPos = 333;
    r.lastSqlError = u"sql error"_s;
    r.lastIoError = u"io error"_s;
    r.secondsBehindMaster = 17;
    r.replicationLagSeconds = 19;
    r.sqlDelay = 3600;
    r.hasReplicationFilters = true;
    r.allowTls = true;
    r.replicaKeys = { key(u"db2.example.org:3306"_s), key(u"db3:3310"_s) };
    r.clusterName = u"db0.example.org:3306"_s;
    r.suggestedClusterAlias = u"s1"_s;
    r.dataCenter = u"eqiad"_s;
    r.region = u"us-east"_s;
    r.physicalEnvironment = u"prod"_s;
    r.instanceAlias = u"db1"_s;
    r.replicationDepth = 2;
    r.isCoMaster = true;
    r.gtidMode = u"ON"_s;
    r.gtidPurged = u"uuid:1-5"_s;
    if (flavor == Flavor::MariaDB) {
        r.usingGtid = u"Slave_Pos"_s;
        r.gtidCurrentPos = u"0-1-100,1-2-5"_s;
    } else {
        r.serverUuid = u"3e11fa47-71ca-11e1-9e33-c80aa9429562"_s;
        r.masterUuid = u"4e11fa47-71ca-11e1-9e33-c80aa9429562"_s;
        r.supportsOracleGtid = true;
        r.oracleGtid = true;
        r.executedGtidSet = u"3e11fa47-71ca-11e1-9e33-c80aa9429562:1-100"_s;
    }
    return r;
}

} // namespace

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
        const InstanceRecord &r = **read;
        QCOMPARE(r.key, record.key);
        QCOMPARE(r.reachable, true);
        QCOMPARE(r.lastChecked, kT0);
        QCOMPARE(r.lastChecked.timeSpec(), Qt::UTC);
        QCOMPARE(r.lastAttemptedCheck, kT0);
        QCOMPARE(r.lastSeen, kT0);
        QCOMPARE(r.lastCheckPartialSuccess, record.lastCheckPartialSuccess);
        QCOMPARE(r.probeLatencyMs, record.probeLatencyMs);
        QCOMPARE(r.flavor, record.flavor);
        QCOMPARE(r.serverId, record.serverId);
        QCOMPARE(r.serverUuid, record.serverUuid);
        QCOMPARE(r.version, record.version);
        QCOMPARE(r.versionComment, record.versionComment);
        QCOMPARE(r.uptimeSeconds, record.uptimeSeconds);
        QCOMPARE(r.readOnly, record.readOnly);
        QCOMPARE(r.logBin, record.logBin);
        QCOMPARE(r.logSlaveUpdates, record.logSlaveUpdates);
        QCOMPARE(r.binlogFormat, record.binlogFormat);
        QCOMPARE(r.binlogRowImage, record.binlogRowImage);
        QCOMPARE(r.binaryLogFile, record.binaryLogFile);
        QCOMPARE(r.binaryLogPos, record.binaryLogPos);
        QCOMPARE(r.semiSyncMasterEnabled, record.semiSyncMasterEnabled);
        QCOMPARE(r.semiSyncReplicaEnabled, record.semiSyncReplicaEnabled);
        QCOMPARE(r.masterKey, record.masterKey);
        QCOMPARE(r.ioThreadRunning, record.ioThreadRunning);
        QCOMPARE(r.sqlThreadRunning, record.sqlThreadRunning);
        QCOMPARE(r.masterLogFile, record.masterLogFile);
        QCOMPARE(r.readMasterLogPos, record.readMasterLogPos);
        QCOMPARE(r.relayMasterLogFile, record.relayMasterLogFile);
        QCOMPARE(r.execMasterLogPos, record.execMasterLogPos);
        QCOMPARE(r.relayLogFile, record.relayLogFile);
        QCOMPARE(r.relayLogPos, record.relayLogPos);
        QCOMPARE(r.lastSqlError, record.lastSqlError);
        QCOMPARE(r.lastIoError, record.lastIoError);
        QCOMPARE(r.secondsBehindMaster, record.secondsBehindMaster);
        QCOMPARE(r.replicationLagSeconds, record.replicationLagSeconds);
        QCOMPARE(r.sqlDelay, record.sqlDelay);
        QCOMPARE(r.hasReplicationFilters, record.hasReplicationFilters);
        QCOMPARE(r.allowTls, record.allowTls);
        QCOMPARE(r.masterUuid, record.masterUuid);
        QCOMPARE(r.usingGtid, record.usingGtid);
        QCOMPARE(r.gtidCurrentPos, record.gtidCurrentPos);
        QCOMPARE(r.supportsOracleGtid, record.supportsOracleGtid);
        QCOMPARE(r.oracleGtid, record.oracleGtid);
        QCOMPARE(r.gtidMode, record.gtidMode);
        QCOMPARE(r.executedGtidSet, record.executedGtidSet);
        QCOMPARE(r.gtidPurged, record.gtidPurged);
        QCOMPARE(r.replicaKeys, record.replicaKeys);
        QCOMPARE(r.clusterName, record.clusterName);
        QCOMPARE(r.suggestedClusterAlias, record.suggestedClusterAlias);
        QCOMPARE(r.dataCenter, record.dataCenter);
        QCOMPARE(r.region, record.region);
        QCOMPARE(r.physicalEnvironment, record.physicalEnvironment);
        QCOMPARE(r.instanceAlias, record.instanceAlias);
        QCOMPARE(r.replicationDepth, record.replicationDepth);
        QCOMPARE(r.isCoMaster, record.isCoMaster);
        QCOMPARE(r.mariadbGtid(), record.mariadbGtid());
        QCOMPARE(r.usesGtid(), record.usesGtid());
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
        QVERIFY(m_backend->exec(u"UPDATE database_instance SET first_seen = '2020-01-01 00:00:00'"_s));
        QVERIFY(store.write({ record }));
        QCOMPARE(rowCount(*m_backend, u"database_instance"_s), 1);
        QCOMPARE(rowCount(*m_backend, u"database_instance"_s,
                     u"first_seen = '2020-01-01 00:00:00'"_s),
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
        for (const auto &[name, cluster] : QList<std::pair<QString, QString>> {
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
        for (const InstanceRecord &r : *cluster) {
            keys << r.key;
        }
        QCOMPARE(keys, QList<InstanceKey>({ key(u"a:3306"_s), key(u"b:3306"_s), key(u"c:3306"_s) }));
        QVERIFY(store.readCluster(u"nosuch:3306"_s).value().isEmpty());
        QCOMPARE(store.readAll().value().size(), 4);
    }
};

QTEST_GUILESS_MAIN(TestInstanceStore)
#include "tst_instancestore.moc"
