#pragma once

#include <QAbstractTableModel>
#include <QList>

#include "models/clustersummary.h"

namespace topograph {

// The clusters list (DESIGN §10) as a table over ClusterSummary values. setClusters() updates in
// place — rows keyed by cluster name are inserted, removed, moved and changed with the matching
// signals, never a reset — so selections and persistent indexes survive each poll. Icons and
// colours are added by a proxy in the app.
class ClusterListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column {
        Alias,
        Primary,
        Instances,
        Problems,
        Unreachable,
        Analysis,
        Count,
    };
    enum Role {
        SummaryNameRole = Qt::UserRole + 1, // QString: the cluster name
        GhostRole, // bool
        ProblemsRole, // int
        UnreachableRole, // int
        GhostReasonRole, // QString: why it is a ghost (ClusterSummary::ghostReason); empty if not
        AnalysisRole, // QStringList: the replication analysis's codes
                      // (ClusterSummary::analysisCodes)
    };

    explicit ClusterListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Makes the rows equal to clusters (in that order) with minimal signals.
    void setClusters(const QList<ClusterSummary>& clusters);
    const QList<ClusterSummary>& clusters() const { return m_clusters; }

    // The summary on row (a default one when out of range) and the row of a cluster (-1 if none).
    ClusterSummary summaryAt(int row) const;
    int rowOf(const QString& name) const;

private:
    QString toolTip(const ClusterSummary& summary) const;

    QList<ClusterSummary> m_clusters;
};

} // namespace topograph
