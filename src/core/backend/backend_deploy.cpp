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
