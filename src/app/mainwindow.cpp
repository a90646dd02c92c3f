#include "mainwindow.h"

#include <QCloseEvent>
#include <QDockWidget>
#include <QGuiApplication>
#include <QLabel>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

#include "canvas/clusterscene.h"
#include "canvas/clusterview.h"
#include "canvas/nodeitem.h"
#include "dialogs/discoverdialog.h"
#include "fleet/fleetworker.h"
#include "fleet/operationworker.h"
#include "fleet/workerthreads.h"
#include "models/auditlistmodel.h"
#include "models/clusterlistmodel.h"
#include "models/clustersummary.h"
#include "operations/operationactions.h"
#include "operations/operationcontroller.h"
#include "operations/operationdispatcher.h"
#include "operations/unfinishednotice.h"
#include "panels/auditpanel.h"
#include "panels/clusterlistpanel.h"
#include "panels/dockbalancer.h"
#include "panels/findbar.h"
#include "lag/lagcontroller.h"
#include "lag/lagtargets.h"
#include "lag/lagworker.h"
#include "panels/instancedetailspanel.h"
#include "panels/lagchartpanel.h"
#include "panels/resolvecachepanel.h"
#include "panels/statusmessage.h"
#include "timeformat.h"
#include "topology/instancefinder.h"

using namespace Qt::StringLiterals;

