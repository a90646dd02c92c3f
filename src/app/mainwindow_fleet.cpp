// MainWindow: the fleet as it arrives from the fleet worker (whole snapshots and per-key changes,
// applied in place) and the cluster it opens.
#include "mainwindow.h"

#include <QSettings>

#include "canvas/clusterscene.h"
#include "canvas/clusterview.h"
#include "lag/lagcontroller.h"
#include "models/clusterlistmodel.h"
#include "panels/clusterlistpanel.h"
#include "panels/findbar.h"
#include "topology/instancefinder.h"

using namespace Qt::StringLiterals;

namespace topograph {

void MainWindow::applySnapshot(const FleetSnapshot& snapshot)
{
    m_snapshot = snapshot;
    m_errorBanner->hide();
    showFleet();
    Q_EMIT snapshotApplied(snapshot.serial);
}

void MainWindow::applyChange(const FleetChange& change)
{
    if (change.serial <= m_snapshot.serial) {
        return; // a snapshot read after it is applied already
    }
    m_snapshot.apply(change);
    showFleet();
    Q_EMIT changeApplied(
        change.serial, static_cast<int>(change.changed.size() + change.removed.size()));
}

// Every view updates in place: the clusters list moves, inserts and removes rows (persistent
// indexes survive), the canvas keeps the cards of keys that stay.
void MainWindow::showFleet()
{
    const FleetSnapshot& snapshot = m_snapshot;
    m_clusters->setClusters(clusterSummaries());
    applyGhosts();
    if (m_pendingFind && snapshot.find(*m_pendingFind)) {
        const InstanceKey key = *std::exchange(m_pendingFind, std::nullopt);
        findInstance(key);
    } else if (m_currentCluster.isEmpty()) {
        const QString last = QSettings().value(u"window/lastCluster"_s).toString();
        if (!last.isEmpty() && m_clusters->model()->rowOf(last) >= 0) {
            openCluster(last);
        } else if (m_clusters->model()->rowCount() > 0 && !m_pendingFind) {
            openCluster(m_clusters->model()->summaryAt(0).name); // a first start: the first one
        }
    } else if (m_clusters->model()->rowOf(m_currentCluster) < 0) {
        followRenamedCluster();
    } else {
        showCluster();
    }
    InstanceFinder finder;
    finder.setRecords(snapshot.records, snapshot.aliases);
    m_findBar->setFinder(finder);
    updateReadOnlyState();
    updateOperationActions();
    updateDataAge();
    updateTitle();
}

void MainWindow::followRenamedCluster()
{
    // The shown cluster's name is its primary's key: take-master or a relocation of the primary
    // renames it. Follow the selected instance (or any shown one) to the cluster it is in now.
    QList<InstanceKey> candidates = m_scene->keys();
    if (m_selected) {
        candidates.prepend(*m_selected);
    }
    const std::optional<InstanceKey> selected = m_selected;
    for (const InstanceKey& key : std::as_const(candidates)) {
        if (const InstanceRecord* record = m_snapshot.find(key)) {
            openCluster(record->clusterName.isEmpty() ? key.toString() : record->clusterName);
            if (selected && m_snapshot.find(*selected)) {
                m_scene->selectInstance(*selected);
                select(selected);
            }
            return;
        }
    }
    m_currentCluster.clear(); // every instance of it is gone (forgotten)
    m_scene->clear();
    select(std::nullopt);
}

void MainWindow::openCluster(const QString& name)
{
    if (name == m_currentCluster) {
        return;
    }
    m_currentCluster = name;
    m_scene->clear();
    select(std::nullopt);
    m_clusters->selectCluster(name);
    showCluster();
    m_view->zoomToFit();
    updateTitle();
}

void MainWindow::showCluster()
{
    if (m_scene->isDragging()) {
        return; // the next snapshot redraws; a drag keeps its cards where they are
    }
    const QList<InstanceRecord> records = clusterRecords();
    QHash<InstanceKey, QString> names;
    for (const InstanceRecord& r : records) {
        names.insert(r.key, r.instanceAlias.isEmpty() ? r.key.toString() : r.instanceAlias);
    }
    m_lag->setCluster(records, names);
    if (records.isEmpty()) {
        m_scene->clear();
        return;
    }
    m_scene->setTopology(records, {}, QDateTime::currentDateTimeUtc(), thresholds());
    if (m_selected && m_scene->nodeItem(*m_selected)) {
        m_scene->selectInstance(*m_selected);
    }
    showDetails();
}

void MainWindow::findInstance(const InstanceKey& key)
{
    const InstanceRecord* record = m_snapshot.find(key);
    if (!record) {
        showMessage(tr("%1 is not known: discover it first (Ctrl+D)").arg(key.toString()), true);
        return;
    }
    openCluster(record->clusterName.isEmpty() ? key.toString() : record->clusterName);
    m_scene->selectInstance(key);
    select(key);
    m_view->centerOnInstance(key);
}

} // namespace topograph
