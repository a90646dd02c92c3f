// The main window against real servers: it discovers a sandbox, shows its cluster, remembers
// its state, finds instances by part of a name, names the seed in discovery messages, follows a
// cluster renamed elsewhere, and keeps processing events while an instance of the fleet is
// frozen. (Operations from the window: tst_mainwindow_operations.)
#include <QAction>
#include <QCompleter>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

#include <csignal>

#include "backend/backend.h"
#include "backend/topologywriter.h"
#include "dialogs/discoverdialog.h"
#include "mainwindow.h"
#include "mainwindowfixture.h"
#include "models/instancedetailsmodel.h"
#include "operations/operationactions.h"
#include "panels/findbar.h"
#include "panels/instancedetailspanel.h"
#include "panels/statusmessage.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

class TestMainWindow final : public QObject
{
    Q_OBJECT

    MainWindowFixture m_fixture { 90 };

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_fixture.init()); }

    void menusCarryTheirShortcuts()
    {
        MainWindow window(m_fixture.emptyBackendConfig(u"menus"_s), std::nullopt);
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
        Configuration config = m_fixture.emptyBackendConfig(u"readonly"_s);
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
        config.sqlite3DataFile = m_fixture.filePath(u"discover.db"_s);
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
        other.sqlite3DataFile = m_fixture.filePath(u"other.db"_s);
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
        config.sqlite3DataFile = m_fixture.filePath(u"discover-dialog.db"_s);
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

    void findMatchesAPartialName()
    {
        auto loaded = Sandbox::fromEnvironment(u"gtid"_s);
        if (!loaded) {
            QSKIP(qPrintable(loaded.error().message));
        }
        Configuration config = loaded->config;
        config.sqlite3DataFile = m_fixture.filePath(u"find.db"_s);
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
        config.sqlite3DataFile = m_fixture.filePath(u"seed-message.db"_s);
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
        ThrowawaySandbox* sb = m_fixture.throwaway();
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
        Configuration config = m_fixture.emptyBackendConfig(u"renamed"_s);
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

    void cleanupTestCase() { m_fixture.reset(); }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
