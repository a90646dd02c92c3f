#pragma once

#include <QMainWindow>
#include <QThread>

#include <optional>

#include "config/configuration.h"
#include "instancekey.h"
#include "probe/instancerecord.h"

class QLabel;
class QStandardItemModel;
class QTreeView;

namespace topograph {

class TopologyWorker;

// The main window: for now the live replication tree of one seed instance, crawled on a worker
// thread, refreshed with F5. The clusters list and canvas come with later work.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(
        const Configuration& config, std::optional<InstanceKey> seed, QWidget* parent = nullptr);
    ~MainWindow() override;

Q_SIGNALS:
    void crawlRequested(const topograph::InstanceKey& seed, quint64 generation);

private:
    void createMenus();
    void refresh();
    void showAbout();
    void showRecords(quint64 generation, const QList<topograph::InstanceRecord>& records);
    void showFailure(quint64 generation, const QString& message);

    Configuration m_config;
    std::optional<InstanceKey> m_seed;
    QThread m_workerThread;
    TopologyWorker* m_worker = nullptr;
    QStandardItemModel* m_model = nullptr;
    QTreeView* m_tree = nullptr;
    QLabel* m_status = nullptr;
    quint64 m_generation = 0;
};

} // namespace topograph
