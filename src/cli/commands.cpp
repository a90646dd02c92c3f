#include "commands.h"

#include "instancekey.h"
#include "topology/livecrawl.h"
#include "topology/topologyprinter.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

Result<InstanceKey> requireInstance(const CommandContext& ctx)
{
    if (ctx.args.instance.isEmpty()) {
        return makeError(
            ErrorCode::InvalidInput, u"-c %1 needs -i HOST:PORT"_s.arg(ctx.args.command));
    }
    return InstanceKey::parse(
        ctx.args.instance, static_cast<quint16>(ctx.config.defaultInstancePort));
}

Result<void> help(CommandContext& ctx)
{
    qsizetype width = 0;
    for (const Command& command : allCommands()) {
        width = std::max(width, command.name.size());
    }
    ctx.out << "Usage: topograph-cli [--config FILE] -c COMMAND [-i HOST:PORT] [-d HOST:PORT]\n\n"
            << "Commands:\n";
    for (const Command& command : allCommands()) {
        ctx.out << "  " << command.name.leftJustified(width + 2) << command.summary << '\n';
    }
    return {};
}

// Crawls the live topology from -i and prints it in orchestrator's format.
Result<void> topology(CommandContext& ctx)
{
    auto seed = requireInstance(ctx);
    if (!seed) {
        return seed.error();
    }
    auto records = crawlLive(ctx.config, *seed);
    if (!records) {
        return records.error();
    }
    TopologyPrinter::Options options;
    options.reasonableLagSeconds = ctx.config.reasonableReplicationLagSeconds;
    for (const QString& line : TopologyPrinter::ascii(*records, *seed, options)) {
        ctx.out << line << '\n';
    }
    return {};
}

} // namespace

const QList<Command>& allCommands()
{
    static const QList<Command> commands {
        { u"help"_s, u"List the commands with one line each"_s, help },
        { u"topology"_s, u"Show the replication tree of the instance given with -i, probed live"_s,
            topology },
    };
    return commands;
}

} // namespace topograph
