// The desktop app's fleet worker on the GTID sandbox: an empty backend gives an empty snapshot,
// discovery fills it (with cluster names), polling rounds follow, forget and maintenance change
// the next snapshot, and read-only mode refuses every change while still polling.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "fleet/fleetworker.h"
#include "sandboxfixture.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

namespace {

constexpr int kWaitMs = 60000;

FleetSnapshot last(const QSignalSpy& spy)
{
    return spy.last().first().value<FleetSnapshot>();
}

} // namespace

class TestFleetWorker final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    Result<Sandbox> sandbox() const { return Sandbox::fromEnvironment(u"gtid"_s); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        FleetWorker::registerMetaTypes();
    }

    void discoversPollsForgetsAndLocks()
    {
        auto sb = sandbox();
        if (!sb) {
            QSKIP(qPrintable(sb.error().message));
        }
        Configuration config = sb->config;
        config.sqlite3DataFile = m_dir.filePath(u"fleet.db"_s);
        config.instancePollSeconds = 1;
        FleetWorker worker(config);
        QSignalSpy snapshots(&worker, &FleetWorker::snapshotReady);
        QSignalSpy polls(&worker, &FleetWorker::pollStateChanged);
        QSignalSpy progress(&worker, &FleetWorker::discoverProgress);
        QSignalSpy discovered(&worker, &FleetWorker::discoverFinished);
        QSignalSpy failures(&worker, &FleetWorker::failed);
        worker.start();
        QCOMPARE(snapshots.size(), 1);
        QVERIFY(last(snapshots).records.isEmpty());
        QVERIFY(last(snapshots).backendDescription.startsWith(u"sqlite"_s));

        worker.discover(sb->deepest().key);
        QVERIFY(discovered.wait(kWaitMs));
        QCOMPARE(discovered.first().at(2).toString(), QString());
        const int n = static_cast<int>(sb->instances.size());
        // The answer names the seed it was asked for.
        QCOMPARE(discovered.first().at(0).value<InstanceKey>(), sb->deepest().key);
        QCOMPARE(discovered.first().at(1).toInt(), n);
        QCOMPARE(progress.size(), n);
        FleetSnapshot snapshot = last(snapshots);
        QCOMPARE(snapshot.records.size(), n);
        QCOMPARE(snapshot.cluster(sb->primary().key.toString()).size(), n);

        // Every instance is polled now; a round's results come as a new snapshot.
        QTRY_VERIFY_WITH_TIMEOUT(polls.last().first().value<PollState>().instances == n
                && polls.last().first().value<PollState>().round > 0,
            kWaitMs);
        const quint64 serial = last(snapshots).serial;
        QTRY_VERIFY_WITH_TIMEOUT(last(snapshots).serial > serial, kWaitMs);

        const InstanceKey leaf = sb->deepest().key;
        worker.beginMaintenance(leaf, u"disk swap"_s, 5);
        QVERIFY(last(snapshots).maintenanceOf(leaf).has_value());
        QCOMPARE(last(snapshots).maintenanceOf(leaf)->reason, u"disk swap"_s);
        worker.endMaintenance(leaf);
        QVERIFY(!last(snapshots).maintenanceOf(leaf).has_value());

        worker.forget(leaf);
        QVERIFY(!last(snapshots).find(leaf));
        QCOMPARE(last(snapshots).records.size(), n - 1);
        QCOMPARE(failures.size(), 0);
        worker.stop();
    }

    void refreshProbesEveryKeyAskedFor()
    {
        auto sb = sandbox();
        if (!sb) {
            QSKIP(qPrintable(sb.error().message));
        }
        Configuration config = sb->config;
        config.sqlite3DataFile = m_dir.filePath(u"refresh.db"_s);
        config.instancePollSeconds = 3600; // one round at start, then only what is asked for
        FleetWorker worker(config);
        QSignalSpy snapshots(&worker, &FleetWorker::snapshotReady);
        QSignalSpy changes(&worker, &FleetWorker::fleetChanged);
        QSignalSpy polls(&worker, &FleetWorker::pollStateChanged);
        QSignalSpy discovered(&worker, &FleetWorker::discoverFinished);
        // What the window shows: the last snapshot with the changes sent after it applied.
        auto shown = [&] {
            FleetSnapshot fleet = last(snapshots);
            for (const QList<QVariant>& signal : std::as_const(changes)) {
                const auto change = signal.first().value<FleetChange>();
                if (change.serial > fleet.serial) {
                    fleet.apply(change);
                }
            }
            return fleet;
        };
        worker.start();
        worker.discover(sb->primary().key);
        QVERIFY(discovered.wait(kWaitMs));
        QTRY_VERIFY_WITH_TIMEOUT(polls.last().first().value<PollState>().round > 0, kWaitMs);
        // The backend keeps whole seconds: let the clock pass the second of the discovery, so
        // that only a new probe can be as recent as `asked`.
        const qint64 discoveredAt = QDateTime::currentSecsSinceEpoch();
        QTRY_VERIFY(QDateTime::currentSecsSinceEpoch() > discoveredAt);
        const QDateTime asked
            = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
        const InstanceKey leaf = sb->deepest().key;
        worker.refreshInstances({ sb->primary().key, leaf });
        // One change (or snapshot) per answer, each with that instance freshly checked.
        QTRY_VERIFY_WITH_TIMEOUT(shown().find(leaf)->lastChecked >= asked
                && shown().find(sb->primary().key)->lastChecked >= asked,
            kWaitMs);
        worker.stop();
    }

    void readOnlyRefusesChangesButKeepsPolling()
    {
        auto sb = sandbox();
        if (!sb) {
            QSKIP(qPrintable(sb.error().message));
        }
        Configuration config = sb->config;
        config.sqlite3DataFile = m_dir.filePath(u"readonly.db"_s);
        config.instancePollSeconds = 1;
        {
            FleetWorker writer(config); // fill the backend first
            QSignalSpy discovered(&writer, &FleetWorker::discoverFinished);
            writer.start();
            writer.discover(sb->primary().key);
            QVERIFY(discovered.wait(kWaitMs));
            writer.stop();
        }
        config.readOnly = true;
        FleetWorker worker(config);
        QSignalSpy snapshots(&worker, &FleetWorker::snapshotReady);
        QSignalSpy failures(&worker, &FleetWorker::failed);
        QSignalSpy discovered(&worker, &FleetWorker::discoverFinished);
        worker.start();
        const int n = static_cast<int>(sb->instances.size());
        QCOMPARE(last(snapshots).records.size(), n);
        worker.forget(sb->deepest().key);
        worker.beginMaintenance(sb->deepest().key, u"x"_s, 5);
        worker.discover(sb->primary().key);
        QCOMPARE(failures.size(), 3);
        QVERIFY(failures.first().first().toString().contains(u"Read-only"_s));
        QCOMPARE(discovered.size(), 1);
        QCOMPARE(discovered.first().at(0).value<InstanceKey>(), sb->primary().key);
        QVERIFY(!discovered.first().at(2).toString().isEmpty());
        // Poll results still reach the snapshots (laid over the rows, not written).
        const quint64 serial = last(snapshots).serial;
        QTRY_VERIFY_WITH_TIMEOUT(last(snapshots).serial > serial, kWaitMs);
        QCOMPARE(last(snapshots).records.size(), n);
        QVERIFY(last(snapshots).find(sb->deepest().key));
        worker.stop();
    }
};

QTEST_GUILESS_MAIN(TestFleetWorker)
#include "tst_fleetworker.moc"
