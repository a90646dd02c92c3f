// bench/lag — what lag sampling costs (DESIGN §13: a visible cluster of 50 sampled every second
// for < 2 % of one core).
//
// Starts its own 6-instance sandbox (scripts/sandbox, GTID, pt-heartbeat) on --port-base
// (default 26200), then reports:
//  1. one sample's statement on one connection: the multi-statement (replica status and the
//     heartbeat rows in one round trip, as LagStatement sends it) against the same two
//     statements sent one after the other: wall and CPU per sample;
//  2. LagSampler rounds over the 6 instances at 1 s: wall per round (first tick to last answer)
//     and CPU per second;
//  3. 50 instances' worth of load: 50 samples a second, i.e. the same 6 instances every 120 ms
//     (a 50-instance sandbox would need 5 GB; its server side is not what is measured). Rounds
//     are 8 times as frequent as with 50 targets at 1 s, so the per-round overhead is counted 8
//     times: an upper bound. CPU is this process's (sampler and its worker threads);
//  4. LagHistory's memory per instance-hour of 1 s samples.
//
//   build/bench/bench_lag [--port-base 26200] [--seconds 20]
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <malloc.h>
#include <sys/resource.h>

#include "config/configloader.h"
#include "db/mysqlsession.h"
#include "discovery/discoverer.h"
#include "lag/heartbeattable.h"
#include "lag/laghistory.h"
#include "lag/lagsampler.h"
#include "lag/lagstatement.h"
#include "lag/lagtargets.h"

using namespace Qt::StringLiterals;
using namespace topograph;

