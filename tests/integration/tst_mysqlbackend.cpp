// The shared MySQL/MariaDB backend (DESIGN §4) on the sandbox primary, one fresh database per
// test: an empty or older schema stays read-only until -c redeploy-internal-db / upgrade-backend,
// a newer one is refused, and instance rows round-trip with UTC timestamps.
#include <QRandomGenerator>
#include <QTest>

#include <ctime>

#include "backend/backend.h"
#include "backend/instancestore.h"
#include "backend/tagstore.h"
#include "db/mysqlsession.h"
#include "recordfixture.h"
#include "sandboxfixture.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

class TestMySqlBackend final : public QObject
{
    Q_OBJECT

private:
    std::optional<Sandbox> m_sandbox;
    std::unique_ptr<MySqlSession> m_admin;
    QString m_database;

    Configuration config() const
    {
        Configuration c;
        c.backendDb = u"mysql"_s;
        c.mysqlOrchestratorHost = m_sandbox->primary().key.host;
        c.mysqlOrchestratorPort = m_sandbox->primary().key.port;
        c.mysqlOrchestratorDatabase = m_database;
        c.mysqlOrchestratorCredentialsConfigFile
            = m_sandbox->config.mysqlTopologyCredentialsConfigFile;
        return c;
    }
    std::unique_ptr<Backend> open(Backend::OpenMode mode = Backend::OpenMode::Normal)
    {
        auto opened = Backend::open(config(), mode);
        if (!opened) {
            qWarning("cannot open the backend: %s", qPrintable(opened.error().message));
            return nullptr;
        }
        return std::move(opened).value();
    }
    QStringList tables() const
    {
        QStringList names;
        auto rows = m_admin->query(u"SELECT table_name AS t FROM information_schema.tables WHERE "
                                   "table_schema = '%1' ORDER BY 1"_s.arg(m_database));
        if (rows) {
            for (const SqlRow& row : *rows) {
                names << row.value(u"t"_s).toString();
            }
        }
        return names;
    }
    static QStringList schemaTables()
    {
        QStringList names;
        for (const TableDef& t : Schema::tables()) {
            names << t.name;
        }
        names.sort();
        return names;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto sandbox = Sandbox::fromEnvironment(u"gtid"_s);
        if (!sandbox) {
            QSKIP(qPrintable(sandbox.error().message));
        }
        m_sandbox = *sandbox;
        // Run in a zone far from UTC, so that a time taken as local anywhere shows up.
        qputenv("TZ", "America/New_York");
        tzset();
        auto admin = MySqlSession::open(m_sandbox->settings(m_sandbox->primary()), u"bt-admin"_s);
        QVERIFY2(admin.ok(), qPrintable(admin.ok() ? QString() : admin.error().message));
        m_admin = std::move(admin).value();
    }
    void init()
    {
        m_database
            = u"topograph_bt_%1"_s.arg(QRandomGenerator::global()->generate(), 8, 16, QChar(u'0'));
        QVERIFY(m_admin->execute(u"CREATE DATABASE "_s + m_database).ok());
    }
    void cleanup()
    {
        if (m_admin && !m_database.isEmpty()) {
            QVERIFY(m_admin->execute(u"DROP DATABASE IF EXISTS "_s + m_database).ok());
        }
    }

    void emptyDatabaseWaitsForRedeploy()
    {
        auto backend = open();
        QVERIFY(backend);
        QCOMPARE(backend->flavor(), SqlFlavor::MySQL);
        QVERIFY(backend->isReadOnly());
        QCOMPARE(backend->schemaVersion(), 0);
        QVERIFY2(backend->readOnlyReason().contains(u"-c redeploy-internal-db"_s),
            qPrintable(backend->readOnlyReason()));
        QVERIFY(!backend->readOnlyReason().contains(u"topograph-sandbox"_s)); // no password
        QVERIFY(tables().isEmpty()); // opening never runs DDL on MySQL
        InstanceRecord record;
        record.key = m_sandbox->primary().key;
        record.reachable = true;
        QVERIFY(!InstanceStore(*backend).write({ record }));

        QVERIFY(backend->deploy());
        QVERIFY(!backend->isReadOnly());
        QCOMPARE(backend->schemaVersion(), Schema::currentVersion());
        QCOMPARE(tables(), schemaTables());
        QVERIFY(InstanceStore(*backend).write({ record }));
        QVERIFY(backend->deploy()); // idempotent
        auto versions
            = m_admin->queryRow(u"SELECT COUNT(*) AS n FROM %1.topograph_schema"_s.arg(m_database));
        QVERIFY(versions.ok());
        QCOMPARE(versions->value(u"n"_s).toInt(), Schema::migrations().size());
    }

