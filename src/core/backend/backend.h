#pragma once

#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <functional>
#include <memory>

#include "backend/schema.h"
#include "config/configuration.h"
#include "db/mysqlsession.h"
#include "result.h"

class QSqlError;

namespace topograph {

// The backend store's connection: SQLite file (default) or a shared MySQL/MariaDB database,
// holding orchestrator-compatible tables. Owned by the thread that opened it. On open it reads
// topograph_schema and decides (DESIGN §4):
//  - no schema: SQLite is deployed; MySQL waits for -c redeploy-internal-db;
//  - an older schema: SQLite is backed up (file copy) and migrated; MySQL stays read-only until
//    -c upgrade-backend;
//  - a newer schema than this binary knows: read-only, with a message naming both versions;
//  - a live orchestrator's backend (orchestrator_db_deployments): never any DDL;
//  - in read-only mode (Configuration::readOnly): only an existing backend is opened, read-only;
//    nothing is created, migrated or written (see backend_readonly.cpp).
class Backend final
{
public:
    ~Backend();
    Backend(const Backend&) = delete;
    Backend& operator=(const Backend&) = delete;
    Backend(Backend&&) = delete;
    Backend& operator=(Backend&&) = delete;

    enum class OpenMode {
        Normal, // migrate SQLite automatically, refuse DDL on MySQL
        NoMigration, // open as found (for deploy and upgrade commands)
    };
    static Result<std::unique_ptr<Backend>> open(
        const Configuration& config, OpenMode mode = OpenMode::Normal);
    static QString defaultSqliteFile();

    SqlFlavor flavor() const { return m_flavor; }
    QString description() const; // "sqlite /path" or "mysql host:port/db", no credentials
    int schemaVersion() const { return m_schemaVersion; }
    bool isOrchestratorBackend() const { return m_orchestratorOwned; }
    QString lastBackupFile() const { return m_backupFile; }

    bool isReadOnly() const { return m_readOnlyMode || !m_readOnlyReason.isEmpty(); }
    // Opened with ReadOnly / --read-only (Configuration::readOnly): the SQLite file read-only, a
    // MySQL session in READ ONLY transactions; deploy and upgrade are refused.
    bool isReadOnlyMode() const { return m_readOnlyMode; }
    QString readOnlyReason() const { return m_readOnlyReason; }
    Result<void> requireWritable() const;

    // -c redeploy-internal-db: creates every missing table and records the schema version.
    Result<void> deploy();
    // -c upgrade-backend: applies pending migrations; with backupFile, first dumps the tables
    // the migrations touch (SQLite: a copy of the file).
    Result<void> upgrade(const QString& backupFile);
    // Tests: deploy only up to a version, to have an older schema to migrate.
    Result<void> deployUpTo(int version);

    Result<QList<SqlRow>> select(const QString& sql, const QVariantList& binds = {}) const;
    Result<int> exec(const QString& sql, const QVariantList& binds = {}) const;
    // An INSERT; answers the id of the new row (its AUTO_INCREMENT / rowid).
    Result<qint64> insert(const QString& sql, const QVariantList& binds = {}) const;
    // Runs work in a transaction; inside another transaction() it joins the outer one. Every
    // write of more than one statement goes through here. When a statement or the commit loses a
    // lock conflict with another writer (MySQL deadlock or lock wait timeout, SQLite busy), the
    // outermost transaction is rolled back and work runs again, a bounded number of times
    // (TransactionRetry), so work must start from scratch each time it is called.
    Result<void> transaction(const std::function<Result<void>()>& work) const;

    // A backend another tool made, or one not migrated (read-only), may lack Topograph's tables.
    bool tableExists(const QString& table) const;
    bool hasTable(const QString& table) const { return tableExists(table); }
    // Whether the live table has the column (lower case), read once per table from the open
    // backend: a table another tool (orchestrator, of some version) made may lack some of
    // Topograph's columns, and Topograph writes only those the table has.
    bool hasColumn(const QString& table, const QString& column) const;
    // The live table's columns that must be given a value on INSERT (NOT NULL, no default, not
    // auto-incremented), each with its type's zero ('' or 0): orchestrator's MySQL tables have
    // many, and a strict server refuses a row that leaves one out. Read once per table.
    const QList<std::pair<QString, QVariant>>& columnsWithoutDefault(const QString& table) const;
    // Topograph's own table (topograph_*), created with every column and index its migrations
    // give it when it is missing: on a backend orchestrator made, Topograph's data lives only
    // in such tables, made on the first write. Refused when the backend is read-only. Never
    // inside transaction(): DDL commits on MySQL.
    Result<void> ensureOwnTable(const QString& table) const;
    // Whether Topograph's own table is there (remembered once seen).
    bool hasOwnTable(const QString& table) const;

    // Timestamps are stored as UTC text 'yyyy-MM-dd HH:mm:ss' on both flavours.
    static QVariant toDb(const QDateTime& time);
    static QDateTime fromDb(const QVariant& value);

private:
    Backend(QString connectionName, SqlFlavor flavor);
    Result<void> readSchemaState();
    Result<void> openSqlite(const QString& file, bool readOnly);
    // ReadOnly / --read-only: writes refused with a reason naming the backend; a backend without
    // any Topograph table is refused (there is nothing to read).
    Result<void> enterReadOnlyMode();
    Result<void> migrate(int toVersion);
    Result<void> backupSqlite(const QString& target);
    bool columnExists(const QString& table, const QString& column) const;
    Result<bool> indexExists(const QString& table, const QString& index) const;
    Result<void> applyChanges(const Migration& migration) const;
    Result<void> createOwnTable(const TableDef& table) const;
    QSqlDatabase database() const;
    Result<void> runTransaction(const std::function<Result<void>()>& work) const;
    // Remembers that the last failure was a lock conflict (TransactionRetry::isLockConflict).
    void noteFailure(const QSqlError& error) const;
    // Prepares, binds and executes; what ("query", "statement") names it in the error.
    Result<void> run(
        QSqlQuery& query, const QString& sql, const QVariantList& binds, const QString& what) const;

    QString m_connectionName;
    SqlFlavor m_flavor;
    QString m_location;
    int m_schemaVersion = 0;
    bool m_orchestratorOwned = false;
    bool m_readOnlyMode = false; // opened in read-only mode: never created, migrated or written
    QString m_readOnlyReason;
    QString m_backupFile;
    mutable int m_transactionDepth = 0; // transaction() nests: only the outermost commits
    mutable bool m_innerFailed = false; // an inner transaction() failed: the outer rolls back
    mutable bool m_lockConflict = false; // a statement of this attempt lost a lock conflict
    // exec()'s statements with values, prepared once per connection and reused: the writes of a
    // poll round repeat a few statements many times (on MySQL each prepare is a round trip).
    mutable QHash<QString, std::shared_ptr<QSqlQuery>> m_prepared;
    mutable QHash<QString, QSet<QString>> m_liveColumns; // hasColumn()'s answers, per table
    mutable QSet<QString> m_ownTables; // Topograph's own tables known to be there
    mutable QHash<QString, QList<std::pair<QString, QVariant>>> m_noDefault; // per table
};

} // namespace topograph
