// Runs topograph-cli (TOPOGRAPH_CLI_PATH, set by the test target) and collects what it said;
// shared by the CLI tests with and without a sandbox.
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

namespace topograph::test {

using namespace Qt::StringLiterals;

struct CliRun
{
    int exitCode = -1; // -1 when it did not finish normally in time
    QString out;
    QString err;
    QStringList errLines; // err without empty lines
};

inline CliRun runCli(const QStringList& args, int timeoutMs = 30000)
{
    QProcess process;
    process.start(QStringLiteral(TOPOGRAPH_CLI_PATH), args);
    CliRun run;
    if (!process.waitForFinished(timeoutMs) || process.exitStatus() != QProcess::NormalExit) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    run.errLines = run.err.split(u'\n', Qt::SkipEmptyParts);
    return run;
}

// topograph-cli --config config args…, given two minutes (an operation on a sandbox); out
// trimmed unless asked otherwise.
inline CliRun runConfigured(const QString& config, const QStringList& args, bool trimOut = true)
{
    CliRun run = runCli(QStringList { u"--config"_s, config } + args, 120000);
    if (trimOut) {
        run.out = run.out.trimmed();
    }
    return run;
}

} // namespace topograph::test
