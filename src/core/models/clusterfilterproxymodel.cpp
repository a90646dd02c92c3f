#include "models/clusterfilterproxymodel.h"

#include "models/clusterlistmodel.h"

namespace topograph {

namespace {

using Column = ClusterListModel::Column;

bool isCountColumn(int column)
{
    return column == static_cast<int>(Column::Instances)
        || column == static_cast<int>(Column::Problems)
        || column == static_cast<int>(Column::Unreachable);
}

} // namespace

ClusterFilterProxyModel::ClusterFilterProxyModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
}

void ClusterFilterProxyModel::setFilterText(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_filterText) {
        return;
    }
    m_filterText = trimmed;
    invalidateFilter();
}

bool ClusterFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_filterText.isEmpty()) {
        return true;
    }
    const QAbstractItemModel* model = sourceModel();
    const auto matches = [&](int column, int role) {
        return model->index(sourceRow, column, sourceParent)
            .data(role)
            .toString()
            .contains(m_filterText, Qt::CaseInsensitive);
    };
    return matches(static_cast<int>(Column::Alias), Qt::DisplayRole)
        || matches(static_cast<int>(Column::Alias), ClusterListModel::SummaryNameRole)
        || matches(static_cast<int>(Column::Primary), Qt::DisplayRole);
}

bool ClusterFilterProxyModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const QVariant a = left.data(sortRole());
    const QVariant b = right.data(sortRole());
    if (isCountColumn(left.column())) {
        const int x = a.toInt();
        const int y = b.toInt();
        if (x != y) {
            return x < y;
        }
    } else {
        const int byText = QString::compare(a.toString(), b.toString(), Qt::CaseInsensitive);
        if (byText != 0) {
            return byText < 0;
        }
    }
    return left.data(ClusterListModel::SummaryNameRole).toString()
        < right.data(ClusterListModel::SummaryNameRole).toString();
}

} // namespace topograph
