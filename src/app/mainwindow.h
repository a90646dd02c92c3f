#pragma once

#include <QMainWindow>

#include <optional>

#include "config/configuration.h"
#include "fleet/fleetsnapshot.h"
#include "instancekey.h"
#include "ops/executor.h"
#include "ops/plan.h"
#include "ops/plannerflags.h"
#include "topology/instancestatus.h"

class QAction;
class QDockWidget;
class QLabel;
class QTimer;

namespace topograph {

class ClusterListPanel;
class ClusterScene;
class ClusterView;
class DiscoverDialog;
class InstanceDetailsPanel;
class OperationController;
class WorkerThreads;

// The main window (DESIGN §10): the clusters list on the left, the selected cluster's canvas in
// the centre, instance details on the right, poll state and data age in the status bar. All data
// comes as FleetSnapshots from the fleet worker; operations go through the OperationController.
// Nothing here runs SQL.
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
    OperationController* operations() const { return m_operations; }
    const FleetSnapshot& snapshot() const { return m_snapshot; }
    QString currentCluster() const { return m_currentCluster; }
    bool isReadOnly() const { return m_config.readOnly; }
    const Configuration& configuration() const { return m_config; }

    void openCluster(const QString& name);
    void findInstance(const InstanceKey& key); // opens its cluster, selects and centres it
    void setReadOnly(bool readOnly);
    void applyConfiguration(const Configuration& config); // restarts the workers
    // Runs a context-menu / details-panel entry for key (see NodeContextMenu's operation names).
    void requestOperation(const QString& operation, const InstanceKey& key,
        const std::optional<InstanceKey>& destination = std::nullopt);

Q_SIGNALS:
    void snapshotApplied(quint64 serial);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    // mainwindow.cpp: data
    void startWorkers();
    void applySnapshot(const topograph::FleetSnapshot& snapshot);
    void showPollState(const topograph::PollState& state);
    void updateDataAge();
    void showCluster();
    void followRenamedCluster();
    void showDetails();
    void onDragStarted(const topograph::InstanceKey& key);
    void onDropRequested(
        const topograph::InstanceKey& dragged, const topograph::InstanceKey& target);
    void onOperationFinished(const topograph::Plan& plan, const topograph::ExecutionReport& report);
    void showContextMenu(const topograph::InstanceKey& key, const QPoint& screenPos);
    void updateReadOnlyState();
    QList<InstanceRecord> clusterRecords() const;
    InstanceStatus::Thresholds thresholds() const;
    QString readOnlyReason() const;
    PlannerFlags plannerFlags() const; // read-only mode and the active maintenance locks

    // mainwindow_actions.cpp: menus, dialogs, persistence
    void createActions();
    void createMenus();
    void refresh();
    void showDiscoverDialog();
    void showSettingsDialog();
    void showFindDialog();
    void showAbout();
    void pickRelocateTarget(const InstanceKey& key);
    void restoreState();
    void saveState() const;
    void updateTitle();
    void showMessage(const QString& message, bool error = false);

    Configuration m_config;
    std::optional<InstanceKey> m_seed;
    WorkerThreads* m_workers = nullptr;
    FleetSnapshot m_snapshot;
    QString m_currentCluster;
    std::optional<InstanceKey> m_selected;
    std::optional<InstanceKey> m_pendingFind;

    ClusterListPanel* m_clusters;
    ClusterScene* m_scene;
    ClusterView* m_view;
    InstanceDetailsPanel* m_details;
    QDockWidget* m_clustersDock = nullptr;
    QDockWidget* m_detailsDock = nullptr;
    QLabel* m_banner;
    QLabel* m_errorBanner; // the backend cannot be opened
    QLabel* m_pollLabel;
    QLabel* m_ageLabel;
    QTimer* m_ageTimer;
    OperationController* m_operations;
    DiscoverDialog* m_discoverDialog = nullptr;

    QAction* m_discoverAction = nullptr;
    QAction* m_refreshAction = nullptr;
    QAction* m_findAction = nullptr;
    QAction* m_zoomInAction = nullptr;
    QAction* m_zoomOutAction = nullptr;
    QAction* m_fitAction = nullptr;
    QAction* m_readOnlyAction = nullptr;
    QAction* m_settingsAction = nullptr;
};

} // namespace topograph
