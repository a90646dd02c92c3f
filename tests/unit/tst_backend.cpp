// The SQLite backend's life cycle (DESIGN §4): a fresh file is deployed, an older schema is backed
// up then migrated, a newer one is opened read-only and refuses writes, orchestrator's own backend
// is never altered, and transactions nest.
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include "backend/instancestore.h"
#include "backend/tagstore.h"
#include "backendtestsupport.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

class TestBackend final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_serial = 0;

    QString newFile() { return m_dir.filePath(u"backend-%1.sqlite3"_s.arg(++m_serial)); }

    static QStringList expectedTables()
    {
        QStringList names;
        for (const TableDef& table : Schema::tables()) {
            names << table.name;
        }
        names.sort();
        return names;
    }

private Q_SLOTS:
    void initTestCase() { isolateHome(m_dir); }

    void freshOpenDeploysEveryTable()
    {
        const QString file = newFile();
        QVERIFY(!QFile::exists(file));
        auto backend = openSqlite(file);
        QVERIFY(backend);
        QVERIFY(!backend->isReadOnly());
        QCOMPARE(backend->schemaVersion(), Schema::currentVersion());
        QCOMPARE(sqliteTables(*backend), expectedTables());
        QVERIFY(backend->lastBackupFile().isEmpty()); // nothing to back up in a new file
        auto rows = backend->select(u"SELECT version, app_version FROM topograph_schema "
                                    "ORDER BY version"_s);
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), Schema::migrations().size());
        QCOMPARE(rows->last().value(u"version"_s).toInt(), Schema::currentVersion());
        QVERIFY(!rows->last().value(u"app_version"_s).toString().isEmpty());
    }

    void newerSchemaIsOpenedReadOnly()
    {
        const QString file = newFile();
        {
            auto backend = openSqlite(file);
            QVERIFY(backend);
            QVERIFY(backend->exec(u"INSERT INTO topograph_schema (version, description, "
                                  "app_version) VALUES (99, 'from the future', '9.9.9')"_s));
        }
        const QString before = sqliteDump(file);
        QVERIFY(before.contains(u"99|from the future|9.9.9"_s));
        auto backend = openSqlite(file);
        QVERIFY(backend);
        QVERIFY(backend->isReadOnly());
        QCOMPARE(backend->schemaVersion(), 99);
        const QString reason = backend->readOnlyReason();
        QVERIFY2(reason.contains(u"version 99"_s), qPrintable(reason));
        QVERIFY2(
            reason.contains(u"version %1"_s.arg(Schema::currentVersion())), qPrintable(reason));
        QVERIFY2(reason.contains(u"9.9.9"_s), qPrintable(reason));
        QVERIFY(backend->lastBackupFile().isEmpty());

        InstanceRecord record;
        record.key = key(u"db1:3306"_s);
        record.reachable = true;
        auto written = InstanceStore(*backend).write({ record });
        QVERIFY(!written);
        QCOMPARE(written.error().message, reason);
        auto tagged = TagStore(*backend).tag(record.key, u"role"_s, u"backup"_s);
        QVERIFY(!tagged);
        QCOMPARE(tagged.error().message, reason);
        QVERIFY(!backend->deploy());
        QVERIFY(!backend->upgrade(QString()));
        QCOMPARE(rowCount(*backend, u"database_instance"_s), 0);
        QCOMPARE(rowCount(*backend, u"database_instance_tags"_s), 0);
        QCOMPARE(rowCount(*backend, u"topograph_schema"_s), Schema::migrations().size() + 1);
        backend.reset();
        QCOMPARE(sqliteDump(file), before);
    }

    void olderSchemaIsBackedUpThenMigrated()
    {
        const QString file = newFile();
        {
            auto backend = openSqlite(file, Backend::OpenMode::NoMigration);
            QVERIFY(backend);
            QCOMPARE(backend->schemaVersion(), 0);
            QVERIFY(backend->deployUpTo(1));
            QCOMPARE(backend->schemaVersion(), 1);
            QVERIFY(!sqliteTables(*backend).contains(u"topograph_lag_samples"_s));
            InstanceRecord record;
            record.key = key(u"db1:3306"_s);
            record.reachable = true;
            QVERIFY(InstanceStore(*backend).write({ record }));
        }
        auto backend = openSqlite(file);
        QVERIFY(backend);
        QVERIFY(!backend->isReadOnly());
        QCOMPARE(backend->schemaVersion(), Schema::currentVersion());
        QCOMPARE(sqliteTables(*backend), expectedTables());
        QCOMPARE(rowCount(*backend, u"database_instance"_s), 1); // data survives the migration
        const QString backupFile = backend->lastBackupFile();
        QVERIFY(!backupFile.isEmpty());
        QVERIFY(QFileInfo::exists(backupFile));
        backend.reset();

        auto backup = openSqlite(backupFile, Backend::OpenMode::NoMigration);
        QVERIFY(backup);
        QCOMPARE(backup->schemaVersion(), 1);
        QVERIFY(!sqliteTables(*backup).contains(u"topograph_lag_samples"_s));
        QVERIFY(sqliteTables(*backup).contains(u"database_instance"_s));
        QCOMPARE(rowCount(*backup, u"database_instance"_s), 1);
    }

    void deployOnAnEmptyFile()
    {
        auto backend = openSqlite(newFile(), Backend::OpenMode::NoMigration);
        QVERIFY(backend);
        QCOMPARE(backend->schemaVersion(), 0);
        QVERIFY(sqliteTables(*backend).isEmpty());
        QVERIFY(backend->deploy());
        QCOMPARE(backend->schemaVersion(), Schema::currentVersion());
        QCOMPARE(sqliteTables(*backend), expectedTables());
    }

    void redeployIsIdempotent()
    {
        const QString file = newFile();
        {
            auto backend = openSqlite(file, Backend::OpenMode::NoMigration);
            QVERIFY(backend);
            QVERIFY(backend->deploy());
            const auto again = backend->deploy();
            QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().message));
        }
        auto backend = openSqlite(file, Backend::OpenMode::NoMigration);
        QVERIFY(backend);
        QVERIFY(backend->deploy());
        QVERIFY(backend->upgrade(QString()));
        QCOMPARE(backend->schemaVersion(), Schema::currentVersion());
        QCOMPARE(rowCount(*backend, u"topograph_schema"_s), Schema::migrations().size());
        auto versions
            = backend->select(u"SELECT COUNT(DISTINCT version) AS n FROM topograph_schema"_s);
        QVERIFY(versions.ok());
        QCOMPARE(versions->first().value(u"n"_s).toInt(), Schema::migrations().size());
    }

    // Issue 12 (5): upgrade-backend --backup with the backend's own file as the target used to
    // delete the backend (the old target was removed before the copy).
    void backupOntoTheBackendItselfIsRefused()
    {
        const QString file = newFile();
        {
            auto backend = openSqlite(file, Backend::OpenMode::NoMigration);
            QVERIFY(backend && backend->deployUpTo(1));
            QVERIFY(backend->exec(u"INSERT INTO audit (audit_timestamp, audit_type, hostname, "
                                  "port, cluster_name, message) VALUES ('2026-12-03 09:00:00', "
                                  "'relocate', 'db1', 3306, '', 'kept')"_s));
        }
        const QFileInfo info(file);
        const QString sameFileOtherSpelling
            = info.absolutePath() + u"/./"_s + info.fileName(); // not equal as text
        for (const QString& target :
            QStringList { file, sameFileOtherSpelling, file + u"-wal"_s }) {
            auto backend = openSqlite(file, Backend::OpenMode::NoMigration);
            QVERIFY(backend);
            if (target.endsWith(u"-wal"_s) && !QFileInfo::exists(target)) {
                continue; // no journal right now: nothing to protect
            }
            const auto upgraded = backend->upgrade(target);
            QVERIFY2(!upgraded.ok(), qPrintable(target));
            QVERIFY2(upgraded.error().message.contains(u"is the backend itself"_s),
                qPrintable(upgraded.error().message));
            QCOMPARE(backend->schemaVersion(), 1); // nothing migrated either
        }
        auto backend = openSqlite(file, Backend::OpenMode::NoMigration);
        QVERIFY(backend);
        QCOMPARE(rowCount(*backend, u"audit"_s), 1);

        // An existing other file is replaced by a whole copy.
        const QString backupFile = m_dir.filePath(u"backup-target.sqlite3"_s);
        {
            QFile old(backupFile);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("an older backup");
        }
        QVERIFY(backend->upgrade(backupFile));
        QCOMPARE(backend->lastBackupFile(), backupFile);
        auto copy = openSqlite(backupFile, Backend::OpenMode::NoMigration);
        QVERIFY(copy);
        QCOMPARE(copy->schemaVersion(), 1);
        QCOMPARE(rowCount(*copy, u"audit"_s), 1);
    }

    void orchestratorBackendIsNeverAltered()
    {
        const QString file = newFile();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"orchestrator-made"_s);
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(u"CREATE TABLE orchestrator_db_deployments (deployed_version "
                               "varchar(128) NOT NULL, deployed_timestamp timestamp NOT NULL, "
                               "PRIMARY KEY (deployed_version))"_s));
            QVERIFY(query.exec(u"INSERT INTO orchestrator_db_deployments VALUES ('3.2.6', "
                               "'2024-01-01 00:00:00')"_s));
            QVERIFY(query.exec(u"CREATE TABLE database_instance (hostname varchar(128) NOT NULL, "
                               "port smallint NOT NULL, PRIMARY KEY (hostname, port))"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"orchestrator-made"_s);
        const QString before = sqliteDump(file);
        QVERIFY(before.contains(u"orchestrator_db_deployments:\n3.2.6|"_s));

        for (const auto mode : { Backend::OpenMode::Normal, Backend::OpenMode::NoMigration }) {
            auto backend = openSqlite(file, mode);
            QVERIFY(backend);
            QVERIFY(backend->isOrchestratorBackend());
            QCOMPARE(backend->schemaVersion(), 0);
            QVERIFY(!backend->deploy());
            QVERIFY(!backend->upgrade(QString()));
            QVERIFY(!backend->deployUpTo(1));
            QCOMPARE(sqliteTables(*backend),
                QStringList({ u"database_instance"_s, u"orchestrator_db_deployments"_s }));
        }
        QCOMPARE(sqliteDump(file), before);
    }

    void transactionsNest()
    {
        auto backend = openSqlite(newFile());
        QVERIFY(backend);
        auto insert = [&](const QString& host) {
            return backend->exec(u"INSERT INTO hostname_resolve (hostname, resolved_hostname) "
                                 "VALUES (?, ?)"_s,
                { host, host });
        };
        // Both levels succeed: everything is committed once.
        QVERIFY(backend->transaction([&]() -> Result<void> {
            if (auto a = insert(u"outer-ok"_s); !a) {
                return a.error();
            }
            return backend->transaction([&]() -> Result<void> {
                if (auto b = insert(u"inner-ok"_s); !b) {
                    return b.error();
                }
                return {};
            });
        }));
        QCOMPARE(rowCount(*backend, u"hostname_resolve"_s), 2);

        // The inner one fails after writing: the outer one fails and nothing of either stays.
        auto failed = backend->transaction([&]() -> Result<void> {
            if (auto a = insert(u"outer"_s); !a) {
                return a.error();
            }
            return backend->transaction([&]() -> Result<void> {
                if (auto b = insert(u"inner"_s); !b) {
                    return b.error();
                }
                if (auto c = backend->exec(u"INSERT INTO no_such_table VALUES (1)"_s); !c) {
                    return c.error();
                }
                return {};
            });
        });
        QVERIFY(!failed);
        QCOMPARE(rowCount(*backend, u"hostname_resolve"_s), 2);

        // After a rollback the connection is usable and not stuck inside a transaction.
        QVERIFY(backend->transaction([&]() -> Result<void> {
            if (auto a = insert(u"after"_s); !a) {
                return a.error();
            }
            return {};
        }));
        QCOMPARE(rowCount(*backend, u"hostname_resolve"_s), 3);
    }

    void innerFailureDoomsTheOuterTransaction()
    {
        auto backend = openSqlite(newFile());
        QVERIFY(backend);
        auto swallowed = backend->transaction([&]() -> Result<void> {
            auto inner = backend->transaction([&]() -> Result<void> {
                (void)backend->exec(u"INSERT INTO hostname_resolve (hostname, resolved_hostname) "
                                    "VALUES ('half', 'half')"_s);
                return makeError(ErrorCode::QueryFailed, u"inner step failed"_s);
            });
            Q_UNUSED(inner) // a caller that ignores the inner failure
            return {};
        });
        QCOMPARE(rowCount(*backend, u"hostname_resolve"_s), 0);
        Q_UNUSED(swallowed)
    }
};

QTEST_GUILESS_MAIN(TestBackend)
#include "tst_backend.moc"
