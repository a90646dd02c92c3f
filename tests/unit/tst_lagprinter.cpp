// The CLI's lag formats: replication-lag's table (three decimals, NULL for a NULL
// Seconds_Behind_Master, the source, a note saying why a value is missing or a source fell
// back), its --watch line, and heartbeat-check's rows.
#include <QTest>

#include "lag/lagprinter.h"
#include "lag/lagrules.h"

using namespace Qt::StringLiterals;
using namespace topograph;

namespace {

InstanceKey key(const QString& text)
{
    return *InstanceKey::parse(text, 3306);
}

HeartbeatRow row(quint32 id, double age)
{
    HeartbeatRow r;
    r.serverId = id;
    r.ageSeconds = age;
    r.ts = QDateTime(QDate(2026, 12, 2), QTime(15, 35, 7, 1), Qt::UTC);
    return r;
}

LagReading reading(const QString& instance, bool replica)
{
    LagReading r;
    r.target = LagTarget { key(instance), 1u, replica };
    r.reachable = true;
    r.isReplica = replica;
    r.sample.at = QDateTime(QDate(2026, 12, 2), QTime(15, 35, 8, 250), Qt::UTC);
    r.heartbeatTableFound = true;
    r.heartbeatRows = { row(1, replica ? 0.41234 : 0.2) };
    if (replica) {
        r.sample.secondsBehindMaster = 0;
    }
    LagRules::resolve(r, false, 0.2);
    return r;
}

} // namespace

class TestLagPrinter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void table()
    {
        LagReading primary = reading(u"db1:3306"_s, false);
        LagReading replica = reading(u"db2:3306"_s, true);
        LagReading stopped = reading(u"db3:3306"_s, true);
        stopped.heartbeatRows = { row(1, 125.5) };
        stopped.sample.secondsBehindMaster.reset();
        LagRules::resolve(stopped, false, 0.2);
        LagReading noTable = reading(u"db4:3306"_s, true);
        noTable.heartbeatTableFound = false;
        noTable.heartbeatRows.clear();
        noTable.sample.secondsBehindMaster = 12;
        LagRules::resolve(noTable, false, 0.2);
        LagReading dead = reading(u"db5:3306"_s, true);
        dead.reachable = false;
        dead.error = u"cannot connect to db5:3306: refused"_s;
        dead.sample.secondsBehindMaster.reset();
        LagRules::resolve(dead, false, 0.2);
        const QStringList lines = LagPrinter::table({ primary, replica, stopped, noTable, dead });
        const QStringList expected {
            u"instance  role     lag      heartbeat  sbm   source     note"_s,
            u"db1:3306  primary  -        -          -     -          its heartbeat row is "
            "0.200 s old"_s,
            u"db2:3306  replica  0.412    0.412      0     heartbeat"_s,
            u"db3:3306  replica  125.500  125.500    NULL  heartbeat"_s,
            u"db4:3306  replica  12.000   -          12    sbm        no heartbeat table"_s,
            u"db5:3306  replica  -        -          NULL  heartbeat  cannot connect to db5:3306: "
            "refused"_s,
        };
        QCOMPARE(lines, expected);
    }

    void notes()
    {
        LagReading r = reading(u"db2:3306"_s, true);
        LagRules::resolve(r, false, 45.0); // pt-heartbeat stopped on the primary
        QCOMPARE(r.sample.source, LagSource::SecondsBehindMaster);
        QCOMPARE(LagPrinter::note(r), u"pt-heartbeat is not advancing on the primary"_s);
        r.heartbeatRows = { row(9, 3000.0) };
        LagRules::resolve(r, false, 0.2);
        QCOMPARE(LagPrinter::note(r), u"no heartbeat row of the primary (server_id 1)"_s);
        LagReading p = reading(u"db1:3306"_s, false);
        p.heartbeatRows = { row(1, 45.0) };
        QCOMPARE(LagPrinter::note(p),
            u"its heartbeat row is 45.000 s old: pt-heartbeat is not "
            "running"_s);
    }

    void watchLine()
    {
        QCOMPARE(LagPrinter::watchLine(reading(u"db2:3306"_s, true)),
            u"2026-12-02T15:35:08.250Z db2:3306 replica lag=0.412 heartbeat=0.412 sbm=0 "
            "source=heartbeat"_s);
        LagReading dead = reading(u"db5:3306"_s, true);
        dead.reachable = false;
        dead.error = u"cannot connect to db5:3306: \"refused\""_s;
        LagRules::resolve(dead, false, 0.2);
        QCOMPARE(LagPrinter::watchLine(dead),
            u"2026-12-02T15:35:08.250Z db5:3306 replica lag=- heartbeat=- sbm=0 "
            "source=heartbeat note=\"cannot connect to db5:3306: 'refused'\""_s);
    }

    void heartbeatRows()
    {
        HeartbeatCheck check;
        check.instance = key(u"db2:3306"_s);
        check.tableFound = true;
        check.rows = { row(1, 0.5), row(42, 86400.25), row(7, 12.0) };
        check.rows[1].state = HeartbeatRow::State::Stale;
        check.rows[0].state = HeartbeatRow::State::CurrentPrimary;
        check.rows[2].state = HeartbeatRow::State::NotAdvancing;
        const QStringList expected {
            u"server_id  ts                        age        state"_s,
            u"1          2026-12-02T15:35:07.001Z  0.500      current-primary"_s,
            u"42         2026-12-02T15:35:07.001Z  86400.250  stale"_s,
            u"7          2026-12-02T15:35:07.001Z  12.000     not-advancing"_s,
        };
        QCOMPARE(LagPrinter::heartbeatRows(check), expected);
    }
};

QTEST_GUILESS_MAIN(TestLagPrinter)
#include "tst_lagprinter.moc"
