// LocationSource: data centre, region and physical environment from the host name's pattern
// (first capture group), which sources a configuration yields, and what a probe does with them.
#include <QTest>

#include "probe/locationsource.h"

using namespace Qt::StringLiterals;
using namespace topograph;

class TestLocationSource final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromHostname_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("hostname");
        QTest::addColumn<QString>("value");
        QTest::newRow("first group")
            << u"db-\\d+\\.([a-z]+)\\.example"_s << u"db-12.ams.example.org"_s << u"ams"_s;
        QTest::newRow("only the first group")
            << u"^([a-z]+)-([a-z]+)-"_s << u"fra-prod-db3"_s << u"fra"_s;
        QTest::newRow("no match") << u"\\.([a-z]+)\\.example"_s << u"localhost"_s << QString();
        QTest::newRow("no group") << u"example"_s << u"db.example.org"_s << QString();
        QTest::newRow("empty pattern") << QString() << u"db.example.org"_s << QString();
        QTest::newRow("invalid pattern") << u"(["_s << u"db.example.org"_s << QString();
    }
    void fromHostname()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, hostname);
        QFETCH(QString, value);
        QCOMPARE(LocationSource::fromHostname(QRegularExpression(pattern), hostname), value);
    }

    void configuredSources()
    {
        Configuration config;
        QVERIFY(LocationSource::fromConfiguration(config).isEmpty());
        config.dataCenterPattern = u"\\.(dc\\d)\\."_s;
        config.detectRegionQuery = u"SELECT 'eu'"_s;
        config.physicalEnvironmentPattern = u"^(prod|test)-"_s;
        config.detectPhysicalEnvironmentQuery = u"  SELECT @@global.env  "_s;
        const QList<LocationSource> sources = LocationSource::fromConfiguration(config);
        QCOMPARE(sources.size(), 3);
        QCOMPARE(sources.at(0).field, &InstanceRecord::dataCenter);
        QVERIFY(sources.at(0).query.isEmpty());
        QCOMPARE(sources.at(1).field, &InstanceRecord::region);
        QCOMPARE(sources.at(1).query, u"SELECT 'eu'"_s);
        QCOMPARE(sources.at(2).field, &InstanceRecord::physicalEnvironment);
        QCOMPARE(sources.at(2).query, u"SELECT @@global.env"_s);
    }

    void patternsFillTheRecord()
    {
        Configuration config;
        config.dataCenterPattern = u"\\.(dc\\d)\\."_s;
        config.regionPattern = u"\\.(eu|us)$"_s;
        config.physicalEnvironmentPattern = u"^(prod|test)-"_s;
        InstanceRecord record;
        record.key = *InstanceKey::parse(u"prod-db1.dc2.example.eu:3306"_s, 3306);
        record.region = u"kept when the pattern does not match"_s;
        LocationSource::applyPatterns(LocationSource::fromConfiguration(config), record);
        QCOMPARE(record.dataCenter, u"dc2"_s);
        QCOMPARE(record.region, u"eu"_s);
        QCOMPARE(record.physicalEnvironment, u"prod"_s);

        InstanceRecord other;
        other.key = *InstanceKey::parse(u"localhost:3306"_s, 3306);
        other.region = u"r1"_s;
        LocationSource::applyPatterns(LocationSource::fromConfiguration(config), other);
        QCOMPARE(other.dataCenter, QString());
        QCOMPARE(other.region, u"r1"_s);
    }
};

QTEST_GUILESS_MAIN(TestLocationSource)
#include "tst_locationsource.moc"
