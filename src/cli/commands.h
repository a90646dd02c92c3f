#pragma once

#include <QList>
#include <QString>

#include <functional>

#include "commandcontext.h"
#include "result.h"

namespace topograph {

struct Command
{
    QString name;
    QString summary;
    std::function<Result<void>(CommandContext&)> run;
};

// Every command topograph-cli knows, in the order `-c help` lists them.
const QList<Command>& allCommands();

// The groups allCommands() is made of, one per source file.
QList<Command> readCommands(); // commands_read.cpp
QList<Command> clusterCommands(); // commands_cluster.cpp
QList<Command> adminCommands(); // commands_admin.cpp
QList<Command> tagCommands(); // commands_tags.cpp
QList<Command> operationCommands(); // commands_ops.cpp
QList<Command> lagCommands(); // commands_lag.cpp
QList<Command> resolveCommands(); // commands_resolve.cpp
QList<Command> unfinishedCommands(); // commands_unfinished.cpp
QList<Command> analysisCommands(); // commands_analysis.cpp
QList<Command> promotionCommands(); // commands_promotion.cpp

} // namespace topograph
