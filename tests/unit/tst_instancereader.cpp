// What a probe is told to do: probe options from the configuration, and replica keys read from a
// master's processlist (the DiscoverByShowSlaveHosts=false path) with their documented limits.
#include <QTest>

#include "probe/instancereader.h"

using namespace Qt::StringLiterals;
using namespace topograph;

class TestInstanceReader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nameMethod_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("method");
        QTest::newRow("hostname") << u"@@hostname"_s
                                  << static_cast<int>(ServerNameMethod::Hostname);
        QTest::newRow("report_host")
            << u"@@report_host"_s << static_cast<int>(ServerNameMethod::ReportHost);
        QTest::newRow("case and blanks")
            << u" @@Report_Host "_s << static_cast<int>(ServerNameMethod::ReportHost);
        QTest::newRow("none") << u"none"_s << static_cast<int>(ServerNameMethod::None);
        QTest::newRow("empty") << QString() << static_cast<int>(ServerNameMethod::None);
    }

    void nameMethod()
    {
        QFETCH(QString, value);
        QFETCH(int, method);
        QCOMPARE(static_cast<int>(ProbeOptions::parseNameMethod(value)), method);
    }

    void optionsFromConfiguration()
    {
        Configuration config;
        config.discoverByShowSlaveHosts = true;
        config.defaultInstancePort = 23301;
        config.mysqlHostnameResolveMethod = u"@@report_host"_s;
        config.replicationLagQuery = u"  SELECT 1  "_s;
        ProbeOptions options = ProbeOptions::fromConfiguration(config);
        QCOMPARE(options.replicaListing, ReplicaListing::ShowSlaveHosts);
        QCOMPARE(options.defaultPort, 23301);
        QCOMPARE(options.nameMethod, ServerNameMethod::ReportHost);
        QCOMPARE(options.replicationLagQuery, u"SELECT 1"_s);
        config.discoverByShowSlaveHosts = false;
        options = ProbeOptions::fromConfiguration(config);
        QCOMPARE(options.replicaListing, ReplicaListing::Processlist);
    }

    void processlistKeys_data()
    {
        QTest::addColumn<QStringList>("hosts");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("client port dropped, default port used")
            << QStringList { u"10.0.0.7:53122"_s } << QStringList { u"10.0.0.7:3306"_s };
        QTest::newRow("two replicas on one host collapse into one key")
            << QStringList { u"10.0.0.7:53122"_s, u"10.0.0.7:53124"_s }
            << QStringList { u"10.0.0.7:3306"_s };
        QTest::newRow("sorted") << QStringList { u"db9:1"_s, u"db2:2"_s }
                                << QStringList { u"db2:3306"_s, u"db9:3306"_s };
        QTest::newRow("IPv6 with brackets")
            << QStringList { u"[::1]:40000"_s } << QStringList { u"[::1]:3306"_s };
        QTest::newRow("IPv6 without brackets")
            << QStringList { u"fe80:0::5:40000"_s } << QStringList { u"[fe80::5]:3306"_s };
        QTest::newRow("socket connection")
            << QStringList { u"localhost"_s } << QStringList { u"localhost:3306"_s };
        // In a sandbox every replica connects from the master's own address: dropped as self.
        QTest::newRow("self") << QStringList { u"db1:40000"_s } << QStringList {};
        QTest::newRow("empty") << QStringList { QString() } << QStringList {};
    }

    void processlistKeys()
    {
        QFETCH(QStringList, hosts);
        QFETCH(QStringList, expected);
        QList<QVariantMap> rows;
        for (const QString& host : std::as_const(hosts)) {
            rows.append({ { u"host"_s, host } });
        }
        QStringList keys;
        for (const InstanceKey& key :
            InstanceReader::processlistKeys(rows, 3306, InstanceKey { u"db1"_s, 3306 })) {
            keys.append(key.toString());
        }
        QCOMPARE(keys, expected);
    }
};

QTEST_GUILESS_MAIN(TestInstanceReader)
#include "tst_instancereader.moc"
