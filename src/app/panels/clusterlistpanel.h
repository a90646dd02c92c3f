#pragma once

#include <QWidget>

#include "models/clustersummary.h"

class QLineEdit;
class QTreeView;

namespace topograph {

class ClusterDecorationProxyModel;
class ClusterFilterProxyModel;
class ClusterListModel;

// The clusters list (DESIGN §10): a filter box over a sortable table of every cluster, its
// primary, size and problem counts. Selecting a row asks for that cluster to be shown.
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

Q_SIGNALS:
    void clusterActivated(const QString& name);

private:
    void onCurrentChanged(const QModelIndex& current);

    ClusterListModel* m_model;
    ClusterFilterProxyModel* m_filterProxy;
    ClusterDecorationProxyModel* m_decoration;
    QLineEdit* m_filter;
    QTreeView* m_view;
    bool m_quiet = false;
};

} // namespace topograph
