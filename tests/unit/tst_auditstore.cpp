// The audit table: one row per operation, read newest first, optionally for one instance; a
// read-only backend refuses to write.
#include <QTemporaryDir>
#include <QTest>

#include "backend/auditstore.h"
#include "backendtestsupport.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

class TestAuditStore final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { isolateHome(m_dir); }

    void writesAndReadsNewestFirst()
    {
        auto backend = openSqlite(m_dir.filePath(u"audit.sqlite3"_s));
        QVERIFY(backend);
        const AuditStore audit(*backend);
        QVERIFY(audit.write(u"relocate"_s, key(u"r1"_s), u"m:3306"_s, u"GTID: ok"_s).ok());
        QVERIFY(audit.write(u"move-up"_s, key(u"r2"_s), u"m:3306"_s, u"file:pos: ok"_s).ok());
        QVERIFY(audit.write(u"forget"_s, key(u"r1"_s), QString(), u"forgotten"_s).ok());

        auto all = audit.recent(10);
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 3);
        QCOMPARE(all->at(0).type, u"forget"_s);
        QCOMPARE(all->at(2).type, u"relocate"_s);
        QCOMPARE(all->at(2).message, u"GTID: ok"_s);
        QCOMPARE(all->at(2).clusterName, u"m:3306"_s);
        QVERIFY(all->at(2).when.isValid());

        auto ofR1 = audit.recent(10, key(u"r1"_s));
        QVERIFY(ofR1.ok());
        QCOMPARE(ofR1->size(), 2);
        auto limited = audit.recent(1);
        QVERIFY(limited.ok());
        QCOMPARE(limited->size(), 1);
    }

    void recordsTheOwnerAndReadsOnlyNewerRows()
    {
        auto backend = openSqlite(m_dir.filePath(u"owner.sqlite3"_s));
        QVERIFY(backend);
        const AuditStore audit(*backend);
        QVERIFY(audit.write(u"relocate"_s, key(u"r1"_s), u"m:3306"_s, u"ok"_s, u"alice"_s).ok());
        QVERIFY(audit.write(u"forget"_s, key(u"r2"_s), QString(), u"forgotten"_s).ok());
        // A row another tool wrote has no owner.
        QVERIFY(backend
                    ->exec(u"INSERT INTO audit (audit_timestamp, audit_type, hostname, port, "
                           "cluster_name, message) VALUES ('2026-12-02 10:00:00', 'relocate', "
                           "'r3', 3306, '', 'by orchestrator')"_s)
                    .ok());
        auto all = audit.recent(10);
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 3);
        QCOMPARE(all->at(2).owner, u"alice"_s);
        QCOMPARE(all->at(1).owner, AuditStore::defaultOwner());
        QVERIFY(!AuditStore::defaultOwner().isEmpty());
        QCOMPARE(all->at(0).owner, QString());
        // Only the rows after a given one: what the audit dock asks for after each poll.
        auto newer = audit.recent(10, std::nullopt, all->at(2).id);
        QVERIFY(newer.ok());
        QCOMPARE(newer->size(), 2);
        QCOMPARE(newer->at(1).type, u"forget"_s);
        auto none = audit.recent(10, std::nullopt, all->at(0).id);
        QVERIFY(none.ok());
        QVERIFY(none->isEmpty());
    }

    void readOnlyBackendRefuses()
    {
        const QString file = m_dir.filePath(u"newer.sqlite3"_s);
        {
            auto backend = openSqlite(file);
            QVERIFY(backend);
            QVERIFY(backend
                        ->exec(u"INSERT INTO topograph_schema (version, description, app_version) "
                               "VALUES (99, 'future', '9.9.9')"_s)
                        .ok());
        }
        auto backend = openSqlite(file);
        QVERIFY(backend);
        auto written = AuditStore(*backend).write(u"relocate"_s, key(u"r1"_s), QString(), u"x"_s);
        QVERIFY(!written.ok());
        QCOMPARE(rowCount(*backend, u"audit"_s), 0);
    }
};

QTEST_GUILESS_MAIN(TestAuditStore)
#include "tst_auditstore.moc"
