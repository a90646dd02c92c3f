// candidate_database_instance through CandidateStore and AdminActions: registering replaces the
// rule and is audited, rules expire after CandidateInstanceExpireMinutes, rows without a time
// count as current, and rule names Topograph does not know are ignored.
#include <QTest>

#include "backend/adminactions.h"
#include "backend/candidatestore.h"
#include "backendtestsupport.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

class TestCandidateStore final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Backend> m_backend;
    int m_serial = 0;
    const InstanceKey m_db1 = key(u"db1:3306"_s);
    const InstanceKey m_db2 = key(u"db2:3306"_s);

private Q_SLOTS:
    void initTestCase() { isolateHome(m_dir); }
    void init()
    {
        m_backend = openSqlite(m_dir.filePath(u"candidates-%1.sqlite3"_s.arg(++m_serial)));
        QVERIFY(m_backend);
    }
    void cleanup() { m_backend.reset(); }

    void registerReplacesTheRule()
    {
        const CandidateStore store(*m_backend, 60);
        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
        auto expires = store.registerCandidate(m_db1, PromotionRule::Prefer);
        QVERIFY(expires);
        QVERIFY(*expires >= before.addSecs(3600));
        QVERIFY(*expires <= QDateTime::currentDateTimeUtc().addSecs(3601));
        QVERIFY(store.registerCandidate(m_db1, PromotionRule::PreferNot));
        QVERIFY(store.registerCandidate(m_db2, PromotionRule::MustNot));
        auto rules = store.rules();
        QVERIFY(rules);
        QCOMPARE(rules->size(), 2);
        QCOMPARE(rules->value(m_db1), PromotionRule::PreferNot);
        QCOMPARE(rules->value(m_db2), PromotionRule::MustNot);
        QCOMPARE(rowCount(*m_backend, u"candidate_database_instance"_s), 2);
    }

    void rulesExpire()
    {
        const CandidateStore store(*m_backend, 30);
        QVERIFY(store.registerCandidate(m_db1, PromotionRule::Prefer));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto current = store.rules(now.addSecs(29 * 60));
        QVERIFY(current);
        QCOMPARE(current->value(m_db1, PromotionRule::Neutral), PromotionRule::Prefer);
        auto expired = store.rules(now.addSecs(31 * 60));
        QVERIFY(expired);
        QVERIFY(expired->isEmpty());
        // A longer CandidateInstanceExpireMinutes keeps the same row.
        auto longer = CandidateStore(*m_backend, 60).rules(now.addSecs(31 * 60));
        QVERIFY(longer && longer->contains(m_db1));
    }

    void rowsWithoutTimeAndUnknownRules()
    {
        QVERIFY(m_backend->exec(u"INSERT INTO candidate_database_instance (hostname, port, "
                                "promotion_rule) VALUES ('db1', 3306, 'must'), "
                                "('db2', 3306, 'bogus')"_s));
        auto rules
            = CandidateStore(*m_backend, 1).rules(QDateTime::currentDateTimeUtc().addDays(9));
        QVERIFY(rules);
        QCOMPARE(rules->size(), 1);
        QCOMPARE(rules->value(m_db1), PromotionRule::Must);
    }

    void adminActionIsAudited()
    {
        auto expires = AdminActions(*m_backend)
                           .registerCandidate(m_db1, u"db0:3306"_s, PromotionRule::Neutral, 60);
        QVERIFY(expires);
        auto rows = m_backend->select(
            u"SELECT audit_type, hostname, port, cluster_name, message FROM audit"_s);
        QVERIFY(rows);
        QCOMPARE(rows->size(), 1);
        const SqlRow& row = rows->first();
        QCOMPARE(row.value(u"audit_type"_s).toString(), u"register-candidate"_s);
        QCOMPARE(row.value(u"hostname"_s).toString(), u"db1"_s);
        QCOMPARE(row.value(u"port"_s).toInt(), 3306);
        QCOMPARE(row.value(u"cluster_name"_s).toString(), u"db0:3306"_s);
        QCOMPARE(row.value(u"message"_s).toString(), u"neutral"_s);
    }
};

QTEST_GUILESS_MAIN(TestCandidateStore)
#include "tst_candidatestore.moc"
