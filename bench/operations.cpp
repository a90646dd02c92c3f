// bench/operations — how long a verified move takes on the sandbox.
//
// Starts its own GTID and file:pos sandboxes (shape 1>2,3,4;4>5,6) from --port-base (default
// 26100), then times, end to end through the same OperationService the CLI and the app use
// (fresh probes, plan, execute, verify, audit): a GTID relocate of 5 below 2 and back, and a
// file:pos move-below of 5 below 6 and back; each without and with a writer inserting rows on
// the primary. Then the GTID relocate as a DBA runs it, `topograph-cli -c relocate` (process
// start, backend open, probes, plan, execute, verify, audit, backend refresh), wall time per
// process, next to orchestrator 3.2.6's unverified figure from issue 14. With --big, the same on
// a 40-instance GTID sandbox (a primary, six intermediate masters, 33 leaves; ports from
// port-base + 40). Prints the median milliseconds of --runs moves (default 7). Tears the
// sandboxes down at the end.
//
//   build/bench/bench_operations [--port-base 26100] [--runs 7] [--big]
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <atomic>

#include "backend/backend.h"
#include "backend/topologywriter.h"
#include "config/configloader.h"
#include "db/mysqlsession.h"
#include "discovery/discoverer.h"
#include "ops/operationservice.h"

using namespace Qt::StringLiterals;
using namespace topograph;

namespace {

bool sandbox(const QStringList& args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(QStringLiteral(TOPOGRAPH_SOURCE_DIR) + u"/scripts/sandbox"_s, args);
    return p.waitForFinished(120000) && p.exitCode() == 0;
}

InstanceKey key(int portBase, int n)
{
    return InstanceKey { u"127.0.0.1"_s, static_cast<quint16>(portBase + n) };
}

// orchestrator 3.2.6's CLI relocate on the same sandboxes (issue 14), unverified.
constexpr double kOrchestratorRelocateMs = 165; // 140–190 ms, the middle

double median(QList<double> samples)
{
    std::sort(samples.begin(), samples.end());
    return samples.isEmpty() ? -1 : samples.at(samples.size() / 2);
}

// Median milliseconds per move of `runs` moves, alternately there and back.
double timeMoves(const OperationService& service, const QList<OperationRequest>& there,
    const QList<OperationRequest>& back, int runs, QTextStream& out)
{
    QList<double> samples;
    for (int r = 0; samples.size() < runs; ++r) {
        for (const auto* list : { &there, &back }) {
            for (const OperationRequest& request : *list) {
                QElapsedTimer timer;
                timer.start();
                auto plan = service.plan(request);
                if (!plan) {
                    out << "  refused: " << plan.error().message << '\n';
                    return -1;
                }
                const ExecutionReport report = service.execute(*plan);
                if (!report.succeeded) {
                    out << "  failed: " << report.error << '\n';
                    return -1;
                }
                samples << static_cast<double>(timer.nsecsElapsed()) / 1e6;
            }
        }
    }
    return median(samples);
}

// Median wall milliseconds of `runs` topograph-cli processes relocating instance below `there`,
// then back below `back`, alternately; every one must succeed (it verifies before exiting 0).
double timeCliRelocates(const QString& configFile, const InstanceKey& instance,
    const InstanceKey& there, const InstanceKey& back, int runs, QTextStream& out)
{
    QList<double> samples;
    for (int r = 0; r < runs; ++r) {
        const InstanceKey& to = r % 2 == 0 ? there : back;
        QProcess cli;
        QElapsedTimer timer;
        timer.start();
        cli.start(QStringLiteral(TOPOGRAPH_CLI_PATH),
            { u"--config"_s, configFile, u"-c"_s, u"relocate"_s, u"-i"_s, instance.toString(),
                u"-d"_s, to.toString() });
        if (!cli.waitForFinished(120000) || cli.exitCode() != 0) {
            out << "  topograph-cli failed: " << QString::fromUtf8(cli.readAllStandardError())
                << '\n';
            return -1;
        }
        samples << static_cast<double>(timer.nsecsElapsed()) / 1e6;
    }
    return median(samples);
}

// A configuration file for topograph-cli: the sandbox's own with the bench's backend file.
QString writeCliConfig(const QString& sb, const QString& backendFile)
{
    QFile in(sb + u"/topograph.conf.json"_s);
    if (!in.open(QIODevice::ReadOnly)) {
        return {};
    }
    QJsonObject config = QJsonDocument::fromJson(in.readAll()).object();
    config[u"SQLite3DataFile"_s] = backendFile;
    const QString path = sb + u"/bench-cli.json"_s;
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly)) {
        return {};
    }
    out.write(QJsonDocument(config).toJson());
    return path;
}

