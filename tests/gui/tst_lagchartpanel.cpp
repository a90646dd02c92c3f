// The lag chart dock on synthetic samples: one line per replica with the sampled values, the
// window and the measure change what is drawn, a gap breaks a line instead of dropping to zero,
// a legend click hides an instance, the CSV export has the samples, stale heartbeat rows are
// named; and a card draws the sparkline it is given.
#include <QChart>
#include <QChartView>
#include <QFile>
#include <QLineSeries>
#include <QLegend>
#include <QLegendMarker>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "canvas/clusterscene.h"
#include "canvas/nodeitem.h"
#include "lag/lagcontroller.h"
#include "panels/lagchartpanel.h"
#include "canvasfixture.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

namespace {

const QDateTime kEnd(QDate(2026, 12, 2), QTime(15, 0, 0), Qt::UTC);

// Two replicas sampled every second for two hours: r1 lags 0.5 s, r2 lags 2 s with a spike of
// 40 s ten minutes ago and a gap (unreachable) two minutes ago; SBM is 7 for both.
LagHistory history()
{
    LagHistory h(3 * 3600);
    for (int second = -7200; second <= 0; ++second) {
        for (const auto& [name, lag] : { std::pair { "r1", 0.5 }, std::pair { "r2", 2.0 } }) {
            LagSample s;
            s.at = kEnd.addSecs(second);
            const bool r2 = QLatin1StringView(name) == "r2"_L1;
            const bool gap = r2 && second >= -120 && second < -110;
            if (!gap) {
                s.lag = r2 && second == -600 ? 40.0 : lag;
                s.heartbeat = s.lag;
                s.secondsBehindMaster = 7;
            }
            h.append(key(QString::fromLatin1(name)), s);
        }
    }
    return h;
}

double maxY(const QList<QPointF>& points)
{
    double top = 0;
    for (const QPointF& p : points) {
        top = std::max(top, p.y());
    }
    return top;
}

} // namespace

