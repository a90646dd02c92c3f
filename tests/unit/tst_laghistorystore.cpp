// The persisted lag history: samples folded into 10 s steps (the largest lag of each, with its
// source; a step where nothing answered is a gap), written to topograph_lag_samples and read
// back with their source, pruned by age (LagHistoryDays); schema 3 adds the source column to a
// schema-2 backend and keeps its rows.
#include <QTest>

#include "backend/laghistorystore.h"
#include "backend/schema.h"
#include "backendtestsupport.h"
#include "lag/lagstepaggregator.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

namespace {

const QDateTime kT0(QDate(2026, 12, 2), QTime(15, 35, 0), Qt::UTC);

LagSample sample(double secondsAfter, std::optional<double> lag,
    LagSource source = LagSource::Heartbeat, std::optional<qint64> sbm = 0)
{
    LagSample s;
    s.at = kT0.addMSecs(static_cast<qint64>(secondsAfter * 1000));
    s.lag = lag;
    s.source = source;
    s.heartbeat = source == LagSource::Heartbeat ? lag : std::nullopt;
    s.secondsBehindMaster = sbm;
    return s;
}

} // namespace

class TestLagHistoryStore final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;
    QString newFile() { return m_dir.filePath(u"lag-%1.sqlite3"_s.arg(++m_files)); }

