// Backend: deploying the schema, upgrading it (with a backup first) and copying a SQLite file.
#include "backend/backend.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "logging.h"

using namespace Qt::StringLiterals;

namespace topograph {

Result<void> Backend::deploy()
{
    return deployUpTo(Schema::currentVersion());
}

Result<void> Backend::deployUpTo(int version)
{
    if (m_schemaVersion > Schema::currentVersion()) {
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
    if (m_schemaVersion > Schema::currentVersion()) {
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
    QFile::remove(target);
    if (!QFile::copy(m_location, target)) {
        return makeError(ErrorCode::IoError,
            u"cannot back up the backend %1 to %2 before migrating it"_s.arg(m_location, target));
    }
    m_backupFile = target;
    qCInfo(lcBackend).noquote() << "backed up" << m_location << "to" << target;
    return {};
}

} // namespace topograph
