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
#include "../support/orchestratorfixture.h"
#include "backendtestsupport.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

namespace {

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
        const QStringList before = orchestratorSchemaDump(file);
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
        QCOMPARE(
            orchestratorColumn(file, u"db2"_s, 3306, u"cluster_name"_s).toString(), u"db1:3306"_s);
        QCOMPARE(orchestratorColumn(file, u"db2"_s, 3306, u"master_host"_s).toString(), u"db1"_s);
        QCOMPARE(orchestratorColumn(file, u"db2"_s, 3306, u"master_port"_s).toInt(), 3306);
        QCOMPARE(orchestratorSchemaDump(file), before);
    }
};

QTEST_GUILESS_MAIN(TestOrchestratorBackend)
#include "tst_orchestratorbackend.moc"
