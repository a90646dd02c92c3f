#include "backend/backend.h"
#include "backend/transactionretry.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QThread>

#include <algorithm>

#include "db/connectionsettings.h"
#include "db/mysqlconnector.h"
#include "logging.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

QAtomicInteger<quint64> g_backendSerial;

} // namespace

Backend::Backend(QString connectionName, SqlFlavor flavor)
    : m_connectionName(std::move(connectionName))
    , m_flavor(flavor)
{ }

Backend::~Backend()
{
    m_prepared.clear(); // before the connection goes
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Backend::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

QString Backend::defaultSqliteFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + u"/topograph/topograph.sqlite3"_s;
}

QString Backend::description() const
{
    return (m_flavor == SqlFlavor::SQLite ? u"sqlite "_s : u"mysql "_s) + m_location;
}

Result<std::unique_ptr<Backend>> Backend::open(const Configuration& config, OpenMode mode)
{
    const bool mysql = config.backendDb == u"mysql"_s;
    const QString name
        = u"backend-%1"_s.arg(QString::number(g_backendSerial.fetchAndAddRelaxed(1)));
    std::unique_ptr<Backend> backend(
        new Backend(name, mysql ? SqlFlavor::MySQL : SqlFlavor::SQLite));
    if (mysql) {
        if (!QSqlDatabase::isDriverAvailable(u"QMYSQL"_s)) {
            return makeError(ErrorCode::ConnectionFailed,
                u"the Qt MySQL driver (QMYSQL) is not installed: install libqt6sql6-mysql"_s);
        }
        auto settings = backendConnectionSettings(config);
        if (!settings) {
            return settings.error();
        }
        backend->m_location = settings->key.toString() + u'/' + settings->database;
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QMYSQL"_s, name);
        if (auto opened = MySqlConnector::open(db, *settings); !opened) {
            return makeError(opened.error().code,
                u"cannot open the backend %1: %2"_s.arg(
                    backend->description(), opened.error().message),
                opened.error().detail);
        }
        if (auto tz = backend->exec(u"SET time_zone = '+00:00'"_s); !tz) {
            return tz.error();
        }
    } else {
        const QString file
            = config.sqlite3DataFile.isEmpty() ? defaultSqliteFile() : config.sqlite3DataFile;
        backend->m_location = file;
        if (auto opened = backend->openSqlite(file, config.readOnly); !opened) {
            return opened.error();
        }
    }
    if (auto state = backend->readSchemaState(); !state) {
        return state.error();
    }
    if (config.readOnly) {
        if (auto refused = backend->enterReadOnlyMode(); !refused) {
            return refused.error();
        }
        return backend;
    }
    if (!mysql && !backend->m_orchestratorOwned) {
        // Readers (the app, a second CLI) keep reading while the writer thread writes.
        // Without WAL (a read-only file system, say) the backend still works, only readers
        // wait for the writer: worth a warning, not a refusal.
        if (auto wal = backend->exec(u"PRAGMA journal_mode=WAL"_s); !wal) {
            qCWarning(lcBackend).noquote() << "cannot switch" << backend->m_location
                                           << "to WAL journaling:" << wal.error().message;
        } else if (auto synced = backend->exec(u"PRAGMA synchronous=NORMAL"_s); !synced) {
            // In WAL mode, NORMAL syncs at checkpoints instead of at every commit: a commit
            // survives the process dying (an operation's journal row is there for whoever looks
            // next), only a power cut may take the last ones. A commit then costs microseconds,
            // not a disk flush (about 4 ms here), and an operation makes five of them.
            qCWarning(lcBackend).noquote() << "cannot set synchronous=NORMAL on"
                                           << backend->m_location << ":" << synced.error().message;
        }
    }
    if (mode == OpenMode::Normal && !backend->m_orchestratorOwned
        && backend->m_schemaVersion < Schema::currentVersion()) {
        if (backend->m_flavor == SqlFlavor::SQLite) {
            if (backend->m_schemaVersion > 0) {
                const QString copy = u"%1.v%2-backup"_s.arg(
                    backend->m_location, QString::number(backend->m_schemaVersion));
                if (auto saved = backend->backupSqlite(copy); !saved) {
                    return saved.error();
                }
            }
            const int before = backend->m_schemaVersion;
            if (auto migrated = backend->migrate(Schema::currentVersion()); !migrated) {
                return migrated.error();
            }
            if (before > 0) {
                qCInfo(lcBackend).noquote()
                    << "backend" << backend->description() << "migrated from schema" << before
                    << "to" << backend->m_schemaVersion << "(backup:" << backend->m_backupFile
                    << ")";
            }
        } else if (backend->m_schemaVersion == 0) {
            backend->m_readOnlyReason
                = u"the backend %1 has no Topograph schema yet: run "
                  "topograph-cli -c redeploy-internal-db"_s.arg(backend->description());
        } else {
            backend->m_readOnlyReason
                = u"the backend %1 has schema version %2 and this Topograph needs %3: run "
                  "topograph-cli -c upgrade-backend"_s.arg(backend->description(),
                      QString::number(backend->m_schemaVersion),
                      QString::number(Schema::currentVersion()));
        }
    }
    return backend;
}

