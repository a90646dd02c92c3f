// Ghost clusters on the GTID sandbox (DESIGN §6, issue 11): a backend seeded as the runbook tells
// (hostname_resolve maps pc1008.eqiad.wmnet to the bare "pc1008", and instances under the bare name
// form a cluster of their own next to the live one) shows exactly one ghost with its reason;
// forgetting it removes its rows and resolve entries; ten further poll rounds and a new discovery
// do not bring it back, and the live cluster keeps its instances and masters. Then the same
// through topograph-cli: forget-cluster's refusals (a live cluster without --force, read-only
// mode always) and the resolve cache commands' output.
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

#include "backend/auditstore.h"
#include "backend/backend.h"
#include "backend/resolvestore.h"
#include "clirun.h"
#include "config/configloader.h"
#include "fleet/fleetworker.h"
#include "ghostfixture.h"
#include "models/clustersummary.h"
#include "resolve/discoveryfilter.h"
#include "sandboxfixture.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

namespace {

constexpr int kWaitMs = 60000;
const QString kGhost = u"pc1008:3306"_s;
const QString kGhostReplica = u"pc1008:3307"_s;
const QString kFqdn = u"pc1008.eqiad.wmnet"_s;

FleetSnapshot last(const QSignalSpy& spy)
{
    return spy.last().first().value<FleetSnapshot>();
}

// How many poll rounds finished since the spy held `from` signals (each round once, whatever its
// generation number: the pool's generations also count discoveries and refreshes).
int roundsSince(const QSignalSpy& polls, qsizetype from)
{
    QSet<quint64> rounds;
    const quint64 before = from > 0 ? polls.at(from - 1).first().value<PollState>().round : 0;
    for (qsizetype i = from; i < polls.size(); ++i) {
        const quint64 round = polls.at(i).first().value<PollState>().round;
        if (round > before) {
            rounds.insert(round);
        }
    }
    return static_cast<int>(rounds.size());
}

// Every instance of a cluster with its master: what "untouched" compares.
QMap<QString, QString> shape(const FleetSnapshot& snapshot, const QString& cluster)
{
    QMap<QString, QString> out;
    for (const InstanceRecord& r : snapshot.cluster(cluster)) {
        out.insert(r.key.toString(), r.masterKey ? r.masterKey->toString() : QString());
    }
    return out;
}

bool hasHost(const FleetSnapshot& snapshot, const QString& host)
{
    return std::any_of(snapshot.records.begin(), snapshot.records.end(),
        [&](const InstanceRecord& r) { return r.key.host == host; });
}

bool resolveCacheNames(const FleetSnapshot& snapshot, const QString& name)
{
    return std::any_of(snapshot.resolveCache.begin(), snapshot.resolveCache.end(),
        [&](const ResolveCacheEntry& e) { return e.hostname == name; });
}

// The runbook's ghost, written next to whatever the backend holds.
void seedGhost(const Configuration& config)
{
    auto opened = Backend::open(config);
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
    const Backend& db = **opened;
    const QDateTime tried = QDateTime::currentDateTimeUtc().addSecs(-30);
    InstanceRecord master = placeholder(kGhost, kGhost);
    InstanceRecord replica = placeholder(kGhostReplica, kGhost, kGhost);
    master.lastChecked = replica.lastChecked = tried;
    auto written = writeRows(db, { master, replica });
    QVERIFY2(written, qPrintable(written ? QString() : written.error().message));
    QVERIFY(ResolveStore(db, config.expiryHostnameResolvesMinutes).record(kFqdn, u"pc1008"_s));
}

} // namespace

