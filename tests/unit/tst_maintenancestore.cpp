// Maintenance locks in orchestrator's database_instance_maintenance: one active lock per instance,
// a reason is required, and a lock past its end no longer counts.
#include <QTest>

#include "backend/maintenancestore.h"
#include "backendtestsupport.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

class TestMaintenanceStore final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Backend> m_backend;
    int m_serial = 0;
    const InstanceKey m_db1 = key(u"db1:3306"_s);
    const InstanceKey m_db2 = key(u"db2:3306"_s);

    // A lock row written the way orchestrator (or an earlier run) leaves it.
    void insertLock(const InstanceKey& k, qint64 endOffsetSeconds, const QString& owner)
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(m_backend->exec(u"INSERT INTO database_instance_maintenance (hostname, port, "
                                "maintenance_active, begin_timestamp, end_timestamp, owner, "
                                "reason) VALUES (?, ?, 1, ?, ?, ?, 'old work')"_s,
            { k.host, k.port, Backend::toDb(now.addSecs(-7200)),
                Backend::toDb(now.addSecs(endOffsetSeconds)), owner }));
    }

private Q_SLOTS:
    void initTestCase() { isolateHome(m_dir); }
    void init()
    {
        m_backend = openSqlite(m_dir.filePath(u"maintenance-%1.sqlite3"_s.arg(++m_serial)));
        QVERIFY(m_backend);
    }
    void cleanup() { m_backend.reset(); }

    void beginNeedsAReason_data()
    {
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << QString();
        QTest::newRow("blank") << u"  \t"_s;
    }
    void beginNeedsAReason()
    {
        QFETCH(QString, reason);
        auto lock = MaintenanceStore(*m_backend).begin(m_db1, u"alice"_s, reason, 10);
        QVERIFY(!lock.ok());
        QCOMPARE(lock.error().code, ErrorCode::InvalidInput);
        QVERIFY(lock.error().message.contains(u"reason"_s));
        QCOMPARE(rowCount(*m_backend, u"database_instance_maintenance"_s), 0);
    }

    void beginThenActiveThenEnd()
    {
        const MaintenanceStore store(*m_backend);
        auto lock = store.begin(m_db1, u"alice"_s, u"kernel upgrade"_s, 10);
        QVERIFY(lock.ok());
        QCOMPARE(lock->owner, u"alice"_s);
        QCOMPARE(lock->begin.secsTo(lock->end), 600);
        auto active = store.active(m_db1);
        QVERIFY(active.ok() && active->has_value());
        QCOMPARE((*active)->owner, u"alice"_s);
        QCOMPARE((*active)->reason, u"kernel upgrade"_s);
        QCOMPARE((*active)->key, m_db1);
        QVERIFY(!store.active(m_db2).value().has_value());
        QCOMPARE(store.allActive().value().size(), 1);

        auto ended = store.end(m_db1);
        QVERIFY(ended.ok());
        QVERIFY(*ended);
        QVERIFY(!store.active(m_db1).value().has_value());
        // Ended rows stay as history, and the instance can be locked again, and again.
        QVERIFY(store.begin(m_db1, u"bob"_s, u"second round"_s, 5).ok());
        QVERIFY(store.end(m_db1).value());
        QVERIFY(store.begin(m_db1, u"bob"_s, u"third round"_s, 5).ok());
        QCOMPARE(rowCount(*m_backend, u"database_instance_maintenance"_s), 3);
        QCOMPARE(
            rowCount(*m_backend, u"database_instance_maintenance"_s, u"maintenance_active = 1"_s),
            1);
    }

    void beginTwiceNamesTheOwner()
    {
        const MaintenanceStore store(*m_backend);
        QVERIFY(store.begin(m_db1, u"alice"_s, u"kernel upgrade"_s, 10).ok());
        auto second = store.begin(m_db1, u"bob"_s, u"schema change"_s, 10);
        QVERIFY(!second.ok());
        QCOMPARE(second.error().code, ErrorCode::Refused);
        QVERIFY2(second.error().message.contains(u"alice"_s), qPrintable(second.error().message));
        QVERIFY(second.error().message.contains(u"db1:3306"_s));
        QCOMPARE(store.active(m_db1).value()->owner, u"alice"_s);
        QCOMPARE(rowCount(*m_backend, u"database_instance_maintenance"_s), 1);
    }

    void endWithoutLockIsFalse()
    {
        const MaintenanceStore store(*m_backend);
        auto ended = store.end(m_db1);
        QVERIFY(ended.ok());
        QVERIFY(!*ended);
        QVERIFY(store.begin(m_db2, u"alice"_s, u"other"_s, 10).ok());
        QVERIFY(!store.end(m_db1).value()); // another instance's lock is not ended
        QVERIFY(store.active(m_db2).value().has_value());
    }

    void expiredLocksAreNotActive()
    {
        insertLock(m_db1, -60, u"carol"_s); // ended a minute ago, still flagged active
        insertLock(m_db2, 3600, u"dave"_s); // ends in an hour
        const MaintenanceStore store(*m_backend);
        QVERIFY(!store.active(m_db1).value().has_value());
        auto db2 = store.active(m_db2);
        QVERIFY(db2.ok() && db2->has_value());
        QCOMPARE((*db2)->owner, u"dave"_s);
        const auto all = store.allActive().value();
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.first().key, m_db2);

        auto expired = store.expireOld();
        QVERIFY(expired.ok());
        QCOMPARE(*expired, 1);
        QCOMPARE(
            rowCount(*m_backend, u"database_instance_maintenance"_s, u"maintenance_active = 1"_s),
            1);
        QCOMPARE(store.expireOld().value(), 0);
        QVERIFY(store.active(m_db2).value().has_value());
    }

    // orchestrator's maintenance clean-up (ExpireMaintenance, "expire dead") deletes every lock
    // that is not explicitly bounded and whose processing node is not one of its live nodes in
    // node_health. A Topograph lock must survive it; the rule itself does delete such a lock.
    void locksSurviveOrchestratorsDeadNodeCleanup()
    {
        QVERIFY(m_backend->exec(u"CREATE TABLE IF NOT EXISTS node_health (hostname varchar(128) "
                                "NOT NULL, token varchar(128) NOT NULL, last_seen_active "
                                "timestamp NULL)"_s));
        QVERIFY(m_backend->exec(u"INSERT INTO node_health (hostname, token, last_seen_active) "
                                "VALUES ('orc1', 'a1b2c3', ?)"_s,
            { Backend::toDb(QDateTime::currentDateTimeUtc()) }));
        const MaintenanceStore store(*m_backend);
        QVERIFY(store.begin(m_db1, u"alice"_s, u"kernel upgrade"_s, 10).ok());
        QVERIFY(m_backend->exec(u"INSERT INTO database_instance_maintenance (hostname, port, "
                                "maintenance_active, begin_timestamp, end_timestamp, owner, "
                                "reason, processing_node_hostname, processing_node_token, "
                                "explicitly_bounded) VALUES (?, ?, 1, ?, ?, 'gone', 'unbounded', "
                                "'dead-node', 'x', 0)"_s,
            { m_db2.host, m_db2.port, Backend::toDb(QDateTime::currentDateTimeUtc()),
                Backend::toDb(QDateTime::currentDateTimeUtc().addSecs(600)) }));

        auto expired = m_backend->exec(
            u"DELETE FROM database_instance_maintenance WHERE explicitly_bounded = 0 AND "
            "(processing_node_hostname || ':' || processing_node_token) NOT IN (SELECT "
            "hostname || ':' || token FROM node_health)"_s);
        QVERIFY(expired);
        QCOMPARE(*expired, 1); // the unbounded lock of a dead node
        QVERIFY(!store.active(m_db2).value().has_value());
        auto kept = store.active(m_db1);
        QVERIFY(kept.ok() && kept->has_value());
        QCOMPARE((*kept)->owner, u"alice"_s);
        QCOMPARE((*kept)->reason, u"kernel upgrade"_s);
    }

    void beginReplacesAnExpiredLock()
    {
        insertLock(m_db1, -1, u"carol"_s);
        const MaintenanceStore store(*m_backend);
        auto lock = store.begin(m_db1, u"alice"_s, u"after carol"_s, 10);
        QVERIFY2(lock.ok(), qPrintable(lock.ok() ? QString() : lock.error().message));
        QCOMPARE(store.active(m_db1).value()->owner, u"alice"_s);
    }
};

QTEST_GUILESS_MAIN(TestMaintenanceStore)
#include "tst_maintenancestore.moc"