bool Backend::tableExists(const QString& table) const
{
    return database().tables().contains(table, Qt::CaseInsensitive);
}

bool Backend::hasColumn(const QString& table, const QString& column) const
{
    auto known = m_liveColumns.constFind(table);
    if (known == m_liveColumns.cend()) {
        QSet<QString> names;
        const QSqlRecord record = database().record(table);
        for (int i = 0; i < record.count(); ++i) {
            names.insert(record.fieldName(i).toLower());
        }
        known = m_liveColumns.insert(table, names);
    }
    return known->contains(column);
}

const QList<std::pair<QString, QVariant>>& Backend::columnsWithoutDefault(
    const QString& table) const
{
    auto known = m_noDefault.constFind(table);
    if (known != m_noDefault.cend()) {
        return *known;
    }
    QList<std::pair<QString, QVariant>> columns;
    const auto zeroFor = [](const QString& type) {
        static const QStringList numeric { u"int"_s, u"dec"_s, u"num"_s, u"float"_s, u"double"_s,
            u"real"_s, u"bit"_s, u"bool"_s };
        const QString lower = type.toLower();
        const bool isNumber = std::any_of(numeric.cbegin(), numeric.cend(),
            [&lower](const QString& word) { return lower.contains(word); });
        if (isNumber) {
            return QVariant(0);
        }
        if (lower.contains(u"time"_s) || lower.contains(u"date"_s)) {
            return QVariant(u"1971-01-01 00:00:00"_s); // orchestrator's own "never"
        }
        return QVariant(u""_s);
    };
    auto rows = m_flavor == SqlFlavor::SQLite
        ? select(u"SELECT name AS column_name, type AS data_type FROM pragma_table_info(?) "
                 "WHERE \"notnull\" = 1 AND dflt_value IS NULL AND pk = 0"_s,
            { table })
        : select(u"SELECT column_name AS column_name, data_type AS data_type FROM "
                 "information_schema.columns WHERE table_schema = DATABASE() AND "
                 "table_name = ? AND is_nullable = 'NO' AND column_default IS NULL AND "
                 "extra NOT LIKE '%auto_increment%'"_s,
            { table });
    if (!rows) {
        // Then the INSERT says what is missing, with the server's words.
        qCWarning(lcBackend).noquote() << "cannot read the columns of" << table << "in"
                                       << description() << ":" << rows.error().message;
    } else {
        for (const SqlRow& row : std::as_const(*rows)) {
            columns.append({ row.value(u"column_name"_s).toString().toLower(),
                zeroFor(row.value(u"data_type"_s).toString()) });
        }
    }
    return *m_noDefault.insert(table, columns);
}

bool Backend::columnExists(const QString& table, const QString& column) const
{
    return database().record(table).contains(column);
}

Result<bool> Backend::indexExists(const QString& table, const QString& index) const
{
    auto rows = m_flavor == SqlFlavor::SQLite
        ? select(u"SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                 "AND name = ?"_s,
            { table, index })
        : select(u"SELECT index_name FROM information_schema.statistics WHERE "
                 "table_schema = DATABASE() AND table_name = ? AND index_name = ?"_s,
            { table, index });
    if (!rows) {
        return rows.error();
    }
    return !rows->isEmpty();
}

// Only Topograph's own tables are changed; a change already there is skipped.
Result<void> Backend::applyChanges(const Migration& migration) const
{
    for (const ColumnChange& c : migration.columns) {
        Q_ASSERT(c.table.startsWith(u"topograph_"_s));
        if (columnExists(c.table, c.column)) {
            continue;
        }
        auto done = exec(u"ALTER TABLE %1 ADD COLUMN %2 %3"_s.arg(c.table, c.column, c.definition));
        if (!done) {
            return done.error();
        }
    }
    for (const IndexChange& i : migration.indexes) {
        Q_ASSERT(i.table.startsWith(u"topograph_"_s));
        auto exists = indexExists(i.table, i.name);
        if (!exists) {
            return exists.error();
        }
        if (*exists) {
            continue;
        }
        auto done = exec(u"CREATE INDEX %1 ON %2 %3"_s.arg(i.name, i.table, i.columns));
        if (!done) {
            return done.error();
        }
    }
    return {};
}

