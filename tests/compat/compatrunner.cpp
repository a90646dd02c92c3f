#include "compatrunner.h"

#include <QDir>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QSet>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

#include "clirunner.h"
#include "runner.h"

using namespace Qt::StringLiterals;

namespace topograph::compat {

QString envValue(const char* name)
{
    return qEnvironmentVariable(name).trimmed();
}

QStringList envList(const char* name)
{
    QStringList items;
    for (const QString& item : envValue(name).split(u',', Qt::SkipEmptyParts)) {
        if (!item.trimmed().isEmpty()) {
            items.append(item.trimmed());
        }
    }
    return items;
}

Runner::Runner(QString cliPath, QString compatDir)
    : m_cli(std::move(cliPath))
    , m_dir(std::move(compatDir))
    , m_out(stdout)
{ }

int Runner::run()
{
    if (!m_tmp.isValid()) {
        return abort(u"cannot create a temporary directory: "_s + m_tmp.errorString());
    }
    const bool keep = envValue("TOPOGRAPH_COMPAT_KEEP") == u"1"_s;
    m_tmp.setAutoRemove(!keep);
    for (const QString& file : { u"create-per-test.sql"_s, u"orchestrator.conf.json"_s }) {
        if (!QFileInfo::exists(m_dir + u'/' + file)) {
            return abort(u"%1 has no %2"_s.arg(m_dir, file));
        }
    }
    auto shared = loadCases(m_dir + u"/cases"_s);
    if (!shared) {
        return abort(shared.error().message);
    }
    QList<CompatCase> cases = *shared;
    line(u"compat: %1 cases in %2; CLI %3"_s.arg(cases.size()).arg(m_dir, m_cli));
    // The project's own cases: the same layout, run on the shared create-per-test.sql and
    // configuration, named "own/NAME".
    const QString ownDir = QStringLiteral(TOPOGRAPH_OWN_CASES_DIR);
    if (QFileInfo(ownDir).isDir()) {
        auto own = loadCases(ownDir);
        if (!own) {
            return abort(own.error().message);
        }
        for (CompatCase c : *own) {
            c.name = u"own/"_s + c.name;
            cases.append(c);
        }
        line(u"compat: %1 own cases in %2"_s.arg(own->size()).arg(ownDir));
    }
    if (keep) {
        line(u"compat: keeping temporary files in "_s + m_tmp.path());
    }
    prepareEnvironment();
    if (!discoverCommands()) {
        return finish();
    }
    const QList<CompatCase> selected = select(cases);
    QStringList backends = envList("TOPOGRAPH_COMPAT_BACKENDS");
    if (backends.isEmpty()) {
        backends = { u"sqlite"_s, u"mysql"_s };
    }
    for (const QString& backend : std::as_const(backends)) {
        runBackend(backend, selected);
    }
    return finish();
}

void Runner::line(const QString& text)
{
    m_out << text << '\n' << Qt::flush;
}

void Runner::fail(
    const QString& name, const QString& backend, const QString& reason, const QStringList& details)
{
    ++m_failed;
    line(u"FAIL %1 [%2]: %3"_s.arg(name, backend, reason));
    for (const QString& detail : details) {
        line(detail);
    }
}

void Runner::skip(const QString& name, const QString& backend, const QString& reason, int& counter)
{
    ++counter;
    line(u"SKIP %1 [%2]: %3"_s.arg(name, backend, reason));
}

int Runner::abort(const QString& reason)
{
    fail(u"compat"_s, u"setup"_s, reason);
    return finish();
}

int Runner::finish()
{
    const int skipped = m_skippedLater + m_skippedMissing + m_skippedBackend;
    if (skipped > 0) {
        line(u"compat: skipped %1 for later issues, %2 not implemented by the CLI, "
             u"%3 for an unavailable backend"_s.arg(m_skippedLater)
                 .arg(m_skippedMissing)
                 .arg(m_skippedBackend));
    }
    line(u"%1 passed, %2 failed, %3 skipped"_s.arg(m_passed).arg(m_failed).arg(skipped));
    return m_failed == 0 ? 0 : 1;
}

// The CLI writes nothing outside the temporary directory and reads no user configuration.
void Runner::prepareEnvironment()
{
    m_env = QProcessEnvironment::systemEnvironment();
    for (const char* name :
        { "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" }) {
        const QString path = m_tmp.filePath(u"xdg/"_s + QString::fromLatin1(name).toLower());
        QDir().mkpath(path);
        m_env.insert(QString::fromLatin1(name), path);
    }
}

bool Runner::discoverCommands()
{
    const CliRun help
        = runProgram(m_cli, { u"-c"_s, u"help"_s }, m_tmp.path(), m_env, kCaseTimeoutSeconds);
    if (!help.finishedNormally() || help.exitCode != 0) {
        const QString why = help.finishedNormally() ? u"exit status %1"_s.arg(help.exitCode)
                                                    : help.problem(kCaseTimeoutSeconds);
        fail(u"compat"_s, u"cli"_s, u"`topograph-cli -c help` failed: "_s + why,
            stderrDetails(help.stderrText));
        return false;
    }
    m_commands = parseHelpCommands(help.stdoutText);
    if (m_commands.isEmpty()) {
        fail(u"compat"_s, u"cli"_s, u"`topograph-cli -c help` listed no commands"_s);
        return false;
    }
    return true;
}

QList<CompatCase> Runner::select(const QList<CompatCase>& all)
{
    const QStringList wanted = envList("TOPOGRAPH_COMPAT_CASES");
    if (wanted.isEmpty()) {
        return all;
    }
    QList<CompatCase> selected;
    for (const QString& name : wanted) {
        const auto it = std::find_if(
            all.cbegin(), all.cend(), [&name](const CompatCase& c) { return c.name == name; });
        if (it == all.cend()) {
            fail(name, u"*"_s, u"no such case in "_s + m_dir + u"/cases"_s);
        } else {
            selected.append(*it);
        }
    }
    return selected;
}

int runCompat(const QString& cliPath)
{
    QString dir = envValue("TOPOGRAPH_COMPAT_DIR");
    if (dir.isEmpty()) {
        const QString source = envValue("TOPOGRAPH_SOURCE_DIR");
        if (source.isEmpty()) {
            QTextStream(stdout) << "SKIP compat: neither TOPOGRAPH_COMPAT_DIR nor "
                                   "TOPOGRAPH_SOURCE_DIR is set, so the orchestrator compat cases "
                                   "cannot be found\n";
            return kSkipExitCode;
        }
        dir = source + u"/../shared/orchestrator-compat"_s;
    }
    dir = QDir::cleanPath(QDir(dir).absolutePath());
    if (!QFileInfo(dir).isDir()) {
        QTextStream(stdout) << "SKIP compat: no orchestrator compat cases at " << dir
                            << " (a plain clone has no ../shared; set TOPOGRAPH_COMPAT_DIR to "
                               "point elsewhere)\n";
        return kSkipExitCode;
    }
    return Runner(cliPath, dir).run();
}

} // namespace topograph::compat