namespace topograph {

MainWindow::MainWindow(
    const Configuration& config, std::optional<InstanceKey> seed, QWidget* parent)
    : QMainWindow(parent)
    , m_config(config)
    , m_seed(std::move(seed))
    , m_clusters(new ClusterListPanel(this))
    , m_scene(new ClusterScene(this))
    , m_view(new ClusterView(m_scene, this))
    , m_details(new InstanceDetailsPanel(this))
    , m_findBar(new FindBar(this))
    , m_banner(new QLabel(this))
    , m_errorBanner(new QLabel(this))
    , m_message(new StatusMessage(this))
    , m_pollLabel(new QLabel(this))
    , m_ageLabel(new QLabel(this))
    , m_ageTimer(new QTimer(this))
    , m_operations(new OperationController(this, this))
    , m_actions(new OperationActions(this))
    , m_dispatcher(new OperationDispatcher(m_actions, m_operations, this, this))
    , m_lagPanel(new LagChartPanel(this))
    , m_lag(new LagController(m_lagPanel, m_scene, this))
    , m_auditPanel(new AuditPanel(this))
    , m_unfinished(new UnfinishedNotice(this, this))
{
    FleetWorker::registerMetaTypes();
    OperationWorker::registerMetaTypes();
    setDockNestingEnabled(true);

    auto* centre = new QWidget(this);
    auto* layout = new QVBoxLayout(centre);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_banner->setObjectName(u"readOnlyBanner"_s);
    m_banner->setStyleSheet(
        u"QLabel { background: #fff3cd; color: #664d03; padding: 6px; border-bottom: 1px solid #e0c36a; }"_s);
    m_banner->setText(tr("Read-only mode: Topograph changes nothing (toggle with Ctrl+Shift+R)."));
    layout->addWidget(m_banner);
    m_errorBanner->setObjectName(u"errorBanner"_s);
    m_errorBanner->setWordWrap(true);
    m_errorBanner->setStyleSheet(u"QLabel { background: #fdecea; color: #8a1c12; padding: 6px; "
                                 "border-bottom: 1px solid #d93025; }"_s);
    m_errorBanner->hide();
    layout->addWidget(m_errorBanner);
    m_findBar->hide();
    layout->addWidget(m_findBar);
    layout->addWidget(m_view, 1);
    m_view->setFocusPolicy(Qt::StrongFocus); // arrow keys move between cards
    setCentralWidget(centre);

    m_clustersDock = new QDockWidget(tr("Clusters"), this);
    m_clustersDock->setObjectName(u"clustersDock"_s);
    m_clustersDock->setWidget(m_clusters);
    addDockWidget(Qt::LeftDockWidgetArea, m_clustersDock);
    m_detailsDock = new QDockWidget(tr("Instance details"), this);
    m_detailsDock->setObjectName(u"detailsDock"_s);
    m_detailsDock->setWidget(m_details);
    addDockWidget(Qt::RightDockWidgetArea, m_detailsDock);
    new DockBalancer(this, { m_clustersDock, m_detailsDock }); // docks give way in a small window
    m_lagDock = new QDockWidget(tr("Replication lag"), this);
    m_lagDock->setObjectName(u"lagDock"_s);
    m_lagDock->setWidget(m_lagPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_lagDock);
    m_auditDock = new QDockWidget(tr("Audit log"), this);
    m_auditDock->setObjectName(u"auditDock"_s);
    m_auditDock->setWidget(m_auditPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_auditDock);
    tabifyDockWidget(m_lagDock, m_auditDock);
    m_lagDock->raise();
    connect(m_auditPanel, &AuditPanel::instanceActivated, this, &MainWindow::findInstance);
    createResolveDock();
    m_lag->setThreshold(m_config.reasonableReplicationLagSeconds);
    connect(m_lagPanel, &LagChartPanel::instanceClicked, this, &MainWindow::findInstance);
    connect(m_lagPanel, &LagChartPanel::cleanRequested, this, [this] {
        // On the cluster's primary; the plan covers every instance with stale rows.
        const QList<InstanceRecord> records = clusterRecords();
        if (records.isEmpty()) {
            return;
        }
        const std::optional<InstanceRecord> primary = LagTargets::primaryOf(records);
        m_dispatcher->dispatch(
            Operation::CleanClusterHeartbeat, primary ? primary->key : records.constFirst().key);
    });
    connect(m_lag, &LagController::fakeLagChanged, this,
        [this] { m_clusters->setClusters(clusterSummaries()); });

    m_pollLabel->setObjectName(u"pollState"_s);
    m_ageLabel->setObjectName(u"dataAge"_s);
    statusBar()->addWidget(m_message, 1);
    statusBar()->addPermanentWidget(m_pollLabel);
    statusBar()->addPermanentWidget(m_ageLabel);
    m_ageTimer->setInterval(1000);
    connect(m_ageTimer, &QTimer::timeout, this, &MainWindow::updateDataAge);
    m_ageTimer->start();

    connect(m_clusters, &ClusterListPanel::clusterActivated, this, &MainWindow::openCluster);
    connect(m_scene, &ClusterScene::instanceSelected, this,
        [this](const InstanceKey& key) { select(key); });
    connect(m_scene, &ClusterScene::selectionCleared, this, [this] { select(std::nullopt); });
    connect(m_scene, &ClusterScene::instanceActivated, this, [this] {
        m_detailsDock->show();
        m_detailsDock->raise();
    });
    connect(m_scene, &ClusterScene::dragStarted, this, &MainWindow::onDragStarted);
    connect(m_scene, &ClusterScene::dropRequested, this, &MainWindow::onDropRequested);
    connect(m_scene, &ClusterScene::dropRefused, this,
        [this](const InstanceKey&, const InstanceKey&, const QString& reason) {
            showMessage(reason, true);
        });
    connect(m_scene, &ClusterScene::dragRefused, this,
        [this](const QString& reason) { showMessage(reason, true); });
    connect(m_scene, &ClusterScene::contextMenuRequested, this, &MainWindow::showContextMenu);
    connect(m_findBar, &FindBar::matchChosen, this, &MainWindow::findInstance);
    connect(m_findBar, &FindBar::closed, this, [this] { m_view->setFocus(); });
    connect(m_actions, &OperationActions::triggered, this,
        [this](Operation operation, const InstanceKey& key) { requestOperation(operation, key); });
    connect(m_dispatcher, &OperationDispatcher::message, this, &MainWindow::showMessage);
    connect(m_operations, &OperationController::operationFinished, this,
        &MainWindow::onOperationFinished);
    connect(m_operations, &OperationController::runningChanged, this,
        &MainWindow::updateOperationActions);

    createActions();
    createMenus();
    m_details->setActions({ m_actions->action(Operation::Refresh),
        m_actions->action(Operation::Relocate), m_actions->action(Operation::MoveUp),
        m_actions->action(Operation::TakeMaster), m_actions->action(Operation::StopReplica),
        m_actions->action(Operation::StartReplica), m_actions->action(Operation::BeginMaintenance),
        m_actions->action(Operation::EndMaintenance) });
    // A first start takes most of the screen; later starts restore the saved geometry.
    if (const QScreen* screen = QGuiApplication::primaryScreen()) {
        const QSize available = screen->availableGeometry().size();
        resize(
            std::max(1024, available.width() * 9 / 10), std::max(700, available.height() * 9 / 10));
    } else {
        resize(1280, 800);
    }
    restoreState();
    updateReadOnlyState();
    updateTitle();
    startWorkers();
}

MainWindow::~MainWindow()
{
    delete m_workers; // joins the worker threads before the widgets go
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_operations->isRunning()) {
        const auto answer = QMessageBox::question(this, tr("An operation is running"),
            tr("Closing Topograph cancels the running operation; the replication it stopped is "
               "restarted first. Close anyway?"));
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
    }
    saveState();
    event->accept();
}

