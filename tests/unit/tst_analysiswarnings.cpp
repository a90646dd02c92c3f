// The replication analysis's structure warnings, and what leaves entries out: downtime,
// maintenance, ReduceReplicationAnalysisCount, RecoveryIgnoreHostnameFilters; order and validity.
#include <QTest>

#include "analysis/analysiscode.h"
#include "analysisfixture.h"

using namespace Qt::StringLiterals;

namespace topograph::test {

class TestAnalysisWarnings : public QObject
{
    Q_OBJECT

private:
    static AnalysisFleet masterWithTwo()
    {
        AnalysisFleet f;
        f.master(u"m:1"_s);
        f.replica(u"r1:1"_s, u"m:1"_s);
        f.replica(u"r2:1"_s, u"m:1"_s);
        return f;
    }

private Q_SLOTS:
    void codeTableMatchesEnum()
    {
        for (AnalysisCode code : analysiscode::all()) {
            QCOMPARE(analysiscode::fromName(analysiscode::name(code)), code);
            QVERIFY(!analysiscode::description(code).isEmpty());
            QCOMPARE(analysiscode::isStructureWarning(code),
                analysiscode::name(code).endsWith(u"StructureWarning"_s));
        }
    }

    void noLoggingReplicas()
    {
        AnalysisFleet f = masterWithTwo();
        f.at(u"r1:1"_s).logSlaveUpdates = false;
        QCOMPARE(f.lines(), QStringList());
        f.at(u"r2:1"_s).logSlaveUpdates = false;
        QCOMPARE(
            f.lines(), QStringList { u"m:1 (cluster m:1): NoLoggingReplicasStructureWarning"_s });
    }

    void noFailoverSupport()
    {
        AnalysisFleet f = masterWithTwo();
        for (AnalysisInstance& i : f.input.instances) {
            i.mariadbGtid = false;
        }
        QCOMPARE(f.of(u"m:1"_s), u"NoFailoverSupportStructureWarning"_s);
        f.at(u"m:1"_s).pseudoGtid = true;
        QCOMPARE(f.of(u"m:1"_s), QString());
    }

    void binlogFormatMixes_data()
    {
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("second");
        QTest::addColumn<QString>("expected");
        QTest::newRow("statement+mixed") << u"STATEMENT"_s << u"MIXED"_s
                                         << u"StatementAndMixedLoggingReplicasStructureWarning"_s;
        QTest::newRow("statement+row")
            << u"STATEMENT"_s << u"ROW"_s << u"StatementAndRowLoggingReplicasStructureWarning"_s;
        QTest::newRow("mixed+row")
            << u"MIXED"_s << u"ROW"_s << u"MixedAndRowLoggingReplicasStructureWarning"_s;
        QTest::newRow("row+row") << u"ROW"_s << u"ROW"_s << QString();
    }
    void binlogFormatMixes()
    {
        QFETCH(QString, first);
        QFETCH(QString, second);
        QFETCH(QString, expected);
        AnalysisFleet f = masterWithTwo();
        f.at(u"r1:1"_s).binlogFormat = first;
        f.at(u"r2:1"_s).binlogFormat = second;
        QCOMPARE(f.of(u"m:1"_s), expected);
    }

    void multipleMajorVersions()
    {
        AnalysisFleet f = masterWithTwo();
        f.at(u"r2:1"_s).majorVersion = u"10.6"_s;
        QCOMPARE(f.of(u"m:1"_s), u"MultipleMajorVersionsLoggingReplicasStructureWarning"_s);
        f.at(u"r2:1"_s).logBin = false; // only logging replicas count
        QCOMPARE(f.of(u"m:1"_s), QString());
    }

    void differentGtidModes()
    {
        AnalysisFleet f = masterWithTwo();
        f.at(u"m:1"_s).gtidMode = u"ON"_s;
        f.at(u"r1:1"_s).gtidMode = u"ON"_s;
        QCOMPARE(f.of(u"m:1"_s), u"DifferentGTIDModesStructureWarning"_s);
        f.at(u"r2:1"_s).gtidMode = u"ON"_s;
        QCOMPARE(f.of(u"m:1"_s), QString());
    }

