#pragma once

#include <QAbstractTableModel>
#include <QList>

#include "fleet/problem.h"

namespace topograph {

// The problems dock's table: code, cluster, instance, since and description, one row per
// finding of the latest snapshot. setProblems() replaces the rows but keeps rows that stayed
// (no reset), so a selection survives the next poll. SortRole gives raw values (since: the
// time), KeyRole the instance, StructureRole whether it is a structure warning.
class ProblemListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProblemListModel)

public:
    enum Column {
        CodeColumn,
        ClusterColumn,
        InstanceColumn,
        SinceColumn,
        DescriptionColumn,
        ColumnCount,
    };
    enum Role {
        SortRole = Qt::UserRole + 1,
        KeyRole, // InstanceKey
        StructureRole, // bool
    };

    explicit ProblemListModel(QObject* parent = nullptr);

    void setProblems(const QList<Problem>& problems);
    const QList<Problem>& problems() const { return m_rows; }
    int failures() const; // rows that are not structure warnings

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<Problem> m_rows;
};

} // namespace topograph
