// FleetEngine, the one polling loop of the app and the CLI, on a SQLite backend and closed ports
// (every probe fails at once, nothing listens): rounds and refreshes write their answers,
// forgotten keys are neither polled nor written, and a read-only engine writes nothing but lays
// its answers over the rows. FleetWorker sends a refresh of one instance as a change of that key,
// not the fleet.
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include "backend/instancestore.h"
#include "backend/topologywriter.h"
#include "backendtestsupport.h"
#include "fleet/fleetengine.h"
#include "fleet/fleetworker.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

namespace {

const QDateTime kT0 = QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);

InstanceKey refusedKey()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return InstanceKey { u"127.0.0.1"_s, server.serverPort() }; // closed when server goes
}

InstanceRecord seenAtT0(const InstanceKey& key, const std::optional<InstanceKey>& master = {})
{
    InstanceRecord r;
    r.key = key;
    r.reachable = true;
    r.version = u"10.11.6-MariaDB-log"_s;
    r.serverId = key.port;
    r.lastChecked = r.lastSeen = r.lastAttemptedCheck = kT0;
    r.masterKey = master;
    return r;
}

} // namespace

class TestFleetEngine final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_serial = 0;
    Configuration m_config;
    std::unique_ptr<Backend> m_backend;
    InstanceKey m_a;
    InstanceKey m_b;

    InstanceRecord stored(const InstanceKey& key) const
    {
        auto r = InstanceStore(*m_backend).read(key);
        return r && r->has_value() ? **r : InstanceRecord {};
    }

