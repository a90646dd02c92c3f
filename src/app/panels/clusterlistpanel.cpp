#include "panels/clusterlistpanel.h"

#include <QAction>
#include <QEvent>
#include <QHeaderView>
#include <QLineEdit>
#include <QStyleOptionHeader>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

#include "models/clusterfilterproxymodel.h"
#include "models/clusterlistmodel.h"
#include "panels/clusterdecorationproxymodel.h"
#include "panels/keyelidedelegate.h"

using namespace Qt::StringLiterals;

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
    // Counts as wide as their contents; the names share the rest (fitColumns), shortened to
    // "db1103…:3306" (the part that tells clusters apart), anything else elided in the middle.
    auto* keys = new KeyElideDelegate(this);
    for (const auto column :
        { ClusterListModel::Column::Alias, ClusterListModel::Column::Primary }) {
        m_view->setItemDelegateForColumn(static_cast<int>(column), keys);
    }
    m_view->setTextElideMode(Qt::ElideMiddle);
    // The selected row's menu: forget it when it is a ghost (DESIGN §6).
    m_forgetGhost = new QAction(tr("Forget &ghost cluster…"), this);
    m_forgetGhost->setObjectName(u"forgetGhostCluster"_s);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addAction(m_forgetGhost);
    connect(m_forgetGhost, &QAction::triggered, this, [this] {
        const QString name = selectedCluster();
        if (!name.isEmpty() && isGhost(name)) {
            Q_EMIT forgetGhostRequested(name);
        }
    });
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->viewport()->installEventFilter(this);
    connect(m_decoration, &QAbstractItemModel::rowsInserted, this,
        &ClusterListPanel::scheduleColumnFit);
    connect(
        m_decoration, &QAbstractItemModel::rowsRemoved, this, &ClusterListPanel::scheduleColumnFit);
    connect(
        m_decoration, &QAbstractItemModel::dataChanged, this, &ClusterListPanel::scheduleColumnFit);
    connect(
        m_decoration, &QAbstractItemModel::modelReset, this, &ClusterListPanel::scheduleColumnFit);
    connect(m_decoration, &QAbstractItemModel::layoutChanged, this,
        &ClusterListPanel::scheduleColumnFit);
    connect(m_view->header(), &QHeaderView::sortIndicatorChanged, this,
        &ClusterListPanel::scheduleColumnFit);
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
    updateGhostAction();
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

bool ClusterListPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize) {
        scheduleColumnFit();
    }
    return QWidget::eventFilter(watched, event);
}

void ClusterListPanel::scheduleColumnFit()
{
    // Once per burst of model signals and resizes, after the counts have resized themselves.
    if (!m_fitScheduled) {
        m_fitScheduled = true;
        QTimer::singleShot(0, this, &ClusterListPanel::fitColumns);
    }
}

int ClusterListPanel::countWidth(int column) const
{
    // ResizeToContents would keep room for a sort arrow in every heading; only the sorted column
    // needs it.
    const QHeaderView* header = m_view->header();
    QStyleOptionHeader option;
    option.initFrom(header);
    const int margin = header->style()->pixelMetric(QStyle::PM_HeaderMargin, &option, header);
    int heading
        = QFontMetrics(header->font())
              .horizontalAdvance(m_decoration->headerData(column, Qt::Horizontal).toString())
        + 2 * margin;
    if (header->sortIndicatorSection() == column) {
        heading
            += header->style()->pixelMetric(QStyle::PM_HeaderMarkSize, &option, header) + margin;
    }
    const QAbstractItemView* view = m_view; // QTreeView makes sizeHintForColumn() protected
    return std::max(heading, view->sizeHintForColumn(column));
}

void ClusterListPanel::fitColumns()
{
    m_fitScheduled = false;
    QHeaderView* header = m_view->header();
    const int cluster = static_cast<int>(ClusterListModel::Column::Alias);
    const int primary = static_cast<int>(ClusterListModel::Column::Primary);
    int room = m_view->viewport()->width();
    for (int column = 0; column < header->count(); ++column) {
        if (column != cluster && column != primary) {
            header->resizeSection(column, countWidth(column));
            room -= header->sectionSize(column);
        }
    }
    const QAbstractItemView* view = m_view;
    const auto natural = [&](int column) {
        return std::max(view->sizeHintForColumn(column), header->sectionSizeHint(column));
    };
    int clusterWidth = natural(cluster);
    int primaryWidth = natural(primary);
    if (clusterWidth + primaryWidth > room) {
        // Both shortened: the cluster's name, what a row is known by, keeps the larger part.
        clusterWidth
            = std::clamp(room * 3 / 5, std::min(minimumClusterWidth, clusterWidth), clusterWidth);
        primaryWidth = std::clamp(
            room - clusterWidth, std::min(minimumPrimaryWidth, primaryWidth), primaryWidth);
    }
    header->resizeSection(cluster, clusterWidth);
    header->resizeSection(primary, primaryWidth);
}

QString ClusterListPanel::selectedCluster() const
{
    return m_view->currentIndex().data(ClusterListModel::SummaryNameRole).toString();
}

void ClusterListPanel::onCurrentChanged(const QModelIndex& current)
{
    updateGhostAction();
    if (m_quiet || !current.isValid()) {
        return;
    }
    Q_EMIT clusterActivated(current.data(ClusterListModel::SummaryNameRole).toString());
}

bool ClusterListPanel::isGhost(const QString& name) const
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, 0);
        if (index.data(ClusterListModel::SummaryNameRole).toString() == name) {
            return index.data(ClusterListModel::GhostRole).toBool();
        }
    }
    return false;
}

void ClusterListPanel::updateGhostAction()
{
    const QString name = selectedCluster();
    const bool ghost = !name.isEmpty() && isGhost(name);
    m_forgetGhost->setEnabled(ghost && m_readOnlyReason.isEmpty());
    m_forgetGhost->setToolTip(!m_readOnlyReason.isEmpty() ? m_readOnlyReason
            : ghost ? tr("Remove every instance of this ghost cluster and the resolve entries "
                         "that made it, in one step")
                    : tr("Only a ghost cluster (a name that failed to match) can be forgotten "
                         "as a whole"));
}

void ClusterListPanel::setReadOnlyReason(const QString& reason)
{
    m_readOnlyReason = reason;
    updateGhostAction();
}

} // namespace topograph
