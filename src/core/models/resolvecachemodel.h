#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

#include "resolve/resolvecacheentry.h"

namespace topograph {

// The resolve cache (DESIGN §6, §10) as a table: every hostname_resolve and hostname_unresolve
// entry, judged by ResolveFlagRules. Display text for people; SortRole gives raw values (seconds,
// counts) for a QSortFilterProxyModel. setEntries() updates rows in place while the entries are the
// same (kind, host name) in the same order, and resets otherwise; setNow() moves the age and
// "expires in" columns on.
class ResolveCacheModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column {
        Kind, // "resolve" or "unresolve"
        Hostname, // the name asked (resolve) or the instance's name (unresolve)
        Resolved, // the name it resolved to, or the virtual name registered
        Age, // since resolved_timestamp / last_registered
        ExpiresIn, // until ExpiryHostnameResolvesMinutes is up; "expired" after
        HostnameUsers, // known instances keyed by Hostname
        ResolvedUsers, // known instances keyed by Resolved
        Flag, // the reason when flagged, else empty
        Count,
    };
    enum Role {
        SortRole = Qt::UserRole + 1, // raw value: QString (lower case), qint64 seconds, int count
        InstanceKeysRole, // QList<InstanceKey>: Hostname(Users) column → its users, Resolved(Users)
                          // → its users, other columns → both
        FlagReasonRole, // QString: why the entry is flagged; empty when not
        FlaggedRole, // bool
        FlagsRole, // uint: ResolveFlags
        KindRole, // int: ResolveKind
        HostnameRole, // QString: the entry's hostname (its identity, with KindRole)
    };

    explicit ResolveCacheModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setEntries(const QList<ResolveCacheEntry>& entries, const QDateTime& now);
    void setNow(const QDateTime& now);
    const QList<ResolveCacheEntry>& entries() const { return m_entries; }
    ResolveCacheEntry entryAt(int row) const; // a default one when out of range

    // "3d 4h", "5m 2s", "12s"; for negative seconds the same with a minus sign.
    static QString duration(qint64 seconds);

private:
    QVariant display(const ResolveCacheEntry& entry, Column column) const;
    QVariant sortValue(const ResolveCacheEntry& entry, Column column) const;
    qint64 ageSeconds(const ResolveCacheEntry& entry) const;
    qint64 expiresInSeconds(const ResolveCacheEntry& entry) const;

    QList<ResolveCacheEntry> m_entries;
    QDateTime m_now;
};

} // namespace topograph
