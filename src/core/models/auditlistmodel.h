#pragma once

#include <QAbstractTableModel>
#include <QList>

#include "backend/auditstore.h"

namespace topograph {

// The audit table for the audit dock (DESIGN §10): time, action, instance, cluster, owner and
// message, newest first, the same rows `-c audit` prints. addEntries() takes rows read after the
// newest one held (the dock asks for those after every poll round) and inserts them at the top,
// so selections and scroll positions survive; at most `capacity` rows are kept. Sorting and
// filtering are a QSortFilterProxyModel's: SortRole gives sortable raw values, KeyRole and
// ClusterRole the context filters.
class AuditListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditListModel)

public:
    enum Column {
        TimeColumn,
        ActionColumn,
        InstanceColumn,
        ClusterColumn,
        OwnerColumn,
        MessageColumn,
        ColumnCount,
    };
    enum Role {
        SortRole = Qt::UserRole + 1, // time: the audit_id (the order of writing); others: text
        KeyRole, // InstanceKey
        ClusterRole, // QString cluster name
        IdRole, // qint64 audit_id
    };

    explicit AuditListModel(QObject* parent = nullptr, int capacity = 2000);

    // Rows of any order; those already held (by id) are skipped.
    void addEntries(const QList<AuditEntry>& entries);
    void clear();
    qint64 newestId() const { return m_rows.isEmpty() ? 0 : m_rows.constFirst().id; }
    const AuditEntry& entryAt(int row) const { return m_rows.at(row); }
    int capacity() const { return m_capacity; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<AuditEntry> m_rows; // newest (highest id) first
    int m_capacity;
};

} // namespace topograph
