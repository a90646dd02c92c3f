// AnalysisReader on a SQLite backend (rows as orchestrator's fixtures write them, NULL last_seen
// and slave_hosts that is not JSON included), and DowntimeStore with the downtime commands' rules.
#include <QTemporaryDir>
#include <QTest>

#include "analysis/analysisreader.h"
#include "analysis/replicationanalyzer.h"
#include "backend/adminactions.h"
#include "backend/downtimestore.h"
#include "backendtestsupport.h"
#include "fleet/fleetproblems.h"

using namespace Qt::StringLiterals;

namespace topograph::test {

class TestAnalysisReader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Backend> m_backend;
    int m_file = 0;

    void insert(const QString& key, const QString& masterHost, int masterPort, int io,
        const QString& lastSeenSql)
    {
        const InstanceKey k = test::key(key);
        auto done = m_backend->exec(u"INSERT INTO database_instance (hostname, port, master_host, "
                                    "master_port, cluster_name, last_checked, "
                                    "last_attempted_check, last_seen, slave_io_running, "
                                    "slave_sql_running, log_bin, log_slave_updates, mariadb_gtid, "
                                    "slave_hosts) VALUES (?, ?, ?, ?, 'm:1', "
                                    "'2017-02-02 08:29:57', '2017-02-02 08:29:57', "_s
                + lastSeenSql + u", ?, 1, 1, 1, 1, ?)"_s,
            { k.host, k.port, masterHost.isNull() ? u""_s : masterHost, masterPort, io,
                u"[{\\\"Hostname\\\":\\\"m\\\",\\\"Port\\\":1}]"_s });
        QVERIFY2(done, qPrintable(done ? QString() : done.error().message));
    }

private Q_SLOTS:
    void initTestCase() { isolateHome(m_dir); }

    void init()
    {
        m_backend = openSqlite(m_dir.filePath(u"backend-%1.db"_s.arg(++m_file)));
        QVERIFY(m_backend);
    }

    void cleanup() { m_backend.reset(); }

