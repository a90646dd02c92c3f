#pragma once

#include <QSortFilterProxyModel>

namespace topograph {

// Filters and sorts a ClusterListModel: the filter text matches the alias, the cluster name or
// the primary (case-insensitive substring); count columns sort numerically, text columns
// case-insensitively, ties by cluster name so the order is stable across polls.
class ClusterFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit ClusterFilterProxyModel(QObject* parent = nullptr);

    QString filterText() const { return m_filterText; }
    void setFilterText(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    QString m_filterText;
};

} // namespace topograph
