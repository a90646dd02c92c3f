// GhostDetector, LiveReplicationCheck and ForgetClusterPlanner: which clusters are ghosts and why,
// which resolve entries produced them, and when forgetting a cluster is refused (DESIGN §6).
#include <QTest>

#include <algorithm>

#include "fleet/forgetcluster.h"
#include "ghostfixture.h"
#include "models/clustersummary.h"
#include "topology/ghostdetector.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

namespace {

QStringList names(const QList<GhostCluster>& ghosts)
{
    QStringList out;
    for (const GhostCluster& g : ghosts) {
        out << g.clusterName;
    }
    return out;
}

} // namespace

class TestGhostDetector final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runbookGhost()
    {
        const ResolveEntry bad = resolveEntry(u"pc1008.eqiad.wmnet"_s, u"pc1008"_s);
        const ResolveEntry unrelated = resolveEntry(u"pc1011"_s, u"pc1011.eqiad.wmnet"_s);
        const auto ghosts = GhostDetector::detect(
            runbookFleet(), { bad, unrelated }, kGhostNow, kGhostThresholds);
        QCOMPARE(names(ghosts), QStringList { u"pc1008:3306"_s });
        const GhostCluster& g = ghosts.first();
        QCOMPARE(g.keys, (QList { ghostKey(u"pc1008:3306"_s), ghostKey(u"pc1008:3307"_s) }));
        QCOMPARE(g.resolveEntries, QList { bad });
        QCOMPARE(g.resolveHostnames(), QStringList { u"pc1008.eqiad.wmnet"_s });
        QVERIFY2(g.reason.contains(u"pc1008 is what pc1008.eqiad.wmnet resolved to"_s),
            qPrintable(g.reason));
        QVERIFY2(g.reason.contains(u"never validly checked"_s), qPrintable(g.reason));
    }

    void bareFormOfAKnownFqdn()
    {
        // The bare-name master answered once (so it is no placeholder), but its name is the bare
        // form of a live instance in another cluster.
        QList<InstanceRecord> fleet = runbookFleet();
        fleet.removeLast();
        fleet.last() = liveRecord(u"pc1008:3306"_s, u"pc1008:3306"_s);
        const auto ghosts = GhostDetector::detect(fleet, {}, kGhostNow, kGhostThresholds);
        QCOMPARE(names(ghosts), QStringList { u"pc1008:3306"_s });
        QVERIFY2(ghosts.first().reason.contains(u"bare form of pc1008.eqiad.wmnet:3306"_s),
            qPrintable(ghosts.first().reason));
        QVERIFY(ghosts.first().resolveEntries.isEmpty());
    }

    void otherPortIsNotABareForm()
    {
        QList<InstanceRecord> fleet = runbookFleet();
        fleet.removeLast();
        fleet.last() = liveRecord(u"pc1008:3307"_s, u"pc1008:3307"_s);
        QVERIFY(GhostDetector::detect(fleet, {}, kGhostNow, kGhostThresholds).isEmpty());
    }

    void liveClustersAreNoGhosts()
    {
        QList<InstanceRecord> fleet = runbookFleet();
        fleet.resize(3);
        // A healthy entry pointing at live names produces nothing.
        QVERIFY(GhostDetector::detect(fleet, { resolveEntry(u"pc1011"_s, u"pc1011.eqiad.wmnet"_s) },
            kGhostNow, kGhostThresholds)
                    .isEmpty());
    }

    void loneReplicaOfUnknownMaster()
    {
        const auto ghosts
            = GhostDetector::detect({ liveRecord(u"db2:3306"_s, u"db2:3306"_s, u"db-gone:3306"_s) },
                {}, kGhostNow, kGhostThresholds);
        QCOMPARE(names(ghosts), QStringList { u"db2:3306"_s });
        QVERIFY(ghosts.first().reason.contains(u"lone replica of db-gone:3306"_s));
    }

    void masterDownButSeenBeforeIsNoGhost()
    {
        InstanceRecord master = liveRecord(u"db1:3306"_s, u"db1:3306"_s);
        master.reachable = false;
        master.lastChecked = kGhostNow;
        QVERIFY(GhostDetector::detect(
            { master, liveRecord(u"db2:3306"_s, u"db1:3306"_s, u"db1:3306"_s) }, {}, kGhostNow,
            kGhostThresholds)
                    .isEmpty());
    }

    void clusterSummaryCarriesTheReason()
    {
        const QList<GhostCluster> ghosts = GhostDetector::detect(runbookFleet(),
            { resolveEntry(u"pc1008.eqiad.wmnet"_s, u"pc1008"_s) }, kGhostNow, kGhostThresholds);
        const auto list = ClusterSummary::fromRecords(
            runbookFleet(), {}, kGhostNow, kGhostThresholds, {}, &ghosts);
        QCOMPARE(list.size(), 2);
        for (const ClusterSummary& s : list) {
            QCOMPARE(s.ghost, s.name == u"pc1008:3306"_s);
            QCOMPARE(s.ghostReason, s.ghost ? ghosts.first().reason : QString());
        }
        // Without the snapshot's ghosts, the records alone still find it.
        const auto alone
            = ClusterSummary::fromRecords(runbookFleet(), {}, kGhostNow, kGhostThresholds);
        QVERIFY(std::any_of(alone.begin(), alone.end(),
            [](const ClusterSummary& s) { return s.ghost && !s.ghostReason.isEmpty(); }));
    }

    void liveReplication()
    {
        const QList<InstanceRecord> fleet = runbookFleet();
        const auto live = LiveReplicationCheck::liveHosts(
            { ghostKey(u"pc1008.eqiad.wmnet:3306"_s), ghostKey(u"pc1011.eqiad.wmnet:3306"_s),
                ghostKey(u"pc1008:3306"_s), ghostKey(u"pc1008:3307"_s) },
            fleet, kGhostNow, kGhostThresholds);
        QCOMPARE(live.size(), 2);
        QCOMPARE(live.at(0).key, ghostKey(u"pc1008.eqiad.wmnet:3306"_s));
        QVERIFY(live.at(0).why.contains(u"replicates from it"_s));
        QCOMPARE(live.at(1).key, ghostKey(u"pc1011.eqiad.wmnet:3306"_s));
        QVERIFY(live.at(1).why.contains(u"replicating from pc1008.eqiad.wmnet:3306"_s));
        QVERIFY(LiveReplicationCheck::describe(live).startsWith(u"pc1008.eqiad.wmnet:3306 ("_s));
    }

    void plannerDecisions()
    {
        using P = ForgetClusterPlanner;
        const QList<ResolveEntry> resolves { resolveEntry(u"pc1008.eqiad.wmnet"_s, u"pc1008"_s) };
        const QString live = u"pc1008.eqiad.wmnet:3306"_s;

        auto ghost = P::decide(
            u"pc1008:3306"_s, runbookFleet(), resolves, kGhostNow, kGhostThresholds, false);
        QCOMPARE(ghost.refusal, P::Refusal::None);
        QCOMPARE(ghost.request.keys.size(), 2);
        QCOMPARE(ghost.request.resolveHostnames, QStringList { u"pc1008.eqiad.wmnet"_s });
        QVERIFY(ghost.request.ghost);

        auto notGhost
            = P::decide(live, runbookFleet(), resolves, kGhostNow, kGhostThresholds, false);
        QCOMPARE(notGhost.refusal, P::Refusal::NotGhost);
        QVERIFY(notGhost.message.contains(u"not a ghost"_s));

        auto forced = P::decide(live, runbookFleet(), resolves, kGhostNow, kGhostThresholds, true);
        QCOMPARE(forced.refusal, P::Refusal::None);
        QCOMPARE(forced.request.keys.size(), 3);
        QVERIFY(forced.request.resolveHostnames.isEmpty());
        QVERIFY(!forced.request.ghost);
        QCOMPARE(forced.liveHosts.size(), 3); // the warning a confirmation shows

        // A ghost whose bare-name master still has a live replica wants force.
        QList<InstanceRecord> fleet = runbookFleet();
        fleet.last() = liveRecord(u"pc1008:3307"_s, u"pc1008:3306"_s, u"pc1008:3306"_s);
        auto replicating
            = P::decide(u"pc1008:3306"_s, fleet, resolves, kGhostNow, kGhostThresholds, false);
        QCOMPARE(replicating.refusal, P::Refusal::StillReplicating);
        QVERIFY(replicating.message.contains(u"pc1008:3307"_s));
        QCOMPARE(
            P::decide(u"pc1008:3306"_s, fleet, resolves, kGhostNow, kGhostThresholds, true).refusal,
            P::Refusal::None);

        QCOMPARE(
            P::decide(u"nosuch:3306"_s, fleet, resolves, kGhostNow, kGhostThresholds, true).refusal,
            P::Refusal::UnknownCluster);
    }
};

QTEST_GUILESS_MAIN(TestGhostDetector)
#include "tst_ghostdetector.moc"
