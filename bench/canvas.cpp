// bench/canvas — the cluster canvas under load: layout, frame time while dragging, memory.
//
// Builds synthetic clusters of 200 and 2,000 instances (a primary, a few intermediate masters
// with many leaf replicas each, some leaves on the primary; versions, lag and a few broken or
// stopped replicas so that cards draw everything), and a wide one of 2,000 (a primary and 1,999
// replicas of it, wrapped into one grid whose edges run through its gaps), and reports for each:
//  - layout: TreeLayout alone, the first ClusterScene::setTopology (creates the items) and a
//    second one with new lag values (updates in place), median of several runs;
//  - drag frames: a shown ClusterView (offscreen unless QT_QPA_PLATFORM says otherwise), a press
//    on a card, verdicts for every card, then the pointer moved across the view. A frame is the
//    move event plus the pending scene updates and the repaint of what changed; reported with
//    it, the same plus a full synchronous viewport repaint (an upper bound). The first move, which
//    starts the drag and colours every card, is reported apart. Median, p95 and max, at 100 %,
//    at the zoom the cluster opens with (ClusterView::zoomToFit) and zoomed out as far as the
//    view allows;
//  - re-layout animation: collapsing the master with the most replicas moves the cards below;
//    the work of each animation step with a full viewport repaint;
//  - RSS of the process after each cluster is built and painted (VmRSS).
//
//   build/bench/bench_canvas [--runs 9] [--moves 300]
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QMouseEvent>
#include <QTextStream>

#include <algorithm>

#include "canvas/clusterscene.h"
#include "ops/targetverdicts.h"
#include "canvas/clusterview.h"
#include "canvas/nodeitem.h"

using namespace Qt::StringLiterals;
using namespace topograph;

namespace {

const QDateTime kNow = QDateTime(QDate(2024, 3, 1), QTime(12, 0, 0), Qt::UTC);

InstanceRecord record(const QString& host, const QString& master, int n)
{
    InstanceRecord r;
    r.key = InstanceKey { host, 3306 };
    r.reachable = n % 97 != 13; // about one in a hundred unreachable
    r.lastChecked = kNow.addSecs(-(n % 5));
    r.lastSeen = r.reachable ? r.lastChecked : kNow.addSecs(-300);
    r.flavor = Flavor::MariaDB;
    r.version = n % 7 == 0 ? u"10.6.16-MariaDB-log"_s : u"10.11.6-MariaDB-log"_s;
    r.logBin = true;
    r.logSlaveUpdates = true;
    r.binlogFormat = u"ROW"_s;
    r.clusterName = u"db1000.eqiad.wmnet:3306"_s;
    if (!master.isEmpty()) {
        r.masterKey = InstanceKey { master, 3306 };
        r.readOnly = true;
        r.usingGtid = u"Slave_Pos"_s;
        r.ioThreadRunning = n % 89 != 7;
        r.sqlThreadRunning = true;
        if (!r.ioThreadRunning && n % 2 == 0) {
            r.lastIoError = u"error reconnecting to master"_s;
        }
        r.secondsBehindMaster = n % 31 == 0 ? 45 : n % 3;
        r.replicationLagSeconds = r.secondsBehindMaster;
    }
    return r;
}

// A primary, count / 50 intermediate masters sharing the leaves, ten leaves on the primary.
QList<InstanceRecord> cluster(int count)
{
    const QString primary = u"db1000.eqiad.wmnet"_s;
    QList<InstanceRecord> records { record(primary, {}, 0) };
    const int intermediates = std::max(3, count / 50);
    QStringList masters;
    for (int i = 0; i < intermediates; ++i) {
        masters << u"db%1.eqiad.wmnet"_s.arg(1001 + i);
        records.append(record(masters.last(), primary, int(records.size())));
    }
    for (int i = 0; records.size() < count; ++i) {
        const QString master = i < 10 ? primary : masters.at(i % intermediates);
        records.append(record(u"db%1.eqiad.wmnet"_s.arg(2000 + i), master, int(records.size())));
    }
    std::reverse(records.begin(), records.end()); // the probe order is not the key order
    return records;
}

// A primary and count - 1 replicas of it.
QList<InstanceRecord> wideCluster(int count)
{
    const QString primary = u"db1000.eqiad.wmnet"_s;
    QList<InstanceRecord> records { record(primary, {}, 0) };
    for (int i = 1; i < count; ++i) {
        records.append(record(u"db%1.eqiad.wmnet"_s.arg(2000 + i), primary, i));
    }
    std::reverse(records.begin(), records.end());
    return records;
}

qint64 rssKiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) {
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
        }
    }
    return -1;
}

struct Stats
{
    double median = 0;
    double p95 = 0;
    double max = 0;
    qsizetype count = 0;
};

Stats stats(QList<double> samples)
{
    std::sort(samples.begin(), samples.end());
    const auto at = [&](double q) { return samples.at(qsizetype(q * double(samples.size() - 1))); };
    return { at(0.5), at(0.95), samples.last(), samples.size() };
}

