// The main window against real servers: it discovers a sandbox, shows its cluster, relocates a
// replica when a card is dragged onto another (checked on the servers themselves), refuses drops
// the planner refuses, and keeps processing events while an instance of the fleet is frozen.
#include <QAction>
#include <QDockWidget>
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
#include "operations/nodecontextmenu.h"
#include "operations/operationcontroller.h"
#include "panels/clusterlistpanel.h"
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
        QCOMPARE(window.windowTitle(), u"Topograph"_s);
        const QList<std::pair<QString, QKeySequence>> expected {
            { u"Discover…"_s, QKeySequence(Qt::CTRL | Qt::Key_D) },
            { u"Refresh"_s, QKeySequence(QKeySequence::Refresh) },
            { u"Find instance…"_s, QKeySequence(QKeySequence::Find) },
            { u"Zoom in"_s, QKeySequence(Qt::CTRL | Qt::Key_Plus) },
            { u"Zoom out"_s, QKeySequence(Qt::CTRL | Qt::Key_Minus) },
            { u"Fit to window"_s, QKeySequence(Qt::CTRL | Qt::Key_0) },
            { u"Read-only mode"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R) },
            { u"Quit"_s, QKeySequence(QKeySequence::Quit) },
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
        QCOMPARE(
            window.windowTitle(), u"Topograph — %1"_s.arg(clusters->summaryAt(0).displayName()));
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
        NodeContextMenu* menu = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((menu = window.findChild<NodeContextMenu*>()) != nullptr, kWaitMs);
        QAction* stop = menu->actionFor(u"stop-replica"_s);
        QVERIFY(stop && stop->isEnabled());
        QVERIFY(!menu->actionFor(u"start-replica"_s)); // it replicates: only "stop" is offered
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
        QCOMPARE(masterPortOf(*sb, 4), static_cast<int>(sb->key(1).port));
        QCOMPARE(masterPortOf(*sb, 5), static_cast<int>(sb->key(4).port));
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
        QCOMPARE(window.windowTitle(), u"Topograph — %1"_s.arg(b.toString()));
    }

    void cleanupTestCase() { m_throwaway.reset(); }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
