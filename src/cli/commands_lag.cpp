// Lag and pt-heartbeat: replication-lag (--watch), heartbeat-check. heartbeat-clean is an
// operation of the registry (commands_ops.cpp).
#include "commands.h"

#include <QEventLoop>
#include <QHash>
#include <QTextStream>

#include <algorithm>

#include "lag/heartbeattable.h"
#include "lag/lagprinter.h"
#include "lag/lagrules.h"
#include "lag/lagsampler.h"
#include "lag/lagtargets.h"
#include "ops/operationservice.h"
#include "stopsignal.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

// The targets of -i's cluster as the backend knows it: the primary first, then by key.
Result<QList<LagTarget>> clusterTargets(CommandContext& ctx)
{
    auto record = ctx.knownInstance();
    if (!record) {
        return record.error();
    }
    auto cluster = ctx.clusterOf(*record);
    if (!cluster) {
        return cluster.error();
    }
    QList<LagTarget> targets = LagTargets::forCluster(*cluster);
    std::sort(targets.begin(), targets.end(), [](const LagTarget& a, const LagTarget& b) {
        return std::pair(a.replica, a.instance) < std::pair(b.replica, b.instance);
    });
    return targets;
}

void inTargetOrder(QList<LagReading>& readings, const QList<LagTarget>& targets)
{
    QHash<InstanceKey, qsizetype> order;
    for (qsizetype i = 0; i < targets.size(); ++i) {
        order.insert(targets.at(i).instance, i);
    }
    std::stable_sort(readings.begin(), readings.end(), [&order](const auto& a, const auto& b) {
        return order.value(a.target.instance) < order.value(b.target.instance);
    });
}

// One round on every instance of the cluster, printed as a table.
Result<void> sampleOnce(CommandContext& ctx, LagSampler& sampler, const QList<LagTarget>& targets)
{
    QList<LagReading> readings;
    QEventLoop loop;
    QObject::connect(&sampler, &LagSampler::sampled, &loop, [&](const QList<LagReading>& round) {
        readings << round;
        if (readings.size() >= targets.size()) {
            loop.quit();
        }
    });
    sampler.sampleNow();
    if (readings.size() < targets.size()) {
        loop.exec(); // every instance answers, a dead one after its connect timeout
    }
    // Replicas may have answered before the primary did: decide their lag again with the
    // primary's row of this same round (LagRules' not-advancing rule).
    const bool hasLagQuery = !ctx.config.replicationLagQuery.trimmed().isEmpty();
    bool anyAnswered = false;
    for (LagReading& reading : readings) {
        const std::optional<quint32> primary = reading.target.primaryServerId;
        LagRules::resolve(reading, hasLagQuery,
            primary ? sampler.primaryOwnAge(*primary) : std::optional<double>());
        anyAnswered = anyAnswered || reading.reachable;
    }
    inTargetOrder(readings, targets);
    for (const QString& line : LagPrinter::table(readings)) {
        ctx.out << line << '\n';
    }
    if (!anyAnswered) {
        return makeError(ErrorCode::ConnectionFailed,
            u"no instance of the cluster of %1 answered"_s.arg(ctx.args.instance));
    }
    return {};
}

// A line per instance and sample until Ctrl-C.
Result<void> watch(CommandContext& ctx, LagSampler& sampler, const QList<LagTarget>& targets)
{
    QObject::connect(&sampler, &LagSampler::sampled, &sampler, [&](QList<LagReading> round) {
        inTargetOrder(round, targets);
        for (const LagReading& reading : round) {
            ctx.out << LagPrinter::watchLine(reading) << '\n';
        }
        ctx.out.flush();
    });
    StopSignal stop;
    sampler.start();
    stop.exec();
    sampler.shutdown();
    return {};
}

Result<void> replicationLag(CommandContext& ctx)
{
    auto targets = clusterTargets(ctx);
    if (!targets) {
        return targets.error();
    }
    LagSampler sampler(ctx.config);
    if (const auto& error = sampler.configurationError()) {
        return *error;
    }
    sampler.setTargets(*targets);
    return ctx.args.watch ? watch(ctx, sampler, *targets) : sampleOnce(ctx, sampler, *targets);
}

// The heartbeat rows of -i with what each is, from fresh probes of its cluster: the same facts
// heartbeat-clean plans from.
Result<void> heartbeatCheck(CommandContext& ctx)
{
    auto key = ctx.instanceKey();
    if (!key) {
        return key.error();
    }
    auto table = HeartbeatTable::fromConfiguration(ctx.config);
    if (!table) {
        return table.error();
    }
    if (!table->isEnabled()) {
        return makeError(ErrorCode::ConfigError,
            u"no heartbeat table is configured (HeartbeatTable is empty)"_s);
    }
    auto db = ctx.backend();
    if (!db) {
        return db.error();
    }
    OperationRequest request;
    request.operation = Operation::CleanHeartbeat;
    request.instance = *key;
    auto fresh = OperationService(ctx.config, **db).freshTopology(request);
    if (!fresh) {
        return fresh.error();
    }
    const std::optional<InstanceRecord> primary = LagTargets::primaryOf(*fresh);
    std::optional<double> ownAge;
    if (primary && primary->heartbeatRows) {
        ownAge = LagRules::rowAge(*primary->heartbeatRows, primary->serverId);
    }
    const auto record = std::find_if(
        fresh->cbegin(), fresh->cend(), [&](const InstanceRecord& r) { return r.key == *key; });
    const HeartbeatCheck check = LagRules::check(
        *record, primary ? std::optional<quint32>(primary->serverId) : std::nullopt, ownAge);
    if (!check.error.isEmpty()) {
        return makeError(ErrorCode::QueryFailed, check.error);
    }
    if (!check.tableFound) {
        ctx.out << "no heartbeat table " << table->name() << " on " << key->toString() << '\n';
        return {};
    }
    for (const QString& line : LagPrinter::heartbeatRows(check)) {
        ctx.out << line << '\n';
    }
    return {};
}

} // namespace

QList<Command> lagCommands()
{
    return {
        { u"replication-lag"_s,
            u"Lag of every instance of -i's cluster: heartbeat, Seconds_Behind_Master, source "
            "(--watch: a line per instance every LagSampleMilliseconds until Ctrl-C)"_s,
            replicationLag },
        { u"heartbeat-check"_s,
            u"The pt-heartbeat rows on -i: server_id, ts, age, current-primary/stale/not-advancing"_s,
            heartbeatCheck },
    };
}

} // namespace topograph