void printCliRelocate(const QString& what, double ms, QTextStream& out)
{
    out << what << ": topograph-cli -c relocate, verified, wall per process: median "
        << QString::number(ms, 'f', 1) << " ms";
    if (ms > 0) {
        out << " (orchestrator 3.2.6, unverified: 140-190 ms; ratio to its "
            << kOrchestratorRelocateMs
            << " ms: " << QString::number(ms / kOrchestratorRelocateMs, 'f', 2) << ')';
    }
    out << '\n';
}

void benchMode(const QString& mode, int portBase, int runs, const QString& dir, QTextStream& out)
{
    const QString sb = dir + u'/' + mode;
    if (!sandbox({ u"up"_s, u"--dir"_s, sb, u"--"_s + mode, u"--port-base"_s,
            QString::number(portBase) })) {
        out << mode << ": the sandbox did not start\n";
        return;
    }
    auto config = ConfigLoader::fromFile(sb + u"/topograph.conf.json"_s);
    Configuration cfg = *config;
    cfg.sqlite3DataFile = sb + u"/bench.sqlite3"_s;
    auto backend = Backend::open(cfg);
    auto found = Discoverer::discoverBlocking(cfg, key(portBase, 1), 60000);
    if (!backend || !found || !TopologyWriter(**backend, cfg).record(*found)) {
        out << mode << ": could not discover the sandbox\n";
        sandbox({ u"down"_s, u"--dir"_s, sb });
        return;
    }
    const OperationService service(cfg, **backend);
    const bool gtid = mode == u"gtid"_s;
    const QList<OperationRequest> there { gtid
            ? OperationRequest { Operation::Relocate, key(portBase, 5), key(portBase, 2) }
            : OperationRequest { Operation::MoveBelow, key(portBase, 5), key(portBase, 6) } };
    const QList<OperationRequest> back { gtid
            ? OperationRequest { Operation::Relocate, key(portBase, 5), key(portBase, 4) }
            : OperationRequest { Operation::MoveUp, key(portBase, 5), std::nullopt } };
    const QString what = gtid ? u"GTID relocate"_s : u"file:pos move-below / move-up"_s;
    const double idle = timeMoves(service, there, back, runs, out);
    out << mode << ": " << what << ", no writer: median " << QString::number(idle, 'f', 1)
        << " ms per verified move\n";
    if (gtid) {
        out.flush();
        const double cli = timeCliRelocates(writeCliConfig(sb, cfg.sqlite3DataFile),
            key(portBase, 5), key(portBase, 2), key(portBase, 4), runs, out);
        printCliRelocate(u"gtid, 5 instances"_s, cli, out);
    }

    std::atomic<bool> stop { false };
    std::atomic<int> rows { 0 };
    auto settings = topologyConnectionSettings(cfg, key(portBase, 1));
    std::unique_ptr<QThread> writer(QThread::create([&] {
        auto s = MySqlSession::open(*settings, u"writer"_s);
        if (!s
            || !(*s)->execute(u"CREATE TABLE IF NOT EXISTS topograph_test.bench (id INT "
                              "AUTO_INCREMENT PRIMARY KEY, v DOUBLE)"_s)) {
            return;
        }
        while (!stop.load()) {
            if ((*s)->execute(u"INSERT INTO topograph_test.bench (v) VALUES (RAND())"_s)) {
                rows.fetch_add(1);
            }
        }
    }));
    writer->start();
    const double busy = timeMoves(service, there, back, runs, out);
    stop.store(true);
    writer->wait();
    out << mode << ": " << what << ", writer running (" << rows.load()
        << " rows inserted meanwhile): median " << QString::number(busy, 'f', 1)
        << " ms per verified move\n";
    if (idle > 0 && busy > 0) {
        out << mode << ": ratio with/without writer: " << QString::number(busy / idle, 'f', 2)
            << '\n';
    }
    out.flush();
    sandbox({ u"down"_s, u"--dir"_s, sb });
}