class TestLagChartPanel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void drawsOneLinePerReplica()
    {
        const LagHistory samples = history();
        LagChartPanel panel;
        panel.resize(800, 500);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setHistory(&samples);
        panel.setInstances({ key(u"r1"_s), key(u"r2"_s) },
            { { key(u"r1"_s), u"r1:3306"_s }, { key(u"r2"_s), u"orders-r2"_s } });
        panel.setThreshold(10);
        panel.refresh(kEnd);
        QCOMPARE(panel.shownInstances(), (QList<InstanceKey> { key(u"r1"_s), key(u"r2"_s) }));
        const QList<QPointF> r1 = panel.points(key(u"r1"_s));
        QVERIFY(r1.size() > 10);
        for (const QPointF& p : r1) {
            QCOMPARE(p.y(), 0.5);
        }
        // The last five minutes: no spike, and the gap splits r2's line, never a zero.
        const QList<QPointF> r2 = panel.points(key(u"r2"_s));
        QCOMPARE(maxY(r2), 2.0);
        for (const QPointF& p : r2) {
            QVERIFY(p.y() > 0);
        }
        QVERIFY(r2.first().x() >= double(kEnd.addSecs(-300).toMSecsSinceEpoch()));

        // One hour: the spike of ten minutes ago survives the decimation.
        panel.setWindow(LagChartPanel::Window::OneHour);
        panel.refresh(kEnd);
        QCOMPARE(maxY(panel.points(key(u"r2"_s))), 40.0);
        QVERIFY(panel.points(key(u"r2"_s)).size() <= 2 * 1000);
        // Seconds_Behind_Master instead of the heartbeat.
        panel.setMeasure(LagChartPanel::Measure::SecondsBehindMaster);
        panel.refresh(kEnd);
        QCOMPARE(maxY(panel.points(key(u"r2"_s))), 7.0);

        // A legend click hides an instance, another shows it again.
        QVERIFY(panel.isInstanceVisible(key(u"r1"_s)));
        panel.setInstanceVisible(key(u"r1"_s), false);
        QVERIFY(!panel.isInstanceVisible(key(u"r1"_s)));
        panel.refresh(kEnd);
        QVERIFY(!panel.isInstanceVisible(key(u"r1"_s)));

        // The legend names each instance once, as it is shown (once the chart is laid out).
        const auto legend = [&] {
            QStringList labels;
            for (QLegendMarker* marker : panel.chart()->legend()->markers()) {
                if (marker->isVisible()) {
                    labels << marker->label();
                }
            }
            return labels;
        };
        QTRY_VERIFY2(legend().contains(u"orders-r2"_s), qPrintable(legend().join(u", "_s)));
        QCOMPARE(legend().count(u"r1:3306"_s), 1);
        QVERIFY(!legend().contains(QString())); // the runs after a gap have no entry
    }

    void exportsTheWindowAsCsv()
    {
        const LagHistory samples = history();
        LagChartPanel panel;
        panel.setHistory(&samples);
        panel.setInstances({ key(u"r1"_s), key(u"r2"_s) }, {});
        panel.refresh(kEnd);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"lag.csv"_s);
        QVERIFY(panel.exportCsv(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines
            = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.first().section(u',', 0, 2), u"instance,time,lag_seconds"_s);
        // Five minutes of two instances, one sample a second each (both ends included).
        QCOMPARE(lines.size() - 1, 2 * 301);
        QVERIFY(
            lines.contains(u"r1:3306,2026-12-02T15:00:00.000Z,0.500000,heartbeat,0.500000,7"_s));
        QVERIFY(lines.contains(u"r2:3306,2026-12-02T14:58:05.000Z,,heartbeat,,"_s)); // the gap
        QVERIFY(panel.exportPng(dir.filePath(u"lag.png"_s)));
        QVERIFY(QFile(dir.filePath(u"lag.png"_s)).size() > 0);
    }

    void namesStaleHeartbeatRows()
    {
        LagChartPanel panel;
        QVERIFY(panel.fakeLagText().isEmpty());
        HeartbeatCheck check;
        check.instance = key(u"r1"_s);
        check.tableFound = true;
        check.rows = { { 1, kEnd, 0.2, HeartbeatRow::State::CurrentPrimary },
            { 7, kEnd.addDays(-30), 2592000, HeartbeatRow::State::Stale } };
        panel.setHeartbeatChecks({ check });
        QVERIFY2(panel.fakeLagText().contains(u"r1:3306"_s), qPrintable(panel.fakeLagText()));
        QVERIFY(panel.fakeLagText().contains(u"server_id 7"_s));
        // The same stale row on every instance is named once.
        HeartbeatCheck other = check;
        other.instance = key(u"r2"_s);
        panel.setHeartbeatChecks({ check, other });
        QVERIFY2(panel.fakeLagText().contains(u"server_id 7 on every instance (2)"_s),
            qPrintable(panel.fakeLagText()));
        QCOMPARE(panel.fakeLagText().count(u"server_id 7"_s), 1);
        panel.setHeartbeatChecks({});
        QVERIFY(panel.fakeLagText().isEmpty());
    }

    void clickingALineAsksForItsCard()
    {
        const LagHistory samples = history();
        LagChartPanel panel;
        panel.resize(900, 360);
        panel.setHistory(&samples);
        panel.setInstances({ key(u"r1"_s), key(u"r2"_s) }, {});
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.refresh(kEnd);
        auto* view = panel.findChild<QChartView*>();
        QVERIFY(view);
        // Where a value at a time is on the screen: through an (empty) legend series, which
        // shares the axes with the lines.
        auto* axesSeries = qobject_cast<QLineSeries*>(panel.chart()->series().last());
        QVERIFY(axesSeries);
        const auto at = [&](qint64 secondsAgo, double seconds) {
            const QPointF data(double(kEnd.addSecs(-secondsAgo).toMSecsSinceEpoch()), seconds);
            return view->mapFromScene(
                panel.chart()->mapToScene(panel.chart()->mapToPosition(data, axesSeries)));
        };
        QSignalSpy clicked(&panel, &LagChartPanel::instanceClicked);
        // Far from both lines: nothing.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at(150, 9.0));
        QCOMPARE(clicked.size(), 0);
        // On r2's line (2 s), then on r1's (0.5 s).
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at(150, 2.0));
        QCOMPARE(clicked.size(), 1);
        QCOMPARE(clicked.takeFirst().first().value<InstanceKey>(), key(u"r2"_s));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at(150, 0.5));
        QCOMPARE(clicked.size(), 1);
        QCOMPARE(clicked.takeFirst().first().value<InstanceKey>(), key(u"r1"_s));
        // A hidden line cannot be clicked.
        panel.setInstanceVisible(key(u"r2"_s), false);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at(150, 2.0));
        QCOMPARE(clicked.size(), 0);
    }

    void controllerFeedsChartCardsAndFakeLag()
    {
        ClusterScene scene;
        scene.setAnimationDuration(0);
        const QList<InstanceRecord> records { instance(u"m1"_s), instance(u"r1"_s, u"m1"_s),
            instance(u"r2"_s, u"m1"_s) };
        scene.setTopology(records, {}, kNow, kThresholds);
        LagChartPanel panel;
        LagController controller(&panel, &scene);
        QSignalSpy wanted(&controller, &LagController::historyWanted);
        controller.setCluster(records, {});
        QCOMPARE(wanted.size(), 1); // the history of the cluster's instances, once
        QCOMPARE(wanted.first().first().value<QList<InstanceKey>>().size(), 3);
        controller.setCluster(records, {});
        QCOMPARE(wanted.size(), 1);
        QCOMPARE(panel.points(key(u"m1"_s)).size(), 0); // only replicas are charted

        // Samples of a round reach the history and the cards' sparklines.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        KeyedLagSamples round;
        for (int i = 0; i < 20; ++i) {
            LagSample s;
            s.at = now.addSecs(-20 + i);
            s.lag = 1.5;
            round.append({ key(u"r1"_s), s });
        }
        controller.addSamples(round);
        QCOMPARE(controller.history().size(key(u"r1"_s)), 20);
        QVERIFY(CardPainter::drawsSparkline(scene.nodeItem(key(u"r1"_s))->sparkline()));
        QVERIFY(scene.nodeItem(key(u"r2"_s))->sparkline().isEmpty());

        // Stale heartbeat rows: a glyph on the card, the cluster's fake lag, the dock's warning.
        QSignalSpy fake(&controller, &LagController::fakeLagChanged);
        HeartbeatCheck check;
        check.instance = key(u"r2"_s);
        check.tableFound = true;
        check.rows = { { 1, now, 0.3, HeartbeatRow::State::CurrentPrimary },
            { 9, now.addDays(-3), 259200, HeartbeatRow::State::Stale } };
        controller.setHeartbeatChecks({ check });
        QCOMPARE(fake.size(), 1);
        QCOMPARE(controller.fakeLag(), QSet<InstanceKey> { key(u"r2"_s) });
        QVERIFY(scene.nodeItem(key(u"r2"_s))->hasFakeLag());
        QVERIFY(scene.nodeItem(key(u"r2"_s))
                    ->content()
                    .problems.contains(CardContent::Problem::FakeLag));
        QVERIFY(!panel.fakeLagText().isEmpty());
        // A new record keeps the glyph; a clean check removes it.
        scene.setTopology(records, {}, kNow, kThresholds);
        QVERIFY(scene.nodeItem(key(u"r2"_s))
                    ->content()
                    .problems.contains(CardContent::Problem::FakeLag));
        check.rows.removeLast();
        controller.setHeartbeatChecks({ check });
        QVERIFY(!scene.nodeItem(key(u"r2"_s))->hasFakeLag());
        QVERIFY(controller.fakeLag().isEmpty());
    }

    void cardsDrawTheirSparkline()
    {
        ClusterScene scene;
        scene.setAnimationDuration(0);
        scene.setTopology({ instance(u"m1"_s), instance(u"r1"_s, u"m1"_s) }, {}, kNow, kThresholds);
        const LagHistory samples = history();
        scene.setSparklines({ { key(u"r1"_s), samples.sparkline(key(u"r1"_s), kEnd) },
            { key(u"gone"_s), samples.sparkline(key(u"r1"_s), kEnd) } });
        const CardPainter::Sparkline& line = scene.nodeItem(key(u"r1"_s))->sparkline();
        QCOMPARE(line.size(), 30);
        QVERIFY(CardPainter::drawsSparkline(line));
        QVERIFY(scene.nodeItem(key(u"m1"_s))->sparkline().isEmpty());
        // It takes room from the title, never from the badge.
        const CardContent& content = scene.nodeItem(key(u"r1"_s))->content();
        const QFont font = scene.font();
        const QString wide = CardPainter::fullTitle(content, font, 120, false);
        const QString narrow = CardPainter::fullTitle(content, font, 120, true);
        QVERIFY(narrow.size() <= wide.size());
    }
};

QTEST_MAIN(TestLagChartPanel)
#include "tst_lagchartpanel.moc"
