// The dialect picks the right statements for every flavour and version boundary, and turns rows
// spelled in each flavour's column names into the same record fields.
#include <QTest>

#include "probe/dialect.h"

using namespace Qt::StringLiterals;
using namespace topograph;

namespace {

const InstanceKey kSelf { u"db1"_s, 3306 };

// A replica status row in the old (MariaDB, MySQL < 8.0.22) or new (MySQL >= 8.0.22) spelling.
QVariantMap statusRow(bool replicaTerms)
{
    const auto n = [replicaTerms](const QString& oldName, const QString& newName) {
        return replicaTerms ? newName : oldName;
    };
    QVariantMap row;
    row.insert(n(u"Master_Host"_s, u"Source_Host"_s), u"db0.example"_s);
    row.insert(n(u"Master_Port"_s, u"Source_Port"_s), u"3307"_s);
    row.insert(n(u"Slave_IO_Running"_s, u"Replica_IO_Running"_s), u"Yes"_s);
    row.insert(n(u"Slave_SQL_Running"_s, u"Replica_SQL_Running"_s), u"No"_s);
    row.insert(n(u"Master_Log_File"_s, u"Source_Log_File"_s), u"bin.000007"_s);
    row.insert(n(u"Read_Master_Log_Pos"_s, u"Read_Source_Log_Pos"_s), u"4711"_s);
    row.insert(n(u"Relay_Master_Log_File"_s, u"Relay_Source_Log_File"_s), u"bin.000006"_s);
    row.insert(n(u"Exec_Master_Log_Pos"_s, u"Exec_Source_Log_Pos"_s), u"815"_s);
    row.insert(n(u"Seconds_Behind_Master"_s, u"Seconds_Behind_Source"_s), u"42"_s);
    row.insert(n(u"Master_SSL_Allowed"_s, u"Source_SSL_Allowed"_s), u"Yes"_s);
    row.insert(n(u"Master_UUID"_s, u"Source_UUID"_s), u"3e11fa47-71ca-11e1-9e33-c80aa9429562"_s);
    row.insert(u"Relay_Log_File"_s, u"relay.000003"_s);
    row.insert(u"Relay_Log_Pos"_s, u"1234"_s);
    row.insert(u"Last_SQL_Error"_s, u"Error 'Duplicate entry' on query"_s);
    row.insert(u"Last_IO_Error"_s, u"error connecting to master"_s);
    row.insert(u"SQL_Delay"_s, u"3600"_s);
    row.insert(u"Replicate_Do_DB"_s, QString());
    row.insert(u"Using_Gtid"_s, u"Slave_Pos"_s);
    row.insert(u"Auto_Position"_s, u"1"_s);
    return row;
}

} // namespace

