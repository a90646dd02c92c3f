// An InstanceRecord with every stored field set, and the check that a record read back from a
// backend matches it field by field (timestamps at second precision, in UTC).
#pragma once

#include <QTest>

#include "probe/instancerecord.h"

namespace topograph::test {

using namespace Qt::StringLiterals;

inline const QDateTime kT0 = QDateTime(QDate(2024, 3, 1), QTime(12, 30, 45), Qt::UTC);

// Every field the store keeps, with values that differ from the defaults.
inline InstanceRecord fullRecord(Flavor flavor)
{
    InstanceRecord r;
    r.key = InstanceKey::parse(u"db1.example.org:3307"_s, 3306).value();
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
    r.masterKey = InstanceKey::parse(u"db0.example.org:3306"_s, 3306).value();
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
    r.replicaKeys = { InstanceKey::parse(u"db2.example.org:3306"_s, 3306).value(),
        InstanceKey::parse(u"db3:3310"_s, 3306).value() };
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

inline QDateTime wholeSecondUtc(const QDateTime& time)
{
    return QDateTime::fromSecsSinceEpoch(time.toSecsSinceEpoch(), Qt::UTC);
}

// Every field the backend stores; check QTest::currentTestFailed() after calling.
inline void verifyStoredFields(const InstanceRecord& r, const InstanceRecord& record)
{
    QCOMPARE(r.key, record.key);
    QCOMPARE(r.reachable, record.reachable);
    QCOMPARE(r.lastChecked, wholeSecondUtc(record.lastChecked));
    QCOMPARE(r.lastChecked.timeSpec(), Qt::UTC);
    QCOMPARE(r.lastAttemptedCheck, wholeSecondUtc(record.lastAttemptedCheck));
    QCOMPARE(r.lastSeen, wholeSecondUtc(record.lastSeen));
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

} // namespace topograph::test
