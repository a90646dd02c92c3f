#include "models/instancedetailsmodel.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

using Row = InstanceDetailsModel::Row;

int columnCountValue()
{
    return static_cast<int>(InstanceDetailsModel::Column::Count);
}

} // namespace

InstanceDetailsModel::InstanceDetailsModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

int InstanceDetailsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int InstanceDetailsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : columnCountValue();
}

QVariant InstanceDetailsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row& row = m_rows.at(index.row());
    const bool valueColumn = index.column() == static_cast<int>(Column::Value);
    switch (role) {
    case Qt::DisplayRole:
        return valueColumn ? row.value : row.field;
    case Qt::ToolTipRole:
        return row.heading ? QVariant() : QVariant(row.toolTip);
    case SectionRole:
        return row.section;
    case SectionHeadingRole:
        return row.heading;
    case FieldIdRole:
        return row.id;
    case SeverityRole:
        return static_cast<int>(row.severity);
    case CopyRole:
        if (row.heading) {
            return row.field;
        }
        return valueColumn ? (row.copy.isEmpty() ? row.value : row.copy) : row.field;
    default:
        return {};
    }
}

QVariant InstanceDetailsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0
        || section >= columnCountValue()) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    return section == static_cast<int>(Column::Field) ? tr("Field") : tr("Value");
}

QHash<int, QByteArray> InstanceDetailsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SectionRole, "section");
    names.insert(SectionHeadingRole, "sectionHeading");
    names.insert(FieldIdRole, "fieldId");
    names.insert(SeverityRole, "severity");
    names.insert(CopyRole, "copy");
    return names;
}

void InstanceDetailsModel::setInstance(const InstanceRecord& record, const QString& clusterAlias,
    const std::optional<MaintenanceLock>& maintenance, const QDateTime& now,
    const InstanceStatus::Thresholds& thresholds)
{
    QList<Row> rows;
    addInstanceRows(rows, record, now, thresholds);
    addReplicationRows(rows, record, thresholds);
    addBinlogRows(rows, record);
    addGtidRows(rows, record);
    addTopologyRows(rows, record, clusterAlias);
    addMaintenanceRows(rows, maintenance, now);

    bool sameShape = m_key == record.key && rows.size() == m_rows.size();
    for (qsizetype i = 0; sameShape && i < rows.size(); ++i) {
        sameShape = rows.at(i).id == m_rows.at(i).id;
    }
    if (!sameShape) {
        // Another instance (or the flavour became known): nothing of the old rows carries over.
        beginResetModel();
        m_rows = rows;
        m_key = record.key;
        endResetModel();
        return;
    }
    QList<int> changed;
    for (int i = 0; i < rows.size(); ++i) {
        if (!(rows.at(i) == m_rows.at(i))) {
            m_rows[i] = rows.at(i);
            changed << i;
        }
    }
    emitChangedRuns(changed);
}

void InstanceDetailsModel::clear()
{
    if (!m_key && m_rows.isEmpty()) {
        return;
    }
    beginResetModel();
    m_rows.clear();
    m_key.reset();
    endResetModel();
}

int InstanceDetailsModel::rowOf(const QString& fieldId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == fieldId) {
            return i;
        }
    }
    return -1;
}

QString InstanceDetailsModel::value(const QString& fieldId) const
{
    const int row = rowOf(fieldId);
    return row < 0 ? QString() : m_rows.at(row).value;
}

void InstanceDetailsModel::emitChangedRuns(const QList<int>& changed)
{
    const int lastColumn = columnCountValue() - 1;
    for (qsizetype k = 0; k < changed.size();) {
        qsizetype end = k;
        while (end + 1 < changed.size() && changed.at(end + 1) == changed.at(end) + 1) {
            ++end;
        }
        Q_EMIT dataChanged(index(changed.at(k), 0), index(changed.at(end), lastColumn));
        k = end + 1;
    }
}

} // namespace topograph
