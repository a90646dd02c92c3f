#pragma once

#include <QMainWindow>

#include <optional>

#include "config/configuration.h"
#include "fleet/fleetsnapshot.h"
#include "models/clustersummary.h"
#include "instancekey.h"
#include "ops/executor.h"
#include "ops/operationregistry.h"
#include "ops/plan.h"
#include "ops/plannerflags.h"
#include "topology/instancestatus.h"

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QTimer;

namespace topograph {

class AuditPanel;
class ClusterListPanel;
class ClusterScene;
class ClusterView;
class DiscoverDialog;
class FindBar;
class FleetWorker;
class InstanceDetailsPanel;
class LagChartPanel;
class ProblemsDock;
class ResolveCachePanel;
class LagController;
class LagWorker;
class OperationActions;
class OperationController;
class UnfinishedNotice;
class OperationDispatcher;
class StatusMessage;
class WorkerThreads;

// The main window (DESIGN §10): the clusters list on the left, the selected cluster's canvas in
// the centre (with the find bar above it), instance details on the right, poll state and data
// age in the status bar. All data comes as FleetSnapshots from the fleet worker; operations are
// the registry's, shown by OperationActions in the Instance menu, the card's context menu and
// the details panel alike, and carried out by the OperationDispatcher. Nothing here runs SQL.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(
        const Configuration& config, std::optional<InstanceKey> seed, QWidget* parent = nullptr);
    ~MainWindow() override;

    // For tests and the screenshots.
    ClusterListPanel* clusterList() const { return m_clusters; }
    ClusterScene* scene() const { return m_scene; }
    ClusterView* canvas() const { return m_view; }
    InstanceDetailsPanel* details() const { return m_details; }
    LagChartPanel* lagPanel() const { return m_lagPanel; }
    AuditPanel* auditPanel() const { return m_auditPanel; }
    ResolveCachePanel* resolvePanel() const { return m_resolvePanel; }
    OperationDispatcher* dispatcher() const { return m_dispatcher; }
    FleetWorker* fleetWorker() const; // for tests: the worker of the running fleet thread
    LagController* lag() const { return m_lag; }
    OperationController* operations() const { return m_operations; }
    UnfinishedNotice* unfinishedNotice() const { return m_unfinished; }
    OperationActions* operationActions() const { return m_actions; }
    FindBar* findBar() const { return m_findBar; }
    StatusMessage* statusMessage() const { return m_message; }
    QMenu* instanceMenu() const { return m_instanceMenu; }
    const FleetSnapshot& snapshot() const { return m_snapshot; }
    QString currentCluster() const { return m_currentCluster; }
    bool isReadOnly() const { return m_config.readOnly; }
    const Configuration& configuration() const { return m_config; }

    void openCluster(const QString& name);
    void findInstance(const InstanceKey& key); // opens its cluster, selects and centres it
    void setReadOnly(bool readOnly);
    void applyConfiguration(const Configuration& config); // restarts the workers
    // Asks for an operation of the registry on key, as its action would (destination: a drop).
    void requestOperation(Operation operation, const InstanceKey& key,
        const std::optional<InstanceKey>& destination = std::nullopt);

