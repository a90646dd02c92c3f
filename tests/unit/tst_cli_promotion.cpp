// topograph-cli's promotion commands against a SQLite backend: register-candidate writes the rule
// and its audit row, refuses bad rules listing the valid ones, and a registration stops counting
// after CandidateInstanceExpireMinutes; get-candidate-replica and
// internal-suggest-promoted-replacement answer from the registered rules.
#include <QTest>

#include "backend/instancestore.h"
#include "backendtestsupport.h"
#include "clirun.h"
#include "promotionfixture.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

class TestCliPromotion final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_backendFile;
    QString m_config;

    CliRun cli(const QStringList& args)
    {
        return runCli(QStringList { u"--config"_s, m_config, u"-c"_s } + args);
    }

private Q_SLOTS:
    void initTestCase()
    {
        isolateHome(m_dir);
        m_backendFile = m_dir.filePath(u"backend.sqlite3"_s);
        m_config = m_dir.filePath(u"topograph.json"_s);
        QFile file(m_config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"SQLite3DataFile\": \"" + m_backendFile.toUtf8()
            + "\", \"CandidateInstanceExpireMinutes\": 30}");
        file.close();
        QCOMPARE(cli({ u"redeploy-internal-db"_s }).exitCode, 0);
        auto backend = openSqlite(m_backendFile);
        QVERIFY(backend);
        // m with replicas a and b at the same position; b with replica c.
        InstanceRecord m = promotionReplica(u"m"_s, QString());
        InstanceRecord a = promotionReplica(u"a"_s);
        InstanceRecord b = promotionReplica(u"b"_s);
        InstanceRecord c = promotionReplica(u"c"_s, u"b"_s);
        for (InstanceRecord* r : { &m, &a, &b, &c }) {
            r->lastChecked = r->lastSeen = QDateTime::currentDateTimeUtc();
        }
        QVERIFY(InstanceStore(*backend).write({ m, a, b, c }));
    }

    void registerCandidate()
    {
        const CliRun run = cli({ u"register-candidate"_s, u"-i"_s, u"b:3306"_s,
            u"--promotion-rule"_s, u"prefer_not"_s });
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, u"b:3306\n"_s);
        auto backend = openSqlite(m_backendFile);
        QVERIFY(backend);
        QCOMPARE(rowCount(*backend, u"candidate_database_instance"_s,
                     u"hostname = 'b' AND promotion_rule = 'prefer_not'"_s),
            1);
        QCOMPARE(rowCount(*backend, u"audit"_s,
                     u"audit_type = 'register-candidate' AND hostname = 'b' AND "
                     "cluster_name = 'm:3306' AND message = 'prefer_not'"_s),
            1);
    }

    void defaultRuleIsPrefer()
    {
        const CliRun run = cli({ u"register-candidate"_s, u"-i"_s, u"unknown:3310"_s });
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, u"unknown:3310\n"_s);
        auto backend = openSqlite(m_backendFile);
        QCOMPARE(rowCount(*backend, u"candidate_database_instance"_s,
                     u"hostname = 'unknown' AND port = 3310 AND promotion_rule = 'prefer'"_s),
            1);
    }

    void badRulesAreRefused_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::newRow("unknown") << u"always"_s;
        QTest::newRow("must") << u"must"_s;
    }
    void badRulesAreRefused()
    {
        QFETCH(QString, rule);
        const QString before = sqliteDump(m_backendFile);
        const CliRun run
            = cli({ u"register-candidate"_s, u"-i"_s, u"a:3306"_s, u"--promotion-rule"_s, rule });
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.out, QString());
        QCOMPARE(run.errLines.size(), 1);
        const QString line = run.errLines.first();
        QVERIFY2(line.contains(u'"' + rule + u'"'), qPrintable(line));
        QVERIFY2(line.contains(u"prefer, neutral, prefer_not, must_not"_s), qPrintable(line));
        QCOMPARE(sqliteDump(m_backendFile), before);
    }

    void candidateReplicaFollowsRulesUntilTheyExpire()
    {
        // a and b tie; b's prefer_not puts a first.
        QCOMPARE(cli({ u"get-candidate-replica"_s, u"-i"_s, u"m:3306"_s }).out, u"a:3306\n"_s);
        QCOMPARE(cli({ u"register-candidate"_s, u"-i"_s, u"b:3306"_s }).exitCode, 0);
        QCOMPARE(cli({ u"get-candidate-replica"_s, u"-i"_s, u"m:3306"_s }).out, u"b:3306\n"_s);
        // 31 minutes later the registration no longer counts (CandidateInstanceExpireMinutes 30).
        auto backend = openSqlite(m_backendFile);
        QVERIFY(backend->exec(
            u"UPDATE candidate_database_instance SET last_suggested = ? WHERE hostname = 'b'"_s,
            { Backend::toDb(QDateTime::currentDateTimeUtc().addSecs(-31 * 60)) }));
        QCOMPARE(cli({ u"get-candidate-replica"_s, u"-i"_s, u"m:3306"_s }).out, u"a:3306\n"_s);
    }

    void candidateReplicaWithoutReplicas()
    {
        const CliRun run = cli({ u"get-candidate-replica"_s, u"-i"_s, u"a:3306"_s });
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.out, QString());
        QVERIFY(run.errLines.join(u'\n').contains(u"No replicas found for a:3306"_s));
    }

    void suggestPromotedReplacement()
    {
        // m died and b was promoted; c replicates from b and is a registered candidate.
        QCOMPARE(cli({ u"register-candidate"_s, u"-i"_s, u"c:3306"_s }).exitCode, 0);
        CliRun run = cli({ u"internal-suggest-promoted-replacement"_s, u"-i"_s, u"m:3306"_s,
            u"-d"_s, u"b:3306"_s });
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, u"c:3306\n"_s);
        run = cli({ u"internal-suggest-promoted-replacement"_s, u"-i"_s, u"m:3306"_s, u"-d"_s,
            u"nosuch:3306"_s });
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.errLines.join(u'\n').contains(u"nosuch:3306"_s));
    }
};

QTEST_GUILESS_MAIN(TestCliPromotion)
#include "tst_cli_promotion.moc"
