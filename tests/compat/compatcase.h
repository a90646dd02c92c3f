#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

#include "clirunner.h"
#include "result.h"

namespace topograph::compat {

// One folder under cases/ (see the compat README for the files).
struct CompatCase
{
    QString name;
    QStringList arguments; // extra_args split on white space
    QString command; // the -c value in arguments
    std::optional<QString> expectOutput;
    std::optional<QString> expectFailure;
    QString createSql; // path, empty when the case has none
    QString destroySql; // path, empty when the case has none
    QString problem; // set when the folder does not make a usable case
};

// Every case under casesDir, sorted by name.
Result<QList<CompatCase>> loadCases(const QString& casesDir);

// Why a case is left for a later issue (by its name), or an empty string.
QString laterIssueReason(const QString& caseName);

struct Verdict
{
    bool pass = false;
    QString reason; // one line, for FAIL
    QStringList details; // diff and stderr lines, for FAIL
};

// Checks a finished CLI run against the case's expect_output or expect_failure.
Verdict judge(const CompatCase& compatCase, const CliRun& run, int timeoutSeconds);

// A header line and the first maxLines lines of stderr prefixed "  | "; when there are more,
// also the last three (the CLI's one-line reason comes last, after --debug logging).
QStringList stderrDetails(const QString& stderrText, int maxLines = 20);

} // namespace topograph::compat
