#pragma once

#include <QProcessEnvironment>
#include <QSet>
#include <QString>
#include <QStringList>

namespace topograph::compat {

// The command names in the output of `topograph-cli -c help`: after a line "Commands:", every
// indented line "  name   summary" gives one name (its first word). Other lines are ignored.
QSet<QString> parseHelpCommands(const QString& helpOutput);

// A case's extra_args split on white space, as orchestrator's harness passes them.
QStringList splitArguments(const QString& extraArgs);

// The value of -c / --c / -c=X / --c=X in the arguments, or an empty string.
QString commandOf(const QStringList& arguments);

struct CliRun
{
    QString stdoutText;
    QString stderrText;
    int exitCode = -1;
    bool crashed = false;
    bool timedOut = false;
    QString startError; // set when the program could not be started at all

    bool finishedNormally() const { return startError.isEmpty() && !crashed && !timedOut; }
    // A one-line description for FAIL lines when the run did not finish normally.
    QString problem(int timeoutSeconds) const;
};

// Runs program with arguments in workDir, stdin from /dev/null, in its own process group; after
// timeoutSeconds the whole group is killed.
CliRun runProgram(const QString& program, const QStringList& arguments, const QString& workDir,
    const QProcessEnvironment& environment, int timeoutSeconds);

} // namespace topograph::compat