Result<void> Backend::readSchemaState()
{
    m_orchestratorOwned = tableExists(u"orchestrator_db_deployments"_s);
    if (!tableExists(u"topograph_schema"_s)) {
        m_schemaVersion = 0;
    } else {
        auto rows = select(u"SELECT MAX(version) AS v FROM topograph_schema"_s);
        if (!rows) {
            return rows.error();
        }
        m_schemaVersion = rows->isEmpty() ? 0 : rows->first().value(u"v"_s).toInt();
    }
    if (m_orchestratorOwned) {
        m_readOnlyReason.clear(); // data writes on explicit actions are allowed; DDL never
    }
    if (m_schemaVersion > Schema::currentVersion()) {
        QString needed;
        auto rows = select(
            u"SELECT app_version FROM topograph_schema WHERE version = ?"_s, { m_schemaVersion });
        if (rows && !rows->isEmpty()) {
            needed = rows->first().value(u"app_version"_s).toString();
        }
        m_readOnlyReason
            = u"the backend %1 has schema version %2, newer than version %3 that "
              "this Topograph (%4) knows: opened read-only; use Topograph %5 or "
              "later to change it"_s.arg(description(), QString::number(m_schemaVersion),
                  QString::number(Schema::currentVersion()), QStringLiteral(TOPOGRAPH_VERSION),
                  needed.isEmpty() ? u"of that version"_s : needed);
    }
    return {};
}

Result<void> Backend::requireWritable() const
{
    if (isReadOnly()) {
        return makeError(ErrorCode::Refused, m_readOnlyReason);
    }
    return {};
}

Result<void> Backend::migrate(int toVersion)
{
    if (m_readOnlyMode) {
        return makeError(ErrorCode::Refused, m_readOnlyReason);
    }
    if (m_orchestratorOwned) {
        return makeError(ErrorCode::Refused,
            u"the backend %1 belongs to a running orchestrator: Topograph never changes its "
            "tables' structure"_s.arg(description()));
    }
    const int startVersion = m_schemaVersion;
    m_liveColumns.clear(); // tables and columns change
    m_noDefault.clear();
    m_ownTables.clear();
    m_prepared.clear();
    return transaction([&]() -> Result<void> {
        m_schemaVersion = startVersion; // run again after a lock conflict: from the start
        for (const Migration& migration : Schema::migrations()) {
            if (migration.version <= m_schemaVersion || migration.version > toVersion) {
                continue;
            }
            for (const QString& name : migration.tables) {
                if (tableExists(name)) {
                    continue; // an orchestrator-made table of the same name: keep it
                }
                for (const QString& statement :
                    Schema::createStatements(*Schema::table(name), m_flavor)) {
                    if (auto done = exec(statement); !done) {
                        return done.error();
                    }
                }
            }
            if (auto changed = applyChanges(migration); !changed) {
                return changed.error();
            }
            // Another process may have migrated the same file a moment ago: record once.
            auto present = select(
                u"SELECT version FROM topograph_schema WHERE version = ?"_s, { migration.version });
            if (!present) {
                return present.error();
            }
            if (present->isEmpty()) {
                auto recorded = exec(u"INSERT INTO topograph_schema (version, description, "
                                     "app_version, applied_at) VALUES (?, ?, ?, ?)"_s,
                    { migration.version, migration.description, migration.appVersion,
                        toDb(QDateTime::currentDateTimeUtc()) });
                if (!recorded) {
                    return recorded.error();
                }
            }
            qCDebug(lcBackend).noquote()
                << "backend" << description() << "migrated to schema" << migration.version;
            m_schemaVersion = migration.version;
        }
        return {};
    });
}

QVariant Backend::toDb(const QDateTime& time)
{
    if (!time.isValid()) {
        return {}; // an invalid QVariant binds as NULL
    }
    return time.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

QDateTime Backend::fromDb(const QVariant& value)
{
    if (value.isNull()) {
        return {};
    }
    if (value.metaType().id() == QMetaType::QDateTime) {
        // QMYSQL hands back wall-clock values; the session's time zone is UTC.
        const QDateTime local = value.toDateTime();
        return QDateTime(local.date(), local.time(), Qt::UTC);
    }
    QDateTime parsed = QDateTime::fromString(value.toString().left(19), u"yyyy-MM-dd HH:mm:ss"_s);
    if (!parsed.isValid()) {
        return {};
    }
    parsed.setTimeSpec(Qt::UTC);
    return parsed;
}

} // namespace topograph