    void instanceRoundTripKeepsUtc_data()
    {
        QTest::addColumn<int>("flavor");
        QTest::newRow("mariadb") << static_cast<int>(Flavor::MariaDB);
        QTest::newRow("mysql") << static_cast<int>(Flavor::MySQL);
    }
    void instanceRoundTripKeepsUtc()
    {
        QFETCH(int, flavor);
        {
            auto backend = open(Backend::OpenMode::NoMigration);
            QVERIFY(backend && backend->deploy());
        }
        auto backend = open();
        QVERIFY(backend && !backend->isReadOnly());
        InstanceRecord r = fullRecord(static_cast<Flavor>(flavor));
        // The same instant as kT0, given in another zone and with milliseconds.
        r.lastChecked
            = QDateTime(QDate(2024, 3, 1), QTime(14, 30, 45, 500), Qt::OffsetFromUTC, 7200);
        r.lastSqlError = u"Error 'Duplicate entry '1' for key 'PRIMARY'' on query"_s;
        QVERIFY(InstanceStore(*backend).write({ r }));

        auto read = InstanceStore(*backend).read(r.key);
        QVERIFY(read.ok() && read->has_value());
        verifyStoredFields(**read, r);
        if (QTest::currentTestFailed()) {
            return;
        }
        QCOMPARE((*read)->lastChecked.timeSpec(), Qt::UTC);

        // What other clients (orchestrator, a mysql shell) see: the same instant.
        auto raw = m_admin->queryRow(
            u"SELECT UNIX_TIMESTAMP(last_seen) AS t FROM %1.database_instance"_s.arg(m_database));
        QVERIFY(raw.ok());
        QCOMPARE(raw->value(u"t"_s).toLongLong(), kT0.toSecsSinceEpoch());

        QVERIFY(TagStore(*backend).tag(r.key, u"role"_s, u"backup"_s));
        QCOMPARE(
            TagStore(*backend).tagged({ TagCondition::parse(u"role=backup"_s).value() }).value(),
            QList<InstanceKey>({ r.key }));
        QVERIFY(InstanceStore(*backend).forget(r.key).value());
        QVERIFY(TagStore(*backend).all().value().isEmpty());
    }

    void olderSchemaNeedsUpgradeBackend()
    {
        {
            auto backend = open(Backend::OpenMode::NoMigration);
            QVERIFY(backend && backend->deployUpTo(1));
            QCOMPARE(backend->schemaVersion(), 1);
        }
        QVERIFY(!tables().contains(u"topograph_lag_samples"_s));
        {
            auto backend = open();
            QVERIFY(backend);
            QCOMPARE(backend->schemaVersion(), 1); // never migrated implicitly
            QVERIFY(backend->isReadOnly());
            QVERIFY2(backend->readOnlyReason().contains(u"upgrade-backend"_s),
                qPrintable(backend->readOnlyReason()));
            QVERIFY(backend->lastBackupFile().isEmpty());
            QVERIFY(!tables().contains(u"topograph_lag_samples"_s));
        }
        auto backend = open(Backend::OpenMode::NoMigration);
        QVERIFY(backend);
        auto upgraded = backend->upgrade(QString());
        QVERIFY2(upgraded.ok(), qPrintable(upgraded.ok() ? QString() : upgraded.error().message));
        QCOMPARE(backend->schemaVersion(), Schema::currentVersion());
        QVERIFY(!backend->isReadOnly());
        QCOMPARE(tables(), schemaTables());
        backend.reset();
        auto reopened = open();
        QVERIFY(reopened && !reopened->isReadOnly());
        QCOMPARE(reopened->schemaVersion(), Schema::currentVersion());
    }

