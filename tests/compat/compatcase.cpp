#include "compatcase.h"

#include <QDir>
#include <QFile>

#include "textcompare.h"

using namespace Qt::StringLiterals;

namespace topograph::compat {

namespace {

std::optional<QString> readOptional(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return std::nullopt;
    }
    return QString::fromUtf8(file.readAll());
}

QString existing(const QString& path)
{
    return QFile::exists(path) ? path : QString();
}

} // namespace

Result<QList<CompatCase>> loadCases(const QString& casesDir)
{
    const QDir dir(casesDir);
    if (!dir.exists()) {
        return makeError(ErrorCode::NotFound, u"no cases folder %1"_s.arg(casesDir));
    }
    QList<CompatCase> cases;
    const QStringList names = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString& name : names) {
        const QString base = dir.filePath(name) + u'/';
        CompatCase c;
        c.name = name;
        c.expectOutput = readOptional(base + u"expect_output"_s);
        c.expectFailure = readOptional(base + u"expect_failure"_s);
        c.createSql = existing(base + u"create.sql"_s);
        c.destroySql = existing(base + u"destroy.sql"_s);
        const auto extraArgs = readOptional(base + u"extra_args"_s);
        if (extraArgs) {
            c.arguments = splitArguments(*extraArgs);
            c.command = commandOf(c.arguments);
        }
        if (!extraArgs) {
            c.problem = u"the case has no extra_args file"_s;
        } else if (c.command.isEmpty()) {
            c.problem = u"extra_args names no -c COMMAND"_s;
        } else if (c.expectOutput.has_value() == c.expectFailure.has_value()) {
            c.problem = u"the case needs exactly one of expect_output and expect_failure"_s;
        }
        cases.append(c);
    }
    return cases;
}

QString laterIssueReason(const QString& caseName)
{
    // Every shared case belongs to a landed issue now (analysis-* and suggest-promoted-
    // replacement-* since issue 13); a case left for a later issue is named here.
    Q_UNUSED(caseName);
    return {};
}

QStringList stderrDetails(const QString& stderrText, int maxLines)
{
    constexpr int kTailLines = 3; // where the CLI's one-line reason usually is
    QStringList lines = stderrText.split(u'\n');
    while (!lines.isEmpty() && lines.constLast().trimmed().isEmpty()) {
        lines.removeLast();
    }
    if (lines.isEmpty()) {
        return { u"  stderr: (empty)"_s };
    }
    const qsizetype total = lines.size();
    if (total <= maxLines + kTailLines) {
        QStringList out { u"  stderr (%1 lines):"_s.arg(total) };
        for (const QString& line : std::as_const(lines)) {
            out.append(u"  | "_s + line);
        }
        return out;
    }
    QStringList out {
        u"  stderr (first %1 and last %2 of %3 lines):"_s.arg(maxLines).arg(kTailLines).arg(total)
    };
    for (const QString& line : lines.mid(0, maxLines)) {
        out.append(u"  | "_s + line);
    }
    out.append(u"  | ... (%1 lines left out)"_s.arg(total - maxLines - kTailLines));
    for (const QString& line : lines.mid(total - kTailLines)) {
        out.append(u"  | "_s + line);
    }
    return out;
}

Verdict judge(const CompatCase& c, const CliRun& run, int timeoutSeconds)
{
    Verdict verdict;
    if (!run.finishedNormally()) {
        verdict.reason = run.problem(timeoutSeconds);
        verdict.details = stderrDetails(run.stderrText);
        return verdict;
    }
    if (c.expectFailure) {
        const QString wanted = c.expectFailure->trimmed();
        if (run.exitCode == 0) {
            verdict.reason = u"exit status 0, but the case expects a failure"_s;
        } else if (!wanted.isEmpty() && !run.stderrText.contains(wanted)) {
            verdict.reason = u"stderr lacks the expected text \"%1\""_s.arg(
                wanted.section(u'\n', 0, 0).left(120));
        } else {
            verdict.pass = true;
            return verdict;
        }
        verdict.details = stderrDetails(run.stderrText);
        return verdict;
    }
    const QString expected = c.expectOutput.value_or(QString());
    const bool same = sameIgnoringWhitespaceAmount(expected, run.stdoutText);
    if (same && run.exitCode == 0) {
        verdict.pass = true;
        return verdict;
    }
    QStringList reasons;
    if (run.exitCode != 0) {
        reasons.append(u"exit status %1 (expected 0)"_s.arg(run.exitCode));
    }
    if (!same) {
        reasons.append(u"stdout differs from expect_output"_s);
        verdict.details = diffLines(expected, run.stdoutText);
    }
    verdict.reason = reasons.join(u"; "_s);
    verdict.details.append(stderrDetails(run.stderrText));
    return verdict;
}

} // namespace topograph::compat
