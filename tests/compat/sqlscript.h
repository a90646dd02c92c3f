#pragma once

#include <QString>
#include <QStringList>

namespace topograph::compat {

// Splits a MySQL-dialect script into statements. A statement ends at ';' outside quotes; quotes
// are '...', "..." and `...` with backslash escapes (a doubled quote closes and reopens, which
// keeps the text intact). Comments are removed: '--' followed by white space or the end of the
// text and '#' up to the end of the line, '/* ... */' anywhere. Statements come back trimmed;
// empty ones are dropped, and a last statement without ';' is kept.
QStringList splitStatements(const QString& script);

// orchestrator's harness rewrites for SQLite (textual, case-sensitive, as its sed does):
//   last_checked - interval 1 minute     -> datetime('last_checked', '-1 minute')
//   current_timestamp + interval 1 minute -> datetime('now', '+1 minute')
//   current_timestamp - interval 1 minute -> datetime('now', '-1 minute')
QString rewriteForSqlite(const QString& script);

} // namespace topograph::compat
