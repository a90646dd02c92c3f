// Read-only mode and the SQLite backend (issue 12, finding 6): an existing backend is opened
// read-only and read as it is; a missing one is not created, an older schema is not migrated
// (nor backed up), the journal mode is left alone, every write is refused; a file that is not a
// database gives an error that names the file (a folder that cannot be written:
// tst_backendreadonlyfolder, run as an unprivileged user).
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include "backend/instancestore.h"
#include "backendtestsupport.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

namespace {

Configuration readOnlyConfig(const QString& file)
{
    Configuration config = sqliteConfig(file);
    config.readOnly = true;
    return config;
}

QByteArray bytesOf(const QString& file)
{
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Read with a connection of its own, which writes nothing.
QString journalMode(const QString& file)
{
    QString mode;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"journal-probe"_s);
        db.setDatabaseName(file);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(u"PRAGMA journal_mode"_s) && query.next()) {
                mode = query.value(0).toString().toLower();
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(u"journal-probe"_s);
    return mode;
}

bool setJournalMode(const QString& file, const QString& mode)
{
    bool done = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"journal-set"_s);
        db.setDatabaseName(file);
        if (db.open()) {
            QSqlQuery query(db);
            done = query.exec(u"PRAGMA journal_mode="_s + mode);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(u"journal-set"_s);
    return done;
}

} // namespace

class TestBackendReadOnly final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_serial = 0;

    QString newFile() { return m_dir.filePath(u"ro-%1.sqlite3"_s.arg(++m_serial)); }

    // A backend file at schema version `version` holding one instance row, closed again.
    QString makeBackend(int version)
    {
        const QString file = newFile();
        auto backend = openSqlite(file, Backend::OpenMode::NoMigration);
        if (!backend || !backend->deployUpTo(version)) {
            return {};
        }
        InstanceRecord record;
        record.key = key(u"db1:3306"_s);
        record.reachable = true;
        record.clusterName = u"db1:3306"_s;
        if (!InstanceStore(*backend).write({ record })) {
            return {};
        }
        return file;
    }

private Q_SLOTS:
    void initTestCase() { isolateHome(m_dir); }

    void missingFileIsNotCreated_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("in an existing folder") << m_dir.filePath(u"missing.sqlite3"_s);
        QTest::newRow("in a missing folder") << m_dir.filePath(u"no-such-folder/sub/x.sqlite3"_s);
    }
    void missingFileIsNotCreated()
    {
        QFETCH(QString, file);
        auto opened = Backend::open(readOnlyConfig(file));
        QVERIFY(!opened);
        const QString message = opened.error().message;
        QVERIFY2(message.contains(file), qPrintable(message));
        QVERIFY2(message.contains(u"does not exist"_s), qPrintable(message));
        QVERIFY2(message.contains(u"read-only"_s), qPrintable(message));
        QVERIFY(!QFileInfo::exists(file));
        QVERIFY(!QFileInfo::exists(m_dir.filePath(u"no-such-folder"_s)));
    }

    void olderSchemaIsReadButNotMigrated()
    {
        const QString file = makeBackend(1);
        QVERIFY(!file.isEmpty());
        const QByteArray bytes = bytesOf(file);
        const QDateTime modified = QFileInfo(file).lastModified();
        const QString dump = sqliteDump(file);
        QVERIFY(!bytes.isEmpty());
        {
            auto opened = Backend::open(readOnlyConfig(file));
            QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
            const auto& backend = *opened;
            QVERIFY(backend->isReadOnly());
            QVERIFY(backend->isReadOnlyMode());
            QCOMPARE(backend->schemaVersion(), 1);
            QVERIFY(backend->lastBackupFile().isEmpty());
            const QString reason = backend->readOnlyReason();
            QVERIFY2(reason.contains(file), qPrintable(reason));
            QVERIFY2(reason.contains(u"upgrade-backend"_s), qPrintable(reason));
            QVERIFY2(reason.contains(u"version 1"_s), qPrintable(reason));

            // Readable as it is ...
            auto rows = InstanceStore(*backend).readAll();
            QVERIFY2(rows, qPrintable(rows ? QString() : rows.error().message));
            QCOMPARE(rows->size(), 1);
            // ... and not writable, by any path.
            InstanceRecord other;
            other.key = key(u"db2:3306"_s);
            other.reachable = true;
            auto written = InstanceStore(*backend).write({ other });
            QVERIFY(!written);
            QCOMPARE(written.error().message, reason);
            QVERIFY(!backend->upgrade(QString()));
            QVERIFY(!backend->deploy());
            QVERIFY(!backend->exec(u"DELETE FROM database_instance"_s));
            QCOMPARE(backend->schemaVersion(), 1);
        }
        QCOMPARE(bytesOf(file), bytes);
        QCOMPARE(QFileInfo(file).lastModified(), modified);
        QCOMPARE(sqliteDump(file), dump);
        QVERIFY(!QFileInfo::exists(file + u".v1-backup"_s));
    }

    void currentSchemaRefusesWritesAndKeepsItsJournalMode()
    {
        const QString file = makeBackend(Schema::currentVersion());
        QVERIFY(!file.isEmpty());
        QVERIFY(setJournalMode(file, u"delete"_s));
        QCOMPARE(journalMode(file), u"delete"_s);
        const QByteArray bytes = bytesOf(file);
        {
            auto opened = Backend::open(readOnlyConfig(file));
            QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
            const auto& backend = *opened;
            QVERIFY(backend->isReadOnly());
            const QString reason = backend->readOnlyReason();
            QVERIFY2(reason.contains(u"read-only mode"_s), qPrintable(reason));
            QVERIFY2(reason.contains(file), qPrintable(reason));
            QCOMPARE(InstanceStore(*backend).readAll().value().size(), 1);
            QVERIFY(!InstanceStore(*backend).forget(key(u"db1:3306"_s)));
            QVERIFY(!backend->exec(u"INSERT INTO topograph_schema (version) VALUES (42)"_s));
        }
        QCOMPARE(journalMode(file), u"delete"_s); // never switched to WAL
        QCOMPARE(bytesOf(file), bytes);
    }

    void notADatabaseIsNamed_data()
    {
        QTest::addColumn<bool>("readOnly");
        QTest::newRow("read-only mode") << true;
        QTest::newRow("normal mode") << false;
    }
    void notADatabaseIsNamed()
    {
        QFETCH(bool, readOnly);
        const QString file = newFile();
        QByteArray text;
        for (int i = 0; i < 200; ++i) {
            text += "this is a text file, not a database\n";
        }
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QCOMPARE(f.write(text), text.size());
        }
        Configuration config = sqliteConfig(file);
        config.readOnly = readOnly;
        auto opened = Backend::open(config);
        QVERIFY(!opened);
        const QString message = opened.error().message;
        QVERIFY2(message.contains(file), qPrintable(message));
        QVERIFY2(message.contains(u"not a SQLite database"_s), qPrintable(message));
        QCOMPARE(bytesOf(file), text);
    }

    void emptyFileHasNothingToRead()
    {
        const QString file = newFile();
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
        auto opened = Backend::open(readOnlyConfig(file));
        QVERIFY(!opened);
        const QString message = opened.error().message;
        QVERIFY2(message.contains(file), qPrintable(message));
        QVERIFY2(message.contains(u"no Topograph tables"_s), qPrintable(message));
        QCOMPARE(QFileInfo(file).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestBackendReadOnly)
#include "tst_backendreadonly.moc"
