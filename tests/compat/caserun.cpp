#include <QFileInfo>

#include <algorithm>

#include "clirunner.h"
#include "compatrunner.h"
#include "runner.h"

using namespace Qt::StringLiterals;

namespace topograph::compat {

// The backend; when it cannot be reached at all, also the reason in *unavailable.
Result<Backend> Runner::makeBackend(const QString& name, QString* unavailable)
{
    const QString sqliteFile = m_tmp.filePath(name + u"-backend.sqlite3"_s);
    if (name == u"sqlite"_s) {
        return sqliteBackend(sqliteFile);
    }
    if (name != u"mysql"_s) {
        return makeError(ErrorCode::InvalidInput,
            u"unknown backend \"%1\" in TOPOGRAPH_COMPAT_BACKENDS (sqlite, mysql)"_s.arg(name));
    }
    const QString sandbox = envValue("TOPOGRAPH_SANDBOX_GTID");
    if (sandbox.isEmpty()) {
        *unavailable = u"TOPOGRAPH_SANDBOX_GTID is not set (no MySQL sandbox)"_s;
        return makeError(ErrorCode::NotFound, *unavailable);
    }
    auto backend = mysqlBackendFromSandbox(sandbox, sqliteFile);
    if (!backend) {
        *unavailable = backend.error().message;
        return backend.error();
    }
    if (auto prepared = prepareMySqlDatabase(*backend); !prepared) {
        if (prepared.error().code == ErrorCode::ConnectionFailed) {
            *unavailable = u"sandbox %1 not reachable: %2"_s.arg(sandbox, prepared.error().message);
        }
        return prepared.error();
    }
    return backend;
}

void Runner::runBackend(const QString& name, const QList<CompatCase>& cases)
{
    QString unavailable;
    auto backend = makeBackend(name, &unavailable);
    if (!unavailable.isEmpty()) {
        m_skippedBackend += static_cast<int>(cases.size());
        line(u"SKIP * [%1]: backend unavailable: %2 (%3 cases not run)"_s.arg(
            name, unavailable, QString::number(cases.size())));
        return;
    }
    QString setupError = backend ? QString() : backend.error().message;
    const QString config = m_tmp.filePath(name + u".conf.json"_s);
    if (backend) {
        const auto written = writeConfig(m_dir + u"/orchestrator.conf.json"_s, *backend, config);
        setupError = written ? QString() : written.error().message;
    }
    bool deployed = false;
    for (const CompatCase& c : cases) {
        if (const QString later = laterIssueReason(c.name); !later.isEmpty()) {
            skip(c.name, name, later, m_skippedLater);
        } else if (!c.problem.isEmpty()) {
            fail(c.name, name, c.problem);
        } else if (!m_commands.contains(c.command)) {
            skip(c.name, name, u"not implemented: -c "_s + c.command, m_skippedMissing);
        } else if (!setupError.isEmpty()) {
            fail(c.name, name, u"backend setup failed: "_s + setupError);
        } else {
            if (!deployed) {
                setupError = deploy(name, config);
                deployed = true;
                if (!setupError.isEmpty()) {
                    fail(c.name, name, setupError);
                    continue;
                }
            }
            runCase(c, *backend, config);
        }
    }
}

// Empty on success, else the one-line message every case on this backend fails with.
QString Runner::deploy(const QString& backend, const QString& config)
{
    const CliRun run
        = runProgram(m_cli, { u"--config="_s + config, u"-c"_s, u"redeploy-internal-db"_s },
            m_tmp.path(), m_env, kCaseTimeoutSeconds);
    if (run.finishedNormally() && run.exitCode == 0) {
        return {};
    }
    QString why = run.problem(kCaseTimeoutSeconds);
    if (why.isEmpty()) {
        const QStringList errors = run.stderrText.trimmed().split(u'\n');
        why = u"exit status %1: %2"_s.arg(run.exitCode).arg(errors.constLast().trimmed());
    }
    line(u"compat: -c redeploy-internal-db on %1 failed; its stderr:"_s.arg(backend));
    for (const QString& detail : stderrDetails(run.stderrText)) {
        line(detail);
    }
    return u"-c redeploy-internal-db failed: "_s + why;
}

void Runner::runCase(const CompatCase& c, const Backend& backend, const QString& config)
{
    const QString perTest = m_dir + u"/create-per-test.sql"_s;
    if (auto created = runScripts(backend, { perTest, c.createSql }); !created) {
        fail(c.name, backend.name, created.error().message);
        return;
    }
    const QStringList arguments
        = QStringList { u"--config="_s + config, u"--debug"_s, u"--stack"_s } + c.arguments;
    const CliRun run = runProgram(m_cli, arguments, m_tmp.path(), m_env, kCaseTimeoutSeconds);
    const auto destroyed = runScripts(backend, { c.destroySql });
    Verdict verdict = judge(c, run, kCaseTimeoutSeconds);
    if (verdict.pass && !destroyed) {
        verdict = Verdict { false, destroyed.error().message, {} };
    }
    if (verdict.pass) {
        ++m_passed;
        line(u"PASS %1 [%2]"_s.arg(c.name, backend.name));
    } else {
        fail(c.name, backend.name, verdict.reason, verdict.details);
    }
}

// Runs the given script files (empty paths are skipped) on one connection, closed on return.
Result<void> Runner::runScripts(const Backend& backend, const QStringList& paths)
{
    if (std::all_of(paths.cbegin(), paths.cend(), [](const QString& p) { return p.isEmpty(); })) {
        return {};
    }
    SqlSession session(backend);
    if (auto opened = session.open(); !opened) {
        return opened;
    }
    for (const QString& path : paths) {
        if (path.isEmpty()) {
            continue;
        }
        if (auto ran = session.runScript(path); !ran) {
            return ran;
        }
    }
    return {};
}

} // namespace topograph::compat
