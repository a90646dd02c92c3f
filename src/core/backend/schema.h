#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace topograph {

enum class SqlFlavor {
    SQLite,
    MySQL,
};

// One table of the backend: orchestrator's names and meanings for the tables orchestrator has,
// topograph_* for Topograph's own. Columns are written once in a syntax both SQLite and MySQL
// accept; the auto-increment key is the one place they differ.
struct TableDef
{
    QString name;
    QString columns; // the part between the parentheses of CREATE TABLE
    QStringList indexes; // "name (col, col)" or "UNIQUE name (col)"
};

// A column a migration adds to a table an earlier one created (Topograph's own topograph_*
// tables only: orchestrator's are never altered). The definition is valid for both flavours.
struct ColumnChange
{
    QString table;
    QString column;
    QString definition; // "double NULL DEFAULT NULL"
};

// An index a migration adds to a table an earlier one created.
struct IndexChange
{
    QString table;
    QString name;
    QString columns; // "(col, col)"
};

// The schema version this binary writes, and what each version brought. Each change is skipped
// when it is already there, so that a MySQL migration cut short (its DDL is not transactional)
// can run again.
struct Migration
{
    int version;
    QString description;
    QString appVersion; // the first Topograph version that knows this schema
    QStringList tables; // tables created by this migration
    QList<ColumnChange> columns = {};
    QList<IndexChange> indexes = {};
};

class Schema final
{
public:
    static int currentVersion();
    static const QList<Migration>& migrations();
    static const QList<TableDef>& tables();
    static const TableDef* table(const QString& name);
    static QStringList createStatements(const TableDef& table, SqlFlavor flavor);
};

} // namespace topograph
