// MainWindow: menus and shortcuts, dialogs, what context-menu entries do, and persistence.
#include "mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QKeySequence>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

#include "canvas/clusterscene.h"
#include "canvas/clusterview.h"
#include "config/configwriter.h"
#include "dialogs/discoverdialog.h"
#include "dialogs/settingsdialog.h"
#include "fleet/fleetworker.h"
#include "fleet/operationworker.h"
#include "fleet/workerthreads.h"
#include "operations/operationactions.h"
#include "operations/operationcontroller.h"
#include "operations/operationhistory.h"
#include "lag/lagcontroller.h"
#include "lag/lagworker.h"
#include "panels/findbar.h"
#include "panels/statusmessage.h"
#include "panels/clusterlistpanel.h"
#include "panels/problemsdock.h"
#include "ui_aboutdialog.h"

using namespace Qt::StringLiterals;

namespace topograph {

void MainWindow::createActions()
{
    m_discoverAction = new QAction(tr("&Discover…"), this);
    m_discoverAction->setShortcut(Qt::CTRL | Qt::Key_D);
    connect(m_discoverAction, &QAction::triggered, this, &MainWindow::showDiscoverDialog);
    m_refreshAction = new QAction(tr("&Refresh"), this);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refresh);
    m_findAction = new QAction(tr("&Find instance…"), this);
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, &MainWindow::showFindBar);
    m_findNextAction = new QAction(tr("Find &next"), this);
    m_findNextAction->setShortcut(QKeySequence::FindNext);
    connect(m_findNextAction, &QAction::triggered, this, [this] {
        m_findBar->show();
        m_findBar->findNext();
    });
    m_findPreviousAction = new QAction(tr("Find pre&vious"), this);
    m_findPreviousAction->setShortcut(QKeySequence::FindPrevious);
    connect(m_findPreviousAction, &QAction::triggered, this, [this] {
        m_findBar->show();
        m_findBar->findPrevious();
    });
    m_moveBackAction = new QAction(tr("&Move back"), this);
    m_moveBackAction->setShortcut(QKeySequence::Undo);
    m_moveBackAction->setToolTip(
        tr("Plan the reverse of the last move of this session (you see the plan before it runs)"));
    connect(m_moveBackAction, &QAction::triggered, this, [this] {
        if (const auto last = m_operations->history()->lastMovable()) {
            m_operations->moveBack(*last);
        }
    });
    m_zoomInAction = new QAction(tr("Zoom &in"), this);
    // Ctrl+= too: on most layouts "+" needs Shift. (Not QKeySequence::ZoomIn as well: the
    // same sequence twice on one action makes it ambiguous, and it then never triggers.)
    m_zoomInAction->setShortcuts(
        { QKeySequence(Qt::CTRL | Qt::Key_Plus), QKeySequence(Qt::CTRL | Qt::Key_Equal) });
    connect(m_zoomInAction, &QAction::triggered, m_view, &ClusterView::zoomIn);
    m_zoomOutAction = new QAction(tr("Zoom &out"), this);
    m_zoomOutAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Minus));
    connect(m_zoomOutAction, &QAction::triggered, m_view, &ClusterView::zoomOut);
    m_fitAction = new QAction(tr("&Fit to window"), this);
    m_fitAction->setShortcut(Qt::CTRL | Qt::Key_0);
    connect(m_fitAction, &QAction::triggered, m_view, &ClusterView::zoomToFit);
    m_readOnlyAction = new QAction(tr("Read-&only mode"), this);
    m_readOnlyAction->setCheckable(true);
    m_readOnlyAction->setChecked(m_config.readOnly);
    m_readOnlyAction->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_R);
    connect(m_readOnlyAction, &QAction::toggled, this, &MainWindow::setReadOnly);
    m_settingsAction = new QAction(tr("&Settings…"), this);
    m_settingsAction->setShortcut(Qt::CTRL | Qt::Key_Comma);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::showSettingsDialog);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_discoverAction);
    file->addSeparator();
    file->addAction(m_settingsAction);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_moveBackAction);
    m_historyMenu = edit->addMenu(tr("Operation &history"));
    m_historyMenu->setObjectName(u"historyMenu"_s);
    m_historyMenu->setToolTipsVisible(true);
    connect(
        m_operations->history(), &OperationHistory::changed, this, &MainWindow::updateHistoryMenu);
    connect(
        m_operations, &OperationController::runningChanged, this, &MainWindow::updateHistoryMenu);
    updateHistoryMenu();

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_refreshAction);
    view->addAction(m_findAction);
    view->addAction(m_findNextAction);
    view->addAction(m_findPreviousAction);
    view->addSeparator();
    view->addAction(m_zoomInAction);
    view->addAction(m_zoomOutAction);
    view->addAction(m_fitAction);
    view->addSeparator();
    view->addAction(m_clustersDock->toggleViewAction());
    view->addAction(m_detailsDock->toggleViewAction());
    view->addAction(m_lagDock->toggleViewAction());
    view->addAction(m_auditDock->toggleViewAction());
    view->addAction(m_resolveDock->toggleViewAction());
    view->addAction(m_problems->dock()->toggleViewAction());
    view->addSeparator();
    view->addAction(m_readOnlyAction);

    m_instanceMenu = menuBar()->addMenu(tr("&Instance"));
    m_instanceMenu->setObjectName(u"instanceMenu"_s);
    m_actions->populate(m_instanceMenu);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Topograph"), this, &MainWindow::showAbout);
}

void MainWindow::refresh()
{
    FleetWorker* fleet = m_workers->fleet();
    QMetaObject::invokeMethod(fleet, &FleetWorker::pollNow, Qt::QueuedConnection);
    showMessage(tr("Polling every instance now…"));
}