    void errantGtid()
    {
        AnalysisFleet f = masterWithTwo();
        f.at(u"r1:1"_s).gtidErrant = u"00020194-3333-3333-3333-333333333333:1-2"_s;
        QCOMPARE(f.lines(), QStringList { u"m:1 (cluster m:1): ErrantGTIDStructureWarning"_s });
        // A downtimed replica's errant GTIDs are expected (someone works on it).
        f.downtime(u"r1:1"_s);
        QCOMPARE(f.lines(), QStringList());
    }

    void notEnoughValidSemiSyncReplicas()
    {
        AnalysisFleet f = masterWithTwo();
        AnalysisInstance& m = f.at(u"m:1"_s);
        m.semiSyncMasterEnabled = true;
        m.semiSyncMasterStatus = false;
        m.semiSyncMasterWaitForReplicaCount = 2;
        m.semiSyncMasterClients = 1;
        QCOMPARE(f.of(u"m:1"_s), u"NotEnoughValidSemiSyncReplicasStructureWarning"_s);
    }

    void failureThenWarnings()
    {
        AnalysisFleet f = masterWithTwo();
        f.dead(u"m:1"_s);
        f.stopIo(u"r1:1"_s);
        f.stopIo(u"r2:1"_s);
        f.at(u"r1:1"_s).logSlaveUpdates = false;
        f.at(u"r2:1"_s).logSlaveUpdates = false;
        QCOMPARE(f.of(u"m:1"_s), u"DeadMaster, NoLoggingReplicasStructureWarning"_s);
    }

    void downtimedInstanceIsLeftOut()
    {
        AnalysisFleet f = masterWithTwo();
        f.dead(u"m:1"_s);
        f.stopIo(u"r1:1"_s);
        f.stopIo(u"r2:1"_s);
        f.downtime(u"m:1"_s);
        QCOMPARE(f.lines(), QStringList());
        f.settings.includeDowntimed = true;
        QCOMPARE(f.analyze().size(), 1);
        QVERIFY(f.analyze().first().downtimed);
    }

    void endedDowntimeCountsNoMore()
    {
        AnalysisFleet f = masterWithTwo();
        f.dead(u"m:1"_s);
        f.downtime(u"m:1"_s, -1);
        QCOMPARE(f.of(u"m:1"_s), u"UnreachableMaster"_s);
        // A NULL end is no downtime either (orchestrator: ifnull(end, now()) > now()).
        f.input.downtimeEnds[AnalysisFleet::k(u"m:1"_s)] = QDateTime();
        QCOMPARE(f.of(u"m:1"_s), u"UnreachableMaster"_s);
    }

    void downtimedReplicasHideFindingsAboutThem()
    {
        AnalysisFleet f = masterWithTwo();
        f.stopSql(u"r1:1"_s);
        f.stopSql(u"r2:1"_s);
        f.downtime(u"r1:1"_s);
        QCOMPARE(f.of(u"m:1"_s), u"AllMasterReplicasNotReplicating"_s);
        f.downtime(u"r2:1"_s);
        QCOMPARE(f.lines(), QStringList());
        // A dead master is about the master: its replicas' downtime does not hide it.
        f.dead(u"m:1"_s);
        QCOMPARE(f.of(u"m:1"_s), u"DeadMaster"_s);
    }

    void maintenanceLeavesTheInstanceOut()
    {
        AnalysisFleet f = masterWithTwo();
        f.dead(u"m:1"_s);
        f.input.inMaintenance.insert(AnalysisFleet::k(u"m:1"_s));
        QCOMPARE(f.lines(), QStringList());
    }

    void lateAttemptMakesTheCheckInvalid()
    {
        AnalysisFleet f = masterWithTwo();
        // InstancePollSeconds (5) + 1 after last seen is still valid; later is not.
        f.at(u"m:1"_s).lastAttemptedCheck = kChecked.addSecs(6);
        QCOMPARE(f.lines(), QStringList());
        f.at(u"m:1"_s).lastAttemptedCheck = kChecked.addSecs(7);
        QCOMPARE(f.of(u"m:1"_s), u"UnreachableMaster"_s);
    }

