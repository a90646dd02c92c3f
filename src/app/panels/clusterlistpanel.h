#pragma once

#include <QWidget>

#include "models/clustersummary.h"

class QAction;
class QLineEdit;
class QTreeView;

namespace topograph {

class ClusterDecorationProxyModel;
class ClusterFilterProxyModel;
class ClusterListModel;

// The clusters list (DESIGN §10): a filter box over a sortable table of every cluster, its
// primary, size and problem counts. Selecting a row asks for that cluster to be shown. The counts
// keep the width of their contents and the two name columns share the rest, the cluster's the
// larger part, shortened like the canvas's cards (elideKey); below a minimum width per name the
// table scrolls sideways.
class ClusterListPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterListPanel)

public:
    explicit ClusterListPanel(QWidget* parent = nullptr);

    ClusterListModel* model() const { return m_model; }
    QTreeView* view() const { return m_view; }
    QLineEdit* filterEdit() const { return m_filter; }

    // Updates the rows in place; the current cluster stays current (no clusterActivated).
    void setClusters(const QList<ClusterSummary>& clusters);
    // Selects the cluster's row without emitting clusterActivated (a restored or followed choice).
    void selectCluster(const QString& name);
    QString selectedCluster() const;
    bool isGhost(const QString& name) const;
    QAction* forgetGhostAction() const { return m_forgetGhost; }
    void setReadOnlyReason(const QString& reason); // empty: changes allowed

    // The name columns get no narrower (the table scrolls sideways instead).
    static constexpr int minimumClusterWidth = 120;
    static constexpr int minimumPrimaryWidth = 56;

Q_SIGNALS:
    void clusterActivated(const QString& name);
    void forgetGhostRequested(const QString& name);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onCurrentChanged(const QModelIndex& current);
    void scheduleColumnFit();
    void fitColumns();
    int countWidth(int column) const;
    void updateGhostAction();

    ClusterListModel* m_model;
    ClusterFilterProxyModel* m_filterProxy;
    ClusterDecorationProxyModel* m_decoration;
    QLineEdit* m_filter;
    QTreeView* m_view;
    QAction* m_forgetGhost = nullptr;
    QString m_readOnlyReason;
    bool m_quiet = false;
    bool m_fitScheduled = false;
};

} // namespace topograph
