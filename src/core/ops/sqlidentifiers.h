#pragma once

#include <QString>

#include "result.h"

namespace topograph {

// The one place that turns host names, binlog file names, user names and table names into SQL
// text. Every value
// that is spelled into a replication statement (CHANGE MASTER, START SLAVE UNTIL) passes through
// here: it is checked against what such a value can legitimately contain, then quoted as a string
// literal (or, for a table, as back-quoted identifiers). A name read from a server or typed by a
// user can therefore never end a literal early or append a statement.
class SqlIdentifiers final
{
public:
    // Host names and IP addresses (IPv6 without brackets): [A-Za-z0-9._:-], at most 255
    // characters, not starting with '-'.
    static bool isValidHost(const QString& host);
    // Binary log file names as SHOW MASTER STATUS reports them: [A-Za-z0-9._-], at most 255
    // characters, neither "." nor "..".
    static bool isValidBinlogFile(const QString& file);
    // MySQL/MariaDB account names: printable, no control characters, at most 80 characters.
    static bool isValidUser(const QString& user);
    // Database and table names that Topograph spells into statements (HeartbeatTable): ASCII
    // letters, digits, '_' and '$', 1 to 64 characters (what needs no quoting in MySQL).
    static bool isValidIdentifier(const QString& name);

    // 'host', or InvalidInput naming the offending value.
    static Result<QString> hostLiteral(const QString& host);
    static Result<QString> binlogFileLiteral(const QString& file);
    static Result<QString> userLiteral(const QString& user);
    // "db.table" or "table" as `db`.`table` / `table`, or InvalidInput naming the value.
    static Result<QString> qualifiedTableName(const QString& name);

    // Any text as a single-quoted SQL string literal. Quotes are doubled (valid with and
    // without NO_BACKSLASH_ESCAPES); backslashes and control characters are escaped.
    static QString quote(const QString& text);
};

} // namespace topograph
