// Every failure code of the replication analysis, each from rows that only that rule matches.
#include <QTest>

#include "analysisfixture.h"

using namespace Qt::StringLiterals;

namespace topograph::test {

class TestReplicationAnalyzer : public QObject
{
    Q_OBJECT

private:
    // m:1 with replicas r1:1 and r2:1.
    static AnalysisFleet masterWithTwo()
    {
        AnalysisFleet f;
        f.master(u"m:1"_s);
        f.replica(u"r1:1"_s, u"m:1"_s);
        f.replica(u"r2:1"_s, u"m:1"_s);
        return f;
    }
    // m:1 → im:1 → r1:1, r2:1 (r2 only when two).
    static AnalysisFleet intermediate(bool two)
    {
        AnalysisFleet f;
        f.master(u"m:1"_s);
        f.replica(u"im:1"_s, u"m:1"_s);
        f.replica(u"r1:1"_s, u"im:1"_s, 2);
        if (two) {
            f.replica(u"r2:1"_s, u"im:1"_s, 2);
        }
        return f;
    }
    // Co-masters a:1 ⇄ b:1, with c:1 below a:1.
    static AnalysisFleet coMasters()
    {
        AnalysisFleet f;
        f.add(u"a:1"_s, u"b:1"_s, u"a:1"_s).isCoMaster = true;
        f.add(u"b:1"_s, u"a:1"_s, u"a:1"_s).isCoMaster = true;
        f.replica(u"c:1"_s, u"a:1"_s);
        return f;
    }

private Q_SLOTS:
    void healthyFleetHasNoEntries()
    {
        QCOMPARE(masterWithTwo().lines(), QStringList());
        QCOMPARE(intermediate(true).lines(), QStringList());
    }

    void deadMasterWithoutReplicas()
    {
        AnalysisFleet f;
        f.master(u"m:1"_s);
        f.dead(u"m:1"_s);
        QCOMPARE(f.lines(), QStringList { u"m:1 (cluster m:1): DeadMasterWithoutReplicas"_s });
    }

    void deadMaster()
    {
        AnalysisFleet f = masterWithTwo();
        f.dead(u"m:1"_s);
        f.stopIo(u"r1:1"_s);
        f.stopIo(u"r2:1"_s);
        QCOMPARE(f.lines(), QStringList { u"m:1 (cluster m:1): DeadMaster"_s });
        const AnalysisEntry e = f.analyze().first();
        QCOMPARE(e.countReplicas, 2);
        QCOMPARE(e.countValidReplicas, 2);
        QCOMPARE(e.countValidReplicatingReplicas, 0);
    }

    void deadMasterAndReplicas()
    {
        AnalysisFleet f = masterWithTwo();
        f.dead(u"m:1"_s);
        f.dead(u"r1:1"_s);
        f.dead(u"r2:1"_s);
        // No valid replica shows GTID: Pseudo-GTID keeps NoFailoverSupport away.
        f.at(u"m:1"_s).pseudoGtid = true;
        QCOMPARE(f.of(u"m:1"_s), u"DeadMasterAndReplicas"_s);
    }

    void deadMasterAndSomeReplicas()
    {
        AnalysisFleet f = masterWithTwo();
        f.dead(u"m:1"_s);
        f.dead(u"r1:1"_s);
        f.stopIo(u"r2:1"_s);
        QCOMPARE(f.of(u"m:1"_s), u"DeadMasterAndSomeReplicas"_s);
    }

    void unreachableMasterWithLaggingReplicas()
    {
        AnalysisFleet f = masterWithTwo();
        f.dead(u"m:1"_s);
        f.at(u"r1:1"_s).slaveLagSeconds = 60;
        f.at(u"r2:1"_s).slaveLagSeconds = 60;
        QCOMPARE(f.of(u"m:1"_s), u"UnreachableMasterWithLaggingReplicas"_s);
        // A delayed replica's lag is on purpose: with every replica delayed it is no finding of
        // its own, and the master is merely unreachable.
        f.at(u"r1:1"_s).sqlDelay = 600;
        f.at(u"r2:1"_s).sqlDelay = 600;
        QCOMPARE(f.of(u"m:1"_s), u"UnreachableMaster"_s);
    }

    void unreachableMaster()
    {
        AnalysisFleet f = masterWithTwo();
        f.dead(u"m:1"_s);
        QCOMPARE(f.of(u"m:1"_s), u"UnreachableMaster"_s);
    }

    void unreachableMasterPartialSuccess()
    {
        AnalysisFleet f = masterWithTwo();
        f.dead(u"m:1"_s);
        f.at(u"m:1"_s).lastCheckPartialSuccess = true;
        QCOMPARE(f.lines(), QStringList());
        f.failToConnect(u"r1:1"_s);
        f.at(u"r1:1"_s).replicationDepth = 1;
        QCOMPARE(f.lines(),
            QStringList({ u"m:1 (cluster m:1): UnreachableMaster"_s,
                u"r1:1 (cluster m:1): FirstTierReplicaFailingToConnectToMaster"_s }));
    }

