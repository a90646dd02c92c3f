// bench/fleet — what keeping a fleet fresh costs.
//
// 1. Polling real servers: for each size (default 5 and 40) starts a GTID sandbox of that many
//    instances (three levels for 40) on --port-base, and runs FleetEngine — the app's and the
//    CLI's one polling loop — on a SQLite backend with InstancePollSeconds 1 for --rounds rounds.
//    Reports the time to discover the whole tree from its last leaf, then the process's CPU per
//    probe and as a share of one core, the round wall time and the backend write time (medians).
// 2. The app's GUI thread with a synthetic 2,000-instance fleet (50 clusters of 40, or one of
//    2,000): what applying one poll round's snapshot costs (the clusters list, the open cluster's
//    canvas, the find bar, the status), what applying a refresh of one instance (FleetChange)
//    costs, and the GUI thread's busy share when a snapshot arrives every second.
//
//   build/bench/bench_fleet [--port-base 26300] [--rounds 20] [--sizes 5,40] [--skip-poll]
//                           [--skip-gui]
#include <QApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>

#include <algorithm>

#include "backend/backend.h"
#include "config/configloader.h"
#include "discovery/discoverer.h"
#include "fleet/fleetengine.h"
#include "fleet/fleetworker.h"
#include "canvas/clusterscene.h"
#include "mainwindow.h"

using namespace Qt::StringLiterals;
using namespace topograph;

