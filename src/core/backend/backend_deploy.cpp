// Backend: deploying the schema, upgrading it (with a backup first) and copying a SQLite file.
#include "backend/backend.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include "logging.h"

using namespace Qt::StringLiterals;

namespace topograph {

Result<void> Backend::deploy()
{
    return deployUpTo(Schema::currentVersion());
}

Result<void> Backend::deployUpTo(int version)
{
    if (m_readOnlyMode || m_schemaVersion > Schema::currentVersion()) {
        return makeError(ErrorCode::Refused, m_readOnlyReason);
    }
    auto done = migrate(version);
    if (done && m_schemaVersion >= Schema::currentVersion() && !m_orchestratorOwned) {
        m_readOnlyReason.clear();
    }
    return done;
}

bool Backend::hasOwnTable(const QString& table) const
{
    if (m_ownTables.contains(table)) {
        return true;
    }
    if (!tableExists(table)) {
        return false;
    }
    m_ownTables.insert(table);
    return true;
}

Result<void> Backend::ensureOwnTable(const QString& table) const
{
    Q_ASSERT(table.startsWith(u"topograph_"_s));
    if (hasOwnTable(table)) {
        return {};
    }
    if (auto writable = requireWritable(); !writable) {
        return writable;
    }
    if (m_transactionDepth > 0 && m_flavor == SqlFlavor::MySQL) {
        // MySQL commits the open transaction before any DDL: the caller's writes would no
        // longer be all or nothing.
        return makeError(ErrorCode::Internal,
            u"Topograph's table %1 cannot be created inside a transaction on %2"_s.arg(
                table, description()));
    }
    const TableDef* def = Schema::table(table);
    if (def == nullptr) {
        return makeError(ErrorCode::Internal, u"no such table of Topograph's: %1"_s.arg(table));
    }
    auto created = createOwnTable(*def);
    m_liveColumns.remove(table);
    m_prepared.clear(); // statements prepared before the table was there
    if (!created) {
        // Another Topograph may have made it at the same moment: then it is there now.
        if (!tableExists(table)) {
            return makeError(created.error().code,
                u"cannot create Topograph's table %1 in the backend %2: %3"_s.arg(
                    table, description(), created.error().message));
        }
    }
    m_ownTables.insert(table);
    qCInfo(lcBackend).noquote() << "created Topograph's table" << table << "in" << description();
    return {};
}

Result<void> Backend::createOwnTable(const TableDef& table) const
{
    QStringList statements = Schema::createStatements(table, m_flavor);
    statements.first().replace(u"CREATE TABLE "_s, u"CREATE TABLE IF NOT EXISTS "_s);
    for (const QString& statement : std::as_const(statements)) {
        if (auto done = exec(statement); !done) {
            return done.error();
        }
    }
    // What later migrations added to it, so the table is the one the current schema has.
    for (const Migration& migration : Schema::migrations()) {
        Migration own { migration.version, migration.description, migration.appVersion, {} };
        for (const ColumnChange& c : migration.columns) {
            if (c.table == table.name) {
                own.columns << c;
            }
        }
        for (const IndexChange& i : migration.indexes) {
            if (i.table == table.name) {
                own.indexes << i;
            }
        }
        if (auto changed = applyChanges(own); !changed) {
            return changed;
        }
    }
    return {};
}

Result<void> Backend::upgrade(const QString& backupFile)
{
    if (m_readOnlyMode || m_schemaVersion > Schema::currentVersion()) {
        return makeError(ErrorCode::Refused, m_readOnlyReason);
    }
    if (!backupFile.isEmpty()) {
        if (m_flavor == SqlFlavor::SQLite) {
            if (auto saved = backupSqlite(backupFile); !saved) {
                return saved.error();
            }
        } else {
            return makeError(ErrorCode::InvalidInput,
                u"--backup for a MySQL backend is not supported yet: take a mysqldump of %1 "
                "first"_s.arg(m_location));
        }
    }
    return deploy();
}

Result<void> Backend::backupSqlite(const QString& target)
{
    // Fold the write-ahead log into the main file so that the copy is complete: without it the
    // copy could miss the latest writes, so a failure stops the backup.
    if (auto folded = exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s); !folded) {
        return makeError(ErrorCode::IoError,
            u"cannot back up the backend %1: its write-ahead log could not be folded in first: %2"_s
                .arg(m_location, folded.error().message));
    }
    // The backend itself (or its journal) as the target would be emptied by the copy: refuse.
    const QFileInfo targetInfo(target);
    const QString backend = QFileInfo(m_location).canonicalFilePath();
    const QString existing = targetInfo.canonicalFilePath(); // empty when it does not exist yet
    if (!existing.isEmpty()
        && (existing == backend || existing == backend + u"-wal"_s
            || existing == backend + u"-shm"_s || existing == backend + u"-journal"_s)) {
        return makeError(ErrorCode::InvalidInput,
            u"the backup file %1 is the backend itself (or its journal): name another file"_s.arg(
                target));
    }
    // Written to a temporary file beside the target and renamed into place: an interrupted
    // backup leaves the old target (if any) as it was, never half a copy.
    QFile source(m_location);
    QSaveFile copy(target);
    if (!source.open(QIODevice::ReadOnly) || !copy.open(QIODevice::WriteOnly)) {
        return makeError(ErrorCode::IoError,
            u"cannot back up the backend %1 to %2 before migrating it: %3"_s.arg(
                m_location, target, source.isOpen() ? copy.errorString() : source.errorString()));
    }
    while (!source.atEnd()) {
        const QByteArray chunk = source.read(1 << 20);
        if (chunk.isEmpty() || copy.write(chunk) != chunk.size()) {
            copy.cancelWriting();
            break;
        }
    }
    if (!copy.commit()) {
        return makeError(ErrorCode::IoError,
            u"cannot back up the backend %1 to %2 before migrating it: %3"_s.arg(
                m_location, target, copy.errorString()));
    }
    m_backupFile = target;
    qCInfo(lcBackend).noquote() << "backed up" << m_location << "to" << target;
    return {};
}

} // namespace topograph
