// Replication analysis and downtime.
#include "commands.h"

#include "analysis/analysisreader.h"
#include "analysis/replicationanalyzer.h"
#include "backend/adminactions.h"
#include "backend/downtimestore.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

// orchestrator's format: "host:port (cluster NAME): Code, StructureWarning, ...", one line each.
Result<void> replicationAnalysis(CommandContext& ctx)
{
    auto db = ctx.backend();
    if (!db) {
        return db.error();
    }
    auto input = AnalysisReader(**db).read(QDateTime::currentDateTimeUtc());
    if (!input) {
        return input.error();
    }
    const auto entries
        = ReplicationAnalyzer::analyze(*input, AnalysisSettings::fromConfig(ctx.config));
    for (const AnalysisEntry& entry : entries) {
        ctx.out << entry.key.toString() << " (cluster " << entry.clusterName
                << "): " << entry.analysisString() << '\n';
    }
    return {};
}

Result<void> beginDowntime(CommandContext& ctx)
{
    auto allowed = ctx.requireMutationsAllowed();
    auto record = allowed ? ctx.knownInstance() : Result<InstanceRecord>(allowed.error());
    if (!record) {
        return record.error();
    }
    if (ctx.args.reason.isEmpty()) {
        return makeError(ErrorCode::InvalidInput, u"--reason option required"_s);
    }
    auto parsed = DowntimeStore::parseDuration(ctx.args.duration);
    if (!parsed) {
        return parsed.error();
    }
    // No duration: orchestrator's default, as long as a maintenance lock lasts.
    const qint64 seconds
        = *parsed > 0 ? *parsed : static_cast<qint64>(ctx.config.maintenanceExpireMinutes) * 60;
    const QString owner = ctx.owner();
    auto downtime
        = AdminActions(**ctx.backend())
              .beginDowntime(record->key, record->clusterName, owner, ctx.args.reason, seconds);
    if (!downtime) {
        return downtime.error();
    }
    ctx.out << record->key.toString() << '\n';
    return {};
}

Result<void> endDowntime(CommandContext& ctx)
{
    auto key = ctx.instanceToChange();
    if (!key) {
        return key.error();
    }
    auto db = ctx.backend();
    if (!db) {
        return db.error();
    }
    // Like orchestrator, not being downtimed is no error: the instance is not downtimed after.
    auto ended = AdminActions(**db).endDowntime(*key);
    if (!ended) {
        return ended.error();
    }
    ctx.out << key->toString() << '\n';
    return {};
}

} // namespace

QList<Command> analysisCommands()
{
    return {
        { u"replication-analysis"_s,
            u"Request an analysis of potential crash incidents in all known topologies"_s,
            replicationAnalysis },
        { u"begin-downtime"_s,
            u"Mark -i as downtimed (--reason R, --duration like 30m, --owner O)"_s, beginDowntime },
        { u"end-downtime"_s, u"Indicate -i is no longer downtimed"_s, endDowntime },
    };
}

} // namespace topograph