namespace {

double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double threadCpuMs()
{
    timespec t {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

bool sandbox(const QStringList& args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(QStringLiteral(TOPOGRAPH_SOURCE_DIR) + u"/scripts/sandbox"_s, args);
    return p.waitForFinished(600000) && p.exitCode() == 0;
}

template <typename T> double median(QList<T> values)
{
    if (values.isEmpty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    return static_cast<double>(values.at(values.size() / 2));
}

// 1 > 2..7, each of 2..7 > an equal share of the rest: three levels.
QString shapeFor(int size)
{
    if (size <= 1) {
        return u"1"_s;
    }
    const int intermediates = std::min(6, size - 1);
    QStringList parts;
    QStringList top;
    for (int i = 2; i < 2 + intermediates; ++i) {
        top << QString::number(i);
    }
    parts << u"1>"_s + top.join(u',');
    QList<QStringList> below(intermediates);
    for (int n = 2 + intermediates, i = 0; n <= size; ++n, ++i) {
        below[i % intermediates] << QString::number(n);
    }
    for (int i = 0; i < intermediates; ++i) {
        if (!below.at(i).isEmpty()) {
            parts << QString::number(2 + i) + u'>' + below.at(i).join(u',');
        }
    }
    return parts.join(u';');
}

void benchPolling(QTextStream& out, int size, int portBase, int rounds)
{
    QTemporaryDir dir;
    const QString sandboxDir = dir.path() + u"/sb"_s;
    QElapsedTimer startup;
    startup.start();
    if (!sandbox({ u"up"_s, u"--dir"_s, sandboxDir, u"--gtid"_s, u"--port-base"_s,
            QString::number(portBase), u"--shape"_s, shapeFor(size) })) {
        out << "bench_fleet: the " << size << "-instance sandbox did not start\n";
        return;
    }
    out << "sandbox: " << size << " instances up in " << startup.elapsed() << " ms\n";
    out.flush();
    auto loaded = ConfigLoader::fromFile(sandboxDir + u"/topograph.conf.json"_s);
    if (!loaded) {
        out << "bench_fleet: " << loaded.error().message << '\n';
        sandbox({ u"down"_s, u"--dir"_s, sandboxDir, u"--purge"_s });
        return;
    }
    Configuration config = *loaded;
    {
        // The whole tree from its last leaf (deepest level), as `discover -i LEAF` does it.
        const InstanceKey leaf { u"127.0.0.1"_s, static_cast<quint16>(portBase + size) };
        if (auto warm = Discoverer::discoverBlocking(config, leaf, 60000); !warm) {
            out << "bench_fleet: discovery failed: " << warm.error().message << '\n';
        }
        QList<qint64> ms;
        int found = 0;
        for (int run = 0; run < 5; ++run) {
            QElapsedTimer timer;
            timer.start();
            auto records = Discoverer::discoverBlocking(config, leaf, 60000);
            ms << timer.elapsed();
            found = records ? static_cast<int>(records->size()) : 0;
        }
        out << "discovery of " << found << " instances from a leaf: median " << median(ms)
            << " ms of 5\n";
    }
    config.instancePollSeconds = 1;
    config.sqlite3DataFile = dir.path() + u"/backend.db"_s;
    {
        auto backend = Backend::open(config);
        if (!backend) {
            out << "bench_fleet: " << backend.error().message << '\n';
            sandbox({ u"down"_s, u"--dir"_s, sandboxDir, u"--purge"_s });
            return;
        }
        FleetEngine engine(config, **backend, size, 2);
        QList<InstanceKey> keys;
        for (int n = 1; n <= size; ++n) {
            keys << InstanceKey { u"127.0.0.1"_s, static_cast<quint16>(portBase + n) };
        }
        engine.setKeys(keys);
        QList<qint64> wall;
        QList<qint64> write;
        int probes = 0;
        int failures = 0;
        double cpuBefore = 0;
        QElapsedTimer clock;
        quint64 seen = 0;
        QObject::connect(&engine, &FleetEngine::failed, &engine, [&](const QString& message) {
            ++failures;
            out << "  write failed: " << message << '\n';
        });
        QEventLoop loop;
        QObject::connect(&engine, &FleetEngine::pollStateChanged, &engine, [&] {
            const PollState state = engine.pollState();
            if (state.round == seen || state.round == 0) {
                return;
            }
            seen = state.round;
            if (seen == 2) { // round 1 opened the connections and created the rows
                cpuBefore = cpuSeconds();
                clock.start();
                return;
            }
            if (seen > 2) {
                wall << state.elapsedMs;
                write << state.writeMs;
                probes += state.probed;
            }
            if (seen >= static_cast<quint64>(rounds) + 2) {
                loop.quit();
            }
        });
        engine.start();
        loop.exec();
        const double cpu = cpuSeconds() - cpuBefore;
        const double seconds = static_cast<double>(clock.elapsed()) / 1000;
        if (!engine.stop()) {
            ++failures;
        }
        out << "poll " << size << " instances every 1 s, " << rounds
            << " rounds: " << QString::number(cpu * 1000 / std::max(1, probes), 'f', 2)
            << " ms CPU per probe, " << QString::number(100 * cpu / seconds, 'f', 1)
            << " % of one core; round wall median " << median(wall) << " ms, backend write median "
            << median(write) << " ms; " << failures << " failed writes\n";
        out.flush();
    }
    sandbox({ u"down"_s, u"--dir"_s, sandboxDir, u"--purge"_s });
}

// Synthetic records: clusters of clusterSize (a primary, six intermediates, the rest leaves).
QList<InstanceRecord> syntheticFleet(int instances, int clusterSize, int round)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<InstanceRecord> records;
    records.reserve(instances);
    for (int c = 0; records.size() < instances; ++c) {
        const QString primary = u"db%1-0.example"_s.arg(c);
        const QString cluster = primary + u":3306"_s;
        for (int i = 0; i < clusterSize && records.size() < instances; ++i) {
            InstanceRecord r;
            r.key = InstanceKey { u"db%1-%2.example"_s.arg(c).arg(i), 3306 };
            r.reachable = true;
            r.lastChecked = r.lastSeen = r.lastAttemptedCheck = now;
            r.flavor = Flavor::MariaDB;
            r.version = u"10.11.6-MariaDB-log"_s;
            r.serverId = c * 10000 + i + 1;
            r.logBin = r.logSlaveUpdates = true;
            r.clusterName = cluster;
            if (i > 0) {
                const int master = i <= 6 ? 0 : 1 + (i % 6);
                r.masterKey = InstanceKey { u"db%1-%2.example"_s.arg(c).arg(master), 3306 };
                r.replicationDepth = i <= 6 ? 1 : 2;
                r.readOnly = true;
                r.usingGtid = u"Slave_Pos"_s;
                r.ioThreadRunning = r.sqlThreadRunning = true;
                r.secondsBehindMaster = (i + round) % 4; // every round some lag changes
                r.replicationLagSeconds = r.secondsBehindMaster;
            }
            records << r;
        }
    }
    return records;
}

void benchGui(QTextStream& out, int clusterSize)
{
    QTemporaryDir dir;
    Configuration config;
    config.sqlite3DataFile = dir.path() + u"/empty.db"_s;
    config.instancePollSeconds = 3600;
    MainWindow window(config, std::nullopt);
    window.resize(1280, 800);
    window.show();
    QSignalSpy first(&window, &MainWindow::snapshotApplied);
    first.wait(30000);
    FleetWorker* worker = window.fleetWorker();
    const int instances = 2000;
    QList<double> snapshotMs;
    QList<double> changeMs;
    quint64 serial = 1000;
    for (int round = 0; round < 21; ++round) {
        FleetSnapshot snapshot;
        snapshot.serial = ++serial;
        snapshot.takenAt = QDateTime::currentDateTimeUtc();
        snapshot.records = syntheticFleet(instances, clusterSize, round);
        snapshot.backendDescription = u"sqlite (synthetic)"_s;
        // The worker's signal, emitted on the GUI thread: the window's slot runs at once, as it
        // would from the queued signal; then the paint it asked for.
        const double before = threadCpuMs();
        Q_EMIT worker->snapshotReady(snapshot);
        QCoreApplication::processEvents();
        if (round > 0) { // the first one creates the items
            snapshotMs << threadCpuMs() - before;
        }
        FleetChange change;
        change.serial = ++serial;
        change.takenAt = QDateTime::currentDateTimeUtc();
        InstanceRecord one = snapshot.records.at(round % 40 + 1);
        one.secondsBehindMaster = 100 + round;
        change.changed << one;
        const double beforeChange = threadCpuMs();
        Q_EMIT worker->fleetChanged(change);
        QCoreApplication::processEvents();
        changeMs << threadCpuMs() - beforeChange;
    }
    out << "GUI thread, " << instances << " instances in clusters of " << clusterSize
        << " (open: " << window.scene()->keys().size() << " cards): a poll round's snapshot "
        << QString::number(median(snapshotMs), 'f', 1) << " ms, a refresh's change "
        << QString::number(median(changeMs), 'f', 1) << " ms (CPU medians); with a snapshot "
        << "every second the GUI thread is " << QString::number(median(snapshotMs) / 10, 'f', 1)
        << " % busy\n";
    out.flush();
}

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"topograph-bench"_s);
    QTextStream out(stdout);
    const QStringList args = QCoreApplication::arguments();
    auto option = [&](const QString& name, const QString& fallback) {
        const qsizetype i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
    };
    const int portBase = option(u"--port-base"_s, u"26300"_s).toInt();
    const int rounds = option(u"--rounds"_s, u"20"_s).toInt();
    if (!args.contains(u"--skip-poll"_s)) {
        for (const QString& size : option(u"--sizes"_s, u"5,40"_s).split(u',')) {
            benchPolling(out, size.toInt(), portBase, rounds);
        }
    }
    if (!args.contains(u"--skip-gui"_s)) {
        QTemporaryDir home;
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(home.path()));
        qputenv("XDG_DATA_HOME", QFile::encodeName(home.path()));
        benchGui(out, 40);
        benchGui(out, 2000);
    }
    return 0;
}
