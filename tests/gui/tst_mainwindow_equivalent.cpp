// move-equivalent in the app (issue 13), on a file:pos throwaway sandbox of its own (1>2,3):
// before any move the action is disabled with the planner's reason; dragging 3 onto its sibling
// 2 (a file:pos move) records an equivalence, after which "Move by equivalent position…" on 3
// offers 1 in its picker, shows the plan, runs it, and the server replicates from 1 again.
#include <QAction>
#include <QSignalSpy>
#include <QTest>

#include "dialogs/destinationpickerdialog.h"
#include "dialogs/planpreviewdialog.h"
#include "mainwindow.h"
#include "mainwindowfixture.h"
#include "operations/operationcontroller.h"
#include "ops/operationregistry.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

class TestMainWindowEquivalent final : public QObject
{
    Q_OBJECT

    MainWindowFixture m_fixture { 470 };
    std::unique_ptr<ThrowawaySandbox> m_sb;

    static QAction* moveEquivalent(MainWindow& window)
    {
        return findAction(
            &window, OperationRegistry::label(Operation::MoveEquivalent).remove(u'&'));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_fixture.init());
        auto started = ThrowawaySandbox::start(
            m_fixture.filePath(u"filepos"_s), u"filepos"_s, u"1>2,3"_s, 470);
        if (!started && started.error().code == ErrorCode::NotFound) {
            QSKIP(qPrintable(started.error().message));
        }
        QVERIFY2(started.ok(), qPrintable(started ? QString() : started.error().message));
        m_sb = std::move(started).value();
    }

    void movesToTheRecordedServer()
    {
        MainWindow window(m_sb->config, std::nullopt);
        MainWindowFixture::showTheOnlyCluster(window, 3);
        if (QTest::currentTestFailed()) {
            return;
        }
        const InstanceKey moved = m_sb->key(3);
        window.findInstance(moved);
        QAction* action = moveEquivalent(window);
        QVERIFY2(action, "the Instance menu offers move-equivalent");
        QTRY_VERIFY_WITH_TIMEOUT(!action->isEnabled(), kWaitMs);
        QVERIFY2(action->toolTip().contains(u"refuses every destination"_s),
            qPrintable(action->toolTip()));

        // A file:pos move below the sibling records where 3 stood on 1 and where it went on 2.
        QSignalSpy finished(window.operations(), &OperationController::operationFinished);
        dragCard(window, moved, m_sb->key(2));
        PlanPreviewDialog* dialog = window.operations()->dialog();
        QVERIFY2(dialog, "dropping on the sibling opens the plan preview");
        QTRY_VERIFY_WITH_TIMEOUT(dialog->runButton()->isEnabled(), kWaitMs);
        QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
        QVERIFY(finished.wait(kWaitMs));
        QVERIFY2(finished.first().at(1).value<ExecutionReport>().succeeded,
            qPrintable(finished.first().at(1).value<ExecutionReport>().describe()));
        QCOMPARE(masterPortOf(*m_sb, 3), static_cast<int>(m_sb->key(2).port));
        dialog->closeButton()->click();
        QTRY_VERIFY(!window.operations()->dialog());

        // The next snapshot carries the equivalence: the action is enabled, its picker offers 1.
        window.findInstance(moved);
        QTRY_VERIFY_WITH_TIMEOUT(action->isEnabled(), kWaitMs);
        const QString port1 = QString::number(m_sb->key(1).port);
        int shown = -1;
        whenModal<DestinationPickerDialog>(&window, [&](DestinationPickerDialog* picker) {
            QTest::keyClicks(picker->focusWidget(), port1);
            shown = picker->shownCount();
            QTest::keyClick(picker->focusWidget(), Qt::Key_Return);
        });
        finished.clear();
        action->trigger();
        QCOMPARE(shown, 1);
        dialog = window.operations()->dialog();
        QVERIFY2(dialog, "the picker's choice opens the plan preview");
        QTRY_VERIFY_WITH_TIMEOUT(dialog->runButton()->isEnabled(), kWaitMs);
        QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
        QVERIFY(finished.wait(kWaitMs));
        const auto report = finished.first().at(1).value<ExecutionReport>();
        QVERIFY2(report.succeeded, qPrintable(report.describe()));
        QCOMPARE(masterPortOf(*m_sb, 3), static_cast<int>(m_sb->key(1).port));
        QTRY_COMPARE_WITH_TIMEOUT(
            window.scene()->parentOf(moved), std::optional(m_sb->key(1)), kWaitMs);
        dialog->closeButton()->click();
    }

    void cleanupTestCase() { m_sb.reset(); }
};

QTEST_MAIN(TestMainWindowEquivalent)
#include "tst_mainwindow_equivalent.moc"
