// A backend that orchestrator 3.2.6 made (../shared/orchestrator-compat/schema, as orchestrator
// deploys it on SQLite): Topograph writes its probe answers there with only the columns the
// live table has (orchestrator's database_instance has no first_seen), the rows read back, and
// no orchestrator table's definition changes.
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include "backend/instancestore.h"
#include "backend/topologywriter.h"
#include "backendtestsupport.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

namespace {

// What orchestrator's own deployment leaves: its schema and its deployment row. Plain QtSql,
// the way a test builds a fixture; the backend code under test opens the file afterwards.
QString makeOrchestratorBackend(const QString& file)
{
    const QString schemaPath = qEnvironmentVariable("TOPOGRAPH_SOURCE_DIR")
        + u"/../shared/orchestrator-compat/schema/orchestrator-3.2.6-sqlite.sql"_s;
    QFile schema(schemaPath);
    if (!schema.open(QIODevice::ReadOnly)) {
        return u"cannot read %1 (../shared beside the clone)"_s.arg(schemaPath);
    }
    const QString text = QString::fromUtf8(schema.readAll());
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"orchestrator-fixture"_s);
        db.setDatabaseName(file);
        if (!db.open()) {
            return db.lastError().text();
        }
        QSqlQuery q(db);
        for (const QString& statement : text.split(u';')) {
            if (!statement.trimmed().isEmpty() && !q.exec(statement)) {
                error = q.lastError().text() + u": "_s + statement.left(80);
                break;
            }
        }
        if (error.isEmpty()
            && !q.exec(u"INSERT INTO orchestrator_db_deployments VALUES "
                       "('3.2.6', '2026-12-01 10:00:00')"_s)) {
            error = q.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(u"orchestrator-fixture"_s);
    return error;
}

// Every table, index and view definition but Topograph's own.
QStringList schemaDump(const QString& file)
{
    QStringList dump;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"orchestrator-dump"_s);
        db.setDatabaseName(file);
        db.open();
        QSqlQuery q(db);
        q.exec(u"SELECT type, name, sql FROM sqlite_master ORDER BY type, name"_s);
        while (q.next()) {
            if (!q.value(1).toString().startsWith(u"topograph_"_s)) {
                dump << q.value(0).toString() + u' ' + q.value(1).toString() + u": "_s
                        + q.value(2).toString();
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(u"orchestrator-dump"_s);
    return dump;
}

InstanceRecord probed(const QString& name, const QString& master = {})
{
    InstanceRecord r;
    r.key = key(name);
    r.reachable = true;
    r.version = u"10.11.6-MariaDB-log"_s;
    r.versionComment = u"Debian 12"_s;
    r.serverId = r.key.port;
    r.logBin = r.logSlaveUpdates = true;
    r.binlogFormat = u"ROW"_s;
    r.lastChecked = r.lastSeen = r.lastAttemptedCheck = QDateTime::currentDateTimeUtc();
    if (!master.isEmpty()) {
        r.masterKey = key(master);
        r.ioThreadRunning = r.sqlThreadRunning = true;
        r.secondsBehindMaster = 3;
    }
    return r;
}

} // namespace

class TestOrchestratorBackend final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { isolateHome(m_dir); }

    void probeAnswersAreWrittenWithTheLiveTablesColumns()
    {
        const QString file = m_dir.filePath(u"orchestrator.sqlite3"_s);
        if (const QString error = makeOrchestratorBackend(file); !error.isEmpty()) {
            QSKIP(qPrintable(u"no orchestrator-made backend: "_s + error));
        }
        const QStringList before = schemaDump(file);
        QVERIFY(before.join(u'\n').contains(u"orchestrator_db_deployments"_s));
        {
            auto backend = openSqlite(file);
            QVERIFY(backend);
            QVERIFY(!backend->hasColumn(u"database_instance"_s, u"first_seen"_s));
            QVERIFY(backend->hasColumn(u"database_instance"_s, u"gtid_errant"_s));
            const Configuration config = sqliteConfig(file);
            auto written
                = TopologyWriter(*backend, config)
                      .record({ probed(u"db1:3306"_s), probed(u"db2:3306"_s, u"db1:3306"_s),
                          probed(u"db3:3306"_s, u"db2:3306"_s) });
            QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().message));
            // Written again (an update of the same rows), as the next poll round does.
            written
                = TopologyWriter(*backend, config).record({ probed(u"db3:3306"_s, u"db1:3306"_s) });
            QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().message));
            auto rows = InstanceStore(*backend).readAll();
            QVERIFY(rows.ok());
            QCOMPARE(rows->size(), 3);
            auto db3 = InstanceStore(*backend).read(key(u"db3:3306"_s));
            QVERIFY(db3.ok() && db3->has_value());
            QCOMPARE((*db3)->masterKey, std::optional(key(u"db1:3306"_s)));
            QCOMPARE((*db3)->clusterName, u"db1:3306"_s);
            QCOMPARE((*db3)->replicationDepth, 1);
            QCOMPARE((*db3)->secondsBehindMaster, std::optional<qint64>(3));
            QCOMPARE((*db3)->versionComment, u"Debian 12"_s);
        }
        // Orchestrator reads its own columns as it wrote them: here the cluster and the master.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"orchestrator-read"_s);
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"SELECT cluster_name, master_host, master_port FROM database_instance "
                           "WHERE hostname = 'db2' AND port = 3306"_s));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), u"db1:3306"_s);
            QCOMPARE(q.value(1).toString(), u"db1"_s);
            QCOMPARE(q.value(2).toInt(), 3306);
            db.close();
        }
        QSqlDatabase::removeDatabase(u"orchestrator-read"_s);
        QCOMPARE(schemaDump(file), before);
    }
};

QTEST_GUILESS_MAIN(TestOrchestratorBackend)
#include "tst_orchestratorbackend.moc"
