// The main window against real servers: it discovers a sandbox, shows its cluster, relocates a
// replica when a card is dragged onto another (checked on the servers themselves), refuses drops
// the planner refuses, and keeps processing events while an instance of the fleet is frozen.
#include <QAction>
#include <QApplication>
#include <QCompleter>
#include <QDockWidget>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QTimer>
#include <QToolButton>
#include <QElapsedTimer>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

#include <csignal>
#include <memory>

#include "canvas/clusterscene.h"
#include "canvas/clusterview.h"
#include "canvas/nodeitem.h"
#include "backend/backend.h"
#include "backend/topologywriter.h"
#include "db/mysqlsession.h"
#include "dialogs/discoverdialog.h"
#include "dialogs/planpreviewdialog.h"
#include "mainwindow.h"
#include "models/clusterlistmodel.h"
#include "dialogs/destinationpickerdialog.h"
#include "models/instancedetailsmodel.h"
#include "operations/operationactions.h"
#include "operations/operationcontroller.h"
#include "panels/clusterlistpanel.h"
#include "panels/findbar.h"
#include "panels/instancedetailspanel.h"
#include "panels/statusmessage.h"
#include "sandboxfixture.h"
#include "throwawaysandbox.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

namespace {

constexpr int kWaitMs = 60000;

QAction* findAction(QWidget* window, const QString& text)
{
    for (QAction* action : window->findChildren<QAction*>()) {
        if (action->text().remove(u'&') == text) {
            return action;
        }
    }
    return nullptr;
}

QPoint viewportPoint(const MainWindow& window, const InstanceKey& key)
{
    NodeItem* item = window.scene()->nodeItem(key);
    return item ? window.canvas()->mapFromScene(item->sceneBoundingRect().center()) : QPoint();
}

// Presses on dragged's card and moves in steps onto target's card, without releasing.
QPoint dragOnto(const MainWindow& window, const InstanceKey& dragged, const InstanceKey& target)
{
    QWidget* viewport = window.canvas()->viewport();
    const QPoint from = viewportPoint(window, dragged);
    const QPoint to = viewportPoint(window, target);
    QTest::mousePress(viewport, Qt::LeftButton, {}, from);
    for (int i = 1; i <= 8; ++i) {
        QTest::mouseMove(viewport, from + (to - from) * i / 8);
    }
    return to;
}

void dragCard(const MainWindow& window, const InstanceKey& dragged, const InstanceKey& target)
{
    const QPoint to = dragOnto(window, dragged, target);
    QTest::mouseRelease(window.canvas()->viewport(), Qt::LeftButton, {}, to);
}

// The master port an instance replicates from, read from the server itself.
int masterPortOf(const ThrowawaySandbox& sb, int number)
{
    auto session = MySqlSession::open(
        sb.sandbox.settings(sb.sandbox.instance(number)), u"gui-test-%1"_s.arg(number));
    if (!session) {
        return -1;
    }
    auto row = (*session)->queryRow(u"SHOW SLAVE STATUS"_s);
    return row ? row->value(u"Master_Port"_s).toInt() : 0;
}

// Runs one statement on instance number of a throwaway sandbox.
bool execOn(const ThrowawaySandbox& sb, int number, const QString& sql)
{
    auto session = MySqlSession::open(
        sb.sandbox.settings(sb.sandbox.instance(number)), u"gui-test-exec-%1"_s.arg(number));
    return session && (*session)->execute(sql).ok();
}

// The open context menu of the canvas, if any.
QMenu* contextMenu(const MainWindow& window)
{
    return window.findChild<QMenu*>(u"nodeContextMenu"_s);
}

// Drives the next modal dialog once the event loop runs: the "Move to…" picker or the like.
template <typename Dialog, typename Drive> void whenModal(QObject* context, Drive drive)
{
    QTimer::singleShot(0, context, [drive] {
        auto* dialog = qobject_cast<Dialog*>(QApplication::activeModalWidget());
        QVERIFY2(dialog, "the expected dialog did not open");
        drive(dialog);
    });
}

// The master port an instance of the shared sandbox replicates from, with both threads running
// (0 when it is not replicating).
int masterPortOfInstance(const Sandbox& sb, const InstanceKey& key)
{
    for (const SandboxInstance& instance : sb.instances) {
        if (instance.key != key) {
            continue;
        }
        auto session = MySqlSession::open(sb.settings(instance), u"gui-test-shared"_s);
        if (!session) {
            return -1;
        }
        auto row = (*session)->queryRow(u"SHOW SLAVE STATUS"_s);
        const bool running = row && row->value(u"Slave_SQL_Running"_s).toString() == u"Yes"_s
            && row->value(u"Slave_IO_Running"_s).toString() == u"Yes"_s;
        return running ? row->value(u"Master_Port"_s).toInt() : 0;
    }
    return -1;
}

} // namespace

