#pragma once

#include <QList>
#include <QProcessEnvironment>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTextStream>

#include "backend.h"
#include "compatcase.h"
#include "result.h"

namespace topograph::compat {

// One run of the compat cases in the folder compatDir (see runCompat). Setup and reporting are in
// compatrunner.cpp, the per-backend and per-case work in caserun.cpp.
class Runner final
{
public:
    Runner(QString cliPath, QString compatDir);
    int run();

private:
    void line(const QString& text);
    void fail(const QString& name, const QString& backend, const QString& reason,
        const QStringList& details = {});
    void skip(const QString& name, const QString& backend, const QString& reason, int& counter);
    int abort(const QString& reason);
    int finish();

    void prepareEnvironment();
    bool discoverCommands();
    QList<CompatCase> select(const QList<CompatCase>& all);

    Result<Backend> makeBackend(const QString& name, QString* unavailable);
    void runBackend(const QString& name, const QList<CompatCase>& cases);
    QString deploy(const QString& backend, const QString& config);
    void runCase(const CompatCase& c, const Backend& backend, const QString& config);
    static Result<void> runScripts(const Backend& backend, const QStringList& paths);

    QString m_cli;
    QString m_dir;
    QTextStream m_out;
    QTemporaryDir m_tmp;
    QProcessEnvironment m_env;
    QSet<QString> m_commands;
    int m_passed = 0;
    int m_failed = 0;
    int m_skippedLater = 0;
    int m_skippedMissing = 0;
    int m_skippedBackend = 0;
};

// Trimmed value of an environment variable, and a comma-separated one as a list.
QString envValue(const char* name);
QStringList envList(const char* name);

} // namespace topograph::compat