Q_SIGNALS:
    void snapshotApplied(quint64 serial);
    // A FleetChange (the rows of a few keys) was applied in place; rows: how many it carried.
    void changeApplied(quint64 serial, int rows);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    // mainwindow.cpp: data
    void startWorkers();
    void connectLagWorker(LagWorker* worker);
    void connectUnfinished(FleetWorker* fleet);
    void applySnapshot(const topograph::FleetSnapshot& snapshot);
    void applyChange(const topograph::FleetChange& change);
    void showFleet(); // the clusters, the canvas and the rest, from m_snapshot
    void onDiscoverFinished(
        const topograph::InstanceKey& seed, int instances, const QString& error);
    void showPollState(const topograph::PollState& state);
    void updateDataAge();
    void showCluster();
    void followRenamedCluster();
    void select(const std::optional<InstanceKey>& key);
    void showDetails();
    void updateOperationActions();
    void updateReadOnlyState();
    QList<InstanceRecord> clusterRecords() const;
    InstanceStatus::Thresholds thresholds() const;
    QString readOnlyReason() const;
    PlannerFlags plannerFlags() const; // read-only mode and the active maintenance locks

    // mainwindow_operations.cpp: what the canvas and the operations ask for
    void onDragStarted(const topograph::InstanceKey& key);
    void onDropRequested(
        const topograph::InstanceKey& dragged, const topograph::InstanceKey& target);
    void onOperationFinished(const topograph::Plan& plan, const topograph::ExecutionReport& report);
    void showContextMenu(const topograph::InstanceKey& key, const QPoint& screenPos);
    void updateHistoryMenu();

    // mainwindow_actions.cpp: menus, dialogs, persistence
    void createActions();
    void createMenus();
    void refresh();
    void showDiscoverDialog();
    void showSettingsDialog();
    void showFindBar();
    void showAbout();
    void restoreState();
    void saveState() const;
    void updateTitle();
    void showMessage(const QString& message, bool error = false);

    // mainwindow_docks.cpp: the audit dock, the resolve cache dock and ghost clusters, problems
    void connectAudit(topograph::FleetWorker* fleet);
    void readAudit();
    void createResolveDock();
    void connectResolve(topograph::FleetWorker* fleet);
    void applyGhosts();
    void selectInstances(const QList<topograph::InstanceKey>& keys);
    void forgetInstances(const QList<topograph::InstanceKey>& keys, const QString& why);
    QList<ClusterSummary> clusterSummaries() const;

    Configuration m_config;
    std::optional<InstanceKey> m_seed;
    WorkerThreads* m_workers = nullptr;
    FleetSnapshot m_snapshot;
    QString m_currentCluster;
    std::optional<InstanceKey> m_selected;
    std::optional<InstanceKey> m_pendingFind;
    std::optional<InstanceKey> m_dialogSeed; // the Discover dialog's discovery, while it runs

    ClusterListPanel* m_clusters;
    ClusterScene* m_scene;
    ClusterView* m_view;
    InstanceDetailsPanel* m_details;
    FindBar* m_findBar;
    QDockWidget* m_clustersDock = nullptr;
    QDockWidget* m_detailsDock = nullptr;
    QLabel* m_banner;
    QLabel* m_errorBanner; // the backend cannot be opened
    StatusMessage* m_message;
    QLabel* m_pollLabel;
    QLabel* m_ageLabel;
    QTimer* m_ageTimer;
    OperationController* m_operations;
    OperationActions* m_actions;
    OperationDispatcher* m_dispatcher;
    LagChartPanel* m_lagPanel;
    LagController* m_lag;
    QDockWidget* m_lagDock = nullptr;
    AuditPanel* m_auditPanel;
    UnfinishedNotice* m_unfinished;
    QDockWidget* m_auditDock = nullptr;
    ResolveCachePanel* m_resolvePanel = nullptr;
    ProblemsDock* m_problems = nullptr;
    QDockWidget* m_resolveDock = nullptr;
    bool m_auditAsked = false; // a readAudit is on its way: the next waits for its answer
    QString m_auditError; // the last failure to read it, reported once
    DiscoverDialog* m_discoverDialog = nullptr;

    QAction* m_discoverAction = nullptr;
    QAction* m_refreshAction = nullptr;
    QAction* m_findAction = nullptr;
    QAction* m_findNextAction = nullptr;
    QAction* m_findPreviousAction = nullptr;
    QAction* m_zoomInAction = nullptr;
    QAction* m_zoomOutAction = nullptr;
    QAction* m_fitAction = nullptr;
    QAction* m_readOnlyAction = nullptr;
    QAction* m_settingsAction = nullptr;
    QAction* m_moveBackAction = nullptr;
    QMenu* m_instanceMenu = nullptr;
    QMenu* m_historyMenu = nullptr;
};

} // namespace topograph