void MainWindow::startWorkers()
{
    delete m_workers; // stops the old threads first: their connections close there
    m_workers = new WorkerThreads(m_config, this);
    FleetWorker* fleet = m_workers->fleet();
    connect(fleet, &FleetWorker::snapshotReady, this, &MainWindow::applySnapshot);
    connect(fleet, &FleetWorker::fleetChanged, this, &MainWindow::applyChange);
    connect(fleet, &FleetWorker::pollStateChanged, this, &MainWindow::showPollState);
    m_errorBanner->hide();
    connect(fleet, &FleetWorker::backendUnavailable, this, [this](const QString& message) {
        m_errorBanner->setText(
            tr("%1 — check the backend in File ▸ Settings (Ctrl+,).").arg(message));
        m_errorBanner->show();
    });
    connect(fleet, &FleetWorker::failed, this,
        [this](const QString& message) { showMessage(message, true); });
    connect(
        fleet, &FleetWorker::done, this, [this](const QString& message) { showMessage(message); });
    connect(fleet, &FleetWorker::discoverFinished, this, &MainWindow::onDiscoverFinished);
    m_dispatcher->setFleet(fleet);
    m_operations->setWorker(m_workers->operations());
    connectUnfinished(fleet);
    connectLagWorker(m_workers->lag());
    connectAudit(fleet);
    connectResolve(fleet);
    m_workers->start();
    if (m_seed) {
        // --seed: discover it (the first snapshot may already know it; discovering again only
        // refreshes), then show its cluster.
        const InstanceKey seed = *m_seed;
        m_pendingFind = seed;
        showMessage(tr("Discovering %1…").arg(seed.toString()));
        QMetaObject::invokeMethod(
            fleet, [fleet, seed] { fleet->discover(seed); }, Qt::QueuedConnection);
        m_seed.reset(); // once per start of the app
    }
}

void MainWindow::onDiscoverFinished(const InstanceKey& seed, int instances, const QString& error)
{
    if (m_discoverDialog && m_dialogSeed == seed) {
        m_dialogSeed.reset();
        m_discoverDialog->finished(instances, error);
    }
    if (!error.isEmpty()) {
        showMessage(tr("Discovery from %1 failed: %2").arg(seed.toString(), error), true);
        if (m_pendingFind == seed) {
            m_pendingFind.reset();
        }
        return;
    }
    showMessage(tr("Discovered %n instance(s) from %1", nullptr, instances).arg(seed.toString()));
}

void MainWindow::connectLagWorker(LagWorker* worker)
{
    // Sampling and the persisted history run on the lag thread; the controller only draws.
    connect(worker, &LagWorker::sampled, m_lag, &LagController::addSamples);
    connect(worker, &LagWorker::historyLoaded, m_lag, &LagController::addHistory);
    connect(worker, &LagWorker::heartbeatChecked, m_lag, &LagController::setHeartbeatChecks);
    connect(worker, &LagWorker::failed, this,
        [this](const QString& message) { showMessage(message, true); });
    connect(m_lag, &LagController::targetsChanged, worker, &LagWorker::setTargets);
    connect(m_lag, &LagController::historyWanted, worker, &LagWorker::loadHistory);
    const QList<LagTarget> targets = m_lag->targets(); // a restart of the workers keeps them
    if (!targets.isEmpty()) {
        QMetaObject::invokeMethod(
            worker, [worker, targets] { worker->setTargets(targets); }, Qt::QueuedConnection);
    }
}

void MainWindow::select(const std::optional<InstanceKey>& key)
{
    m_selected = key;
    m_lag->setSelected(key);
    const InstanceRecord* record = key ? m_snapshot.find(*key) : nullptr;
    m_auditPanel->setSelection(key, record ? record->clusterName : m_currentCluster);
    showDetails();
    updateOperationActions();
}

void MainWindow::showDetails()
{
    const InstanceRecord* record = m_selected ? m_snapshot.find(*m_selected) : nullptr;
    if (!record) {
        m_details->clear();
        return;
    }
    const QString cluster = record->clusterName;
    m_details->setInstance(*record, m_snapshot.aliases.value(cluster),
        m_snapshot.maintenanceOf(record->key), QDateTime::currentDateTimeUtc(), thresholds());
}