// 40 instances: 1 the primary, 2..7 its replicas, 8..40 shared out below 2..7 (33 leaves).
QString bigShape()
{
    QStringList masters;
    QStringList top;
    for (int m = 2; m <= 7; ++m) {
        top << QString::number(m);
    }
    masters << u"1>"_s + top.join(u',');
    for (int m = 2; m <= 7; ++m) {
        QStringList leaves;
        for (int leaf = 8 + (m - 2); leaf <= 40; leaf += 6) {
            leaves << QString::number(leaf);
        }
        masters << QString::number(m) + u'>' + leaves.join(u',');
    }
    return masters.join(u';');
}

// A leaf of the 40-instance sandbox relocated between two intermediate masters: in process
// through OperationService (which probes all 40, as the cluster is the plan's view) and as a
// topograph-cli process.
void benchBig(int portBase, int runs, const QString& dir, QTextStream& out)
{
    const QString sb = dir + u"/big"_s;
    if (!sandbox({ u"up"_s, u"--dir"_s, sb, u"--gtid"_s, u"--shape"_s, bigShape(), u"--port-base"_s,
            QString::number(portBase) })) {
        out << "big: the sandbox did not start\n";
        return;
    }
    auto config = ConfigLoader::fromFile(sb + u"/topograph.conf.json"_s);
    Configuration cfg = *config;
    cfg.sqlite3DataFile = sb + u"/bench.sqlite3"_s;
    auto backend = Backend::open(cfg);
    auto found = Discoverer::discoverBlocking(cfg, key(portBase, 1), 60000);
    if (!backend || !found || found->size() != 40
        || !TopologyWriter(**backend, cfg).record(*found)) {
        out << "big: could not discover the 40 instances\n";
        sandbox({ u"down"_s, u"--dir"_s, sb });
        return;
    }
    // 40 is below 4 (40 = 8 + (4 - 2) + 6 * 5); it moves below 2 and back.
    const OperationService service(cfg, **backend);
    const InstanceKey leaf = key(portBase, 40);
    const double inProcess
        = timeMoves(service, { OperationRequest { Operation::Relocate, leaf, key(portBase, 2) } },
            { OperationRequest { Operation::Relocate, leaf, key(portBase, 4) } }, runs, out);
    out << "gtid, 40 instances: GTID relocate, no writer: median "
        << QString::number(inProcess, 'f', 1) << " ms per verified move\n";
    out.flush();
    const double cli = timeCliRelocates(writeCliConfig(sb, cfg.sqlite3DataFile), leaf,
        key(portBase, 2), key(portBase, 4), runs, out);
    printCliRelocate(u"gtid, 40 instances"_s, cli, out);
    out.flush();
    sandbox({ u"down"_s, u"--dir"_s, sb });
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = QCoreApplication::arguments();
    auto option = [&](const QString& name, int fallback) {
        const qsizetype i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1).toInt() : fallback;
    };
    const int portBase = option(u"--port-base"_s, 26100);
    const int runs = option(u"--runs"_s, 7);
    QTemporaryDir dir;
    benchMode(u"gtid"_s, portBase, runs, dir.path(), out);
    benchMode(u"filepos"_s, portBase + 20, runs, dir.path(), out);
    if (args.contains(u"--big"_s)) {
        benchBig(portBase + 40, runs, dir.path(), out);
    }
    return 0;
}