    // Read-only mode (ReadOnly, --read-only): an older schema is read as it is; not even
    // upgrade-backend's own open migrates it, and the server refuses the session's writes.
    void olderSchemaInReadOnlyModeIsNotMigrated()
    {
        {
            auto backend = open(Backend::OpenMode::NoMigration);
            QVERIFY(backend && backend->deployUpTo(1));
        }
        const QStringList before = tables();
        QVERIFY(!before.contains(u"topograph_lag_samples"_s));
        Configuration readOnly = config();
        readOnly.readOnly = true;
        for (const auto mode : { Backend::OpenMode::Normal, Backend::OpenMode::NoMigration }) {
            auto opened = Backend::open(readOnly, mode);
            QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
            const auto& backend = *opened;
            QVERIFY(backend->isReadOnlyMode());
            QVERIFY(backend->isReadOnly());
            QCOMPARE(backend->schemaVersion(), 1);
            const QString reason = backend->readOnlyReason();
            QVERIFY2(reason.contains(m_database), qPrintable(reason));
            QVERIFY2(reason.contains(u"upgrade-backend"_s), qPrintable(reason));
            QVERIFY(InstanceStore(*backend).readAll().ok());
            QVERIFY(!backend->upgrade(QString()).ok());
            QVERIFY(!backend->deploy().ok());
            InstanceRecord record;
            record.key = m_sandbox->primary().key;
            record.reachable = true;
            auto written = InstanceStore(*backend).write({ record });
            QVERIFY(!written.ok());
            QCOMPARE(written.error().message, reason);
            // Past requireWritable, the server itself refuses.
            QVERIFY(!backend->exec(u"INSERT INTO topograph_schema (version) VALUES (42)"_s).ok());
        }
        QCOMPARE(tables(), before);
        auto versions = m_admin->queryRow(
            u"SELECT MAX(version) AS v, COUNT(*) AS n FROM %1.topograph_schema"_s.arg(m_database));
        QVERIFY(versions.ok());
        QCOMPARE(versions->value(u"v"_s).toInt(), 1);
        QCOMPARE(versions->value(u"n"_s).toInt(), 1);
    }

    void emptyDatabaseInReadOnlyModeIsRefused()
    {
        Configuration readOnly = config();
        readOnly.readOnly = true;
        auto opened = Backend::open(readOnly);
        QVERIFY(!opened);
        QVERIFY2(opened.error().message.contains(m_database), qPrintable(opened.error().message));
        QVERIFY(tables().isEmpty());
    }

    void newerSchemaIsRefused()
    {
        {
            auto backend = open(Backend::OpenMode::NoMigration);
            QVERIFY(backend && backend->deploy());
        }
        QVERIFY(m_admin->execute(u"INSERT INTO %1.topograph_schema (version, description, "
                                 "app_version) VALUES (99, 'future', '9.9.9')"_s.arg(m_database)));
        for (const auto mode : { Backend::OpenMode::Normal, Backend::OpenMode::NoMigration }) {
            auto backend = open(mode);
            QVERIFY(backend);
            QVERIFY(backend->isReadOnly());
            const QString reason = backend->readOnlyReason();
            QVERIFY2(reason.contains(u"version 99"_s), qPrintable(reason));
            QVERIFY2(
                reason.contains(u"version %1"_s.arg(Schema::currentVersion())), qPrintable(reason));
            QVERIFY2(reason.contains(u"9.9.9"_s), qPrintable(reason));
            InstanceRecord record;
            record.key = m_sandbox->primary().key;
            record.reachable = true;
            auto written = InstanceStore(*backend).write({ record });
            QVERIFY(!written.ok());
            QCOMPARE(written.error().message, reason);
            QVERIFY(!backend->upgrade(QString()).ok());
            QVERIFY(!backend->deploy().ok());
        }
        auto count = m_admin->queryRow(
            u"SELECT COUNT(*) AS n FROM %1.database_instance"_s.arg(m_database));
        QVERIFY(count.ok());
        QCOMPARE(count->value(u"n"_s).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestMySqlBackend)
#include "tst_mysqlbackend.moc"