private Q_SLOTS:
    void initTestCase() { isolateHome(m_dir); }

    void stepsKeepTheLargestLag()
    {
        LagStepAggregator steps;
        const InstanceKey a = key(u"db2:3306"_s);
        const InstanceKey b = key(u"db3:3306"_s);
        steps.add(a, sample(0.2, 0.4));
        steps.add(a, sample(1.2, 7.5, LagSource::SecondsBehindMaster, 7)); // the spike
        steps.add(a, sample(2.2, std::nullopt)); // a gap inside a step: the step has values
        steps.add(a, sample(3.2, 0.6, LagSource::Heartbeat, 2));
        steps.add(b, sample(0.5, std::nullopt, LagSource::Heartbeat, std::nullopt));
        steps.add(b, sample(9.9, std::nullopt, LagSource::Heartbeat, std::nullopt));
        QVERIFY(steps.takeCompleted(kT0.addSecs(9)).isEmpty()); // still open
        steps.add(a, sample(10.1, 0.3)); // the next step begins
        KeyedLagSamples done = steps.takeCompleted(kT0.addMSecs(10100));
        QCOMPARE(done.size(), 2);
        std::sort(done.begin(), done.end(),
            [](const auto& x, const auto& y) { return x.first < y.first; });
        QCOMPARE(done.at(0).first, a);
        const LagSample& stepA = done.at(0).second;
        QCOMPARE(stepA.at, kT0); // stamped with its start
        QCOMPARE(stepA.lag, std::optional(7.5));
        QCOMPARE(stepA.source, LagSource::SecondsBehindMaster); // the spike's source
        QCOMPARE(stepA.secondsBehindMaster, std::optional<qint64>(7));
        QCOMPARE(stepA.heartbeat, std::optional(0.6));
        QCOMPARE(done.at(1).first, b);
        QVERIFY(!done.at(1).second.lag); // nothing answered: a gap, never a zero
        const KeyedLagSamples rest = steps.takeAll(); // the open step, at stop
        QCOMPARE(rest.size(), 1);
        QCOMPARE(rest.first().second.at, kT0.addSecs(10));
        QCOMPARE(rest.first().second.lag, std::optional(0.3));
        QVERIFY(steps.takeAll().isEmpty());
    }

    void stepsAlignOnTheEpoch()
    {
        QCOMPARE(LagStepAggregator::stepStart(kT0.addMSecs(9999), 10), kT0);
        QCOMPARE(LagStepAggregator::stepStart(kT0.addSecs(10), 10), kT0.addSecs(10));
        QCOMPARE(LagStepAggregator::stepStart(QDateTime::fromMSecsSinceEpoch(-1, Qt::UTC), 10),
            QDateTime::fromMSecsSinceEpoch(-10000, Qt::UTC));
    }

    void writtenStepsReadBackWithTheirSource()
    {
        auto backend = openSqlite(newFile());
        QVERIFY(backend);
        const LagHistoryStore store(*backend);
        const InstanceKey a = key(u"db2:3306"_s);
        QVERIFY(store.write(
            { { a, sample(0, 1.5) }, { a, sample(10, 2.0, LagSource::SecondsBehindMaster, 2) },
                { a, sample(20, std::nullopt, LagSource::Heartbeat, std::nullopt) },
                { key(u"db3:3306"_s), sample(0, 9.0, LagSource::Query) } }));
        // A step written again (a restart within it) replaces the row.
        QVERIFY(store.write({ { a, sample(10, 3.0, LagSource::Query, 3) } }));
        auto read = store.read(a, kT0);
        QVERIFY(read);
        QCOMPARE(read->size(), 3);
        QCOMPARE(read->at(0).at, kT0);
        QCOMPARE(read->at(0).lag, std::optional(1.5));
        QCOMPARE(read->at(0).heartbeat, std::optional(1.5));
        QCOMPARE(read->at(0).source, LagSource::Heartbeat);
        QCOMPARE(read->at(1).lag, std::optional(3.0));
        QCOMPARE(read->at(1).source, LagSource::Query);
        QCOMPARE(read->at(1).secondsBehindMaster, std::optional<qint64>(3));
        QVERIFY(!read->at(2).lag); // the gap survives
        QVERIFY(!read->at(2).secondsBehindMaster);
        QCOMPARE(store.read(a, kT0.addSecs(5))->size(), 2);
        QCOMPARE(store.read(a, kT0, kT0.addSecs(10))->size(), 1);
    }

    void pruneKeepsLagHistoryDays()
    {
        auto backend = openSqlite(newFile());
        QVERIFY(backend);
        const LagHistoryStore store(*backend);
        const InstanceKey a = key(u"db2:3306"_s);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        LagSample old = sample(0, 1.0);
        old.at = now.addDays(-8);
        LagSample recent = sample(0, 2.0);
        recent.at = now.addDays(-6);
        QVERIFY(store.write({ { a, old }, { a, recent } }));
        auto pruned = store.prune(now.addDays(-7));
        QVERIFY(pruned);
        QCOMPARE(*pruned, 1);
        auto left = store.read(a, now.addDays(-30));
        QCOMPARE(left->size(), 1);
        QCOMPARE(left->first().lag, std::optional(2.0));
    }

    void readOnlyBackendIsNotWritten()
    {
        const QString file = newFile();
        QVERIFY(openSqlite(file));
        {
            auto backend = openSqlite(file);
            QVERIFY(backend->exec(u"UPDATE topograph_schema SET version = 99 WHERE version = "
                                  "(SELECT MAX(version) FROM topograph_schema)"_s));
        }
        auto newer = openSqlite(file);
        QVERIFY(newer && newer->isReadOnly());
        QVERIFY(!LagHistoryStore(*newer).write({ { key(u"db2:3306"_s), sample(0, 1.0) } }));
    }

    void schemaThreeMigratesRowsOfSchemaTwo()
    {
        const QString file = newFile();
        {
            auto backend = openSqlite(file, Backend::OpenMode::NoMigration);
            QVERIFY(backend && backend->deployUpTo(2));
            QVERIFY(backend->exec(u"INSERT INTO topograph_lag_samples (hostname, port, "
                                  "sample_time, lag_seconds, seconds_behind_master) VALUES "
                                  "('db2', 3306, '2026-12-02 15:35:00', 4.5, 4)"_s));
        }
        auto backend = openSqlite(file);
        QVERIFY(backend);
        QVERIFY(Schema::currentVersion() >= 3);
        QCOMPARE(backend->schemaVersion(), Schema::currentVersion());
        auto read = LagHistoryStore(*backend).read(key(u"db2:3306"_s), kT0.addDays(-1));
        QVERIFY(read);
        QCOMPARE(read->size(), 1);
        QCOMPARE(read->first().lag, std::optional(4.5));
        QCOMPARE(read->first().source, LagSource::Heartbeat); // the column's default
        QVERIFY(!read->first().heartbeat);
        auto index = backend->select(u"SELECT name FROM sqlite_master WHERE type = 'index' AND "
                                     "name = 'sample_time_idx_topograph_lag_samples'"_s);
        QCOMPARE(index->size(), 1);
        // Opening again changes nothing (every change is skipped when already there).
        backend.reset();
        QVERIFY(openSqlite(file));
    }
};

QTEST_GUILESS_MAIN(TestLagHistoryStore)
#include "tst_laghistorystore.moc"
