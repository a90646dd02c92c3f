// Operations from the main window against a sandbox of its own: the card's context menu opens
// the plan preview and runs nothing by itself; dragging a card onto a sibling relocates it
// (checked on the servers) and Move back restores it; a refused drop changes nothing and says
// why; every operation is enabled alike in the Instance menu, the context menu and the details
// panel; the keyboard walks the tree, and "Move to…" plus Edit ▸ Move back relocate from it.
#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QTreeView>
#include <QToolButton>

#include "backend/auditstore.h"
#include "dialogs/destinationpickerdialog.h"
#include "dialogs/planpreviewdialog.h"
#include "mainwindow.h"
#include "mainwindowfixture.h"
#include "models/auditlistmodel.h"
#include "operations/operationactions.h"
#include "operations/operationcontroller.h"
#include "panels/auditpanel.h"
#include "panels/instancedetailspanel.h"
#include "panels/statusmessage.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

class TestMainWindowOperations final : public QObject
{
    Q_OBJECT

    MainWindowFixture m_fixture { 110 };

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_fixture.init()); }

    void contextMenuAndShortcutsOnACard()
    {
        auto loaded = Sandbox::fromEnvironment(u"gtid"_s);
        if (!loaded) {
            QSKIP(qPrintable(loaded.error().message));
        }
        Configuration config = loaded->config;
        config.sqlite3DataFile = m_fixture.filePath(u"menu.db"_s);
        const InstanceKey leaf = loaded->deepest().key;
        MainWindow window(config, leaf);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.scene()->setAnimationDuration(0);
        QTRY_COMPARE_WITH_TIMEOUT(window.scene()->keys().size(), loaded->instances.size(), kWaitMs);

        // Zoom shortcuts act on the canvas.
        const qreal before = window.canvas()->zoomFactor();
        QTest::keyClick(&window, Qt::Key_Plus, Qt::ControlModifier);
        QVERIFY(window.canvas()->zoomFactor() > before);
        QTest::keyClick(&window, Qt::Key_Minus, Qt::ControlModifier);
        QTest::keyClick(&window, Qt::Key_Minus, Qt::ControlModifier);
        QVERIFY(window.canvas()->zoomFactor() < before);
        QTest::keyClick(&window, Qt::Key_0, Qt::ControlModifier);
        window.findInstance(leaf);
        QCOMPARE(window.scene()->selectedInstance(), std::optional(leaf));

        // A right click on the card opens its menu; a replication change goes to the preview
        // and runs nothing until Run.
        const QPoint at = viewportPoint(window, leaf);
        QTest::mouseClick(window.windowHandle(), Qt::RightButton, {},
            window.canvas()->viewport()->mapTo(&window, at));
        QMenu* menu = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((menu = contextMenu(window)) != nullptr, kWaitMs);
        QAction* stop = window.operationActions()->action(Operation::StopReplica);
        QVERIFY(menu->actions().contains(stop));
        QVERIFY(stop->isEnabled() && stop->isVisible());
        // It replicates: only "stop" is offered.
        QVERIFY(!window.operationActions()->action(Operation::StartReplica)->isVisible());
        stop->trigger();
        menu->close();
        PlanPreviewDialog* dialog = window.operations()->dialog();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->runButton()->isEnabled(), kWaitMs);
        QVERIFY(dialog->planText().contains(u"STOP SLAVE"_s));
        dialog->closeButton()->click();
        QTRY_VERIFY(!window.operations()->dialog());
        QCOMPARE(masterPortOfInstance(*loaded, leaf),
            static_cast<int>(loaded->instance(loaded->deepest().master)
                                 .key.port)); // still replicating from its master
    }

    void dragOntoASiblingRelocatesInTheSandbox()
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

        const InstanceKey moved = sb->key(3);
        const InstanceKey sibling = sb->key(2);
        QSignalSpy finished(window.operations(), &OperationController::operationFinished);
        dragCard(window, moved, sibling);
        PlanPreviewDialog* dialog = window.operations()->dialog();
        QVERIFY2(dialog, "dropping on a valid target opens the plan preview");
        QTRY_VERIFY_WITH_TIMEOUT(dialog->runButton()->isEnabled(), kWaitMs);
        QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
        QVERIFY(finished.wait(kWaitMs));
        const auto report = finished.first().at(1).value<ExecutionReport>();
        QVERIFY2(report.succeeded, qPrintable(report.describe()));

        // The server itself replicates from the sibling now, and the canvas shows it.
        QCOMPARE(masterPortOf(*sb, 3), static_cast<int>(sibling.port));
        QTRY_COMPARE_WITH_TIMEOUT(window.scene()->parentOf(moved), std::optional(sibling), kWaitMs);
        QVERIFY(dialog->moveBackButton()->isVisible());
        QVERIFY(dialog->moveBackButton()->isEnabled());

        // The audit dock lists the relocate at the top, with who ran it; the context filter
        // "the selected instance" keeps it, another instance's context hides it.
        AuditPanel* audit = window.auditPanel();
        const auto topRow
            = [audit](int column) { return audit->proxy()->index(0, column).data().toString(); };
        QTRY_COMPARE_WITH_TIMEOUT(topRow(AuditListModel::ActionColumn), u"relocate"_s, kWaitMs);
        QCOMPARE(topRow(AuditListModel::InstanceColumn), moved.toString());
        QCOMPARE(topRow(AuditListModel::OwnerColumn), AuditStore::defaultOwner());
        QVERIFY2(topRow(AuditListModel::MessageColumn).contains(u"result: ok"_s),
            qPrintable(topRow(AuditListModel::MessageColumn)));
        audit->setSelection(moved, QString());
        audit->setContext(AuditPanel::Context::Instance);
        QCOMPARE(topRow(AuditListModel::ActionColumn), u"relocate"_s);
        audit->setSelection(sb->key(6), QString());
        for (int r = 0; r < audit->shownRows(); ++r) {
            QCOMPARE(audit->proxy()->index(r, AuditListModel::InstanceColumn).data().toString(),
                sb->key(6).toString());
        }
        audit->setContext(AuditPanel::Context::All);
        // Double-clicking the row selects its instance.
        const QModelIndex row = audit->proxy()->index(0, AuditListModel::InstanceColumn);
        Q_EMIT audit->view()->doubleClicked(row);
        QTRY_COMPARE_WITH_TIMEOUT(
            window.scene()->selectedInstance(), std::optional(moved), kWaitMs);

        // Move back plans the reverse move, which puts the replica where it was.
        finished.clear();
        QTest::mouseClick(dialog->moveBackButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->runButton()->isEnabled(), kWaitMs);
        QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
        QVERIFY(finished.wait(kWaitMs));
        QVERIFY(finished.first().at(1).value<ExecutionReport>().succeeded);
        QCOMPARE(masterPortOf(*sb, 3), static_cast<int>(sb->key(1).port));
        QTRY_COMPARE_WITH_TIMEOUT(
            window.scene()->parentOf(moved), std::optional(sb->key(1)), kWaitMs);
        dialog->closeButton()->click();
    }

    void dropOnARefusedTargetChangesNothing()
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

        // 4 cannot replicate from its own replica 5.
        QSignalSpy cancelled(window.scene(), &ClusterScene::dragCancelled);
        QSignalSpy dropped(window.scene(), &ClusterScene::dropRequested);
        const QPoint to = dragOnto(window, sb->key(4), sb->key(5));
        NodeItem* target = window.scene()->nodeItem(sb->key(5));
        QCOMPARE(target->dropVerdict(), DropVerdict::Refused);
        QVERIFY(!target->toolTip().isEmpty());
        QCOMPARE(window.scene()->nodeItem(sb->key(2))->dropVerdict(), DropVerdict::Valid);
        QTest::mouseRelease(window.canvas()->viewport(), Qt::LeftButton, {}, to);
        QCOMPARE(cancelled.size(), 1);
        QCOMPARE(dropped.size(), 0);
        QVERIFY(!window.operations()->dialog());
        // After the release the card's colours are gone: the status bar keeps the reason.
        const QString message = window.statusMessage()->message();
        QVERIFY2(message.contains(sb->key(4).toString()) && message.contains(target->dropReason()),
            qPrintable(message));
        QVERIFY(window.statusMessage()->isError());
        QCOMPARE(masterPortOf(*sb, 4), static_cast<int>(sb->key(1).port));
        QCOMPARE(masterPortOf(*sb, 5), static_cast<int>(sb->key(4).port));
    }

    void operationsAgreeInEveryMenu()
    {
        ThrowawaySandbox* sb = m_fixture.throwaway();
        if (!sb) {
            QSKIP("no throwaway sandbox (run through scripts/test)");
        }
        QVERIFY(execOn(*sb, 3, u"STOP SLAVE"_s));
        auto restart = qScopeGuard([sb] { execOn(*sb, 3, u"START SLAVE"_s); });
        MainWindow window(sb->config, std::nullopt);
        MainWindowFixture::showTheOnlyCluster(window, 6);
        if (QTest::currentTestFailed()) {
            return;
        }
        QTRY_VERIFY_WITH_TIMEOUT(window.snapshot().find(sb->key(3))
                && window.snapshot().find(sb->key(3))->isReplicationStopped(),
            kWaitMs);
        OperationActions* actions = window.operationActions();

        // Every operation, as the Instance menu, the card's menu and the details panel show it.
        const auto compareEverywhere = [&](const InstanceKey& key) {
            window.findInstance(key);
            QCOMPARE(actions->instance(), std::optional(key));
            const QPoint at = viewportPoint(window, key);
            QTest::mouseClick(window.windowHandle(), Qt::RightButton, {},
                window.canvas()->viewport()->mapTo(&window, at));
            QMenu* menu = nullptr;
            QTRY_VERIFY_WITH_TIMEOUT((menu = contextMenu(window)) != nullptr, kWaitMs);
            for (const OperationInfo& info : OperationRegistry::all()) {
                QAction* action = actions->action(info.operation);
                QVERIFY(window.instanceMenu()->actions().contains(action));
                QVERIFY(menu->actions().contains(action));
                if (QToolButton* button = window.details()->buttonFor(action)) {
                    QCOMPARE(button->isEnabled(), action->isEnabled());
                    QCOMPARE(button->isHidden(), !action->isVisible());
                    QCOMPARE(button->toolTip(), action->toolTip());
                }
            }
            menu->close();
            delete menu;
        };
        const auto enabled = [&](Operation op) {
            return actions->action(op)->isVisible() && actions->action(op)->isEnabled();
        };
        compareEverywhere(sb->key(1)); // the primary
        QVERIFY(!enabled(Operation::MoveUp));
        QVERIFY(!enabled(Operation::TakeMaster));
        QVERIFY(!enabled(Operation::Relocate));
        QVERIFY(enabled(Operation::Refresh));
        compareEverywhere(sb->key(4)); // an intermediate master
        QVERIFY(!enabled(Operation::MoveUp));
        QVERIFY(enabled(Operation::MoveUpReplicas));
        QVERIFY(enabled(Operation::Relocate));
        compareEverywhere(sb->key(5)); // a leaf
        QVERIFY(enabled(Operation::MoveUp));
        QVERIFY(enabled(Operation::StopReplica));
        QVERIFY(!actions->action(Operation::StartReplica)->isVisible());
        compareEverywhere(sb->key(3)); // a stopped replica
        QVERIFY(enabled(Operation::StartReplica));
        QVERIFY(!actions->action(Operation::StopReplica)->isVisible());
        window.setReadOnly(true);
        compareEverywhere(sb->key(5)); // read-only mode: only what changes nothing
        for (const OperationInfo& info : OperationRegistry::all()) {
            QCOMPARE(
                actions->action(info.operation)->isEnabled(), info.kind == OperationKind::View);
        }
    }

    void keyboardNavigationAndMoveTo()
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
        // 1>2,3,4;4>5,6 drawn left to right: arrows walk the tree.
        window.findInstance(sb->key(1));
        QWidget* viewport = window.canvas()->viewport();
        window.canvas()->setFocus();
        const auto press = [&](Qt::Key key) { QTest::keyClick(viewport, key); };
        const auto selected = [&] { return window.scene()->selectedInstance(); };
        press(Qt::Key_Right); // the child nearest in height: 1 sits beside 3
        QCOMPARE(selected(), std::optional(sb->key(3)));
        press(Qt::Key_Down);
        QCOMPARE(selected(), std::optional(sb->key(4)));
        press(Qt::Key_Right); // 4 sits between 5 and 6: the smaller key
        QCOMPARE(selected(), std::optional(sb->key(5)));
        press(Qt::Key_Down);
        QCOMPARE(selected(), std::optional(sb->key(6)));
        press(Qt::Key_Left);
        QCOMPARE(selected(), std::optional(sb->key(4)));
        press(Qt::Key_Up);
        QCOMPARE(selected(), std::optional(sb->key(3)));
        press(Qt::Key_Down);
        press(Qt::Key_Right);
        QCOMPARE(selected(), std::optional(sb->key(5)));
        // Enter shows the details of the selected card.
        auto* detailsDock = window.findChild<QDockWidget*>(u"detailsDock"_s);
        detailsDock->hide();
        press(Qt::Key_Return);
        QVERIFY(detailsDock->isVisible());
        QCOMPARE(window.details()->instanceKey(), std::optional(sb->key(5)));
        // The menu key opens the card's menu.
        press(Qt::Key_Menu);
        QMenu* menu = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((menu = contextMenu(window)) != nullptr, kWaitMs);
        menu->close();
        delete menu;

        // "Move to…" from the keyboard: Ctrl+M, type part of 2's name, Enter, then Run.
        const QString port2 = QString::number(sb->key(2).port);
        int shown = -1;
        whenModal<DestinationPickerDialog>(&window, [&](DestinationPickerDialog* picker) {
            QTest::keyClicks(picker->focusWidget(), port2.right(3));
            shown = picker->shownCount();
            QTest::keyClick(picker->focusWidget(), Qt::Key_Return);
        });
        QTest::keyClick(&window, Qt::Key_M, Qt::ControlModifier);
        QCOMPARE(shown, 1);
        PlanPreviewDialog* dialog = window.operations()->dialog();
        QVERIFY2(dialog, "the picker's choice opens the plan preview");
        QTRY_VERIFY_WITH_TIMEOUT(dialog->runButton()->isEnabled(), kWaitMs);
        QSignalSpy finished(window.operations(), &OperationController::operationFinished);
        QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
        QVERIFY(finished.wait(kWaitMs));
        QVERIFY2(finished.first().at(1).value<ExecutionReport>().succeeded,
            qPrintable(finished.first().at(1).value<ExecutionReport>().describe()));
        QCOMPARE(masterPortOf(*sb, 5), static_cast<int>(sb->key(2).port));
        dialog->closeButton()->click();
        QTRY_VERIFY(!window.operations()->dialog());

        // Move back from the Edit menu's history (Ctrl+Z), not only from the result dialog.
        finished.clear();
        QAction* moveBack = findAction(&window,
            u"Move back: relocate %1 below %2"_s.arg(sb->key(5).toString(), sb->key(2).toString()));
        QVERIFY2(moveBack && moveBack->isEnabled(), "Edit ▸ Move back names the last move");
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        dialog = window.operations()->dialog();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->runButton()->isEnabled(), kWaitMs);
        QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
        QVERIFY(finished.wait(kWaitMs));
        QVERIFY(finished.first().at(1).value<ExecutionReport>().succeeded);
        QCOMPARE(masterPortOf(*sb, 5), static_cast<int>(sb->key(4).port));
        dialog->closeButton()->click();
        QVERIFY(!findAction(&window, u"Move back"_s)->isEnabled()); // nothing left to move back
    }

    void cleanupTestCase() { m_fixture.reset(); }
};

QTEST_MAIN(TestMainWindowOperations)
#include "tst_mainwindow_operations.moc"
