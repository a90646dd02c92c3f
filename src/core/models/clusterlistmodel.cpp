#include "models/clusterlistmodel.h"

#include <QSet>

#include "timeformat.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

int columnCountValue()
{
    return static_cast<int>(ClusterListModel::Column::Count);
}

} // namespace

ClusterListModel::ClusterListModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

int ClusterListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_clusters.size());
}

int ClusterListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : columnCountValue();
}

QVariant ClusterListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const ClusterSummary& s = m_clusters.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (static_cast<Column>(index.column())) {
        case Column::Alias:
            return s.displayName();
        case Column::Primary:
            return s.primary.isValid() ? s.primary.toString() : s.name;
        case Column::Instances:
            return s.instances;
        case Column::Problems:
            return s.problems;
        case Column::Unreachable:
            return s.unreachable;
        case Column::Analysis:
            return s.analysisCodes.join(u" · "_s);
        case Column::Count:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == int(Column::Analysis) && !s.analysisLines.isEmpty()) {
            return s.analysisLines.join(u'\n');
        }
        return toolTip(s);
    case Qt::TextAlignmentRole:
        if (index.column() >= static_cast<int>(Column::Instances)) {
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        }
        return {};
    case SummaryNameRole:
        return s.name;
    case GhostRole:
        return s.ghost;
    case ProblemsRole:
        return s.problems;
    case UnreachableRole:
        return s.unreachable;
    case GhostReasonRole:
        return s.ghostReason;
    case AnalysisRole:
        return s.analysisCodes;
    default:
        return {};
    }
}

QVariant ClusterListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCountValue()) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) {
        return {};
    }
    const bool tip = role == Qt::ToolTipRole;
    switch (static_cast<Column>(section)) {
    case Column::Alias:
        return tip ? tr("The cluster's alias, or its name when it has none") : tr("Cluster");
    case Column::Primary:
        return tip ? tr("The cluster's primary (its root master)") : tr("Primary");
    case Column::Instances:
        return tip ? tr("Instances in the cluster") : tr("Size");
    case Column::Problems:
        return tip ? tr("Instances that are not replicating normally, lagging or unreachable")
                   : tr("Issues");
    case Column::Unreachable:
        return tip ? tr("Instances whose last check failed") : tr("Down");
    case Column::Analysis:
        return tip ? tr("What the replication analysis reports for the cluster (see the Problems "
                        "dock)")
                   : tr("Analysis");
    case Column::Count:
        break;
    }
    return {};
}

QHash<int, QByteArray> ClusterListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SummaryNameRole, "clusterName");
    names.insert(GhostRole, "ghost");
    names.insert(ProblemsRole, "problems");
    names.insert(UnreachableRole, "unreachable");
    names.insert(GhostReasonRole, "ghostReason");
    return names;
}

QString ClusterListModel::toolTip(const ClusterSummary& s) const
{
    QStringList lines;
    lines << (s.alias.isEmpty() ? s.name : tr("%1 (%2)").arg(s.alias, s.name));
    lines << tr("%n instance(s)", nullptr, s.instances);
    if (s.problems == 0) {
        lines << tr("No problems");
    } else {
        lines << tr("%n instance(s) with problems", nullptr, s.problems);
        if (s.fakeLag > 0) {
            lines << tr("%n with stale heartbeat rows (fake lag)", nullptr, s.fakeLag);
        }
    }
    if (s.unreachable > 0) {
        lines << tr("%n instance(s) unreachable", nullptr, s.unreachable);
    }
    if (s.oldestCheck.isValid()) {
        lines << tr("Oldest check: %1").arg(TimeFormat::display(s.oldestCheck));
    }
    if (s.ghost) {
        lines << tr("Ghost cluster: it exists only because a host name failed to match (a primary "
                    "never validly checked, or a replica whose master is unknown). Check the "
                    "resolve cache, or forget it.");
        if (!s.ghostReason.isEmpty()) {
            lines << tr("Why: %1").arg(s.ghostReason);
        }
    }
    return lines.join(u'\n');
}

void ClusterListModel::setClusters(const QList<ClusterSummary>& clusters)
{
    // 1. Remove the clusters that are gone, bottom up, a contiguous run at a time.
    QSet<QString> wanted;
    wanted.reserve(clusters.size());
    for (const ClusterSummary& c : clusters) {
        wanted.insert(c.name);
    }
    for (int row = static_cast<int>(m_clusters.size()) - 1; row >= 0;) {
        if (wanted.contains(m_clusters.at(row).name)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !wanted.contains(m_clusters.at(first - 1).name)) {
            --first;
        }
        beginRemoveRows({}, first, row);
        m_clusters.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }

    // 2. Walk the wanted order: rows before i are settled; insert new runs, move existing rows up.
    QList<int> changed;
    for (int i = 0; i < clusters.size(); ++i) {
        const ClusterSummary& target = clusters.at(i);
        int at = -1;
        for (int j = i; j < m_clusters.size(); ++j) {
            if (m_clusters.at(j).name == target.name) {
                at = j;
                break;
            }
        }
        if (at < 0) {
            int last = i;
            while (last + 1 < clusters.size() && rowOf(clusters.at(last + 1).name) < 0) {
                ++last;
            }
            beginInsertRows({}, i, last);
            m_clusters.insert(i, last - i + 1, ClusterSummary {});
            for (int k = i; k <= last; ++k) {
                m_clusters[k] = clusters.at(k);
            }
            endInsertRows();
            i = last;
            continue;
        }
        if (at != i) {
            beginMoveRows({}, at, at, {}, i);
            m_clusters.move(at, i);
            endMoveRows();
        }
        if (!(m_clusters.at(i) == target)) {
            m_clusters[i] = target;
            changed << i;
        }
    }

    // 3. One dataChanged per contiguous run of changed rows.
    for (qsizetype k = 0; k < changed.size();) {
        qsizetype end = k;
        while (end + 1 < changed.size() && changed.at(end + 1) == changed.at(end) + 1) {
            ++end;
        }
        Q_EMIT dataChanged(index(changed.at(k), 0), index(changed.at(end), columnCountValue() - 1));
        k = end + 1;
    }
}

ClusterSummary ClusterListModel::summaryAt(int row) const
{
    return row >= 0 && row < m_clusters.size() ? m_clusters.at(row) : ClusterSummary {};
}

int ClusterListModel::rowOf(const QString& name) const
{
    for (int row = 0; row < m_clusters.size(); ++row) {
        if (m_clusters.at(row).name == name) {
            return row;
        }
    }
    return -1;
}

} // namespace topograph
