// Backend: opening a SQLite file, and what read-only mode (ReadOnly, --read-only) changes when a
// backend opens: nothing is created, migrated or switched to WAL, and every write is refused.
#include "backend/backend.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>

#include "logging.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

QString errorText(const QSqlError& error)
{
    const QString text = error.databaseText().trimmed();
    return text.isEmpty() ? error.driverText().trimmed() : text;
}

} // namespace

Result<void> Backend::openSqlite(const QString& file, bool readOnly)
{
    const QFileInfo info(file);
    const QString folder = info.absolutePath();
    if (readOnly) {
        if (!info.exists()) {
            return makeError(ErrorCode::NotFound,
                u"the backend %1 does not exist; read-only mode does not create it"_s.arg(file));
        }
        if (!info.isFile() || !info.isReadable()) {
            return makeError(
                ErrorCode::IoError, u"the backend %1 is not a readable file"_s.arg(file));
        }
    } else {
        if (!QDir().mkpath(folder)) {
            return makeError(ErrorCode::IoError,
                u"cannot create the folder %1 of the backend %2"_s.arg(folder, file));
        }
        // SQLite writes its journal beside the file: in a folder it cannot write, the first
        // write would fail with a message that names no file.
        if (!QFileInfo(folder).isWritable()) {
            return makeError(ErrorCode::IoError,
                u"the folder %1 of the backend %2 is not writable: Topograph cannot write the "
                "backend there (read-only mode only reads an existing backend)"_s.arg(
                    folder, file));
        }
        if (info.exists() && (!info.isFile() || !info.isWritable())) {
            return makeError(
                ErrorCode::IoError, u"the backend %1 is not a writable file"_s.arg(file));
        }
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    db.setDatabaseName(file);
    db.setConnectOptions(readOnly ? u"QSQLITE_BUSY_TIMEOUT=10000;QSQLITE_OPEN_READONLY"_s
                                  : u"QSQLITE_BUSY_TIMEOUT=10000"_s);
    if (!db.open()) {
        return makeError(ErrorCode::ConnectionFailed,
            u"cannot open the backend %1: %2"_s.arg(file, errorText(db.lastError())));
    }
    // SQLite reads the file's header only at the first statement: any file "opens".
    auto header = select(u"SELECT COUNT(*) AS n FROM sqlite_master"_s);
    if (!header) {
        const QString why = header.error().message;
        if (why.contains(u"not a database"_s, Qt::CaseInsensitive)) {
            return makeError(ErrorCode::InvalidInput,
                u"the backend %1 is not a SQLite database"_s.arg(file), why);
        }
        QString message = u"cannot read the backend %1: %2"_s.arg(file, why);
        if (readOnly && !QFileInfo(folder).isWritable()) {
            // A WAL database needs its -shm file, which a reader creates when it is missing.
            message += u" (its folder %1 is not writable: a database in WAL mode can only be "
                       "read there while another process has it open)"_s.arg(folder);
        }
        return makeError(ErrorCode::IoError, message, why);
    }
    return {};
}

Result<void> Backend::enterReadOnlyMode()
{
    m_readOnlyMode = true;
    if (m_schemaVersion == 0 && !m_orchestratorOwned) {
        return makeError(ErrorCode::Refused,
            u"the backend %1 holds no Topograph tables, and read-only mode does not create "
            "them: %2"_s.arg(description(),
                m_flavor == SqlFlavor::SQLite
                    ? u"open it once without read-only mode"_s
                    : u"run topograph-cli -c redeploy-internal-db without read-only mode"_s));
    }
    if (m_flavor == SqlFlavor::MySQL) {
        // The server then refuses this session's writes as well, should any slip past
        // requireWritable(); a server that cannot do this still gets no writes from here.
        if (auto session = exec(u"SET SESSION TRANSACTION READ ONLY"_s); !session) {
            qCWarning(lcBackend).noquote() << "cannot make the session of" << description()
                                           << "read-only:" << session.error().message;
        }
    }
    if (m_schemaVersion > Schema::currentVersion() && !m_readOnlyReason.isEmpty()) {
        return {}; // already says why, and which version can write it
    }
    if (m_schemaVersion < Schema::currentVersion() && !m_orchestratorOwned) {
        m_readOnlyReason
            = u"read-only mode is on, and the backend %1 has schema version %2 where this "
              "Topograph needs %3: it is read as it is, never migrated; to upgrade it, turn "
              "read-only mode off (SQLite migrates on open) or run topograph-cli -c "
              "upgrade-backend"_s.arg(description(), QString::number(m_schemaVersion),
                  QString::number(Schema::currentVersion()));
        return {};
    }
    m_readOnlyReason
        = u"read-only mode is on: the backend %1 is opened read-only"_s.arg(description());
    return {};
}

} // namespace topograph
