// InstanceStatus: the lag, status and tags orchestrator's `topology` prints for an instance,
// from a record, the time and the thresholds (poll 5 s, reasonable lag 10 s).
#include <QTest>

#include <functional>

#include "topology/instancestatus.h"

using namespace Qt::StringLiterals;
using namespace topograph;

namespace {

const QDateTime kNow = QDateTime(QDate(2024, 6, 1), QTime(10, 0, 0), Qt::UTC);

using Change = std::function<void(InstanceRecord&)>;

// Checked a second ago; a replicating replica of m:3306 unless primary.
InstanceRecord record(bool replica, const Change& change = {})
{
    InstanceRecord r;
    r.key = *InstanceKey::parse(u"db:3306"_s, 3306);
    r.reachable = true;
    r.lastChecked = r.lastSeen = kNow.addSecs(-1);
    r.version = u"10.11.6-MariaDB-log"_s;
    r.logBin = true;
    r.binlogFormat = u"ROW"_s;
    if (replica) {
        r.masterKey = *InstanceKey::parse(u"m:3306"_s, 3306);
        r.ioThreadRunning = r.sqlThreadRunning = true;
        r.secondsBehindMaster = 2;
        r.readOnly = true;
    }
    if (change) {
        change(r);
    }
    return r;
}

} // namespace

class TestInstanceStatus final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void of_data()
    {
        QTest::addColumn<InstanceRecord>("input");
        QTest::addColumn<QString>("lag");
        QTest::addColumn<QString>("status");
        QTest::addColumn<bool>("replicating");
        QTest::addColumn<QStringList>("tags");
        const QString v = u"10.11.6-MariaDB-log"_s;

        QTest::newRow("primary ok")
            << record(false) << u"0s"_s << u"ok"_s << false << QStringList { v, u"rw"_s, u"ROW"_s };
        QTest::newRow("replica ok")
            << record(true) << u"2s"_s << u"ok"_s << true << QStringList { v, u"ro"_s, u"ROW"_s };
        QTest::newRow("never seen")
            << InstanceRecord {} << u"unknown"_s << u"invalid"_s << false << QStringList();
        QTest::newRow("known, last check failed")
            << record(true, [](InstanceRecord& r) { r.reachable = false; }) << u"unknown"_s
            << u"invalid"_s << true << QStringList { v, u"ro"_s, u"ROW"_s };
        QTest::newRow("unchecked: 26 s ago")
            << record(true, [](InstanceRecord& r) { r.lastChecked = kNow.addSecs(-26); })
            << u"unknown"_s << u"unchecked"_s << true << QStringList { v, u"ro"_s, u"ROW"_s };
        QTest::newRow("checked 25 s ago is recent")
            << record(true, [](InstanceRecord& r) { r.lastChecked = kNow.addSecs(-25); }) << u"2s"_s
            << u"ok"_s << true << QStringList { v, u"ro"_s, u"ROW"_s };
        QTest::newRow("io thread stopped")
            << record(true, [](InstanceRecord& r) { r.ioThreadRunning = false; }) << u"null"_s
            << u"nonreplicating"_s << false << QStringList { v, u"ro"_s, u"ROW"_s };
        QTest::newRow("both threads stopped") << record(true,
            [](InstanceRecord& r) {
                r.ioThreadRunning = r.sqlThreadRunning = false;
                r.secondsBehindMaster.reset();
            }) << u"null"_s << u"nonreplicating"_s
                                              << false << QStringList { v, u"ro"_s, u"ROW"_s };
        QTest::newRow("lag above threshold")
            << record(true, [](InstanceRecord& r) { r.secondsBehindMaster = 25; }) << u"25s"_s
            << u"lag"_s << true << QStringList { v, u"ro"_s, u"ROW"_s };
        QTest::newRow("lag at threshold")
            << record(true, [](InstanceRecord& r) { r.secondsBehindMaster = 10; }) << u"10s"_s
            << u"ok"_s << true << QStringList { v, u"ro"_s, u"ROW"_s };
        QTest::newRow("measured lag wins over SBM") << record(true, [](InstanceRecord& r) {
            r.secondsBehindMaster = 25;
            r.replicationLagSeconds = 3;
        }) << u"3s"_s << u"ok"_s << true << QStringList { v, u"ro"_s, u"ROW"_s };
        QTest::newRow("SBM NULL while replicating")
            << record(true, [](InstanceRecord& r) { r.secondsBehindMaster.reset(); }) << u"null"_s
            << u"ok"_s << true << QStringList { v, u"ro"_s, u"ROW"_s };
        QTest::newRow("nobinlog") << record(false, [](InstanceRecord& r) { r.logBin = false; })
                                  << u"0s"_s << u"ok"_s << false
                                  << QStringList { v, u"rw"_s, u"nobinlog"_s };
        QTest::newRow(">> and MariaDB GTID")
            << record(true,
                   [](InstanceRecord& r) {
                       r.logSlaveUpdates = true;
                       r.usingGtid = u"Slave_Pos"_s;
                   })
            << u"2s"_s << u"ok"_s << true
            << QStringList { v, u"ro"_s, u"ROW"_s, u">>"_s, u"GTID"_s };
        QTest::newRow("Using_Gtid No is not GTID")
            << record(true, [](InstanceRecord& r) { r.usingGtid = u"No"_s; }) << u"2s"_s << u"ok"_s
            << true << QStringList { v, u"ro"_s, u"ROW"_s };
        QTest::newRow("log_slave_updates without binlog is not >>") << record(
            true, [](InstanceRecord& r) {
                r.logBin = false;
                r.logSlaveUpdates = true;
            }) << u"2s"_s << u"ok"_s << true << QStringList { v, u"ro"_s, u"nobinlog"_s };
        QTest::newRow("MySQL auto-position GTID, P-GTID, delayed")
            << record(true,
                   [](InstanceRecord& r) {
                       r.version = u"8.0.36"_s;
                       r.binlogFormat = u"MIXED"_s;
                       r.oracleGtid = true;
                       r.pseudoGtid = true;
                       r.sqlDelay = 3600;
                   })
            << u"2s"_s << u"ok"_s << true
            << QStringList { u"8.0.36"_s, u"ro"_s, u"MIXED"_s, u"GTID"_s, u"P-GTID"_s,
                   u"delayed"_s };
    }
    void of()
    {
        QFETCH(InstanceRecord, input);
        QFETCH(QString, lag);
        QFETCH(QString, status);
        QFETCH(bool, replicating);
        QFETCH(QStringList, tags);
        const InstanceStatus s = InstanceStatus::of(input, kNow, { 5, 10 });
        QCOMPARE(s.lag, lag);
        QCOMPARE(s.status, status);
        QCOMPARE(s.replicating, replicating);
        QCOMPARE(s.tags, tags);
        QCOMPARE(s.lastCheckValid, input.reachable);
    }

    void pollIntervalScalesTheUncheckedWindow()
    {
        const InstanceRecord r
            = record(true, [](InstanceRecord& x) { x.lastChecked = kNow.addSecs(-40); });
        QCOMPARE(InstanceStatus::of(r, kNow, { 5, 10 }).status, u"unchecked"_s);
        QCOMPARE(InstanceStatus::of(r, kNow, { 10, 10 }).status, u"ok"_s);
        QCOMPARE(InstanceStatus::of(r, kNow, { 10, 1 }).status, u"lag"_s);
    }
};

QTEST_GUILESS_MAIN(TestInstanceStatus)
#include "tst_instancestatus.moc"