void MainWindow::updateOperationActions()
{
    SelectionContext context;
    context.config = m_config;
    context.cluster = clusterRecords();
    context.flags = plannerFlags();
    context.readOnlyReason = readOnlyReason();
    if (const GhostCluster* ghost = m_snapshot.ghost(m_currentCluster)) {
        context.ghostReason = ghost->reason;
    }
    if (m_operations->isRunning()) {
        context.busyReason = tr("An operation is running: wait for it to end.");
    }
    m_actions->setContext(context, m_selected);
    m_dispatcher->setState(m_config, m_snapshot);
}

void MainWindow::showPollState(const PollState& state)
{
    if (state.keeper == FreshnessKeeper::Orchestrator) {
        m_pollLabel->setText(
            tr("Not polling: orchestrator on %1 keeps the backend fresh").arg(state.keeperNode));
        m_pollLabel->setToolTip(tr("An orchestrator service is active on this backend: Topograph "
                                   "shows its rows and polls again when it stops "
                                   "(BackendPolling: auto)."));
        return;
    }
    m_pollLabel->setToolTip({});
    if (state.keeper == FreshnessKeeper::Nobody) {
        m_pollLabel->setText(tr("Not polling (BackendPolling: never): the backend's rows as "
                                "they are"));
        return;
    }
    if (!state.running) {
        m_pollLabel->setText(tr("Polling stopped"));
        return;
    }
    QString text = tr("Polling %n instance(s) every %1 s", nullptr, state.instances)
                       .arg(state.intervalSeconds);
    if (state.round > 0) {
        text += tr(" · last round: %1 probed, %2 unreachable, %3 ms")
                    .arg(state.probed)
                    .arg(state.unreachable)
                    .arg(state.elapsedMs);
    }
    m_pollLabel->setText(text);
}

void MainWindow::updateDataAge()
{
    if (m_snapshot.serial == 0) {
        m_ageLabel->setText(tr("No data yet"));
        return;
    }
    // The age of the oldest check among the shown cluster's instances: how stale the canvas is.
    QDateTime oldest;
    for (const InstanceRecord& r : clusterRecords()) {
        if (r.lastChecked.isValid() && (!oldest.isValid() || r.lastChecked < oldest)) {
            oldest = r.lastChecked;
        }
    }
    if (!oldest.isValid()) {
        oldest = m_snapshot.takenAt;
    }
    const qint64 age = std::max<qint64>(0, oldest.secsTo(QDateTime::currentDateTimeUtc()));
    m_ageLabel->setText(tr("Data age: %1 s").arg(age));
    m_ageLabel->setToolTip(
        tr("Oldest check of the shown cluster: %1").arg(TimeFormat::display(oldest)));
}

QList<InstanceRecord> MainWindow::clusterRecords() const
{
    return m_currentCluster.isEmpty() ? QList<InstanceRecord> {}
                                      : m_snapshot.cluster(m_currentCluster);
}

InstanceStatus::Thresholds MainWindow::thresholds() const
{
    InstanceStatus::Thresholds t;
    t.pollSeconds = m_config.instancePollSeconds;
    t.reasonableLagSeconds = m_config.reasonableReplicationLagSeconds;
    return t;
}

QString MainWindow::readOnlyReason() const
{
    if (m_config.readOnly) {
        return tr("Read-only mode: changes are disabled (View ▸ Read-only mode, Ctrl+Shift+R).");
    }
    if (!m_snapshot.backendReadOnlyReason.isEmpty()) {
        return tr("The backend is read-only: %1").arg(m_snapshot.backendReadOnlyReason);
    }
    return {};
}

void MainWindow::updateReadOnlyState()
{
    const QString reason = readOnlyReason();
    m_banner->setVisible(!reason.isEmpty());
    m_banner->setText(reason);
    m_scene->setDragEnabled(reason.isEmpty(), reason);
    m_operations->setRunBlockedReason(reason);
    m_discoverAction->setEnabled(reason.isEmpty());
    m_resolvePanel->setReadOnlyReason(reason);
    m_clusters->setReadOnlyReason(reason);
    m_discoverAction->setToolTip(
        reason.isEmpty() ? tr("Discover a topology from one instance") : reason);
    updateOperationActions();
}

} // namespace topograph
