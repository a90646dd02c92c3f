// bench/operations — how long a verified move takes on the sandbox.
//
// Starts its own GTID and file:pos sandboxes (shape 1>2,3,4;4>5,6) from --port-base (default
// 26100), then times, end to end through the same OperationService the CLI and the app use
// (fresh probes, plan, execute, verify, audit): a GTID relocate of 5 below 2 and back, and a
// file:pos move-below of 5 below 6 and back; each without and with a writer inserting rows on
// the primary. Prints milliseconds per move. Tears the sandboxes down at the end.
//
//   build/bench/bench_operations [--port-base 26100] [--rounds 3]
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

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

// Median milliseconds of `rounds` round trips (move there, move back), per move.
double timeMoves(const OperationService& service, const QList<OperationRequest>& there,
    const QList<OperationRequest>& back, int rounds, QTextStream& out)
{
    QList<qint64> samples;
    for (int r = 0; r < rounds; ++r) {
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
                samples << timer.elapsed();
            }
        }
    }
    std::sort(samples.begin(), samples.end());
    return samples.isEmpty() ? -1 : static_cast<double>(samples.at(samples.size() / 2));
}

void benchMode(const QString& mode, int portBase, int rounds, const QString& dir, QTextStream& out)
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
    const double idle = timeMoves(service, there, back, rounds, out);
    out << mode << ": " << what << ", no writer: median " << idle << " ms per verified move\n";

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
    const double busy = timeMoves(service, there, back, rounds, out);
    stop.store(true);
    writer->wait();
    out << mode << ": " << what << ", writer running (" << rows.load()
        << " rows inserted meanwhile): median " << busy << " ms per verified move\n";
    if (idle > 0 && busy > 0) {
        out << mode << ": ratio with/without writer: " << QString::number(busy / idle, 'f', 2)
            << '\n';
    }
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
    const int rounds = option(u"--rounds"_s, 3);
    QTemporaryDir dir;
    benchMode(u"gtid"_s, portBase, rounds, dir.path(), out);
    benchMode(u"filepos"_s, portBase + 20, rounds, dir.path(), out);
    return 0;
}
