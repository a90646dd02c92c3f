#include "clirunner.h"

#include <QProcess>
#include <QRegularExpression>

#include <csignal>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace topograph::compat {

QSet<QString> parseHelpCommands(const QString& helpOutput)
{
    static const QRegularExpression entry(u"^\\s+(\\S+)"_s);
    QSet<QString> names;
    bool inCommands = false;
    for (const QString& line : helpOutput.split(u'\n')) {
        if (line.trimmed() == u"Commands:"_s) {
            inCommands = true;
            continue;
        }
        if (!inCommands) {
            continue;
        }
        if (const auto match = entry.match(line); match.hasMatch()) {
            names.insert(match.captured(1));
        }
    }
    return names;
}

QStringList splitArguments(const QString& extraArgs)
{
    static const QRegularExpression space(u"\\s+"_s);
    return extraArgs.split(space, Qt::SkipEmptyParts);
}

QString commandOf(const QStringList& arguments)
{
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& arg = arguments.at(i);
        if (arg == u"-c"_s || arg == u"--c"_s) {
            return i + 1 < arguments.size() ? arguments.at(i + 1) : QString();
        }
        if (arg.startsWith(u"-c="_s) || arg.startsWith(u"--c="_s)) {
            return arg.mid(arg.indexOf(u'=') + 1);
        }
    }
    return {};
}

QString CliRun::problem(int timeoutSeconds) const
{
    if (!startError.isEmpty()) {
        return u"could not start: "_s + startError;
    }
    if (timedOut) {
        return u"timed out after %1 s (killed)"_s.arg(timeoutSeconds);
    }
    if (crashed) {
        return u"crashed"_s;
    }
    return {};
}

CliRun runProgram(const QString& program, const QStringList& arguments, const QString& workDir,
    const QProcessEnvironment& environment, int timeoutSeconds)
{
    CliRun run;
    QProcess process;
    process.setProgram(program);
    process.setArguments(arguments);
    process.setWorkingDirectory(workDir);
    process.setProcessEnvironment(environment);
    process.setStandardInputFile(QProcess::nullDevice());
    // Its own process group, so that a timeout also kills anything the program started.
    process.setChildProcessModifier([] { ::setpgid(0, 0); });
    process.start();
    if (!process.waitForStarted(10'000)) {
        run.startError = process.errorString();
        return run;
    }
    if (!process.waitForFinished(timeoutSeconds * 1000)) {
        run.timedOut = true;
        ::kill(-static_cast<pid_t>(process.processId()), SIGKILL);
        process.kill();
        process.waitForFinished(5'000);
    }
    run.stdoutText = QString::fromUtf8(process.readAllStandardOutput());
    run.stderrText = QString::fromUtf8(process.readAllStandardError());
    if (!run.timedOut) {
        run.crashed = process.exitStatus() == QProcess::CrashExit;
        run.exitCode = process.exitCode();
    }
    return run;
}

} // namespace topograph::compat
