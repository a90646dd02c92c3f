// pt-heartbeat's table as Topograph spells it: the configured name checked and back-quoted (never
// concatenated raw), the row read for UTC and local-time pt-heartbeat, the DELETE that can never
// remove the current primary's row, rows parsed with microsecond ages; the configuration keys.
#include <QTest>

#include <cmath>

#include "config/configloader.h"
#include "lag/heartbeattable.h"
#include "ops/sqlidentifiers.h"

using namespace Qt::StringLiterals;
using namespace topograph;

class TestHeartbeatTable final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tableNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("quoted"); // empty: refused
        QTest::newRow("default") << u"heartbeat.heartbeat"_s << u"`heartbeat`.`heartbeat`"_s;
        QTest::newRow("table alone") << u"heartbeat"_s << u"`heartbeat`"_s;
        QTest::newRow("underscore and dollar") << u"percona_$.hb_1"_s << u"`percona_$`.`hb_1`"_s;
        QTest::newRow("back quote") << u"heartbeat.`x`"_s << QString();
        QTest::newRow("statement appended") << u"heartbeat.heartbeat; DROP TABLE x"_s << QString();
        QTest::newRow("space") << u"heart beat.heartbeat"_s << QString();
        QTest::newRow("quote") << u"heartbeat.hb'"_s << QString();
        QTest::newRow("three parts") << u"a.b.c"_s << QString();
        QTest::newRow("empty part") << u"heartbeat."_s << QString();
        QTest::newRow("65 characters") << QString(65, u'a') << QString();
        QTest::newRow("64 characters") << QString(64, u'a') << u'`' + QString(64, u'a') + u'`';
    }
    void tableNames()
    {
        QFETCH(QString, name);
        QFETCH(QString, quoted);
        auto result = SqlIdentifiers::qualifiedTableName(name);
        auto table = HeartbeatTable::make(name, true);
        if (quoted.isEmpty()) {
            QVERIFY(!result);
            QCOMPARE(result.error().code, ErrorCode::InvalidInput);
            QVERIFY(!table);
            QVERIFY2(table.error().message.contains(u"HeartbeatTable"_s),
                qPrintable(table.error().message));
        } else {
            QCOMPARE(*result, quoted);
            QCOMPARE(table->quotedName(), quoted);
            QVERIFY(table->selectRows().endsWith(u" FROM "_s + quoted));
        }
    }

    void emptyNameDisablesTheTable()
    {
        auto table = HeartbeatTable::make(QString(), true);
        QVERIFY(table);
        QVERIFY(!table->isEnabled());
    }

    void selectComparesWithTheClockOfItsZone()
    {
        const auto utc = HeartbeatTable::make(u"heartbeat.heartbeat"_s, true);
        QCOMPARE(utc->selectRows(),
            u"SELECT server_id, TIMESTAMPDIFF(MICROSECOND, ts, UTC_TIMESTAMP(6)) AS age_us, "
            "ts AS ts_utc FROM `heartbeat`.`heartbeat`"_s);
        const auto local = HeartbeatTable::make(u"heartbeat.heartbeat"_s, false);
        QCOMPARE(local->selectRows(),
            u"SELECT server_id, TIMESTAMPDIFF(MICROSECOND, ts, NOW(6)) AS age_us, "
            "CAST(UTC_TIMESTAMP(6) - INTERVAL TIMESTAMPDIFF(MICROSECOND, ts, NOW(6)) MICROSECOND "
            "AS CHAR) AS ts_utc FROM `heartbeat`.`heartbeat`"_s);
    }

    void deleteGuardsThePrimarysRow()
    {
        const auto table = HeartbeatTable::make(u"heartbeat.heartbeat"_s, true);
        QCOMPARE(table->deleteRows({ 7, 4294967295u }, 1),
            u"DELETE FROM `heartbeat`.`heartbeat` WHERE server_id IN (7, 4294967295) AND "
            "server_id <> 1"_s);
        // Even a list that names the primary cannot delete its row.
        QVERIFY(table->deleteRows({ 1 }, 1).endsWith(u"server_id IN (1) AND server_id <> 1"_s));
    }

    void rowsAreParsedWithMicrosecondAges()
    {
        QList<SqlRow> rows {
            { { u"server_id"_s, 9u }, { u"age_us"_s, qlonglong(86400000001) },
                { u"ts_utc"_s, u"2026-12-01 15:35:08.499999"_s } },
            // pt-heartbeat's own spelling, with a 'T'; the milliseconds are cut, not rounded.
            { { u"server_id"_s, 1u }, { u"age_us"_s, qlonglong(1234567) },
                { u"ts_utc"_s, u"2026-12-02T15:35:07.265999"_s } },
            // A ts the server cannot read as a time: the row is there, its age and time unknown.
            { { u"server_id"_s, 3u }, { u"age_us"_s, QVariant() }, { u"ts_utc"_s, QVariant() } },
            { { u"server_id"_s, 4u }, { u"age_us"_s, qlonglong(5) },
                { u"ts_utc"_s, u"2026-13-02 15:35:07"_s } },
            { { u"server_id"_s, 5u }, { u"age_us"_s, qlonglong(5) },
                { u"ts_utc"_s, u"2026-12-02 15:35:07.5"_s } },
        };
        const QList<HeartbeatRow> parsed = HeartbeatTable::parseRows(rows);
        QCOMPARE(parsed.size(), 5);
        QCOMPARE(parsed.at(0).serverId, 1u); // sorted by server_id
        QCOMPARE(parsed.at(0).ageSeconds, 1.234567);
        QCOMPARE(parsed.at(0).ts, QDateTime(QDate(2026, 12, 2), QTime(15, 35, 7, 265), Qt::UTC));
        QCOMPARE(parsed.at(0).ts.timeSpec(), Qt::UTC);
        QCOMPARE(parsed.at(1).serverId, 3u);
        QVERIFY(std::isnan(parsed.at(1).ageSeconds));
        QVERIFY(!parsed.at(1).ts.isValid());
        QVERIFY(!parsed.at(2).ts.isValid()); // month 13
        QCOMPARE(parsed.at(3).ts, QDateTime(QDate(2026, 12, 2), QTime(15, 35, 7, 500), Qt::UTC));
        QCOMPARE(parsed.at(4).serverId, 9u);
        QCOMPARE(parsed.at(4).ageSeconds, 86400.000001);
        QCOMPARE(parsed.at(4).ts, QDateTime(QDate(2026, 12, 1), QTime(15, 35, 8, 499), Qt::UTC));
    }

    void missingTableIsNoError()
    {
        QVERIFY(HeartbeatTable::isMissingTable(1146));
        QVERIFY(HeartbeatTable::isMissingTable(1049));
        QVERIFY(!HeartbeatTable::isMissingTable(1142)); // no privilege: an error
        QVERIFY(!HeartbeatTable::isMissingTable(0));
    }

    void configurationKeys()
    {
        auto defaults = ConfigLoader::fromJson("{}", u"test"_s);
        QVERIFY(defaults);
        QCOMPARE(defaults->lagSampleMilliseconds, 1000);
        QCOMPARE(defaults->heartbeatTable, u"heartbeat.heartbeat"_s);
        QCOMPARE(defaults->heartbeatUtc, true);
        QCOMPARE(defaults->lagHistoryDays, 7);
        auto set = ConfigLoader::fromJson(R"({"lagsamplemilliseconds": 250,
            "HeartbeatTable": "percona.hb", "HeartbeatUtc": false, "LagHistoryDays": 0})",
            u"test"_s);
        QVERIFY(set);
        QCOMPARE(set->lagSampleMilliseconds, 250);
        QCOMPARE(set->heartbeatTable, u"percona.hb"_s);
        QCOMPARE(set->heartbeatUtc, false);
        QCOMPARE(set->lagHistoryDays, 0);
        auto bad = ConfigLoader::fromJson(R"({"HeartbeatTable": "hb.hb; DROP TABLE x"})", u"f"_s);
        QVERIFY(!bad);
        QVERIFY2(
            bad.error().message.contains(u"HeartbeatTable"_s), qPrintable(bad.error().message));
        QVERIFY(!ConfigLoader::fromJson(R"({"LagSampleMilliseconds": 10})", u"f"_s));
        QVERIFY(ConfigLoader::fromJson(R"({"HeartbeatTable": ""})", u"f"_s));
    }
};

QTEST_GUILESS_MAIN(TestHeartbeatTable)
#include "tst_heartbeattable.moc"
