#include "models/problemlistmodel.h"

#include <QHash>
#include <QSet>

#include <algorithm>

#include "timeformat.h"

using namespace Qt::StringLiterals;

namespace topograph {

ProblemListModel::ProblemListModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

namespace {

QString findingId(const Problem& p)
{
    return p.code + u'@' + p.key.toString();
}

} // namespace

void ProblemListModel::setProblems(const QList<Problem>& problems)
{
    QHash<QString, qsizetype> incoming;
    incoming.reserve(problems.size());
    for (qsizetype i = 0; i < problems.size(); ++i) {
        incoming.insert(findingId(problems.at(i)), i);
    }
    // Rows that went away, from the bottom up; the rest are refreshed in place; then the rows
    // that came are appended.
    for (qsizetype row = m_rows.size() - 1; row >= 0; --row) {
        if (!incoming.contains(findingId(m_rows.at(row)))) {
            beginRemoveRows({}, int(row), int(row));
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
    QSet<qsizetype> held;
    for (Problem& row : m_rows) {
        const qsizetype i = incoming.value(findingId(row));
        row = problems.at(i);
        held.insert(i);
    }
    if (!m_rows.isEmpty()) {
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
    }
    if (held.size() < problems.size()) {
        beginInsertRows({}, int(m_rows.size()), int(problems.size()) - 1);
        for (qsizetype i = 0; i < problems.size(); ++i) {
            if (!held.contains(i)) {
                m_rows.append(problems.at(i));
            }
        }
        endInsertRows();
    }
}

int ProblemListModel::failures() const
{
    return int(std::count_if(
        m_rows.cbegin(), m_rows.cend(), [](const Problem& p) { return !p.structureWarning; }));
}

int ProblemListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProblemListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProblemListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size()) {
        return {};
    }
    const Problem& p = m_rows.at(index.row());
    switch (role) {
    case KeyRole:
        return QVariant::fromValue(p.key);
    case StructureRole:
        return p.structureWarning;
    case Qt::ToolTipRole:
        return p.description;
    case SortRole:
        if (index.column() == SinceColumn) {
            return p.since;
        }
        [[fallthrough]];
    case Qt::DisplayRole:
        switch (index.column()) {
        case CodeColumn:
            return p.code;
        case ClusterColumn:
            return p.cluster;
        case InstanceColumn:
            return p.key.toString();
        case SinceColumn:
            return TimeFormat::display(p.since);
        case DescriptionColumn:
            return p.description;
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant ProblemListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case CodeColumn:
        return tr("Problem");
    case ClusterColumn:
        return tr("Cluster");
    case InstanceColumn:
        return tr("Instance");
    case SinceColumn:
        return tr("Since");
    case DescriptionColumn:
        return tr("Description");
    default:
        return {};
    }
}

} // namespace topograph
