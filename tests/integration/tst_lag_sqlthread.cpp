// Real lag, seen by the sampler: on a throwaway sandbox with pt-heartbeat, a replica whose SQL
// thread is stopped shows a heartbeat lag that grows with the clock while its
// Seconds_Behind_Master is NULL, its sibling stays current, and once the SQL thread runs again
// its lag falls back under a second.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "db/mysqlsession.h"
#include "lag/lagsampler.h"
#include "lag/lagtargets.h"
#include "backend/instancestore.h"
#include "throwawaysandbox.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

class TestLagSqlThread final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static bool run(const Sandbox& sb, int n, const QString& sql)
    {
        auto s = MySqlSession::open(sb.settings(sb.instance(n)), u"test"_s);
        return s && (*s)->execute(sql);
    }

private Q_SLOTS:
    void stoppedSqlThreadLagsByTheHeartbeat()
    {
        auto started
            = ThrowawaySandbox::start(m_dir.filePath(u"sb"_s), u"gtid"_s, u"1>2,3"_s, 130, true);
        if (!started && started.error().code == ErrorCode::NotFound) {
            QSKIP(qPrintable(started.error().message));
        }
        QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
        ThrowawaySandbox& box = **started;
        auto records = InstanceStore(*box.backend).readAll();
        QVERIFY(records);
        const QList<LagTarget> targets = LagTargets::forCluster(*records);
        QCOMPARE(targets.size(), 3);
        const InstanceKey stopped = box.key(2);
        const InstanceKey sibling = box.key(3);

        LagSampler sampler(box.config);
        sampler.setTargets(targets);
        QHash<InstanceKey, QList<LagSample>> series;
        connect(&sampler, &LagSampler::sampled, this, [&](const QList<LagReading>& round) {
            for (const LagReading& r : round) {
                series[r.target.instance] << r.sample;
            }
        });
        sampler.start();
        // Heartbeat lag while everything replicates.
        QTRY_VERIFY_WITH_TIMEOUT(series.value(stopped).size() >= 2
                && series.value(stopped).last().source == LagSource::Heartbeat
                && series.value(stopped).last().lag,
            30000);

        QVERIFY(run(box.sandbox, 2, u"STOP SLAVE SQL_THREAD"_s));
        const qsizetype mark = series.value(stopped).size();
        QTRY_VERIFY_WITH_TIMEOUT(series.value(stopped).size() >= mark + 6, 30000);
        // The first sample after the stop may still predate it; from there on the lag grows.
        const QList<LagSample> after = series.value(stopped).mid(mark + 1);
        for (qsizetype i = 0; i < after.size(); ++i) {
            const LagSample& s = after.at(i);
            QVERIFY2(!s.secondsBehindMaster, "Seconds_Behind_Master is NULL while SQL stops");
            QCOMPARE(s.source, LagSource::Heartbeat);
            QVERIFY(s.lag);
            if (i > 0) {
                QVERIFY2(*s.lag > *after.at(i - 1).lag,
                    qPrintable(u"lag %1 after %2"_s.arg(*s.lag).arg(*after.at(i - 1).lag)));
            }
        }
        QVERIFY(*after.last().lag >= 2.0);
        QVERIFY(series.value(sibling).last().lag);
        QVERIFY(*series.value(sibling).last().lag < *after.last().lag);

        QVERIFY(run(box.sandbox, 2, u"START SLAVE SQL_THREAD"_s));
        QTRY_VERIFY_WITH_TIMEOUT(series.value(stopped).last().lag
                && *series.value(stopped).last().lag < 1.0
                && series.value(stopped).last().secondsBehindMaster == std::optional<qint64>(0),
            30000);
        QCOMPARE(series.value(stopped).last().source, LagSource::Heartbeat);
        sampler.shutdown();
    }
};

QTEST_GUILESS_MAIN(TestLagSqlThread)
#include "tst_lag_sqlthread.moc"
