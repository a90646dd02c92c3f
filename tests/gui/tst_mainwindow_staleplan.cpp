// The plan preview is not a promise about the future (issue 12, finding 4): when the topology
// changes while the preview is open, Run plans again from fresh probes, runs nothing, says so
// with what changed, and shows the new plan; running that one then works.
#include <QLabel>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

#include "backend/auditstore.h"
#include "dialogs/planpreviewdialog.h"
#include "mainwindow.h"
#include "mainwindowfixture.h"
#include "operations/operationactions.h"
#include "operations/operationcontroller.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

namespace {

// Points instance number of the throwaway sandbox at master, by GTID, behind Topograph's back.
bool repointBehindTheBack(const ThrowawaySandbox& sb, int number, int master)
{
    return execOn(sb, number, u"STOP SLAVE"_s)
        && execOn(sb, number,
            u"CHANGE MASTER TO MASTER_HOST='%1', MASTER_PORT=%2, MASTER_USE_GTID=slave_pos"_s.arg(
                sb.key(master).host, QString::number(sb.key(master).port)))
        && execOn(sb, number, u"START SLAVE"_s);
}

} // namespace

class TestMainWindowStalePlan final : public QObject
{
    Q_OBJECT

    MainWindowFixture m_fixture { 330 };

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_fixture.init()); }

    void runRefusesAPlanTheTopologyOutgrew()
    {
        ThrowawaySandbox* sb = m_fixture.throwaway();
        if (!sb) {
            QSKIP("no throwaway sandbox (run through scripts/test)");
        }
        MainWindow window(sb->config, std::nullopt);
        MainWindowFixture::showTheOnlyCluster(window, 6);
        if (QTest::currentTestFailed()) {
            return;
        }
        // 1>2,3,4;4>5,6: "move up" 5 means below 1, its master's master.
        const InstanceKey moved = sb->key(5);
        window.findInstance(moved);
        QCOMPARE(window.operationActions()->instance(), std::optional(moved));
        QAction* moveUp = window.operationActions()->action(Operation::MoveUp);
        QVERIFY(moveUp->isEnabled() && moveUp->isVisible());
        moveUp->trigger();
        PlanPreviewDialog* dialog = window.operations()->dialog();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->runButton()->isEnabled(), kWaitMs);
        QVERIFY2(dialog->planText().contains(u"MASTER_PORT=%1"_s.arg(sb->key(1).port)),
            qPrintable(dialog->planText()));

        // Behind the preview's back, 4 (5's master) moves below 2: moving 5 up now means
        // below 2, not 1.
        auto restore = qScopeGuard([sb] { repointBehindTheBack(*sb, 4, 1); });
        QVERIFY(repointBehindTheBack(*sb, 4, 2));
        QTRY_COMPARE_WITH_TIMEOUT(masterPortOf(*sb, 4), static_cast<int>(sb->key(2).port), kWaitMs);
        auto audited = AuditStore(*sb->backend).recent(100);
        QVERIFY(audited.ok());
        const qsizetype auditRows = audited->size();

        QSignalSpy finished(window.operations(), &OperationController::operationFinished);
        QSignalSpy running(window.operations(), &OperationController::runningChanged);
        QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
        // Running, then not any more: the fresh plan differs, so nothing runs.
        QTRY_VERIFY_WITH_TIMEOUT(running.size() >= 2, kWaitMs);
        QVERIFY(!window.operations()->isRunning());
        QCOMPARE(finished.size(), 0);
        QCOMPARE(masterPortOf(*sb, 5), static_cast<int>(sb->key(4).port));
        auto* banner = dialog->findChild<QLabel*>(u"resultLabel"_s);
        QVERIFY(banner && banner->isVisible());
        QVERIFY2(banner->text().contains(u"The topology changed since this plan was made; "
                                         "nothing was run"_s),
            qPrintable(banner->text()));
        QVERIFY2(banner->text().contains(sb->key(2).toString()), qPrintable(banner->text()));
        // The fresh plan is on show, ready to be reviewed and run.
        QVERIFY2(dialog->planText().contains(u"MASTER_PORT=%1"_s.arg(sb->key(2).port)),
            qPrintable(dialog->planText()));
        QVERIFY(dialog->runButton()->isEnabled());
        audited = AuditStore(*sb->backend).recent(100);
        QVERIFY(audited.ok());
        QCOMPARE(audited->size(), auditRows); // no row claims anything ran

        // Run on the fresh plan runs it: 5 below 2.
        QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
        QVERIFY(finished.wait(kWaitMs));
        const auto report = finished.first().at(1).value<ExecutionReport>();
        QVERIFY2(report.succeeded, qPrintable(report.describe()));
        QCOMPARE(masterPortOf(*sb, 5), static_cast<int>(sb->key(2).port));
        dialog->closeButton()->click();
        QVERIFY(repointBehindTheBack(*sb, 5, 4));
    }

    void cleanupTestCase() { m_fixture.reset(); }
};

QTEST_MAIN(TestMainWindowStalePlan)
#include "tst_mainwindow_staleplan.moc"