class TestGhostClusters final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    // A copy of the sandbox's configuration with a SQLite file of its own.
    QString cliConfig(const Sandbox& sb, const QString& name, bool readOnly = false)
    {
        QFile in(sb.dir + u"/topograph.conf.json"_s);
        if (!in.open(QIODevice::ReadOnly)) {
            return {};
        }
        QJsonObject config = QJsonDocument::fromJson(in.readAll()).object();
        config[u"SQLite3DataFile"_s] = m_dir.filePath(name + u".sqlite3"_s);
        config[u"ReadOnly"_s] = readOnly;
        const QString path = m_dir.filePath(name + (readOnly ? u"-ro"_s : QString()) + u".json"_s);
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly)) {
            return {};
        }
        out.write(QJsonDocument(config).toJson());
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        FleetWorker::registerMetaTypes();
    }

    void forgottenGhostStaysForgotten()
    {
        auto sb = Sandbox::fromEnvironment(u"gtid"_s);
        if (!sb) {
            QSKIP(qPrintable(sb.error().message));
        }
        Configuration config = sb->config;
        config.sqlite3DataFile = m_dir.filePath(u"fleet.sqlite3"_s);
        config.instancePollSeconds = 1;
        seedGhost(config);
        if (QTest::currentTestFailed()) {
            return;
        }

        FleetWorker worker(config);
        QSignalSpy snapshots(&worker, &FleetWorker::snapshotReady);
        QSignalSpy polls(&worker, &FleetWorker::pollStateChanged);
        QSignalSpy discovered(&worker, &FleetWorker::discoverFinished);
        QSignalSpy forgotten(&worker, &FleetWorker::forgetClusterFinished);
        worker.start();
        worker.discover(sb->primary().key);
        QVERIFY(discovered.wait(kWaitMs));
        QCOMPARE(discovered.first().at(2).toString(), QString());
        const QString live = sb->primary().key.toString();
        const int n = static_cast<int>(sb->instances.size());
        QTRY_VERIFY_WITH_TIMEOUT(polls.last().first().value<PollState>().round > 0, kWaitMs);

        // Exactly one ghost, with the reason and the entry that made it.
        FleetSnapshot before = last(snapshots);
        QCOMPARE(before.cluster(live).size(), n);
        QCOMPARE(before.cluster(kGhost).size(), 2);
        QCOMPARE(before.ghosts.size(), 1);
        const GhostCluster ghost = before.ghosts.first();
        QCOMPARE(ghost.clusterName, kGhost);
        QVERIFY2(ghost.reason.contains(u"pc1008 is what pc1008.eqiad.wmnet resolved to"_s),
            qPrintable(ghost.reason));
        QCOMPARE(ghost.resolveHostnames(), QStringList { kFqdn });
        const auto summaries = ClusterSummary::fromRecords(
            before.records, before.aliases, before.takenAt, {}, {}, &before.ghosts);
        QCOMPARE(std::count_if(summaries.begin(), summaries.end(),
                     [](const ClusterSummary& s) { return s.ghost; }),
            1);
        QVERIFY(resolveCacheNames(before, kFqdn));
        const QMap<QString, QString> liveShape = shape(before, live);
        QCOMPARE(liveShape.size(), n);

        // A live cluster is refused (not a ghost); the ghost goes in one step.
        worker.forgetCluster(live, false);
        QCOMPARE(forgotten.size(), 1);
        auto refused = forgotten.takeFirst().first().value<ForgetClusterOutcome>();
        QVERIFY(!refused.ok);
        QVERIFY(refused.error.message.contains(u"not a ghost"_s));
        QCOMPARE(last(snapshots).cluster(live).size(), n);

        worker.forgetCluster(kGhost, false);
        QCOMPARE(forgotten.size(), 1);
        const auto outcome = forgotten.takeFirst().first().value<ForgetClusterOutcome>();
        QVERIFY2(outcome.ok, qPrintable(outcome.error.message));
        QCOMPARE(outcome.report.instances, (QList { ghostKey(kGhost), ghostKey(kGhostReplica) }));
        QCOMPARE(outcome.report.resolveEntries, QStringList { kFqdn });
        FleetSnapshot after = last(snapshots);
        QVERIFY(!hasHost(after, u"pc1008"_s));
        QVERIFY(after.ghosts.isEmpty());
        QVERIFY(!resolveCacheNames(after, kFqdn));

        // Ten further poll rounds (counted, not timed) and a new discovery of the live cluster.
        const qsizetype forgottenAt = polls.size();
        QTRY_VERIFY_WITH_TIMEOUT(roundsSince(polls, forgottenAt) >= 10, kWaitMs * 2);
        discovered.clear();
        worker.discover(sb->deepest().key);
        QVERIFY(discovered.wait(kWaitMs));
        QCOMPARE(discovered.first().at(2).toString(), QString());
        worker.reload();
        after = last(snapshots);
        QVERIFY(!hasHost(after, u"pc1008"_s));
        QVERIFY(after.ghosts.isEmpty());
        QVERIFY(!resolveCacheNames(after, kFqdn));
        QCOMPARE(shape(after, live), liveShape);
        QCOMPARE(polls.last().first().value<PollState>().instances, n);

        // One audit row lists what went.
        worker.stop();
        auto opened = Backend::open(config);
        QVERIFY(opened);
        auto audit = AuditStore(**opened).recent(50);
        QVERIFY(audit);
        const auto rows = std::count_if(audit->begin(), audit->end(),
            [](const AuditEntry& e) { return e.type == u"forget-cluster"_s; });
        QCOMPARE(rows, 1);
    }

    void forgottenLiveHostComesBackOnlyThroughDiscovery()
    {
        auto sb = Sandbox::fromEnvironment(u"gtid"_s);
        if (!sb) {
            QSKIP(qPrintable(sb.error().message));
        }
        const QString path = cliConfig(*sb, u"ignore"_s);
        auto loaded = ConfigLoader::load(path);
        QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().message));
        Configuration config = *loaded;
        config.instancePollSeconds = 1;
        FleetWorker worker(config);
        QSignalSpy snapshots(&worker, &FleetWorker::snapshotReady);
        QSignalSpy polls(&worker, &FleetWorker::pollStateChanged);
        QSignalSpy discovered(&worker, &FleetWorker::discoverFinished);
        QSignalSpy failures(&worker, &FleetWorker::failed);
        worker.start();
        const InstanceKey primary = sb->primary().key;
        const InstanceKey leaf = sb->deepest().key;
        worker.discover(primary);
        QVERIFY(discovered.wait(kWaitMs));
        QVERIFY(last(snapshots).find(leaf));

        // Forgotten: polling (which follows its master's replica list) does not bring it back ...
        worker.forget(leaf);
        QVERIFY(!last(snapshots).find(leaf));
        const qsizetype forgottenAt = polls.size();
        QTRY_VERIFY_WITH_TIMEOUT(roundsSince(polls, forgottenAt) >= 3, kWaitMs);
        QVERIFY(!last(snapshots).find(leaf));
        // ... a discovery does.
        discovered.clear();
        worker.discover(primary);
        QVERIFY(discovered.wait(kWaitMs));
        QVERIFY(last(snapshots).find(leaf));

        // Forgotten and ignored: not even a discovery, and the filter is in the file.
        worker.forgetAndIgnore(leaf);
        QVERIFY(!last(snapshots).find(leaf));
        discovered.clear();
        worker.discover(primary);
        QVERIFY(discovered.wait(kWaitMs));
        QCOMPARE(discovered.first().at(2).toString(), QString());
        QVERIFY(!last(snapshots).find(leaf));
        discovered.clear();
        worker.discover(leaf);
        QCOMPARE(discovered.size(), 1);
        QVERIFY(discovered.first().at(2).toString().contains(u"DiscoveryIgnoreHostnameFilters"_s));
        QCOMPARE(failures.size(), 0);
        auto reloaded = ConfigLoader::load(path);
        QVERIFY(reloaded);
        QCOMPARE(reloaded->discoveryIgnoreHostnameFilters,
            QStringList { DiscoveryFilter::exactPattern(leaf) });
        worker.stop();
    }

    void readOnlyWorkerRefuses()
    {
        auto sb = Sandbox::fromEnvironment(u"gtid"_s);
        if (!sb) {
            QSKIP(qPrintable(sb.error().message));
        }
        Configuration config = sb->config;
        config.sqlite3DataFile = m_dir.filePath(u"readonly.sqlite3"_s);
        config.instancePollSeconds = 3600;
        seedGhost(config);
        if (QTest::currentTestFailed()) {
            return;
        }
        config.readOnly = true;
        FleetWorker worker(config);
        QSignalSpy snapshots(&worker, &FleetWorker::snapshotReady);
        QSignalSpy forgotten(&worker, &FleetWorker::forgetClusterFinished);
        worker.start();
        QCOMPARE(last(snapshots).ghosts.size(), 1);
        worker.forgetCluster(kGhost, true);
        QCOMPARE(forgotten.size(), 1);
        const auto outcome = forgotten.first().first().value<ForgetClusterOutcome>();
        QVERIFY(!outcome.ok);
        QVERIFY(outcome.error.message.contains(u"Read-only"_s));
        QCOMPARE(last(snapshots).cluster(kGhost).size(), 2);
        worker.stop();
    }

    void cli()
    {
        auto sb = Sandbox::fromEnvironment(u"gtid"_s);
        if (!sb) {
            QSKIP(qPrintable(sb.error().message));
        }
        const QString cfg = cliConfig(*sb, u"cli"_s);
        const QString readOnly = cliConfig(*sb, u"cli"_s, true);
        QVERIFY(!cfg.isEmpty() && !readOnly.isEmpty());
        auto run = [&](QStringList args, const QString& config = {}) {
            return runCli(QStringList { u"--config"_s, config.isEmpty() ? cfg : config } + args);
        };
        const QString primary = sb->primary().key.toString();
        QCOMPARE(run({ u"-c"_s, u"discover"_s, u"-i"_s, primary }).exitCode, 0);
        auto loaded = ConfigLoader::load(cfg);
        QVERIFY(loaded);
        seedGhost(*loaded);
        if (QTest::currentTestFailed()) {
            return;
        }

        CliRun shown = run({ u"-c"_s, u"show-resolve-hosts"_s });
        QCOMPARE(shown.exitCode, 0);
        QVERIFY2(
            shown.out.split(u'\n').contains(u"pc1008.eqiad.wmnet pc1008"_s), qPrintable(shown.out));

        // A live cluster: refused without --force; anything in read-only mode, even forced.
        CliRun liveRefused = run({ u"-c"_s, u"forget-cluster"_s, u"-i"_s, primary });
        QCOMPARE(liveRefused.exitCode, 1);
        QCOMPARE(liveRefused.out, QString());
        QVERIFY2(liveRefused.errLines.join(u'\n').contains(u"not a ghost cluster"_s),
            qPrintable(liveRefused.errLines.join(u'\n')));
        QVERIFY(liveRefused.errLines.join(u'\n').contains(u"--force"_s));
        for (const QString& target : { primary, kGhost }) {
            CliRun ro
                = run({ u"-c"_s, u"forget-cluster"_s, u"-i"_s, target, u"--force"_s }, readOnly);
            QCOMPARE(ro.exitCode, 1);
            QVERIFY(ro.errLines.join(u'\n').contains(u"read-only"_s));
        }
        CliRun noop = run({ u"-c"_s, u"forget-cluster"_s, u"-i"_s, kGhostReplica, u"--noop"_s });
        QCOMPARE(noop.exitCode, 0);
        QCOMPARE(noop.out,
            u"would forget pc1008:3306: instances pc1008:3306 pc1008:3307; resolve entries "
            "pc1008.eqiad.wmnet\n"_s);
        QCOMPARE(
            run({ u"-c"_s, u"which-cluster-instances"_s, u"-i"_s, kGhost }).out.count(u'\n'), 2);

        // The ghost, by one of its instances.
        CliRun forgot = run({ u"-c"_s, u"forget-cluster"_s, u"-i"_s, kGhostReplica });
        QVERIFY2(forgot.exitCode == 0, qPrintable(forgot.errLines.join(u'\n')));
        QCOMPARE(forgot.out,
            u"cluster pc1008:3306: instances pc1008:3306, pc1008:3307; tags 0, maintenance 0, "
            "candidate 0, downtime 0; resolve entries pc1008.eqiad.wmnet\n"_s);
        QVERIFY(!run({ u"-c"_s, u"show-resolve-hosts"_s }).out.contains(kFqdn));
        QCOMPARE(run({ u"-c"_s, u"which-cluster-instances"_s, u"-i"_s, primary }).out.count(u'\n'),
            static_cast<int>(sb->instances.size()));
        QVERIFY(run({ u"-c"_s, u"clusters"_s }).out == primary + u'\n');
        CliRun again = run({ u"-c"_s, u"forget-cluster"_s, u"-i"_s, kGhost });
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.errLines.join(u'\n').contains(u"unknown instance"_s));
        QVERIFY(run({ u"-c"_s, u"audit"_s }).out.contains(u"\tforget-cluster\t"_s));

        // resolve: a TCP check, then the canonical name (an address stays as it is).
        CliRun resolved = run({ u"-c"_s, u"resolve"_s, u"-i"_s, primary });
        QCOMPARE(resolved.exitCode, 0);
        QCOMPARE(resolved.out, primary + u'\n');
        CliRun closed = run({ u"-c"_s, u"resolve"_s, u"-i"_s, u"127.0.0.1:1"_s });
        QCOMPARE(closed.exitCode, 1);
        QCOMPARE(closed.out, QString());
        QVERIFY(closed.errLines.join(u'\n').contains(u"dial tcp 127.0.0.1:1"_s));

        // hostname_unresolve: register, show, deregister.
        CliRun registered = run({ u"-c"_s, u"register-hostname-unresolve"_s, u"-i"_s, primary,
            u"--hostname"_s, u"vip.test"_s });
        QCOMPARE(registered.exitCode, 0);
        QCOMPARE(registered.out, primary + u'\n');
        QCOMPARE(run({ u"-c"_s, u"show-unresolve-hosts"_s }).out, u"127.0.0.1 vip.test\n"_s);
        QCOMPARE(run({ u"-c"_s, u"register-hostname-unresolve"_s, u"-i"_s, primary, u"--hostname"_s,
                         u"x"_s },
                     readOnly)
                     .exitCode,
            1);
        CliRun deregistered
            = run({ u"-c"_s, u"deregister-hostname-unresolve"_s, u"-i"_s, primary });
        QCOMPARE(deregistered.exitCode, 0);
        QCOMPARE(deregistered.out, primary + u'\n');
        QCOMPARE(run({ u"-c"_s, u"show-unresolve-hosts"_s }).out, QString());

        CliRun reset = run({ u"-c"_s, u"reset-hostname-resolve-cache"_s });
        QCOMPARE(reset.exitCode, 0);
        QCOMPARE(reset.out, u"hostname resolve cache cleared\n"_s);
        QCOMPARE(run({ u"-c"_s, u"show-resolve-hosts"_s }).out, QString());
    }
};

QTEST_GUILESS_MAIN(TestGhostClusters)
#include "tst_ghostclusters.moc"
