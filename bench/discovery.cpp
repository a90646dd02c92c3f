// bench/discovery — how fast Topograph finds and polls a real topology.
//
// Starts its own 12-instance sandbox (scripts/sandbox, GTID) on --port-base (default 26000), then
// reports: time to discover the whole tree from its deepest leaf; wall time and CPU time of one
// poll round; and the same round with two dead hosts added (one refusing connections, one that
// accepts TCP and never answers, like a frozen server). Tears the sandbox down at the end.
//
//   build/bench/bench_discovery [--port-base 26000] [--workers 4]
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>

#include "config/configloader.h"
#include "discovery/discoverer.h"
#include "discovery/poller.h"
#include "discovery/probepool.h"

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

bool sandbox(const QStringList& args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(QStringLiteral(TOPOGRAPH_SOURCE_DIR) + u"/scripts/sandbox"_s, args);
    return p.waitForFinished(120000) && p.exitCode() == 0;
}

struct RoundFigures
{
    qint64 wallMs = 0;
    double cpuMs = 0;
    int probed = 0;
    int unreachable = 0;
    qint64 reachableDoneMs = 0; // when the last reachable instance had answered
};

RoundFigures oneRound(Poller& poller)
{
    QSignalSpy rounds(&poller, &Poller::roundFinished);
    RoundFigures f;
    QElapsedTimer clock;
    const auto connection
        = QObject::connect(&poller, &Poller::probed, &poller, [&](const InstanceRecord& record) {
              if (record.reachable) {
                  f.reachableDoneMs = clock.elapsed();
              }
          });
    const double cpuBefore = cpuSeconds();
    clock.start();
    poller.start();
    rounds.wait(120000);
    poller.stop();
    QObject::disconnect(connection);
    f.cpuMs = (cpuSeconds() - cpuBefore) * 1000;
    if (!rounds.isEmpty()) {
        f.probed = rounds.first().at(1).toInt();
        f.unreachable = rounds.first().at(2).toInt();
        f.wallMs = rounds.first().at(3).toLongLong();
    }
    return f;
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
    const int portBase = option(u"--port-base"_s, 26000);
    const int workers = option(u"--workers"_s, 4);

    QTemporaryDir dir;
    const QString sandboxDir = dir.path() + u"/sb"_s;
    QElapsedTimer startup;
    startup.start();
    if (!sandbox({ u"up"_s, u"--dir"_s, sandboxDir, u"--gtid"_s, u"--port-base"_s,
            QString::number(portBase), u"--shape"_s, u"1>2,3,4;2>5,6;3>7,8;4>9,10;9>11,12"_s })) {
        out << "bench_discovery: the sandbox did not start\n";
        return 1;
    }
    out << "sandbox: 12 instances up in " << startup.elapsed() << " ms\n";

    auto config = ConfigLoader::fromFile(sandboxDir + u"/topograph.conf.json"_s);
    if (!config) {
        out << "bench_discovery: " << config.error().message << '\n';
        sandbox({ u"down"_s, u"--dir"_s, sandboxDir });
        return 1;
    }
    Configuration cfg = *config;
    cfg.mysqlDiscoveryReadTimeoutSeconds = 2;
    cfg.mysqlConnectTimeoutSeconds = 2;

    const InstanceKey leaf { u"127.0.0.1"_s, static_cast<quint16>(portBase + 12) };
    QElapsedTimer timer;
    timer.start();
    auto found = Discoverer::discoverBlocking(cfg, leaf, 60000);
    const qint64 discoveryMs = timer.elapsed();
    out << "discovery from the deepest leaf: " << (found ? found->size() : 0) << " instances in "
        << discoveryMs << " ms\n";

    ProbePool pool(cfg, workers);
    Poller poller(&pool, cfg);
    poller.setFollowNewKeys(false);
    QList<InstanceKey> keys;
    for (int n = 1; n <= 12; ++n) {
        keys << InstanceKey { u"127.0.0.1"_s, static_cast<quint16>(portBase + n) };
    }
    poller.setKeys(keys);
    oneRound(poller); // warm: connections opened
    const RoundFigures healthy = oneRound(poller);
    out << "poll round, 12 live (" << workers << " workers): " << healthy.wallMs << " ms wall, "
        << QString::number(healthy.cpuMs, 'f', 1) << " ms CPU\n";

    QTcpServer silent; // accepts connections, never speaks: a frozen server
    silent.listen(QHostAddress::LocalHost, static_cast<quint16>(portBase + 41));
    keys << InstanceKey { u"127.0.0.1"_s, static_cast<quint16>(portBase + 40) } // refused
         << InstanceKey { u"127.0.0.1"_s, silent.serverPort() };
    poller.setKeys(keys);
    const RoundFigures dead = oneRound(poller);
    out << "poll round, 12 live + 2 dead: " << dead.wallMs << " ms wall, "
        << QString::number(dead.cpuMs, 'f', 1) << " ms CPU, " << dead.unreachable
        << " unreachable (read timeout " << cfg.mysqlDiscoveryReadTimeoutSeconds << " s); the 12 "
        << "live instances had answered after " << dead.reachableDoneMs
        << " ms (healthy round: " << healthy.reachableDoneMs << " ms)\n";
    out << "ratio dead/healthy round wall time: "
        << QString::number(
               static_cast<double>(dead.wallMs) / std::max<qint64>(1, healthy.wallMs), 'f', 1)
        << "\n";
    out.flush();

    pool.shutdown();
    sandbox({ u"down"_s, u"--dir"_s, sandboxDir });
    return found ? 0 : 1;
}