    void masterSingleReplicaNotReplicating()
    {
        AnalysisFleet f;
        f.master(u"m:1"_s);
        f.replica(u"r1:1"_s, u"m:1"_s);
        f.stopSql(u"r1:1"_s);
        QCOMPARE(f.of(u"m:1"_s), u"MasterSingleReplicaNotReplicating"_s);
    }

    void masterSingleReplicaDead()
    {
        AnalysisFleet f;
        f.master(u"m:1"_s);
        f.replica(u"r1:1"_s, u"m:1"_s);
        f.dead(u"r1:1"_s);
        QCOMPARE(f.of(u"m:1"_s), u"MasterSingleReplicaDead"_s);
    }

    void allMasterReplicasNotReplicating()
    {
        AnalysisFleet f = masterWithTwo();
        f.stopSql(u"r1:1"_s);
        f.stopSql(u"r2:1"_s);
        QCOMPARE(
            f.lines(), QStringList { u"m:1 (cluster m:1): AllMasterReplicasNotReplicating"_s });
    }

    void allMasterReplicasNotReplicatingOrDead()
    {
        AnalysisFleet f = masterWithTwo();
        f.dead(u"r1:1"_s);
        f.stopSql(u"r2:1"_s);
        QCOMPARE(f.of(u"m:1"_s), u"AllMasterReplicasNotReplicatingOrDead"_s);
    }

    void lockedSemiSyncMasterHypothesis()
    {
        AnalysisFleet f = masterWithTwo();
        AnalysisInstance& m = f.at(u"m:1"_s);
        m.semiSyncMasterEnabled = true;
        m.semiSyncMasterStatus = true;
        m.semiSyncMasterWaitForReplicaCount = 2;
        m.semiSyncMasterClients = 1;
        QCOMPARE(f.of(u"m:1"_s), u"LockedSemiSyncMasterHypothesis"_s);
        m.semiSyncMasterClients = 2;
        QCOMPARE(f.of(u"m:1"_s), QString());
    }

    void lockedSemiSyncMaster()
    {
        AnalysisFleet f = masterWithTwo();
        AnalysisInstance& m = f.at(u"m:1"_s);
        m.semiSyncMasterEnabled = true;
        m.semiSyncMasterStatus = true;
        m.semiSyncMasterWaitForReplicaCount = 2;
        m.semiSyncMasterClients = 1;
        m.binaryLogFile = u"bin.000007"_s;
        m.binaryLogPos = 4711;
        // Standing still for longer than ReasonableReplicationLagSeconds (10).
        f.input.staleCoordinates.insert(
            AnalysisFleet::k(u"m:1"_s), { u"bin.000007"_s, 4711, f.input.now.addSecs(-60) });
        QCOMPARE(f.of(u"m:1"_s), u"LockedSemiSyncMaster"_s);
        f.input.staleCoordinates[AnalysisFleet::k(u"m:1"_s)].firstSeen = f.input.now.addSecs(-5);
        QCOMPARE(f.of(u"m:1"_s), u"LockedSemiSyncMasterHypothesis"_s);
    }

    void deadCoMaster()
    {
        AnalysisFleet f = coMasters();
        f.dead(u"a:1"_s);
        f.stopIo(u"b:1"_s);
        f.stopIo(u"c:1"_s);
        QCOMPARE(f.of(u"a:1"_s), u"DeadCoMaster"_s);
    }

    void deadCoMasterAndSomeReplicas()
    {
        AnalysisFleet f = coMasters();
        f.dead(u"a:1"_s);
        f.stopIo(u"b:1"_s);
        f.dead(u"c:1"_s);
        QCOMPARE(f.of(u"a:1"_s), u"DeadCoMasterAndSomeReplicas"_s);
    }

    void unreachableCoMaster()
    {
        AnalysisFleet f = coMasters();
        f.dead(u"a:1"_s);
        QCOMPARE(f.of(u"a:1"_s), u"UnreachableCoMaster"_s);
    }

    void allCoMasterReplicasNotReplicating()
    {
        AnalysisFleet f = coMasters();
        f.stopSql(u"b:1"_s);
        f.stopSql(u"c:1"_s);
        QCOMPARE(f.of(u"a:1"_s), u"AllCoMasterReplicasNotReplicating"_s);
    }

    void deadIntermediateMaster()
    {
        AnalysisFleet f = intermediate(true);
        f.dead(u"im:1"_s);
        f.stopIo(u"r1:1"_s);
        f.stopIo(u"r2:1"_s);
        // m:1 sees its single replica dead; that is its own finding.
        QCOMPARE(f.lines(),
            QStringList({ u"m:1 (cluster m:1): MasterSingleReplicaDead"_s,
                u"im:1 (cluster m:1): DeadIntermediateMaster"_s }));
    }

    void deadIntermediateMasterWithSingleReplica()
    {
        AnalysisFleet f = intermediate(false);
        f.dead(u"im:1"_s);
        f.stopIo(u"r1:1"_s);
        QCOMPARE(f.of(u"im:1"_s), u"DeadIntermediateMasterWithSingleReplica"_s);
    }

