#include "panels/clusterlistpanel.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QTreeView>
#include <QVBoxLayout>

#include "models/clusterfilterproxymodel.h"
#include "models/clusterlistmodel.h"
#include "panels/clusterdecorationproxymodel.h"

namespace topograph {

ClusterListPanel::ClusterListPanel(QWidget* parent)
    : QWidget(parent)
    , m_model(new ClusterListModel(this))
    , m_filterProxy(new ClusterFilterProxyModel(this))
    , m_decoration(new ClusterDecorationProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_view(new QTreeView(this))
{
    m_filterProxy->setSourceModel(m_model);
    m_decoration->setSourceModel(m_filterProxy);
    m_filter->setPlaceholderText(tr("Filter clusters (alias, name, primary)"));
    m_filter->setClearButtonEnabled(true);
    m_view->setModel(m_decoration);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(0, Qt::AscendingOrder);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAllColumnsShowFocus(true);
    m_view->header()->setStretchLastSection(false);
    // Every column as wide as its contents (a narrow dock scrolls rather than hiding names).
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_view);
    connect(
        m_filter, &QLineEdit::textChanged, m_filterProxy, &ClusterFilterProxyModel::setFilterText);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex& current) { onCurrentChanged(current); });
}

void ClusterListPanel::setClusters(const QList<ClusterSummary>& clusters)
{
    const QString current = selectedCluster();
    m_quiet = true;
    m_model->setClusters(clusters);
    m_quiet = false;
    if (!current.isEmpty()) {
        selectCluster(current);
    }
}

void ClusterListPanel::selectCluster(const QString& name)
{
    const int row = m_model->rowOf(name);
    if (row < 0) {
        return;
    }
    const QModelIndex index
        = m_decoration->mapFromSource(m_filterProxy->mapFromSource(m_model->index(row, 0)));
    if (!index.isValid() || index == m_view->currentIndex()) {
        return;
    }
    m_quiet = true;
    m_view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    m_quiet = false;
}

QString ClusterListPanel::selectedCluster() const
{
    return m_view->currentIndex().data(ClusterListModel::SummaryNameRole).toString();
}

void ClusterListPanel::onCurrentChanged(const QModelIndex& current)
{
    if (m_quiet || !current.isValid()) {
        return;
    }
    Q_EMIT clusterActivated(current.data(ClusterListModel::SummaryNameRole).toString());
}

} // namespace topograph