void MainWindow::setReadOnly(bool readOnly)
{
    if (m_config.readOnly == readOnly) {
        return;
    }
    m_config.readOnly = readOnly;
    m_readOnlyAction->setChecked(readOnly);
    if (!readOnly && m_workers->openedReadOnly()) {
        // Their backend connections are read-only: open them again, writable. (No operation
        // runs: read-only mode blocks them.)
        startWorkers();
        updateReadOnlyState();
        showDetails();
        showMessage(tr("Read-only mode off"));
        return;
    }
    FleetWorker* fleet = m_workers->fleet();
    OperationWorker* ops = m_workers->operations();
    QMetaObject::invokeMethod(
        fleet, [fleet, readOnly] { fleet->setReadOnly(readOnly); }, Qt::QueuedConnection);
    QMetaObject::invokeMethod(
        ops, [ops, readOnly] { ops->setReadOnly(readOnly); }, Qt::QueuedConnection);
    LagWorker* lag = m_workers->lag();
    QMetaObject::invokeMethod(
        lag, [lag, readOnly] { lag->setReadOnly(readOnly); }, Qt::QueuedConnection);
    updateReadOnlyState();
    showDetails();
    showMessage(readOnly ? tr("Read-only mode on") : tr("Read-only mode off"));
}

void MainWindow::applyConfiguration(const Configuration& config)
{
    if (m_operations->isRunning()) {
        showMessage(tr("An operation is running: settings apply after it ends."), true);
        return;
    }
    m_config = config;
    m_readOnlyAction->setChecked(config.readOnly);
    m_lag->setThreshold(config.reasonableReplicationLagSeconds);
    startWorkers();
    updateReadOnlyState();
}

void MainWindow::showDiscoverDialog()
{
    if (!readOnlyReason().isEmpty()) {
        showMessage(readOnlyReason(), true);
        return;
    }
    if (!m_discoverDialog) {
        m_discoverDialog = new DiscoverDialog(m_config.defaultInstancePort, this);
        m_discoverDialog->setConfiguredCredentialsDescription(
            !m_config.mysqlTopologyCredentialsConfigFile.isEmpty()
                ? tr("option file %1").arg(m_config.mysqlTopologyCredentialsConfigFile)
                : m_config.mysqlTopologyUser.isEmpty()
                ? tr("none configured")
                : tr("user %1 from the configuration").arg(m_config.mysqlTopologyUser));
        connect(m_discoverDialog, &DiscoverDialog::discoverRequested, this,
            [this](const DiscoverRequest& request) {
                if (!request.useConfiguredCredentials) {
                    // Credentials given here are kept in memory only: the workers restart
                    // with them, nothing is written to the configuration file.
                    Configuration config = m_config;
                    config.mysqlTopologyCredentialsConfigFile = request.optionFile;
                    config.mysqlTopologyUser = request.user;
                    config.mysqlTopologyPassword = request.password;
                    applyConfiguration(config);
                }
                FleetWorker* fleet = m_workers->fleet();
                connect(fleet, &FleetWorker::discoverProgress, m_discoverDialog,
                    &DiscoverDialog::instanceFound, Qt::UniqueConnection);
                m_pendingFind = request.seed;
                m_dialogSeed = request.seed;
                const InstanceKey seed = request.seed;
                QMetaObject::invokeMethod(
                    fleet, [fleet, seed] { fleet->discover(seed); }, Qt::QueuedConnection);
            });
    }
    m_discoverDialog->show();
    m_discoverDialog->raise();
    m_discoverDialog->activateWindow();
}

void MainWindow::showSettingsDialog()
{
    SettingsDialog dialog(m_config, this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const Configuration config = dialog.configuration();
    if (dialog.saveToFile()) {
        if (auto saved = ConfigWriter::save(config, config.sourcePath, dialog.savePassword());
            !saved) {
            QMessageBox::warning(this, tr("Settings"),
                tr("Cannot save the configuration: %1").arg(saved.error().message));
        }
    }
    applyConfiguration(config);
}

void MainWindow::showFindBar()
{
    m_findBar->activate();
}

void MainWindow::showAbout()
{
    QDialog dialog(this);
    Ui::AboutDialog ui;
    ui.setupUi(&dialog);
    connect(ui.buttonBox, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    ui.versionLabel->setText(tr("Version %1").arg(QStringLiteral(TOPOGRAPH_VERSION)));
    dialog.exec();
}

void MainWindow::restoreState()
{
    const QSettings settings;
    const QByteArray state = settings.value(u"window/state"_s).toByteArray();
    if (state.isEmpty()) {
        // First start: room for the clusters' columns and the details' values.
        resizeDocks({ m_clustersDock, m_detailsDock }, { 380, 340 }, Qt::Horizontal);
        resizeDocks({ m_lagDock }, { 260 }, Qt::Vertical);
        return;
    }
    restoreGeometry(settings.value(u"window/geometry"_s).toByteArray());
    QMainWindow::restoreState(state);
}

void MainWindow::saveState() const
{
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/state"_s, QMainWindow::saveState());
    if (!m_currentCluster.isEmpty()) {
        settings.setValue(u"window/lastCluster"_s, m_currentCluster);
    }
}

void MainWindow::updateTitle()
{
    const QString alias = m_snapshot.aliases.value(m_currentCluster);
    const QString shown = alias.isEmpty() ? m_currentCluster : alias;
    // The platform adds " — Topograph" (the application display name) to what is set here.
    setWindowTitle(shown);
}

void MainWindow::showMessage(const QString& message, bool error)
{
    m_message->showMessage(message, error);
}

} // namespace topograph