class TestDialect final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statements_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("comment");
        QTest::addColumn<int>("flavorNumber");
        QTest::addColumn<bool>("supported");
        QTest::addColumn<QString>("replicaStatus");
        QTest::addColumn<QString>("replicaHosts");
        QTest::addColumn<QString>("masterStatus");
        QTest::addColumn<QString>("logUpdates");
        QTest::addColumn<QString>("gtidVariable");

        const QString slave = u"SHOW SLAVE STATUS"_s;
        const QString replica = u"SHOW REPLICA STATUS"_s;
        const QString slaveHosts = u"SHOW SLAVE HOSTS"_s;
        const QString replicas = u"SHOW REPLICAS"_s;
        const QString master = u"SHOW MASTER STATUS"_s;
        const QString binlog = u"SHOW BINARY LOG STATUS"_s;
        const QString lsu = u"log_slave_updates"_s;
        const QString lru = u"log_replica_updates"_s;
        const QString mariaGtid = u"gtid_slave_pos"_s;
        const QString mysqlGtid = u"gtid_executed"_s;
        const int maria = static_cast<int>(Flavor::MariaDB);
        const int mysql = static_cast<int>(Flavor::MySQL);

        QTest::newRow("MariaDB 10.2 (too old)")
            << u"10.2.44-MariaDB"_s << u"mariadb.org binary distribution"_s << maria << false
            << slave << slaveHosts << master << lsu << mariaGtid;
        QTest::newRow("MariaDB 10.3.0") << u"10.3.0-MariaDB"_s << QString() << maria << true
                                        << slave << slaveHosts << master << lsu << mariaGtid;
        QTest::newRow("MariaDB 10.11 Debian")
            << u"10.11.19-MariaDB-0+deb12u1-log"_s << u"Debian 12"_s << maria << true << slave
            << slaveHosts << master << lsu << mariaGtid;
        QTest::newRow("MariaDB by comment only")
            << u"10.6.16-log"_s << u"MariaDB Server"_s << maria << true << slave << slaveHosts
            << master << lsu << mariaGtid;
        QTest::newRow("MariaDB behind a 5.5.5- prefix")
            << u"5.5.5-10.6.12-MariaDB"_s << QString() << maria << true << slave << slaveHosts
            << master << lsu << mariaGtid;
        QTest::newRow("MariaDB 11.4") << u"11.4.2-MariaDB"_s << QString() << maria << true << slave
                                      << slaveHosts << master << lsu << mariaGtid;
        QTest::newRow("MySQL 5.6 (too old)")
            << u"5.6.51-log"_s << u"MySQL Community Server (GPL)"_s << mysql << false << slave
            << slaveHosts << master << lsu << mysqlGtid;
        QTest::newRow("MySQL 5.7") << u"5.7.44-log"_s << u"MySQL Community Server (GPL)"_s << mysql
                                   << true << slave << slaveHosts << master << lsu << mysqlGtid;
        QTest::newRow("MySQL 8.0.21") << u"8.0.21"_s << QString() << mysql << true << slave
                                      << slaveHosts << master << lsu << mysqlGtid;
        QTest::newRow("MySQL 8.0.22") << u"8.0.22"_s << QString() << mysql << true << replica
                                      << replicas << master << lsu << mysqlGtid;
        QTest::newRow("MySQL 8.0.25") << u"8.0.25"_s << QString() << mysql << true << replica
                                      << replicas << master << lsu << mysqlGtid;
        QTest::newRow("MySQL 8.0.26") << u"8.0.26"_s << QString() << mysql << true << replica
                                      << replicas << master << lru << mysqlGtid;
        QTest::newRow("Percona 8.0.36")
            << u"8.0.36-28"_s << u"Percona Server (GPL), Release 28"_s << mysql << true << replica
            << replicas << master << lru << mysqlGtid;
        QTest::newRow("MySQL 8.1.0") << u"8.1.0"_s << QString() << mysql << true << replica
                                     << replicas << master << lru << mysqlGtid;
        QTest::newRow("MySQL 8.2.0") << u"8.2.0"_s << QString() << mysql << true << replica
                                     << replicas << binlog << lru << mysqlGtid;
        QTest::newRow("MySQL 8.4.3") << u"8.4.3"_s << u"MySQL Community Server - GPL"_s << mysql
                                     << true << replica << replicas << binlog << lru << mysqlGtid;
        QTest::newRow("MySQL 9.1") << u"9.1.0"_s << QString() << mysql << true << replica
                                   << replicas << binlog << lru << mysqlGtid;
        // Unknown: the oldest spelling, which the widest range of servers understands.
        QTest::newRow("unparsable")
            << u"garbage"_s << QString() << static_cast<int>(Flavor::Unknown) << false << slave
            << slaveHosts << master << lsu << mysqlGtid;
    }

    void statements()
    {
        QFETCH(QString, version);
        QFETCH(QString, comment);
        QFETCH(int, flavorNumber);
        const auto flavor = static_cast<Flavor>(flavorNumber);
        QFETCH(bool, supported);
        QFETCH(QString, replicaStatus);
        QFETCH(QString, replicaHosts);
        QFETCH(QString, masterStatus);
        QFETCH(QString, logUpdates);
        QFETCH(QString, gtidVariable);
        const Dialect dialect = Dialect::forVersion(version, comment);
        QCOMPARE(dialect.flavor(), flavor);
        QCOMPARE(dialect.isSupported(), supported);
        QCOMPARE(dialect.replicaStatusStatement(), replicaStatus);
        QCOMPARE(dialect.replicaHostsStatement(), replicaHosts);
        QCOMPARE(dialect.masterStatusStatement(), masterStatus);
        QVERIFY2(dialect.variablesQuery().contains(u"@@global."_s + logUpdates + u" AS"_s),
            qPrintable(dialect.variablesQuery()));
        QVERIFY(dialect.gtidQuery().contains(gtidVariable));
        // MariaDB has no @@server_uuid: asking for it fails the whole statement.
        QCOMPARE(dialect.variablesQuery().contains(u"server_uuid"_s), flavor == Flavor::MySQL);
        QVERIFY(Dialect::identityQuery().contains(u"@@version_comment"_s));
        QVERIFY(dialect.processlistReplicasQuery().contains(u"'Binlog Dump GTID'"_s));
    }

    void versionNumbers()
    {
        const Dialect dialect = Dialect::forVersion(u"10.11.19-MariaDB-0+deb12u1-log"_s, {});
        QCOMPARE(dialect.major(), 10);
        QCOMPARE(dialect.minor(), 11);
        QCOMPARE(dialect.patch(), 19);
        QCOMPARE(dialect.name(), u"MariaDB 10.11.19"_s);
        QVERIFY(dialect.atLeast(10, 11, 19));
        QVERIFY(!dialect.atLeast(10, 11, 20));
        QCOMPARE(Dialect::forVersion(u"8.0"_s, {}).patch(), 0);
    }

    void replicaStatus_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<bool>("replicaTerms");
        QTest::newRow("MariaDB") << u"10.11.6-MariaDB"_s << false;
        QTest::newRow("MySQL 5.7") << u"5.7.44"_s << false;
        QTest::newRow("MySQL 8.0.21") << u"8.0.21"_s << false;
        QTest::newRow("MySQL 8.0.22") << u"8.0.22"_s << true;
        QTest::newRow("MySQL 8.4") << u"8.4.0"_s << true;
    }

    void replicaStatus()
    {
        QFETCH(QString, version);
        QFETCH(bool, replicaTerms);
        const Dialect dialect = Dialect::forVersion(version, {});
        InstanceRecord record;
        dialect.applyReplicaStatus(statusRow(replicaTerms), record);
        QVERIFY(record.masterKey.has_value());
        QCOMPARE(*record.masterKey, (InstanceKey { u"db0.example"_s, 3307 }));
        QVERIFY(record.ioThreadRunning);
        QVERIFY(!record.sqlThreadRunning);
        QCOMPARE(record.masterLogFile, u"bin.000007"_s);
        QCOMPARE(record.readMasterLogPos, 4711);
        QCOMPARE(record.relayMasterLogFile, u"bin.000006"_s);
        QCOMPARE(record.execMasterLogPos, 815);
        QCOMPARE(record.relayLogFile, u"relay.000003"_s);
        QCOMPARE(record.relayLogPos, 1234);
        QCOMPARE(record.secondsBehindMaster, std::optional<qint64>(42));
        QCOMPARE(record.sqlDelay, 3600);
        QVERIFY(record.allowTls);
        QCOMPARE(record.masterUuid, u"3e11fa47-71ca-11e1-9e33-c80aa9429562"_s);
        QCOMPARE(record.lastSqlError, u"Error 'Duplicate entry' on query"_s);
        QCOMPARE(record.lastIoError, u"error connecting to master"_s);
        QVERIFY(!record.hasReplicationFilters);
        const bool mariadb = dialect.flavor() == Flavor::MariaDB;
        // Using_Gtid is MariaDB's; Auto_Position MySQL's.
        QCOMPARE(record.usingGtid, mariadb ? u"Slave_Pos"_s : QString());
        QCOMPARE(record.oracleGtid, !mariadb);
        QVERIFY(record.usesGtid());
    }

    void secondsBehindMasterNullIsUnknown()
    {
        const Dialect dialect = Dialect::forVersion(u"10.6.1-MariaDB"_s, {});
        QVariantMap row = statusRow(false);
        row.insert(u"Seconds_Behind_Master"_s, QVariant());
        row.insert(u"Slave_IO_Running"_s, u"Connecting"_s);
        InstanceRecord record;
        dialect.applyReplicaStatus(row, record);
        QVERIFY(!record.secondsBehindMaster.has_value());
        QVERIFY(!record.ioThreadRunning); // "Connecting" is not running
        row.insert(u"Seconds_Behind_Master"_s, u"0"_s);
        dialect.applyReplicaStatus(row, record);
        QCOMPARE(record.secondsBehindMaster, std::optional<qint64>(0));
    }

    void notAReplica()
    {
        InstanceRecord record;
        Dialect::forVersion(u"8.0.36"_s, {}).applyReplicaStatus({}, record);
        QVERIFY(!record.isReplica());
        QVERIFY(!record.secondsBehindMaster.has_value());
        // A status row without a usable host (RESET SLAVE leaves one) is no master either.
        QVariantMap row = statusRow(false);
        row.insert(u"Master_Host"_s, QString());
        Dialect::forVersion(u"10.6.1-MariaDB"_s, {}).applyReplicaStatus(row, record);
        QVERIFY(!record.isReplica());
    }

    void replicationFilters_data()
    {
        QTest::addColumn<QString>("column");
        for (const char* column : { "Replicate_Do_DB", "Replicate_Ignore_DB", "Replicate_Do_Table",
                 "Replicate_Ignore_Table", "Replicate_Wild_Do_Table",
                 "Replicate_Wild_Ignore_Table" }) {
            QTest::newRow(column) << QString::fromLatin1(column);
        }
    }

    void replicationFilters()
    {
        QFETCH(QString, column);
        QVariantMap row = statusRow(true);
        row.insert(column, u"mydb.%"_s);
        InstanceRecord record;
        Dialect::forVersion(u"8.0.30"_s, {}).applyReplicaStatus(row, record);
        QVERIFY(record.hasReplicationFilters);
    }

    void replicaHosts()
    {
        QList<QVariantMap> rows;
        const auto host = [](const QVariant& name, const QVariant& port) {
            return QVariantMap { { u"Server_id"_s, 7 }, { u"Host"_s, name }, { u"Port"_s, port } };
        };
        rows << host(u"db3"_s, 3306) << host(u"db2"_s, 3307) << host(QString(), 3306)
             << host(u"db4"_s, 0) << host(u"db2"_s, 3307) << host(u"db1"_s, 3306);
        InstanceRecord record;
        record.key = kSelf;
        Dialect::forVersion(u"8.0.36"_s, {}).applyReplicaHosts(rows, record);
        // Sorted, without the unaddressable, the duplicate and the instance itself.
        const QList<InstanceKey> expected { { u"db2"_s, 3307 }, { u"db3"_s, 3306 } };
        QCOMPARE(record.replicaKeys, expected);
    }

    void variables_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QVariant>("readOnly");
        QTest::addColumn<bool>("expectedReadOnly");
        QTest::newRow("MariaDB 10 number") << u"10.11.6-MariaDB"_s << QVariant(1) << true;
        QTest::newRow("MariaDB 11 NO_LOCK")
            << u"11.4.2-MariaDB"_s << QVariant(u"NO_LOCK"_s) << true;
        QTest::newRow("MariaDB 11 OFF") << u"11.4.2-MariaDB"_s << QVariant(u"OFF"_s) << false;
        QTest::newRow("MySQL 0") << u"8.0.36"_s << QVariant(0) << false;
        QTest::newRow("MySQL ON") << u"8.4.0"_s << QVariant(u"ON"_s) << true;
    }

    void variables()
    {
        QFETCH(QString, version);
        QFETCH(QVariant, readOnly);
        QFETCH(bool, expectedReadOnly);
        const QVariantMap row { { u"server_id"_s, 1103 }, { u"read_only"_s, readOnly },
            { u"log_bin"_s, 1 }, { u"log_updates"_s, u"ON"_s }, { u"binlog_format"_s, u"ROW"_s },
            { u"binlog_row_image"_s, u"FULL"_s }, { u"server_uuid"_s, u"uuid-1"_s } };
        InstanceRecord record;
        const Dialect dialect = Dialect::forVersion(version, {});
        dialect.applyVariables(row, record);
        QCOMPARE(record.serverId, 1103u);
        QCOMPARE(record.readOnly, expectedReadOnly);
        QVERIFY(record.logBin);
        QVERIFY(record.logSlaveUpdates);
        QCOMPARE(record.binlogFormat, u"ROW"_s);
        QCOMPARE(record.binlogRowImage, u"FULL"_s);
        QCOMPARE(record.serverUuid, u"uuid-1"_s);
    }

    void gtid()
    {
        InstanceRecord maria;
        Dialect::forVersion(u"10.11.6-MariaDB"_s, {})
            .applyGtid(
                { { u"gtid_current_pos"_s, u"0-1-90"_s }, { u"gtid_slave_pos"_s, u"0-1-89"_s },
                    { u"gtid_binlog_pos"_s, u"0-1-90,1-2-3"_s } },
                maria);
        QCOMPARE(maria.gtidCurrentPos, u"0-1-90"_s);
        QCOMPARE(maria.gtidSlavePos, u"0-1-89"_s);
        QCOMPARE(maria.gtidBinlogPos, u"0-1-90,1-2-3"_s);
        QVERIFY(maria.gtidMode.isEmpty());
        QVERIFY(!maria.supportsOracleGtid);

        InstanceRecord mysql;
        const Dialect dialect = Dialect::forVersion(u"8.0.36"_s, {});
        dialect.applyGtid({ { u"gtid_mode"_s, u"on"_s }, { u"gtid_executed"_s, u"a:1-5,\nb:1-3"_s },
                              { u"gtid_purged"_s, u"a:1-2"_s } },
            mysql);
        QCOMPARE(mysql.gtidMode, u"ON"_s);
        QCOMPARE(mysql.executedGtidSet, u"a:1-5,b:1-3"_s);
        QCOMPARE(mysql.gtidPurged, u"a:1-2"_s);
        QVERIFY(mysql.supportsOracleGtid);
        QVERIFY(mysql.gtidCurrentPos.isEmpty());
        InstanceRecord off;
        dialect.applyGtid({ { u"gtid_mode"_s, u"OFF"_s } }, off);
        QVERIFY(!off.supportsOracleGtid);
    }

    void masterStatus()
    {
        InstanceRecord record;
        Dialect::forVersion(u"8.4.0"_s, {})
            .applyMasterStatus(
                { { u"File"_s, u"binlog.000012"_s }, { u"Position"_s, 157 } }, record);
        QCOMPARE(record.binaryLogFile, u"binlog.000012"_s);
        QCOMPARE(record.binaryLogPos, 157);
        InstanceRecord noBinlog;
        Dialect::forVersion(u"10.11.6-MariaDB"_s, {}).applyMasterStatus({}, noBinlog);
        QVERIFY(noBinlog.binaryLogFile.isEmpty());
        QCOMPARE(noBinlog.binaryLogPos, 0);
    }
};

QTEST_GUILESS_MAIN(TestDialect)
#include "tst_dialect.moc"
