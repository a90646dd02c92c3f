// The lag ring buffer: keeps the newest samples per instance, oldest first; finds a window by
// time; takes older history in front; and decimates a long window to the minimum and maximum per
// bucket, with a gap (a missing value) splitting the series instead of becoming a zero.
#include <QTest>

#include "lag/lagcsv.h"
#include "lag/laghistory.h"

using namespace Qt::StringLiterals;
using namespace topograph;

namespace {

const QDateTime kStart(QDate(2026, 12, 2), QTime(12, 0, 0), Qt::UTC);
const InstanceKey kKey { u"db1"_s, 3306 };

LagSample sample(int second, std::optional<double> lag, std::optional<qint64> sbm = 0)
{
    LagSample s;
    s.at = kStart.addSecs(second);
    s.lag = lag;
    s.heartbeat = lag;
    s.secondsBehindMaster = sbm;
    return s;
}

} // namespace

class TestLagHistory final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsTheNewestOldestFirst()
    {
        LagHistory history(5);
        for (int i = 0; i < 12; ++i) {
            history.append(kKey, sample(i, i));
        }
        QCOMPARE(history.size(kKey), 5);
        const QList<LagSample> kept = history.samples(kKey);
        QCOMPARE(kept.size(), 5);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(kept.at(i).lag, std::optional<double>(7 + i));
        }
        QCOMPARE(history.latest(kKey)->lag, std::optional<double>(11));
        QCOMPARE(history.samples(kKey, kStart.addSecs(10)).size(), 2);
        QCOMPARE(history.samples(kKey, kStart.addSecs(100)).size(), 0);
        QVERIFY(history.samples(InstanceKey { u"other"_s, 1 }).isEmpty());
        QCOMPARE(history.keys(), QList<InstanceKey> { kKey });
        history.remove(kKey);
        QVERIFY(!history.latest(kKey));
    }

    void olderHistoryGoesInFront()
    {
        LagHistory history(6);
        history.append(kKey, sample(10, 1));
        history.append(kKey, sample(11, 2));
        history.prepend(kKey, { sample(5, 9), sample(6, 8), sample(11, 99) }); // 11: not older
        const QList<LagSample> kept = history.samples(kKey);
        QCOMPARE(kept.size(), 4);
        QCOMPARE(kept.first().at, kStart.addSecs(5));
        QCOMPARE(kept.last().lag, std::optional<double>(2));
        history.append(kKey, sample(12, 3));
        QCOMPARE(history.latest(kKey)->lag, std::optional<double>(3));
    }

    void decimatesToExtremesAndSplitsAtGaps()
    {
        LagHistory history;
        // 100 s: a spike at 30 s, a gap at 50-52 s, SBM missing throughout the gap.
        for (int i = 0; i < 100; ++i) {
            const bool gap = i >= 50 && i <= 52;
            history.append(kKey,
                sample(i, gap ? std::nullopt : std::optional<double>(i == 30 ? 40.0 : 0.5),
                    gap ? std::nullopt : std::optional<qint64>(0)));
        }
        const auto runs = history.series(kKey, kStart, kStart.addSecs(100), 10);
        QCOMPARE(runs.size(), 2); // split at the gap, never a zero there
        qsizetype points = 0;
        double highest = 0;
        for (const auto& run : runs) {
            points += run.size();
            for (const QPointF& p : run) {
                highest = std::max(highest, p.y());
                QVERIFY(p.y() > 0);
            }
            for (qsizetype i = 1; i < run.size(); ++i) {
                QVERIFY(run.at(i).x() >= run.at(i - 1).x()); // in time order
            }
        }
        QVERIFY(points <= 2 * 10 + 2); // at most two points per bucket (one bucket split)
        QCOMPARE(highest, 40.0); // the spike survives decimation
        const auto sbm = history.series(
            kKey, kStart, kStart.addSecs(100), 100, LagHistory::secondsBehindMasterOf);
        QCOMPARE(sbm.size(), 2);
        QVERIFY(history.series(kKey, kStart, kStart, 10).isEmpty());
    }

    void sparklineKeepsTheLargestOfEachBucket()
    {
        LagHistory history;
        for (int i = 0; i < 180; ++i) {
            history.append(
                kKey, sample(i, i == 100 ? 30.0 : (i >= 150 ? std::nullopt : std::optional(1.0))));
        }
        const auto line = history.sparkline(kKey, kStart.addSecs(180), 180, 30);
        QCOMPARE(line.size(), 30);
        QCOMPARE(line.at(0), std::optional<double>(1.0));
        QCOMPARE(line.at(100 / 6), std::optional<double>(30.0));
        QVERIFY(!line.at(29)); // the last 30 s are a gap
        QVERIFY(history.sparkline(InstanceKey { u"none"_s, 1 }, kStart).at(0) == std::nullopt);
    }

    void csvHasEverySampleAndLeavesGapsEmpty()
    {
        LagHistory history;
        history.append(kKey, sample(0, 0.25, 0));
        history.append(kKey, sample(1, std::nullopt, std::nullopt));
        LagSample sbmOnly = sample(2, 3, 3);
        sbmOnly.source = LagSource::SecondsBehindMaster;
        sbmOnly.heartbeat.reset();
        history.append(kKey, sbmOnly);
        history.append(kKey, sample(50, 1)); // outside the window
        const QStringList lines
            = LagCsv::write(history, { kKey }, kStart, kStart.addSecs(10)).split(u'\n');
        QCOMPARE(lines.at(0),
            u"instance,time,lag_seconds,source,heartbeat_seconds,seconds_behind_master"_s);
        QCOMPARE(lines.at(1), u"db1:3306,2026-12-02T12:00:00.000Z,0.250000,heartbeat,0.250000,0"_s);
        QCOMPARE(lines.at(2), u"db1:3306,2026-12-02T12:00:01.000Z,,heartbeat,,"_s);
        QCOMPARE(
            lines.at(3), u"db1:3306,2026-12-02T12:00:02.000Z,3.000000,seconds_behind_master,,3"_s);
        QCOMPARE(lines.size(), 5); // and the final newline
    }
};

QTEST_GUILESS_MAIN(TestLagHistory)
#include "tst_laghistory.moc"