    void nullLastSeenIsInvalid()
    {
        AnalysisFleet f = masterWithTwo();
        f.at(u"m:1"_s).lastSeen = QDateTime();
        f.stopIo(u"r1:1"_s);
        f.stopIo(u"r2:1"_s);
        QCOMPARE(f.of(u"m:1"_s), u"DeadMaster"_s);
        f.at(u"r1:1"_s).lastSeen = QDateTime();
        QCOMPARE(f.of(u"m:1"_s), u"DeadMasterAndSomeReplicas"_s);
    }

    void reduceReplicationAnalysisCount()
    {
        // A lone read-only master: a structure warning, on an instance without replicas that
        // ReduceReplicationAnalysisCount does not analyse.
        AnalysisFleet f;
        f.master(u"m:1"_s).readOnly = true;
        QCOMPARE(f.lines(), QStringList());
        f.settings.reduceReplicationAnalysisCount = false;
        QCOMPARE(f.of(u"m:1"_s), u"NoWriteableMasterStructureWarning"_s);
        f.settings.includeNoProblem = true;
        f.at(u"m:1"_s).readOnly = false;
        QCOMPARE(f.analyze().size(), 1);
        QCOMPARE(f.analyze().first().analysis, AnalysisCode::NoProblem);
    }

    void recoveryIgnoreHostnameFilters()
    {
        AnalysisFleet f = masterWithTwo();
        f.dead(u"m:1"_s);
        f.settings.recoveryIgnoreHostnameFilters = { u"^m$"_s };
        QCOMPARE(f.lines(), QStringList());
    }

    void replicasNameTheResolvedMaster()
    {
        AnalysisFleet f;
        f.master(u"m:1"_s);
        f.replica(u"r1:1"_s, u"m.example.org:1"_s);
        f.replica(u"r2:1"_s, u"m.example.org:1"_s);
        f.at(u"r1:1"_s).clusterName = u"m:1"_s;
        f.at(u"r2:1"_s).clusterName = u"m:1"_s;
        f.dead(u"m:1"_s);
        QCOMPARE(f.of(u"m:1"_s), u"DeadMasterWithoutReplicas"_s);
        f.input.resolvedHostnames.insert(u"m"_s, u"m.example.org"_s);
        QCOMPARE(f.of(u"m:1"_s), u"UnreachableMaster"_s);
    }

    void orderIsMastersThenReplicaCount()
    {
        AnalysisFleet f;
        f.master(u"z:1"_s);
        f.replica(u"y:1"_s, u"z:1"_s);
        f.replica(u"b:1"_s, u"y:1"_s, 2);
        f.replica(u"a:1"_s, u"y:1"_s, 2);
        f.replica(u"x:1"_s, u"z:1"_s);
        f.replica(u"c:1"_s, u"x:1"_s, 2);
        f.stopSql(u"a:1"_s);
        f.stopSql(u"b:1"_s);
        f.stopSql(u"c:1"_s);
        f.dead(u"z:1"_s);
        QCOMPARE(f.lines(),
            QStringList({ u"z:1 (cluster z:1): UnreachableMaster"_s,
                u"y:1 (cluster z:1): AllIntermediateMasterReplicasNotReplicating"_s,
                u"x:1 (cluster z:1): AllIntermediateMasterReplicasNotReplicating"_s }));
    }

    void largeFleet()
    {
        // 2,000 instances: 400 masters with four replicas each, every fifth master dead.
        AnalysisFleet f;
        for (int m = 0; m < 400; ++m) {
            const QString master = u"m%1:1"_s.arg(m);
            f.master(master);
            for (int r = 0; r < 4; ++r) {
                f.replica(u"r%1-%2:1"_s.arg(m).arg(r), master);
            }
            if (m % 5 == 0) {
                f.dead(master);
            }
        }
        const auto entries = f.analyze();
        QCOMPARE(entries.size(), 80);
        for (const AnalysisEntry& e : entries) {
            QCOMPARE(e.analysis, AnalysisCode::UnreachableMaster);
            QCOMPARE(e.countReplicas, 4);
        }
    }
};

} // namespace topograph::test

QTEST_GUILESS_MAIN(topograph::test::TestAnalysisWarnings)
#include "tst_analysiswarnings.moc"
