#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QList>

#include "ops/targetverdicts.h"

namespace topograph {

// The destinations of one operation on one instance (where "Move to…" can put it), with the
// planner's verdict on each: acceptable ones first, then by key; refused ones are listed but not
// selectable, with the refusal as their tooltip. Type-ahead filters it with a plain
// QSortFilterProxyModel on SearchRole.
class DestinationListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DestinationListModel)

public:
    enum Role {
        KeyRole = Qt::UserRole + 1, // QString host:port
        VerdictRole, // int TargetVerdict::Kind
        SearchRole, // host:port and alias, lower case, for filtering
    };

    struct Destination
    {
        InstanceKey key;
        QString alias; // instance alias, may be empty
        TargetVerdict verdict;
    };

    explicit DestinationListModel(QObject* parent = nullptr);

    void setDestinations(const QHash<InstanceKey, TargetVerdict>& verdicts,
        const QHash<InstanceKey, QString>& aliases = {});
    const Destination& destinationAt(int row) const { return m_rows.at(row); }
    int acceptableCount() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QList<Destination> m_rows;
};

} // namespace topograph
