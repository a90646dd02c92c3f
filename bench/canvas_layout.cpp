// bench/canvas_layout — how long TreeLayout takes for the cluster canvas.
//
// Builds synthetic clusters of 200 and 2,000 instances (a primary with a co-master, intermediate
// masters, and replicas fanned out below them, some two levels deep), times TreeLayout over
// several runs and prints the median and the maximum milliseconds per layout, and the ratio of the
// 2,000-instance median to the 200-instance one. Then wide clusters of 40, 400 and 2,000: one
// primary and all the others its replicas, which TreeLayout wraps into one grid. Frame time while
// dragging and RSS need the GUI.
//
//   build/bench/bench_canvas_layout [--runs 25] [--also 20000]   (--also adds one more size)
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringList>
#include <QTextStream>

#include <algorithm>

#include "topology/treelayout.h"

using namespace Qt::StringLiterals;
using namespace topograph;

namespace {

InstanceRecord record(const QString& host, const QString& master, const QString& cluster)
{
    InstanceRecord r;
    r.key = InstanceKey { host, 3306 };
    if (!master.isEmpty()) {
        r.masterKey = InstanceKey { master, 3306 };
    }
    r.clusterName = cluster;
    return r;
}

// count instances: primary + co-master, intermediates of ~10 replicas, every fifth replica with
// two replicas of its own.
QList<InstanceRecord> cluster(int count)
{
    const QString cluster = u"primary:3306"_s;
    QList<InstanceRecord> records { record(u"primary"_s, u"comaster"_s, cluster),
        record(u"comaster"_s, u"primary"_s, cluster) };
    int mid = 0;
    while (records.size() < count) {
        const QString master = u"mid%1"_s.arg(mid, 4, 10, QChar(u'0'));
        records.append(record(master, mid % 2 ? u"comaster"_s : u"primary"_s, cluster));
        for (int r = 0; r < 10 && records.size() < count; ++r) {
            const QString replica = u"%1-r%2"_s.arg(master).arg(r);
            records.append(record(replica, master, cluster));
            for (int s = 0; r % 5 == 0 && s < 2 && records.size() < count; ++s) {
                records.append(record(u"%1-s%2"_s.arg(replica).arg(s), replica, cluster));
            }
        }
        ++mid;
    }
    std::reverse(records.begin(), records.end()); // the probe order is not the key order
    return records;
}

// A primary and count - 1 replicas of it.
QList<InstanceRecord> wide(int count)
{
    const QString cluster = u"primary:3306"_s;
    QList<InstanceRecord> records { record(u"primary"_s, {}, cluster) };
    for (int i = 1; i < count; ++i) {
        records.append(record(u"replica%1"_s.arg(i, 4, 10, QChar(u'0')), u"primary"_s, cluster));
    }
    std::reverse(records.begin(), records.end());
    return records;
}

struct Timing
{
    double medianMs = 0;
    double maxMs = 0;
    qsizetype nodes = 0;
};

Timing measure(const QList<InstanceRecord>& records, int runs)
{
    QList<double> samples;
    qsizetype nodes = 0;
    TreeLayout::layout(records); // warm-up
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        const LayoutResult result = TreeLayout::layout(records);
        samples.append(timer.nsecsElapsed() / 1e6);
        nodes = result.nodes.size();
    }
    std::sort(samples.begin(), samples.end());
    return { samples.at(samples.size() / 2), samples.last(), nodes };
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qsizetype at = args.indexOf(u"--runs"_s);
    const int runs = at >= 0 && at + 1 < args.size() ? std::max(1, args.at(at + 1).toInt()) : 25;

    QList<int> sizes { 200, 2000 };
    const qsizetype also = args.indexOf(u"--also"_s);
    if (also >= 0 && also + 1 < args.size() && args.at(also + 1).toInt() > 0) {
        sizes.append(args.at(also + 1).toInt());
    }

    QTextStream out(stdout);
    out << "TreeLayout, " << runs << " runs per size\n";
    double median200 = 0;
    for (const int size : sizes) {
        const Timing t = measure(cluster(size), runs);
        out << u"%1 instances: %2 laid out, median %3 ms, max %4 ms\n"_s.arg(size)
                   .arg(t.nodes)
                   .arg(t.medianMs, 0, 'f', 3)
                   .arg(t.maxMs, 0, 'f', 3);
        if (size == 200) {
            median200 = t.medianMs;
        } else if (size == 2000 && median200 > 0) {
            out << u"ratio 2000/200 (median): %1\n"_s.arg(t.medianMs / median200, 0, 'f', 1);
        }
    }
    for (const int size : { 40, 400, 2000 }) {
        const Timing t = measure(wide(size), runs);
        out << u"wide, %1 instances (one grid): %2 laid out, median %3 ms, max %4 ms\n"_s.arg(size)
                   .arg(t.nodes)
                   .arg(t.medianMs, 0, 'f', 3)
                   .arg(t.maxMs, 0, 'f', 3);
    }
    return 0;
}