    void readsFixtureRows()
    {
        // The compat fixtures' rewrite of "last_checked - interval 1 minute" leaves NULL.
        insert(u"m:1"_s, QString(), 0, 0, u"datetime('last_checked', '-1 minute')"_s);
        insert(u"r1:1"_s, u"m"_s, 1, 0, u"'2017-02-02 08:29:57'"_s);
        insert(u"r2:1"_s, u"m"_s, 1, 0, u"'2017-02-02 08:29:57'"_s);
        auto input = AnalysisReader(*m_backend).read(QDateTime::currentDateTimeUtc());
        QVERIFY2(input, qPrintable(input ? QString() : input.error().message));
        QCOMPARE(input->instances.size(), 3);
        const auto entries = ReplicationAnalyzer::analyze(*input, AnalysisSettings());
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().key, key(u"m:1"_s));
        QCOMPARE(entries.first().analysisString(), u"DeadMaster"_s);
        QCOMPARE(entries.first().countReplicas, 2);
    }

    void readsSideTables()
    {
        insert(u"m:1"_s, QString(), 0, 1, u"'2017-02-02 08:29:57'"_s);
        QVERIFY(m_backend->exec(u"INSERT INTO hostname_resolve (hostname, resolved_hostname, "
                                "resolved_timestamp) VALUES ('m', 'm.example.org', "
                                "'2017-02-02 08:29:57')"_s));
        QVERIFY(
            m_backend->exec(u"INSERT INTO database_instance_maintenance (hostname, port, "
                            "maintenance_active, owner, reason) VALUES ('m', 1, 1, 'o', 'r')"_s));
        QVERIFY(m_backend->exec(u"INSERT INTO database_instance_stale_binlog_coordinates "
                                "(hostname, port, binary_log_file, binary_log_pos, first_seen) "
                                "VALUES ('m', 1, 'bin.000001', 4, '2017-02-02 08:29:57')"_s));
        auto begun = DowntimeStore(*m_backend).begin(key(u"m:1"_s), u"o"_s, u"r"_s, 600);
        QVERIFY(begun);
        auto input = AnalysisReader(*m_backend).read(QDateTime::currentDateTimeUtc());
        QVERIFY(input);
        QCOMPARE(input->resolvedHostnames.value(u"m"_s), u"m.example.org"_s);
        QVERIFY(input->inMaintenance.contains(key(u"m:1"_s)));
        QCOMPARE(input->staleCoordinates.value(key(u"m:1"_s)).pos, 4);
        QCOMPARE(input->downtimeEnds.value(key(u"m:1"_s)).toSecsSinceEpoch(),
            begun->end.toSecsSinceEpoch());
    }

    void fleetProblemsFromTheBackend()
    {
        insert(u"m:1"_s, QString(), 0, 0, u"datetime('last_checked', '-1 minute')"_s);
        insert(u"r1:1"_s, u"m"_s, 1, 0, u"'2017-02-02 08:29:57'"_s);
        insert(u"r2:1"_s, u"m"_s, 1, 0, u"'2017-02-02 08:29:57'"_s);
        QVERIFY(m_backend->exec(u"UPDATE database_instance SET log_slave_updates = 0"_s));
        auto problems
            = FleetProblems::read(*m_backend, Configuration(), QDateTime::currentDateTimeUtc());
        QVERIFY(problems);
        QCOMPARE(problems->size(), 2);
        QCOMPARE(problems->at(0).code, u"DeadMaster"_s);
        QVERIFY(!problems->at(0).structureWarning);
        QCOMPARE(problems->at(0).description,
            u"The master cannot be reached and none of its replicas is replicating from it."_s);
        QCOMPARE(problems->at(1).code, u"NoLoggingReplicasStructureWarning"_s);
        QVERIFY(problems->at(1).structureWarning);
        QCOMPARE(problems->at(1).cluster, u"m:1"_s);
    }

    void fleetProblemsReportAFailedRead()
    {
        QVERIFY(m_backend->exec(u"DROP TABLE database_instance_downtime"_s));
        auto problems
            = FleetProblems::read(*m_backend, Configuration(), QDateTime::currentDateTimeUtc());
        QVERIFY(!problems);
        QVERIFY2(problems.error().message.contains(u"database_instance_downtime"_s)
                || problems.error().detail.contains(u"database_instance_downtime"_s),
            qPrintable(problems.error().message + u" / "_s + problems.error().detail));
    }

    void noWriteableMasterIsOneProblem()
    {
        AnalysisEntry entry;
        entry.key = key(u"m:1"_s);
        entry.clusterName = u"m:1"_s;
        entry.analysis = AnalysisCode::NoWriteableMasterStructureWarning;
        entry.structureWarnings = { AnalysisCode::NoWriteableMasterStructureWarning };
        const QList<Problem> problems = FleetProblems::fromEntries({ entry });
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems.first().structureWarning);
    }

    void downtimeBeginsReplacesAndEnds()
    {
        DowntimeStore store(*m_backend);
        const InstanceKey k = key(u"m:1"_s);
        QVERIFY(store.begin(k, u"o"_s, u"first"_s, 60));
        QVERIFY(store.begin(k, u"o"_s, u"second"_s, 120));
        QCOMPARE(rowCount(*m_backend, u"database_instance_downtime"_s), 1);
        auto active = store.active(k);
        QVERIFY(active && *active);
        QCOMPARE((*active)->reason, u"second"_s);
        QCOMPARE(store.end(k).valueOr(false), true);
        QCOMPARE(store.end(k).valueOr(true), false);
        QVERIFY(store.active(k) && !*store.active(k));
        QVERIFY(!store.begin(k, u"o"_s, QString(), 60));
    }

    void downtimeIsAudited()
    {
        AdminActions actions(*m_backend);
        QVERIFY(actions.beginDowntime(key(u"m:1"_s), u"m:1"_s, u"o"_s, u"r"_s, 60));
        QVERIFY(actions.endDowntime(key(u"m:1"_s)));
        QCOMPARE(rowCount(*m_backend, u"audit"_s, u"audit_type = 'begin-downtime'"_s), 1);
        QCOMPARE(rowCount(*m_backend, u"audit"_s, u"audit_type = 'end-downtime'"_s), 1);
    }

    void downtimeRefusedReadOnly()
    {
        const QString file = m_dir.filePath(u"backend-%1.db"_s.arg(m_file));
        m_backend.reset();
        Configuration config = sqliteConfig(file);
        config.readOnly = true;
        auto readOnly = Backend::open(config);
        QVERIFY(readOnly);
        QVERIFY(!DowntimeStore(**readOnly).begin(key(u"m:1"_s), u"o"_s, u"r"_s, 60));
        QVERIFY(!DowntimeStore(**readOnly).end(key(u"m:1"_s)));
    }

    void parseDuration_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("seconds");
        QTest::newRow("empty") << QString() << qint64(0);
        QTest::newRow("plain") << u"30"_s << qint64(30);
        QTest::newRow("s") << u"45s"_s << qint64(45);
        QTest::newRow("m") << u"10m"_s << qint64(600);
        QTest::newRow("h") << u"2h"_s << qint64(7200);
        QTest::newRow("d") << u"1d"_s << qint64(86400);
        QTest::newRow("bad") << u"1w"_s << qint64(-1);
        QTest::newRow("negative") << u"-5m"_s << qint64(-1);
    }
    void parseDuration()
    {
        QFETCH(QString, text);
        QFETCH(qint64, seconds);
        auto parsed = DowntimeStore::parseDuration(text);
        QCOMPARE(parsed ? *parsed : qint64(-1), seconds);
    }
};

} // namespace topograph::test

QTEST_GUILESS_MAIN(topograph::test::TestAnalysisReader)
#include "tst_analysisreader.moc"