private Q_SLOTS:
    void initTestCase() { isolateHome(m_dir); }

    // Two known instances, a and its replica b, last seen at kT0; nothing listens on their ports.
    void init()
    {
        const QString file = m_dir.filePath(u"engine-%1.sqlite3"_s.arg(++m_serial));
        m_config = sqliteConfig(file);
        m_config.mysqlTopologyUser = u"topograph-test"_s;
        m_config.mysqlConnectTimeoutSeconds = 1;
        m_config.mysqlDiscoveryReadTimeoutSeconds = 1;
        m_config.instancePollSeconds = 3600; // one round at start, then only what a test asks
        m_backend = openSqlite(file);
        QVERIFY(m_backend);
        m_a = refusedKey();
        m_b = refusedKey();
        QVERIFY(TopologyWriter(*m_backend, m_config).record({ seenAtT0(m_a), seenAtT0(m_b, m_a) }));
    }
    void cleanup() { m_backend.reset(); }

    void roundWritesEveryAnswer()
    {
        FleetEngine engine(m_config, *m_backend, 2, 1);
        engine.setKeys({ m_a, m_b });
        QSignalSpy written(&engine, &FleetEngine::roundWritten);
        engine.start();
        QVERIFY(written.wait(10000));
        auto keys = written.first().first().value<QList<InstanceKey>>();
        std::sort(keys.begin(), keys.end());
        QList<InstanceKey> both { m_a, m_b };
        std::sort(both.begin(), both.end());
        QCOMPARE(keys, both);
        for (const InstanceKey& key : both) {
            const InstanceRecord row = stored(key);
            QVERIFY(!row.reachable);
            QVERIFY(row.lastAttemptedCheck > kT0);
            QCOMPARE(row.lastSeen, kT0);
        }
        const PollState state = engine.pollState();
        QCOMPARE(state.round, 1u);
        QCOMPARE(state.probed, 2);
        QCOMPARE(state.unreachable, 2);
        QCOMPARE(state.instances, 2);
        QVERIFY(engine.stop());
    }

    void refreshWritesEachAnswerAndSaysWhich()
    {
        FleetEngine engine(m_config, *m_backend, 2, 1);
        QSignalSpy refreshed(&engine, &FleetEngine::refreshed);
        engine.refresh({ m_b });
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(refreshed.count(), 1);
        QCOMPARE(refreshed.first().first().value<InstanceKey>(), m_b);
        QVERIFY(!stored(m_b).reachable);
        QVERIFY(stored(m_a).reachable); // not asked for, not touched
    }

    void forgottenKeysAreNeitherProbedNorWritten()
    {
        // One worker: a's probe is answered before b's.
        FleetEngine engine(m_config, *m_backend, 2, 1);
        engine.stopPolling({ m_a }, false);
        QCOMPARE(engine.pollState().instances, 0);
        QSignalSpy refreshed(&engine, &FleetEngine::refreshed);
        engine.refresh({ m_a, m_b });
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(refreshed.count(), 1);
        QCOMPARE(refreshed.first().first().value<InstanceKey>(), m_b);
        QVERIFY(stored(m_a).reachable);
        QCOMPARE(stored(m_a).lastAttemptedCheck, kT0);

        engine.resumePolling({ m_a });
        QCOMPARE(engine.pollState().instances, 1);
        engine.refresh({ m_a });
        QVERIFY(refreshed.wait(10000));
        QVERIFY(!stored(m_a).reachable);
    }

    void readOnlyEngineWritesNothingAndOverlaysItsAnswers()
    {
        FleetEngine engine(m_config, *m_backend, 2, 1);
        engine.setReadOnly(true);
        QSignalSpy refreshed(&engine, &FleetEngine::refreshed);
        engine.refresh({ m_b });
        QVERIFY(refreshed.wait(10000));
        InstanceRecord row = stored(m_b);
        QVERIFY(row.reachable);
        QCOMPARE(row.lastAttemptedCheck, kT0);
        engine.overlay(row);
        QVERIFY(!row.reachable);
        QVERIFY(row.lastAttemptedCheck > kT0);
        QCOMPARE(row.masterKey, std::optional(m_a)); // what only the backend knows stays
    }

    void workerSendsARefreshAsAChangeOfOneKey()
    {
        FleetWorker worker(m_config);
        QSignalSpy snapshots(&worker, &FleetWorker::snapshotReady);
        QSignalSpy changes(&worker, &FleetWorker::fleetChanged);
        QSignalSpy polls(&worker, &FleetWorker::pollStateChanged);
        worker.start();
        QCOMPARE(snapshots.count(), 1);
        // The first round's answers are written and read back as a whole snapshot.
        QTRY_VERIFY_WITH_TIMEOUT(
            !polls.isEmpty() && polls.last().first().value<PollState>().round == 1, 10000);
        QCOMPARE(snapshots.count(), 2);
        const auto fleet = snapshots.last().first().value<FleetSnapshot>();
        QCOMPARE(fleet.records.size(), 2);

        // The backend keeps whole seconds: a refresh in a later second shows a later check.
        const qint64 checked = fleet.find(m_b)->lastAttemptedCheck.toSecsSinceEpoch();
        QTRY_VERIFY(QDateTime::currentSecsSinceEpoch() > checked);
        worker.refreshInstances({ m_b });
        QVERIFY(changes.wait(10000));
        QCOMPARE(snapshots.count(), 2); // not the fleet again
        const auto change = changes.first().first().value<FleetChange>();
        QCOMPARE(change.changed.size(), 1);
        QCOMPARE(change.changed.first().key, m_b);
        QVERIFY(change.removed.isEmpty());
        QVERIFY(change.serial > fleet.serial);
        QVERIFY(change.changed.first().lastAttemptedCheck > fleet.find(m_b)->lastAttemptedCheck);
        FleetSnapshot applied = fleet;
        applied.apply(change);
        QCOMPARE(applied.records.size(), 2);
        QCOMPARE(applied.find(m_b)->lastAttemptedCheck, change.changed.first().lastAttemptedCheck);
        QCOMPARE(applied.serial, change.serial);
        worker.stop();
    }
};

QTEST_GUILESS_MAIN(TestFleetEngine)
#include "tst_fleetengine.moc"
