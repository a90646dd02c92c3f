#pragma once

#include <QList>
#include <QString>
#include <QTextStream>

#include <functional>

#include "cliarguments.h"
#include "config/configuration.h"
#include "result.h"

namespace topograph {

// What a command gets: its parsed flags, the loaded configuration, and stdout.
struct CommandContext
{
    const CliArguments& args;
    const Configuration& config;
    QTextStream& out;
};

struct Command
{
    QString name;
    QString summary;
    std::function<Result<void>(CommandContext&)> run;
};

// Every command topograph-cli knows, in the order `-c help` lists them.
const QList<Command>& allCommands();

} // namespace topograph