namespace {

double cpuSeconds(int who = RUSAGE_SELF)
{
    rusage usage {};
    getrusage(who, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

bool sandbox(const QStringList& args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(QStringLiteral(TOPOGRAPH_SOURCE_DIR) + u"/scripts/sandbox"_s, args);
    return p.waitForFinished(180000) && p.exitCode() == 0;
}

struct Figures
{
    double wallUs = 0;
    double cpuUs = 0;
};

// Runs one sample's SQL n times on session; sequential: each statement waits for its answer.
Figures statementCost(const MySqlSession& session, const QStringList& statements, int n)
{
    QElapsedTimer wall;
    const double cpu = cpuSeconds();
    wall.start();
    for (int i = 0; i < n; ++i) {
        for (const QString& sql : statements) {
            const StatementAnswers answers = session.queryAll(sql);
            if (answers.error) {
                qFatal("%s", qPrintable(answers.error->message));
            }
        }
    }
    return { static_cast<double>(wall.nsecsElapsed()) / 1000.0 / n,
        (cpuSeconds() - cpu) * 1e6 / n };
}

struct SamplerFigures
{
    int rounds = 0;
    int samples = 0;
    double cpuPercent = 0; // of one core
    double mainThreadPercent = 0; // of which the sampler's own thread (scheduling, rules)
    double roundWallMsMedian = 0;
    double roundWallMsMax = 0;
};

SamplerFigures runSampler(const Configuration& config, const QList<LagTarget>& targets, int seconds)
{
    LagSampler sampler(config);
    sampler.setTargets(targets);
    QList<double> roundWalls;
    SamplerFigures f;
    QElapsedTimer roundClock;
    QObject::connect(&sampler, &LagSampler::sampled, &sampler, [&](const QList<LagReading>& r) {
        f.samples += static_cast<int>(r.size());
        roundWalls << static_cast<double>(roundClock.nsecsElapsed()) / 1e6;
    });
    // A round starts with the timer; measure from each tick to its sampled().
    QTimer ticks;
    ticks.setTimerType(Qt::PreciseTimer);
    ticks.setInterval(sampler.intervalMilliseconds());
    QObject::connect(&ticks, &QTimer::timeout, &sampler, [&] {
        roundClock.restart();
        sampler.sampleNow();
    });
    // Warm up: connections opened, versions read.
    roundClock.start();
    sampler.sampleNow();
    QEventLoop warm;
    QTimer::singleShot(1000, &warm, &QEventLoop::quit);
    warm.exec();
    roundWalls.clear();
    f.samples = 0;
    const double cpu = cpuSeconds();
    const double mainCpu = cpuSeconds(RUSAGE_THREAD);
    QElapsedTimer wall;
    wall.start();
    ticks.start();
    QEventLoop loop;
    QTimer::singleShot(seconds * 1000, &loop, &QEventLoop::quit);
    loop.exec();
    ticks.stop();
    const double elapsed = static_cast<double>(wall.elapsed()) / 1000.0;
    f.cpuPercent = (cpuSeconds() - cpu) / elapsed * 100.0;
    f.mainThreadPercent = (cpuSeconds(RUSAGE_THREAD) - mainCpu) / elapsed * 100.0;
    sampler.shutdown();
    f.rounds = static_cast<int>(roundWalls.size());
    std::sort(roundWalls.begin(), roundWalls.end());
    if (!roundWalls.isEmpty()) {
        f.roundWallMsMedian = roundWalls.at(roundWalls.size() / 2);
        f.roundWallMsMax = roundWalls.last();
    }
    return f;
}

double historyBytesPerInstanceHour()
{
    constexpr int instances = 50;
    // Heap in use, with the blocks malloc maps apart (a ring of an hour is one such block).
    const auto inUse = [] {
        const struct mallinfo2 info = mallinfo2();
        return info.uordblks + info.hblkhd;
    };
    const size_t before = inUse();
    LagHistory history(3600);
    const QDateTime t0 = QDateTime::currentDateTimeUtc();
    for (int k = 0; k < instances; ++k) {
        const InstanceKey key { u"db%1.eqiad.wmnet"_s.arg(1000 + k), 3306 };
        for (int s = 0; s < 3600; ++s) {
            LagSample sample;
            sample.at = t0.addSecs(s);
            sample.lag = 0.25;
            sample.heartbeat = 0.25;
            sample.secondsBehindMaster = 0;
            history.append(key, sample);
        }
    }
    const size_t after = inUse();
    return static_cast<double>(after - before) / instances;
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
    const int portBase = option(u"--port-base"_s, 26200);
    const int seconds = option(u"--seconds"_s, 20);

    QTemporaryDir dir;
    const QString sandboxDir = dir.path() + u"/sb"_s;
    if (!sandbox({ u"up"_s, u"--dir"_s, sandboxDir, u"--gtid"_s, u"--heartbeat"_s, u"--port-base"_s,
            QString::number(portBase) })) {
        out << "bench_lag: the sandbox did not start\n";
        return 1;
    }
    auto loaded = ConfigLoader::fromFile(sandboxDir + u"/topograph.conf.json"_s);
    if (!loaded) {
        out << "bench_lag: " << loaded.error().message << '\n';
        sandbox({ u"down"_s, u"--dir"_s, sandboxDir });
        return 1;
    }
    Configuration config = *loaded;
    const InstanceKey primary { u"127.0.0.1"_s, static_cast<quint16>(portBase + 1) };
    auto found = Discoverer::discoverBlocking(config, primary, 60000);
    const QList<LagTarget> targets = found ? LagTargets::forCluster(*found) : QList<LagTarget> {};
    out << "sandbox: " << targets.size() << " instances, pt-heartbeat on " << primary.toString()
        << "\n";

    // 1. The statement.
    {
        auto settings = topologyConnectionSettings(
            config, { u"127.0.0.1"_s, static_cast<quint16>(portBase + 2) });
        auto session = MySqlSession::open(*settings, u"bench"_s);
        const HeartbeatTable table = *HeartbeatTable::fromConfiguration(config);
        const LagStatement statement(
            Dialect::forVersion(u"10.11"_s, u"MariaDB"_s), table, QString());
        constexpr int n = 2000;
        statementCost(**session, { statement.sql() }, 200); // warm
        const Figures multi = statementCost(**session, { statement.sql() }, n);
        const Figures two
            = statementCost(**session, { u"SHOW SLAVE STATUS"_s, table.selectRows() }, n);
        out << "one sample, multi-statement (one round trip): "
            << QString::number(multi.wallUs, 'f', 0) << " us wall, "
            << QString::number(multi.cpuUs, 'f', 0) << " us CPU\n";
        out << "one sample, two statements (two round trips): "
            << QString::number(two.wallUs, 'f', 0) << " us wall, "
            << QString::number(two.cpuUs, 'f', 0) << " us CPU\n";
    }

    // 2. and 3. The sampler.
    const SamplerFigures six = runSampler(config, targets, seconds);
    out << "sampler, " << targets.size() << " instances at 1 s: " << six.rounds << " rounds, "
        << six.samples << " samples; round wall median "
        << QString::number(six.roundWallMsMedian, 'f', 1) << " ms, max "
        << QString::number(six.roundWallMsMax, 'f', 1) << " ms; CPU "
        << QString::number(six.cpuPercent, 'f', 2) << " % of one core\n";
    Configuration fast = config;
    fast.lagSampleMilliseconds = std::max<int>(100, 1000 * static_cast<int>(targets.size()) / 50);
    const SamplerFigures fifty = runSampler(fast, targets, seconds);
    out << "sampler, 50 samples/s (" << targets.size() << " instances every "
        << fast.lagSampleMilliseconds << " ms): " << fifty.samples << " samples in " << seconds
        << " s; round wall median " << QString::number(fifty.roundWallMsMedian, 'f', 1)
        << " ms, max " << QString::number(fifty.roundWallMsMax, 'f', 1) << " ms; CPU "
        << QString::number(fifty.cpuPercent, 'f', 2) << " % of one core (target: < 2 %), of which "
        << QString::number(fifty.mainThreadPercent, 'f', 2) << " % on the sampler's thread\n";

    // 4. Memory.
    const double bytes = historyBytesPerInstanceHour();
    out << "LagHistory: " << QString::number(bytes / 1024.0, 'f', 0)
        << " KiB per instance-hour of 1 s samples (" << QString::number(bytes / 3600.0, 'f', 0)
        << " bytes per sample)\n";
    out.flush();

    sandbox({ u"down"_s, u"--dir"_s, sandboxDir });
    return 0;
}
