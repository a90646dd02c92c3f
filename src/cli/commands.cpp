#include "commands.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

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

} // namespace

const QList<Command>& allCommands()
{
    static const QList<Command> commands = [] {
        QList<Command> all { { u"help"_s, u"List the commands with one line each"_s, help } };
        all << readCommands() << clusterCommands() << operationCommands() << lagCommands()
            << adminCommands() << analysisCommands() << promotionCommands() << resolveCommands()
            << tagCommands() << unfinishedCommands();
        return all;
    }();
    return commands;
}

} // namespace topograph