    void deadIntermediateMasterWithSingleReplicaFailingToConnect()
    {
        AnalysisFleet f = intermediate(false);
        f.dead(u"im:1"_s);
        f.failToConnect(u"r1:1"_s);
        QCOMPARE(f.of(u"im:1"_s), u"DeadIntermediateMasterWithSingleReplicaFailingToConnect"_s);
    }

    void deadIntermediateMasterAndSomeReplicas()
    {
        AnalysisFleet f = intermediate(true);
        f.dead(u"im:1"_s);
        f.dead(u"r1:1"_s);
        f.stopIo(u"r2:1"_s);
        QCOMPARE(f.of(u"im:1"_s), u"DeadIntermediateMasterAndSomeReplicas"_s);
    }

    void deadIntermediateMasterAndReplicas()
    {
        AnalysisFleet f = intermediate(false);
        f.dead(u"im:1"_s);
        f.dead(u"r1:1"_s);
        QCOMPARE(f.of(u"im:1"_s), u"DeadIntermediateMasterAndReplicas"_s);
    }

    void unreachableIntermediateMasterWithLaggingReplicas()
    {
        AnalysisFleet f = intermediate(true);
        f.dead(u"im:1"_s);
        f.at(u"r1:1"_s).slaveLagSeconds = 60;
        f.at(u"r2:1"_s).slaveLagSeconds = 60;
        QCOMPARE(f.of(u"im:1"_s), u"UnreachableIntermediateMasterWithLaggingReplicas"_s);
        f.at(u"r2:1"_s).slaveLagSeconds = 10; // not above ReasonableReplicationLagSeconds
        QCOMPARE(f.of(u"im:1"_s), u"UnreachableIntermediateMaster"_s);
    }

    void unreachableIntermediateMaster()
    {
        AnalysisFleet f = intermediate(true);
        f.dead(u"im:1"_s);
        QCOMPARE(f.of(u"im:1"_s), u"UnreachableIntermediateMaster"_s);
    }

    void allIntermediateMasterReplicasFailingToConnectOrDead()
    {
        AnalysisFleet f = intermediate(true);
        f.failToConnect(u"r1:1"_s);
        f.failToConnect(u"r2:1"_s);
        QCOMPARE(f.of(u"im:1"_s), u"AllIntermediateMasterReplicasFailingToConnectOrDead"_s);
    }

    void allIntermediateMasterReplicasNotReplicating()
    {
        AnalysisFleet f = intermediate(false);
        f.stopSql(u"r1:1"_s);
        QCOMPARE(f.lines(),
            QStringList { u"im:1 (cluster m:1): AllIntermediateMasterReplicasNotReplicating"_s });
    }

    void firstTierReplicaFailingToConnectToMaster()
    {
        AnalysisFleet f = masterWithTwo();
        f.failToConnect(u"r1:1"_s);
        QCOMPARE(f.lines(),
            QStringList { u"r1:1 (cluster m:1): FirstTierReplicaFailingToConnectToMaster"_s });
        f.at(u"r1:1"_s).lastIoError = u"Fatal error: the slave I/O thread stops"_s;
        QCOMPARE(f.lines(), QStringList());
    }

    void binlogServerFailingToConnectToMaster()
    {
        AnalysisFleet f = masterWithTwo();
        f.at(u"r1:1"_s).binlogServer = true;
        f.at(u"r1:1"_s).replicationDepth = 2;
        f.failToConnect(u"r1:1"_s);
        QCOMPARE(f.of(u"r1:1"_s), u"BinlogServerFailingToConnectToMaster"_s);
    }

    void deadReplicationGroupMemberWithReplicas()
    {
        AnalysisFleet f;
        AnalysisInstance& g = f.master(u"g:1"_s);
        g.replicationGroupName = u"group"_s;
        g.replicationGroupMemberState = u"ONLINE"_s;
        g.replicationGroupMemberRole = u"SECONDARY"_s;
        f.replica(u"r1:1"_s, u"g:1"_s);
        f.dead(u"g:1"_s);
        f.stopIo(u"r1:1"_s);
        QCOMPARE(f.of(u"g:1"_s), u"DeadReplicationGroupMemberWithReplicas"_s);
    }

    void noWriteableMasterWhenRecoverNonWriteableMaster()
    {
        AnalysisFleet f = masterWithTwo();
        f.at(u"m:1"_s).readOnly = true;
        QCOMPARE(f.of(u"m:1"_s), u"NoWriteableMasterStructureWarning"_s);
        f.settings.recoverNonWriteableMaster = true;
        // orchestrator reports it twice: as the analysis and as a structure warning.
        QCOMPARE(f.of(u"m:1"_s),
            u"NoWriteableMasterStructureWarning, NoWriteableMasterStructureWarning"_s);
        QCOMPARE(f.analyze().first().analysis, AnalysisCode::NoWriteableMasterStructureWarning);
    }
};

} // namespace topograph::test

QTEST_GUILESS_MAIN(topograph::test::TestReplicationAnalyzer)
#include "tst_replicationanalyzer.moc"
