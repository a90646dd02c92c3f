// The one statement of a lag sample, per server: replica status first, ReplicationLagQuery next,
// the heartbeat table last; and how its answers (all of them, or up to the statement that failed)
// become a reading: a missing heartbeat table is no error, any other failure is kept.
#include <QTest>

#include "lag/lagstatement.h"

using namespace Qt::StringLiterals;
using namespace topograph;

namespace {

HeartbeatTable heartbeat(const QString& name = u"heartbeat.heartbeat"_s)
{
    return *HeartbeatTable::make(name, true);
}

const Dialect kMariaDb = Dialect::forVersion(u"10.11.6-MariaDB-log"_s, {});
const Dialect kMySql84 = Dialect::forVersion(u"8.4.0"_s, u"MySQL Community Server"_s);

SqlRow replicaStatus(const QVariant& secondsBehind, const QString& sqlRunning = u"Yes"_s)
{
    return { { u"Master_Host"_s, u"db1"_s }, { u"Master_Port"_s, 3306 },
        { u"Slave_IO_Running"_s, u"Yes"_s }, { u"Slave_SQL_Running"_s, sqlRunning },
        { u"Seconds_Behind_Master"_s, secondsBehind } };
}

SqlRow heartbeatRow(quint32 serverId, qint64 ageMicros)
{
    return { { u"server_id"_s, serverId }, { u"age_us"_s, ageMicros },
        { u"ts_utc"_s, u"2026-12-02 15:35:08.000000"_s } };
}

Error failure(const QString& text)
{
    return makeError(ErrorCode::QueryFailed, u"query on db2:3306 failed: "_s + text, text);
}

} // namespace

class TestLagStatement final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statements()
    {
        const QString hb = heartbeat().selectRows();
        QCOMPARE(LagStatement(kMariaDb, heartbeat(), {}).sql(), u"SHOW SLAVE STATUS; "_s + hb);
        QCOMPARE(LagStatement(kMySql84, heartbeat(), {}).sql(), u"SHOW REPLICA STATUS; "_s + hb);
        // The user's query in the middle (a trailing ';' would end the batch early), the
        // heartbeat last: a missing table stops nothing after it.
        const LagStatement withQuery(kMariaDb, heartbeat(), u"  SELECT lag FROM meta.lag ;; "_s);
        QVERIFY(withQuery.hasLagQuery());
        QCOMPARE(withQuery.sql(), u"SHOW SLAVE STATUS; SELECT lag FROM meta.lag; "_s + hb);
        QCOMPARE(LagStatement(kMariaDb, heartbeat(QString()), {}).sql(), u"SHOW SLAVE STATUS"_s);
    }

    void everythingAnswered()
    {
        StatementAnswers answers;
        answers.results
            = { { replicaStatus(u"0"_s) }, { heartbeatRow(7, 5000000), heartbeatRow(1, 412345) } };
        LagReading r;
        LagStatement(kMariaDb, heartbeat(), {}).read(answers, r);
        QVERIFY(r.reachable);
        QVERIFY(r.error.isEmpty());
        QVERIFY(r.isReplica && r.ioRunning && r.sqlRunning);
        QCOMPARE(r.sample.secondsBehindMaster, std::optional<qint64>(0));
        QVERIFY(r.heartbeatTableFound);
        QCOMPARE(r.heartbeatRows.size(), 2);
        QCOMPARE(r.heartbeatRows.at(0).serverId, 1u);
        QCOMPARE(r.heartbeatRows.at(0).ageSeconds, 0.412345);
    }

    void sqlThreadStoppedGivesNullSecondsBehind()
    {
        StatementAnswers answers;
        answers.results = { { replicaStatus(QVariant(), u"No"_s) }, { heartbeatRow(1, 9000000) } };
        LagReading r;
        LagStatement(kMariaDb, heartbeat(), {}).read(answers, r);
        QVERIFY(!r.sqlRunning);
        QVERIFY(!r.sample.secondsBehindMaster);
        QCOMPARE(r.heartbeatRows.first().ageSeconds, 9.0);
    }

    void primaryHasNoReplicaStatus()
    {
        StatementAnswers answers;
        answers.results = { {}, { heartbeatRow(1, 300000) } };
        LagReading r;
        LagStatement(kMariaDb, heartbeat(), {}).read(answers, r);
        QVERIFY(r.reachable);
        QVERIFY(!r.isReplica);
        QVERIFY(!r.sample.secondsBehindMaster);
    }

    void missingHeartbeatTableIsNoError()
    {
        StatementAnswers answers;
        answers.results = { { replicaStatus(u"4"_s) } };
        answers.error = failure(u"Table 'heartbeat.heartbeat' doesn't exist"_s);
        answers.serverErrorCode = 1146;
        LagReading r;
        LagStatement(kMariaDb, heartbeat(), {}).read(answers, r);
        QVERIFY(r.reachable);
        QVERIFY(r.error.isEmpty());
        QVERIFY(r.heartbeatError.isEmpty());
        QVERIFY(!r.heartbeatTableFound);
        QCOMPARE(r.sample.secondsBehindMaster, std::optional<qint64>(4));
    }

    void unreadableHeartbeatTableIsKept()
    {
        StatementAnswers answers;
        answers.results = { { replicaStatus(u"4"_s) } };
        answers.error = failure(u"SELECT command denied to user 'topograph'"_s);
        answers.serverErrorCode = 1142;
        LagReading r;
        LagStatement(kMariaDb, heartbeat(), {}).read(answers, r);
        QVERIFY(r.reachable);
        QVERIFY(!r.heartbeatTableFound);
        QVERIFY(r.heartbeatError.contains(u"denied"_s));
    }

    void lagQueryAnswersAndFails()
    {
        const LagStatement statement(kMariaDb, heartbeat(), u"SELECT 1.25"_s);
        StatementAnswers answers;
        answers.results = { { replicaStatus(u"1"_s) }, { { { u"1.25"_s, u"1.25"_s } } },
            { heartbeatRow(1, 1000) } };
        LagReading r;
        statement.read(answers, r);
        QVERIFY(!r.lagQueryFailed);
        QCOMPARE(r.queryLag, std::optional(1.25));
        QVERIFY(r.heartbeatTableFound);

        StatementAnswers failed;
        failed.results = { { replicaStatus(u"1"_s) } };
        failed.error = failure(u"Unknown column 'lag'"_s);
        failed.serverErrorCode = 1054;
        LagReading f;
        statement.read(failed, f);
        QVERIFY(f.reachable);
        QVERIFY(f.lagQueryFailed);
        QVERIFY(f.error.contains(u"Unknown column"_s));
        // The heartbeat after it was never run: not "no table", but not read.
        QVERIFY(!f.heartbeatTableFound);
        QVERIFY(f.heartbeatError.contains(u"not read"_s));
    }

    void lostConnectionIsUnreachable()
    {
        StatementAnswers answers;
        answers.error = failure(u"Lost connection to server during query"_s);
        answers.serverErrorCode = 2013;
        LagReading r;
        LagStatement(kMariaDb, heartbeat(), {}).read(answers, r);
        QVERIFY(!r.reachable);
        QVERIFY(r.error.contains(u"Lost connection"_s));
    }
};

QTEST_GUILESS_MAIN(TestLagStatement)
#include "tst_lagstatement.moc"