double msSince(const QElapsedTimer& timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

struct Frames
{
    double startMs = 0; // the move that starts the drag: dragStarted, verdicts on every card
    Stats changed; // the move event and the repaint of what changed: a real frame
    Stats full; // the same plus a full viewport repaint: an upper bound
};

// Presses on a card near the view's centre, then moves in rows across the viewport.
Frames dragFrames(ClusterScene& scene, ClusterView& view, int moves)
{
    QWidget* port = view.viewport();
    const QPointF centre = view.mapToScene(port->rect().center());
    const QList<InstanceKey> keys = scene.keys();
    const InstanceKey dragged = *std::min_element(
        keys.cbegin(), keys.cend(), [&](const InstanceKey& a, const InstanceKey& b) {
            const auto distance = [&](const InstanceKey& k) {
                const QPointF d = scene.nodeItem(k)->sceneBoundingRect().center() - centre;
                return d.x() * d.x() + d.y() * d.y();
            };
            return distance(a) < distance(b);
        });
    const NodeItem* card = scene.nodeItem(dragged);
    const QPoint start = view.mapFromScene(card->mapToScene(card->cardRect().center()));
    const QPoint global = port->mapToGlobal(QPoint(0, 0));

    QMouseEvent press(QEvent::MouseButtonPress, start, start + global, Qt::LeftButton,
        Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(port, &press);
    const int rows = 5;
    const int perRow = std::max(1, moves / rows);
    QList<double> frames;
    QList<double> full;
    for (int i = 0; i < rows * perRow; ++i) {
        const int row = i / perRow;
        const int column = row % 2 ? perRow - 1 - i % perRow : i % perRow; // serpentine
        const QPoint at(20 + column * (port->width() - 40) / perRow,
            20 + row * (port->height() - 40) / (rows - 1));
        QElapsedTimer timer;
        timer.start();
        QMouseEvent move(
            QEvent::MouseMove, at, at + global, Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(port, &move);
        // The scene's dirty items, then the repaint of what changed (posted by the first pass).
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        frames.append(msSince(timer));
        port->repaint();
        full.append(msSince(timer));
    }
    if (!scene.isDragging()) {
        qFatal("the drag did not start");
    }
    scene.cancelDrag();
    QMouseEvent release(QEvent::MouseButtonRelease, start, start + global, Qt::LeftButton,
        Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(port, &release);
    const double startMs = full.takeFirst();
    frames.removeFirst();
    return { startMs, stats(frames), stats(full) };
}

// Frames of the animation that follows collapsing the master with the most replicas.
Stats animationFrames(ClusterScene& scene, ClusterView& view)
{
    QHash<InstanceKey, int> replicas;
    for (const LayoutEdge& edge : scene.layoutResult().edges) {
        ++replicas[edge.from];
    }
    InstanceKey busiest;
    for (auto it = replicas.cbegin(); it != replicas.cend(); ++it) {
        if (scene.parentOf(it.key()) && it.value() > replicas.value(busiest)) {
            busiest = it.key();
        }
    }
    scene.setAnimationDuration(250);
    scene.setCollapsed(busiest, true);
    // The card that moves farthest: the last one.
    const QList<InstanceKey> keys = scene.keys();
    const NodeItem* last = scene.nodeItem(*std::max_element(
        keys.cbegin(), keys.cend(), [&](const InstanceKey& a, const InstanceKey& b) {
            return scene.nodeItem(a)->y() < scene.nodeItem(b)->y();
        }));
    QList<double> samples;
    while (scene.isAnimating()) {
        // Only the work of a step counts, not the wait for the animation timer.
        const QPointF before = last->pos();
        QElapsedTimer timer;
        timer.start();
        QCoreApplication::processEvents();
        if (last->pos() != before) {
            view.viewport()->repaint();
            samples.append(msSince(timer));
        }
    }
    scene.setAnimationDuration(0);
    scene.setCollapsed(busiest, false);
    return samples.isEmpty() ? Stats {} : stats(samples);
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
    const int runs = option(u"--runs"_s, 9);
    const int moves = option(u"--moves"_s, 300);

    QTextStream out(stdout);
    out << "Cluster canvas, platform " << QGuiApplication::platformName() << ", " << runs
        << " layout runs, " << moves << " drag moves per zoom\n";
    out << u"RSS at start: %1 MiB\n"_s.arg(double(rssKiB()) / 1024, 0, 'f', 1);

    double layout200 = 0;
    double frame200 = 0;
    for (const int size : { 200, 2000, -2000 }) { // negative: wide
        const QList<InstanceRecord> records = size > 0 ? cluster(size) : wideCluster(-size);
        QList<InstanceRecord> updated = records;
        for (InstanceRecord& r : updated) {
            r.secondsBehindMaster = r.secondsBehindMaster.value_or(0) + 1;
            r.lastChecked = r.lastChecked.addSecs(5);
        }

        QList<double> layoutMs;
        QList<double> createMs;
        QList<double> updateMs;
        for (int run = 0; run < runs; ++run) {
            QElapsedTimer timer;
            timer.start();
            const LayoutResult layout = TreeLayout::layout(records, ClusterScene::layoutOptions());
            layoutMs.append(msSince(timer));
            ClusterScene scene;
            scene.setAnimationDuration(0);
            timer.restart();
            scene.setTopology(records, {}, kNow, {});
            createMs.append(msSince(timer));
            timer.restart();
            scene.setTopology(updated, {}, kNow.addSecs(5), {});
            updateMs.append(msSince(timer));
            Q_UNUSED(layout);
        }

        // What the app computes when a drag starts: the planner's verdict for every other card.
        QList<double> verdictMs;
        const InstanceKey dragged = records.last().key;
        for (int run = 0; run < runs; ++run) {
            QElapsedTimer timer;
            timer.start();
            const auto verdicts
                = TargetVerdicts::forRelocate(Configuration {}, records, {}, dragged);
            verdictMs.append(msSince(timer));
            Q_UNUSED(verdicts);
        }

        ClusterScene scene;
        scene.setAnimationDuration(0);
        scene.setTopology(records, {}, kNow, {});
        QObject::connect(&scene, &ClusterScene::dragStarted, &scene, [&scene](const InstanceKey&) {
            QHash<InstanceKey, DropTarget> targets;
            int i = 0;
            for (const InstanceKey& key : scene.keys()) {
                const auto verdict = DropVerdict(i++ % 4);
                targets.insert(key,
                    { verdict,
                        verdict == DropVerdict::Refused ? u"has no log_slave_updates"_s
                                                        : QString() });
            }
            scene.setDropTargets(targets);
        });
        ClusterView view(&scene);
        view.resize(1280, 800);
        view.show();
        view.centerOn(scene.layoutResult().bounds.center());
        view.viewport()->repaint();
        const qint64 rss = rssKiB();

        view.resetZoom();
        view.centerOn(scene.layoutResult().bounds.center());
        const Frames near = dragFrames(scene, view, moves);
        view.zoomToFit();
        const qreal fitZoom = view.zoomFactor();
        const Frames opening = dragFrames(scene, view, moves);
        view.setZoomFactor(ClusterView::minimumZoom);
        view.centerOn(scene.layoutResult().bounds.center());
        const Frames far = dragFrames(scene, view, moves);

        // Collapse the busiest intermediate master: every card below it moves up, animated.
        view.resetZoom();
        view.centerOn(scene.layoutResult().bounds.center());
        const Stats animation = animationFrames(scene, view);

        const Stats layout = stats(layoutMs);
        const Stats create = stats(createMs);
        const Stats update = stats(updateMs);
        out << u"\n%1 instances%4 (%2 cards, %3 edges)\n"_s.arg(std::abs(size))
                   .arg(scene.keys().size())
                   .arg(scene.edgeItems().size())
                   .arg(size > 0 ? QString() : u", wide"_s);
        out << u"  layout: TreeLayout %1 ms, first setTopology %2 ms, update setTopology %3 ms "
               u"(medians)\n"_s.arg(layout.median, 0, 'f', 2)
                   .arg(create.median, 0, 'f', 2)
                   .arg(update.median, 0, 'f', 2);
        const auto frameLine = [&](const QString& zoom, const Frames& f) {
            out << u"  drag at %1: start %8 ms; then frame median %2 ms, p95 %3 ms, max %4 ms; "
                   u"with a full repaint median %5 ms, p95 %6 ms, max %7 ms\n"_s.arg(zoom)
                       .arg(f.changed.median, 0, 'f', 2)
                       .arg(f.changed.p95, 0, 'f', 2)
                       .arg(f.changed.max, 0, 'f', 2)
                       .arg(f.full.median, 0, 'f', 2)
                       .arg(f.full.p95, 0, 'f', 2)
                       .arg(f.full.max, 0, 'f', 2)
                       .arg(f.startMs, 0, 'f', 2);
        };
        frameLine(u"100 %"_s, near);
        frameLine(u"%1 % (opening zoom)"_s.arg(fitZoom * 100, 0, 'f', 0), opening);
        frameLine(u"%1 %"_s.arg(ClusterView::minimumZoom * 100, 0, 'f', 0), far);
        if (animation.count == 0) {
            out << "  re-layout animation: no intermediate master to collapse\n";
        } else {
            out << u"  re-layout animation (collapse a master, 250 ms): %1 steps, each moving the "
                   u"cards and repainting the viewport: median %2 ms, max %3 ms\n"_s
                       .arg(animation.count)
                       .arg(animation.median, 0, 'f', 2)
                       .arg(animation.max, 0, 'f', 2);
        }
        out << u"  planner verdicts for a drag (TargetVerdicts, every other instance): median %1 ms\n"_s
                   .arg(stats(verdictMs).median, 0, 'f', 1);
        out << u"  RSS after building and painting: %1 MiB\n"_s.arg(double(rss) / 1024, 0, 'f', 1);
        if (size == 200) {
            layout200 = create.median;
            frame200 = near.full.median;
        } else if (size == 2000) {
            out << u"\nratio 2000/200: first setTopology %1, full-repaint drag frame at 100 % %2\n"_s
                       .arg(create.median / layout200, 0, 'f', 1)
                       .arg(near.full.median / frame200, 0, 'f', 1);
        }
        out.flush();
    }
    return 0;
}