class TestMainWindow final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ThrowawaySandbox> m_throwaway;

    Configuration emptyBackendConfig(const QString& name) const
    {
        Configuration config;
        config.sqlite3DataFile = m_dir.filePath(name + u".db"_s);
        return config;
    }

    // One six-instance GTID sandbox (1>2,3,4;4>5,6) shared by the tests that change it.
    ThrowawaySandbox* throwaway()
    {
        if (!m_throwaway) {
            auto started = ThrowawaySandbox::start(
                m_dir.filePath(u"throwaway"_s), u"gtid"_s, u"1>2,3,4;4>5,6"_s, 90);
            if (started) {
                m_throwaway = std::move(started).value();
            } else {
                qWarning("%s", qPrintable(started.error().message));
            }
        }
        return m_throwaway.get();
    }

    // Shows the window with its one cluster open, every card placed and fitted (no animation).
    static void showTheOnlyCluster(MainWindow& window, qsizetype instances)
    {
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.scene()->setAnimationDuration(0);
        QTRY_COMPARE_WITH_TIMEOUT(window.clusterList()->model()->rowCount(), 1, kWaitMs);
        window.openCluster(window.clusterList()->model()->summaryAt(0).name);
        QTRY_COMPARE_WITH_TIMEOUT(window.scene()->keys().size(), instances, kWaitMs);
        window.canvas()->zoomToFit();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName(u"topograph-tests"_s);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    }

    void menusCarryTheirShortcuts()
    {
        MainWindow window(emptyBackendConfig(u"menus"_s), std::nullopt);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // The platform adds the application's name: the title itself must not repeat it.
        QVERIFY(!window.windowTitle().contains(u"Topograph"_s));
        const QList<std::pair<QString, QKeySequence>> expected {
            { u"Discover…"_s, QKeySequence(Qt::CTRL | Qt::Key_D) },
            { u"Refresh"_s, QKeySequence(QKeySequence::Refresh) },
            { u"Find instance…"_s, QKeySequence(QKeySequence::Find) },
            { u"Zoom in"_s, QKeySequence(Qt::CTRL | Qt::Key_Plus) },
            { u"Zoom out"_s, QKeySequence(Qt::CTRL | Qt::Key_Minus) },
            { u"Fit to window"_s, QKeySequence(Qt::CTRL | Qt::Key_0) },
            { u"Read-only mode"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R) },
            { u"Quit"_s, QKeySequence(QKeySequence::Quit) },
            { u"Move back"_s, QKeySequence(QKeySequence::Undo) },
            { u"Find next"_s, QKeySequence(QKeySequence::FindNext) },
            { u"Move to…"_s, QKeySequence(u"Ctrl+M"_s) },
            { u"Move up"_s, QKeySequence(u"Ctrl+U"_s) },
            { u"Take master"_s, QKeySequence(u"Ctrl+T"_s) },
        };
        for (const auto& [text, shortcut] : expected) {
            QAction* action = findAction(&window, text);
            QVERIFY2(action, qPrintable(text));
            QCOMPARE(action->shortcut(), shortcut);
        }
        QVERIFY(findAction(&window, u"Settings…"_s));
        QVERIFY(findAction(&window, u"About Topograph"_s));
        QVERIFY(window.findChild<QDockWidget*>(u"clustersDock"_s));
        QVERIFY(window.findChild<QDockWidget*>(u"detailsDock"_s));
        // The Instance menu is the registry's, in one piece with the other menus.
        QVERIFY(window.menuBar()->actions().contains(window.instanceMenu()->menuAction()));
        for (const OperationInfo& info : OperationRegistry::all()) {
            QVERIFY(window.instanceMenu()->actions().contains(
                window.operationActions()->action(info.operation)));
        }
    }

    void readOnlyModeShowsABannerAndDisablesDragging()
    {
        Configuration config = emptyBackendConfig(u"readonly"_s);
        config.readOnly = true;
        MainWindow window(config, std::nullopt);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* banner = window.findChild<QLabel*>(u"readOnlyBanner"_s);
        QVERIFY(banner);
        QVERIFY(banner->isVisible());
        QVERIFY(!window.scene()->isDragEnabled());
        QVERIFY(!findAction(&window, u"Discover…"_s)->isEnabled());
        findAction(&window, u"Read-only mode"_s)->trigger();
        QVERIFY(!window.isReadOnly());
        QVERIFY(!banner->isVisible());
        QVERIFY(window.scene()->isDragEnabled());
    }

    void backendThatCannotOpenIsShownInABanner()
    {
        Configuration config;
        config.sqlite3DataFile = u"/proc/topograph-no-such-dir/backend.db"_s;
        MainWindow window(config, std::nullopt);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* banner = window.findChild<QLabel*>(u"errorBanner"_s);
        QVERIFY(banner);
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), kWaitMs);
        QVERIFY2(banner->text().contains(u"backend"_s), qPrintable(banner->text()));
        QVERIFY(banner->text().contains(u"/proc/topograph-no-such-dir"_s));
    }

    void discoversTheSandboxAndShowsItsCluster()
    {
        auto loaded = Sandbox::fromEnvironment(u"gtid"_s);
        if (!loaded) {
            QSKIP(qPrintable(loaded.error().message));
        }
        Configuration config = loaded->config;
        config.sqlite3DataFile = m_dir.filePath(u"discover.db"_s);
        MainWindow window(config, loaded->deepest().key);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const ClusterListModel* clusters = window.clusterList()->model();
        QTRY_COMPARE_WITH_TIMEOUT(clusters->rowCount(), 1, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(
            clusters->summaryAt(0).instances, static_cast<int>(loaded->instances.size()), kWaitMs);
        QCOMPARE(clusters->summaryAt(0).primary, loaded->primary().key);
        // --seed opens the seed's cluster with the seed selected.
        QTRY_COMPARE_WITH_TIMEOUT(window.scene()->keys().size(), loaded->instances.size(), kWaitMs);
        QCOMPARE(window.windowTitle(), clusters->summaryAt(0).displayName());
        QCOMPARE(window.scene()->selectedInstance(), std::optional(loaded->deepest().key));
        for (const SandboxInstance& instance : loaded->instances) {
            if (instance.master != 0) {
                QCOMPARE(window.scene()->parentOf(instance.key),
                    std::optional(loaded->instance(instance.master).key));
            }
        }
        // Polling runs and the status bar says so.
        auto* poll = window.findChild<QLabel*>(u"pollState"_s);
        QTRY_VERIFY_WITH_TIMEOUT(poll->text().contains(u"last round"_s), kWaitMs);
        // What the backend has no column for stays shown after every re-read of it: the
        // primary's gtid_binlog_pos, a replica's gtid_slave_pos.
        QSignalSpy applied(&window, &MainWindow::snapshotApplied);
        QVERIFY(applied.wait(kWaitMs));
        window.findInstance(loaded->primary().key);
        const InstanceDetailsModel* details = window.details()->model();
        QVERIFY2(details->value(u"gtid_binlog_pos"_s).contains(u'-'),
            qPrintable(details->value(u"gtid_binlog_pos"_s)));
        window.findInstance(loaded->deepest().key);
        QVERIFY2(details->value(u"gtid_slave_pos"_s).contains(u'-'),
            qPrintable(details->value(u"gtid_slave_pos"_s)));

        // The window, its docks and the cluster are remembered: the next start reopens it.
        const QString cluster = window.currentCluster();
        window.close();
        QCOMPARE(QSettings().value(u"window/lastCluster"_s).toString(), cluster);
        QVERIFY(!QSettings().value(u"window/state"_s).toByteArray().isEmpty());
        MainWindow again(config, std::nullopt);
        again.show();
        QTRY_COMPARE_WITH_TIMEOUT(again.currentCluster(), cluster, kWaitMs);
        QCOMPARE(again.clusterList()->selectedCluster(), cluster);

        // New settings restart the workers on the new configuration: here an empty backend.
        Configuration other = config;
        other.sqlite3DataFile = m_dir.filePath(u"other.db"_s);
        again.applyConfiguration(other);
        QTRY_COMPARE_WITH_TIMEOUT(again.clusterList()->model()->rowCount(), 0, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(again.currentCluster().isEmpty(), kWaitMs);
        QVERIFY(again.scene()->keys().isEmpty());
        QCOMPARE(again.configuration().sqlite3DataFile, other.sqlite3DataFile);
        QTRY_VERIFY_WITH_TIMEOUT(
            again.snapshot().backendDescription.contains(u"other.db"_s), kWaitMs);
    }

    void discoverDialogCrawlsAndOpensTheCluster()
    {
        auto loaded = Sandbox::fromEnvironment(u"filepos"_s);
        if (!loaded) {
            QSKIP(qPrintable(loaded.error().message));
        }
        Configuration config = loaded->config;
        config.sqlite3DataFile = m_dir.filePath(u"discover-dialog.db"_s);
        MainWindow window(config, std::nullopt);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::keyClick(&window, Qt::Key_D, Qt::ControlModifier);
        auto* dialog = window.findChild<DiscoverDialog*>();
        QVERIFY2(dialog && dialog->isVisible(), "Ctrl+D opens the Discover dialog");
        auto* found = dialog->findChild<QTreeWidget*>(u"foundList"_s);
        QVERIFY(found);
        dialog->setSeedText(loaded->deepest().key.toString());
        QTest::mouseClick(dialog->findChild<QPushButton*>(u"discoverButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isDiscovering(), kWaitMs);
        QCOMPARE(found->topLevelItemCount(), static_cast<int>(loaded->instances.size()));
        QTRY_COMPARE_WITH_TIMEOUT(
            window.currentCluster(), loaded->primary().key.toString(), kWaitMs);
        QCOMPARE(window.scene()->keys().size(), loaded->instances.size());
        QCOMPARE(window.scene()->selectedInstance(), std::optional(loaded->deepest().key));
    }

    void contextMenuAndShortcutsOnACard()
    {
        auto loaded = Sandbox::fromEnvironment(u"gtid"_s);
        if (!loaded) {
            QSKIP(qPrintable(loaded.error().message));
        }
        Configuration config = loaded->config;
        config.sqlite3DataFile = m_dir.filePath(u"menu.db"_s);
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
        ThrowawaySandbox* sb = throwaway();
        if (!sb) {
            QSKIP("no throwaway sandbox (run through scripts/test)");
        }
        MainWindow window(sb->config, std::nullopt);
        showTheOnlyCluster(window, 6);
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
        ThrowawaySandbox* sb = throwaway();
        if (!sb) {
            QSKIP("no throwaway sandbox (run through scripts/test)");
        }
        MainWindow window(sb->config, std::nullopt);
        showTheOnlyCluster(window, 6);
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
        ThrowawaySandbox* sb = throwaway();
        if (!sb) {
            QSKIP("no throwaway sandbox (run through scripts/test)");
        }
        QVERIFY(execOn(*sb, 3, u"STOP SLAVE"_s));
        auto restart = qScopeGuard([sb] { execOn(*sb, 3, u"START SLAVE"_s); });
        MainWindow window(sb->config, std::nullopt);
        showTheOnlyCluster(window, 6);
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
        ThrowawaySandbox* sb = throwaway();
        if (!sb) {
            QSKIP("no throwaway sandbox (run through scripts/test)");
        }
        MainWindow window(sb->config, std::nullopt);
        showTheOnlyCluster(window, 6);
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

    void findMatchesAPartialName()
    {
        auto loaded = Sandbox::fromEnvironment(u"gtid"_s);
        if (!loaded) {
            QSKIP(qPrintable(loaded.error().message));
        }
        Configuration config = loaded->config;
        config.sqlite3DataFile = m_dir.filePath(u"find.db"_s);
        MainWindow window(config, loaded->primary().key);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE_WITH_TIMEOUT(window.scene()->keys().size(), loaded->instances.size(), kWaitMs);
        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
        FindBar* bar = window.findBar();
        QVERIFY(bar->isVisible());
        QVERIFY(bar->lineEdit()->hasFocus());
        // Part of a name: the last digits of one port, then a part every key has.
        const InstanceKey wanted = loaded->deepest().key;
        QTest::keyClicks(bar->lineEdit(), QString::number(wanted.port).right(2));
        QTest::keyClick(bar->lineEdit(), Qt::Key_Return);
        QCOMPARE(window.scene()->selectedInstance(), std::optional(wanted));
        QCOMPARE(bar->status(), u"1 of 1"_s);
        bar->lineEdit()->clear();
        QTest::keyClicks(bar->lineEdit(), u"0.1:"_s);
        QTest::keyClick(bar->lineEdit(), Qt::Key_Return);
        const std::optional<InstanceKey> first = window.scene()->selectedInstance();
        QTest::keyClick(bar->lineEdit(), Qt::Key_Return);
        QVERIFY(window.scene()->selectedInstance() != first); // Enter again: the next match
        QCOMPARE(bar->status(), u"2 of %1"_s.arg(loaded->instances.size()));
        QTest::keyClick(bar->lineEdit(), Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(window.scene()->selectedInstance(), first);
        QVERIFY(bar->lineEdit()->completer()->model()->rowCount() >= loaded->instances.size());
        QTest::keyClick(bar->lineEdit(), Qt::Key_Escape);
        QVERIFY(!bar->isVisible());
    }

    void discoveryMessagesNameTheSeedAskedFor()
    {
        auto loaded = Sandbox::fromEnvironment(u"gtid"_s);
        if (!loaded) {
            QSKIP(qPrintable(loaded.error().message));
        }
        Configuration config = loaded->config;
        config.sqlite3DataFile = m_dir.filePath(u"seed-message.db"_s);
        config.mysqlConnectTimeoutSeconds = 1;
        MainWindow window(config, loaded->primary().key);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE_WITH_TIMEOUT(window.scene()->keys().size(), loaded->instances.size(), kWaitMs);
        // A second discovery from the dialog, from a port nobody listens on.
        QTest::keyClick(&window, Qt::Key_D, Qt::ControlModifier);
        auto* dialog = window.findChild<DiscoverDialog*>();
        QVERIFY(dialog);
        dialog->setSeedText(u"127.0.0.1:1"_s);
        QTest::mouseClick(dialog->findChild<QPushButton*>(u"discoverButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isDiscovering(), kWaitMs);
        const QString message = window.statusMessage()->message();
        QVERIFY2(message.startsWith(u"Discovery from 127.0.0.1:1 failed"_s), qPrintable(message));
        QVERIFY2(!message.contains(loaded->primary().key.toString()), qPrintable(message));
    }

    void frozenInstanceDoesNotFreezeTheWindow()
    {
        ThrowawaySandbox* sb = throwaway();
        if (!sb) {
            QSKIP("no throwaway sandbox (run through scripts/test)");
        }
        Configuration config = sb->config;
        config.instancePollSeconds = 1;
        config.mysqlDiscoveryReadTimeoutSeconds = 3;
        MainWindow window(config, std::nullopt);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE_WITH_TIMEOUT(window.clusterList()->model()->rowCount(), 1, kWaitMs);
        window.openCluster(window.clusterList()->model()->summaryAt(0).name);
        const qint64 pid = sb->serverPid(6);
        QVERIFY(pid > 0);
        ::kill(static_cast<pid_t>(pid), SIGSTOP);
        auto resume = qScopeGuard([pid] { ::kill(static_cast<pid_t>(pid), SIGCONT); });

        // While the frozen server holds its probes, rounds keep finishing for the others and
        // every event posted to the GUI thread is handled within 100 ms.
        auto* poll = window.findChild<QLabel*>(u"pollState"_s);
        QSignalSpy snapshots(&window, &MainWindow::snapshotApplied);
        QStringList pollTexts;
        qint64 worstMs = 0;
        QElapsedTimer total;
        total.start();
        while (snapshots.size() < 4 && total.elapsed() < kWaitMs) {
            QElapsedTimer latency;
            latency.start();
            bool handled = false;
            QMetaObject::invokeMethod(
                &window, [&handled] { handled = true; }, Qt::QueuedConnection);
            while (!handled) {
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
            }
            worstMs = std::max(worstMs, latency.elapsed());
            if (!pollTexts.contains(poll->text())) {
                pollTexts << poll->text();
            }
            QTest::qWait(20); // pacing between probes of the event loop, not a synchronisation
        }
        QVERIFY2(snapshots.size() >= 4, "polling stopped while an instance was frozen");
        QVERIFY2(worstMs < 100, qPrintable(u"an event waited %1 ms"_s.arg(worstMs)));
        QVERIFY(pollTexts.size() >= 2); // the poll state kept changing
    }

    void followsAClusterRenamedElsewhere()
    {
        // Two instances nobody listens on, recorded as if a probe had seen them: b replicates
        // from a, so the cluster is named after a.
        Configuration config = emptyBackendConfig(u"renamed"_s);
        config.mysqlTopologyUser = u"nobody"_s;
        config.instancePollSeconds = 1;
        config.mysqlConnectTimeoutSeconds = 1;
        const InstanceKey a { u"127.0.0.1"_s, 1 };
        const InstanceKey b { u"127.0.0.1"_s, 2 };
        const auto record = [](const InstanceKey& key, std::optional<InstanceKey> master) {
            InstanceRecord r;
            r.key = key;
            r.reachable = true;
            r.lastChecked = r.lastAttemptedCheck = r.lastSeen = QDateTime::currentDateTimeUtc();
            r.version = u"10.11.6-MariaDB"_s;
            r.masterKey = master;
            r.ioThreadRunning = r.sqlThreadRunning = master.has_value();
            return r;
        };
        const auto write = [&](const QList<InstanceRecord>& records) {
            auto db = Backend::open(config);
            QVERIFY2(db.ok(), qPrintable(db ? QString() : db.error().message));
            auto written = TopologyWriter(**db, config).record(records);
            QVERIFY2(written.ok(), qPrintable(written ? QString() : written.error().message));
        };
        write({ record(a, std::nullopt), record(b, a) });
        MainWindow window(config, std::nullopt);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE_WITH_TIMEOUT(window.clusterList()->model()->rowCount(), 1, kWaitMs);
        window.findInstance(b);
        QCOMPARE(window.currentCluster(), a.toString());

        // A switchover done elsewhere: a now replicates from b, and the cluster is b's. The
        // window follows the selected instance to it instead of showing an empty canvas.
        write({ record(b, std::nullopt), record(a, b) });
        QTRY_COMPARE_WITH_TIMEOUT(window.currentCluster(), b.toString(), kWaitMs);
        QCOMPARE(window.scene()->selectedInstance(), std::optional(b));
        QCOMPARE(window.scene()->keys().size(), 2);
        QCOMPARE(window.windowTitle(), b.toString());
    }

    void cleanupTestCase() { m_throwaway.reset(); }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
