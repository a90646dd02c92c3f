// bench/lag_chart — what one update of the lag chart dock costs (issue 10: a chart update with 50
// series × 1 h of samples < 16 ms, so the dock never drops a frame when the lag worker's next
// second of samples arrives).
//
// Fills a LagHistory with 50 replicas × 1 h of 1 s samples (a random walk, a few gaps) and, for
// the 24 h window, 23 h more at the backend history's 10 s step in front; shows a LagChartPanel
// (1200×420, offscreen unless QT_QPA_PLATFORM says otherwise) and times, per window, what
// happens on every tick in the app: one new sample per replica, refresh() (decimation into
// series) and a synchronous repaint of the chart. Prints the median and the worst of --runs
// updates, refresh and paint apart, and the points drawn.
//
//   build/bench/bench_lag_chart [--series 50] [--runs 30]
#include <QApplication>
#include <QChartView>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTextStream>

#include <algorithm>

#include "panels/lagchartpanel.h"
#include "lag/laghistory.h"

using namespace Qt::StringLiterals;
using namespace topograph;

namespace {

struct Timing
{
    double refreshMedian = 0;
    double paintMedian = 0;
    double totalMedian = 0;
    double totalWorst = 0;
    qsizetype points = 0;
};

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

LagSample sample(const QDateTime& at, double lag)
{
    LagSample s;
    s.at = at;
    s.lag = lag;
    s.heartbeat = lag;
    s.secondsBehindMaster = qint64(lag);
    return s;
}

// One random walk per replica: mostly under a second, with bursts of tens of seconds and a gap
// now and then (an unanswered sample).
void fill(LagHistory& history, const QList<InstanceKey>& keys, const QDateTime& now)
{
    QRandomGenerator random(42);
    for (const InstanceKey& key : keys) {
        QList<LagSample> older; // 23 h at 10 s, as the backend's history gives them
        double lag = 0.2;
        for (qint64 s = 24 * 3600; s > 3600; s -= 10) {
            lag = std::clamp(lag + random.bounded(2.0) - 0.98, 0.0, 60.0);
            older.append(sample(now.addSecs(-s), lag));
        }
        for (qint64 s = 3600; s > 0; --s) {
            lag = std::clamp(lag + random.bounded(2.0) - 0.98, 0.0, 60.0);
            LagSample next = sample(now.addSecs(-s), lag);
            if (random.bounded(500) == 0) {
                next.lag.reset();
                next.heartbeat.reset();
                next.secondsBehindMaster.reset();
            }
            history.append(key, next);
        }
        history.prepend(key, older);
    }
}

Timing measure(LagChartPanel& panel, LagHistory& history, const QList<InstanceKey>& keys,
    QDateTime& now, int runs)
{
    auto* view = panel.findChild<QChartView*>();
    QList<double> refresh;
    QList<double> paint;
    QList<double> total;
    Timing t;
    for (int run = 0; run < runs + 1; ++run) {
        now = now.addSecs(1);
        for (const InstanceKey& key : keys) {
            history.append(key, sample(now, 0.3));
        }
        QElapsedTimer timer;
        timer.start();
        panel.refresh(now);
        const double refreshed = double(timer.nsecsElapsed()) / 1e6;
        view->viewport()->repaint();
        const double painted = double(timer.nsecsElapsed()) / 1e6;
        if (run == 0) {
            continue; // the first builds the series objects once; every tick after it is timed
        }
        refresh.append(refreshed);
        paint.append(painted - refreshed);
        total.append(painted);
    }
    t.refreshMedian = median(refresh);
    t.paintMedian = median(paint);
    t.totalMedian = median(total);
    t.totalWorst = *std::max_element(total.cbegin(), total.cend());
    for (const InstanceKey& key : keys) {
        t.points += panel.points(key).size();
    }
    return t;
}

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const auto option = [&](const QString& name, int fallback) {
        const qsizetype at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? std::max(1, args.at(at + 1).toInt()) : fallback;
    };
    const int seriesCount = option(u"--series"_s, 50);
    const int runs = option(u"--runs"_s, 30);

    QList<InstanceKey> keys;
    QHash<InstanceKey, QString> names;
    for (int i = 0; i < seriesCount; ++i) {
        const InstanceKey key(u"replica%1.bench"_s.arg(i, 2, 10, QChar(u'0')), 3306);
        keys.append(key);
        names.insert(key, key.toString());
    }
    QDateTime now = QDateTime::currentDateTimeUtc();
    LagHistory history(2 * 3600);
    QElapsedTimer filling;
    filling.start();
    fill(history, keys, now);

    QTextStream out(stdout);
    out << "Lag chart dock, platform " << QGuiApplication::platformName() << ", " << seriesCount
        << " series, 1 h of 1 s samples + 23 h at 10 s each (history filled in "
        << filling.elapsed() << " ms), " << runs << " updates per window\n";
    out << "an update = one new sample per series + refresh() (decimation) + a synchronous "
           "repaint\n\n";

    LagChartPanel panel;
    panel.resize(1200, 420);
    panel.setHistory(&history);
    panel.setThreshold(10);
    panel.setInstances(keys, names);
    panel.show();
    QCoreApplication::processEvents();

    const struct
    {
        LagChartPanel::Window window;
        const char* name;
    } windows[] = {
        { LagChartPanel::Window::FiveMinutes, "5 min" },
        { LagChartPanel::Window::OneHour, "1 h" },
        { LagChartPanel::Window::SixHours, "6 h" },
        { LagChartPanel::Window::OneDay, "24 h" },
    };
    out << "window   points drawn   refresh ms   paint ms   update ms (median)   worst ms\n";
    double hour = 0;
    for (const auto& w : windows) {
        panel.setWindow(w.window);
        const Timing t = measure(panel, history, keys, now, runs);
        if (w.window == LagChartPanel::Window::OneHour) {
            hour = t.totalMedian;
        }
        out << QString::fromLatin1(w.name).leftJustified(9)
            << QString::number(t.points).rightJustified(12)
            << QString::number(t.refreshMedian, 'f', 2).rightJustified(13)
            << QString::number(t.paintMedian, 'f', 2).rightJustified(11)
            << QString::number(t.totalMedian, 'f', 2).rightJustified(21)
            << QString::number(t.totalWorst, 'f', 2).rightJustified(11) << '\n';
    }
    out << "\n1 h window: " << QString::number(hour, 'f', 2) << " ms per update, "
        << QString::number(16.0 / std::max(hour, 0.001), 'f', 1) << "× inside the 16 ms target\n";
    return 0;
}
