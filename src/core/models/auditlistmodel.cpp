#include "models/auditlistmodel.h"

#include <algorithm>

#include "timeformat.h"

namespace topograph {

AuditListModel::AuditListModel(QObject* parent, int capacity)
    : QAbstractTableModel(parent)
    , m_capacity(std::max(1, capacity))
{ }

void AuditListModel::addEntries(const QList<AuditEntry>& entries)
{
    QList<AuditEntry> newer;
    const qint64 newest = newestId();
    for (const AuditEntry& e : entries) {
        if (e.id > newest) {
            newer.append(e);
        }
    }
    if (newer.isEmpty()) {
        return;
    }
    std::sort(newer.begin(), newer.end(),
        [](const AuditEntry& a, const AuditEntry& b) { return a.id > b.id; });
    newer.erase(std::unique(newer.begin(), newer.end(),
                    [](const AuditEntry& a, const AuditEntry& b) { return a.id == b.id; }),
        newer.end());
    if (newer.size() > m_capacity) {
        newer.resize(m_capacity);
    }
    beginInsertRows({}, 0, int(newer.size()) - 1);
    m_rows = newer + m_rows;
    endInsertRows();
    if (m_rows.size() > m_capacity) {
        beginRemoveRows({}, m_capacity, int(m_rows.size()) - 1);
        m_rows.resize(m_capacity);
        endRemoveRows();
    }
}

void AuditListModel::clear()
{
    if (m_rows.isEmpty()) {
        return;
    }
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int AuditListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const AuditEntry& e = m_rows.at(index.row());
    switch (role) {
    case KeyRole:
        return QVariant::fromValue(e.key);
    case ClusterRole:
        return e.clusterName;
    case IdRole:
        return e.id;
    case SortRole:
        if (index.column() == TimeColumn) {
            return e.id; // the order rows were written in, also within one second
        }
        return data(index, Qt::DisplayRole).toString().toLower();
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return TimeFormat::display(e.when);
        case ActionColumn:
            return e.type;
        case InstanceColumn:
            return e.key.host.isEmpty() ? QString() : e.key.toString();
        case ClusterColumn:
            return e.clusterName;
        case OwnerColumn:
            return e.owner;
        case MessageColumn:
            return e.message;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return index.column() == MessageColumn ? QVariant(e.message) : QVariant();
    default:
        return {};
    }
}

QVariant AuditListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ActionColumn:
        return tr("Action");
    case InstanceColumn:
        return tr("Instance");
    case ClusterColumn:
        return tr("Cluster");
    case OwnerColumn:
        return tr("Owner");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

} // namespace topograph
