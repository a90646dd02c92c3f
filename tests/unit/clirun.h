// Runs topograph-cli (TOPOGRAPH_CLI_PATH, set by the test target) and collects what it said; shared
// by the CLI tests with and without a sandbox.
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

namespace topograph::test {

struct CliRun
{
    int exitCode = -1; // -1 when it did not finish normally in time
    QString out;
    QStringList errLines;
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
    run.errLines
        = QString::fromUtf8(process.readAllStandardError()).split(u'\n', Qt::SkipEmptyParts);
    return run;
}

} // namespace topograph::test
