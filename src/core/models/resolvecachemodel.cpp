#include "models/resolvecachemodel.h"

#include <limits>

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

using Column = ResolveCacheModel::Column;

constexpr int kColumns = static_cast<int>(Column::Count);

bool sameRows(const QList<ResolveCacheEntry>& a, const QList<ResolveCacheEntry>& b)
{
    if (a.size() != b.size()) {
        return false;
    }
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].kind != b[i].kind || a[i].hostname != b[i].hostname) {
            return false;
        }
    }
    return true;
}

} // namespace

ResolveCacheModel::ResolveCacheModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

int ResolveCacheModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int ResolveCacheModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : kColumns;
}

QString ResolveCacheModel::duration(qint64 seconds)
{
    const QString sign = seconds < 0 ? u"-"_s : QString();
    const qint64 s = seconds < 0 ? -seconds : seconds;
    if (s >= 86400) {
        return sign + u"%1d %2h"_s.arg(s / 86400).arg((s % 86400) / 3600);
    }
    if (s >= 3600) {
        return sign + u"%1h %2m"_s.arg(s / 3600).arg((s % 3600) / 60);
    }
    if (s >= 60) {
        return sign + u"%1m %2s"_s.arg(s / 60).arg(s % 60);
    }
    return sign + u"%1s"_s.arg(s);
}

qint64 ResolveCacheModel::ageSeconds(const ResolveCacheEntry& entry) const
{
    // An entry without a valid time sorts as the oldest.
    return entry.timestamp.isValid() ? entry.timestamp.secsTo(m_now)
                                     : std::numeric_limits<qint64>::max();
}

qint64 ResolveCacheModel::expiresInSeconds(const ResolveCacheEntry& entry) const
{
    return entry.expiresAt.isValid() ? m_now.secsTo(entry.expiresAt)
                                     : std::numeric_limits<qint64>::min();
}

QVariant ResolveCacheModel::display(const ResolveCacheEntry& e, Column column) const
{
    switch (column) {
    case Column::Kind:
        return e.kind == ResolveKind::Resolve ? tr("resolve") : tr("unresolve");
    case Column::Hostname:
        return e.hostname;
    case Column::Resolved:
        return e.resolvedHostname;
    case Column::Age:
        return e.timestamp.isValid() ? duration(ageSeconds(e)) : tr("unknown");
    case Column::ExpiresIn: {
        const qint64 left = expiresInSeconds(e);
        return left > 0 ? duration(left) : tr("expired");
    }
    case Column::HostnameUsers:
        return static_cast<int>(e.hostnameUsers.size());
    case Column::ResolvedUsers:
        return static_cast<int>(e.resolvedUsers.size());
    case Column::Flag:
        return e.reason;
    case Column::Count:
        break;
    }
    return {};
}

QVariant ResolveCacheModel::sortValue(const ResolveCacheEntry& e, Column column) const
{
    switch (column) {
    case Column::Kind:
        return static_cast<int>(e.kind);
    case Column::Hostname:
        return e.hostname.toLower();
    case Column::Resolved:
        return e.resolvedHostname.toLower();
    case Column::Age:
        return ageSeconds(e);
    case Column::ExpiresIn:
        return expiresInSeconds(e);
    case Column::HostnameUsers:
        return static_cast<int>(e.hostnameUsers.size());
    case Column::ResolvedUsers:
        return static_cast<int>(e.resolvedUsers.size());
    case Column::Flag:
        return static_cast<uint>(e.flags.toInt());
    case Column::Count:
        break;
    }
    return {};
}

QVariant ResolveCacheModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const ResolveCacheEntry& e = m_entries.at(index.row());
    const auto column = static_cast<Column>(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return display(e, column);
    case Qt::ToolTipRole:
        return e.reason.isEmpty() ? QVariant() : QVariant(e.reason);
    case SortRole:
        return sortValue(e, column);
    case InstanceKeysRole: {
        if (column == Column::Hostname || column == Column::HostnameUsers) {
            return QVariant::fromValue(e.hostnameUsers);
        }
        if (column == Column::Resolved || column == Column::ResolvedUsers) {
            return QVariant::fromValue(e.resolvedUsers);
        }
        QList<InstanceKey> both = e.hostnameUsers;
        for (const InstanceKey& key : e.resolvedUsers) {
            if (!both.contains(key)) {
                both << key;
            }
        }
        return QVariant::fromValue(both);
    }
    case FlagReasonRole:
        return e.reason;
    case FlaggedRole:
        return e.flagged();
    case FlagsRole:
        return static_cast<uint>(e.flags.toInt());
    case KindRole:
        return static_cast<int>(e.kind);
    case HostnameRole:
        return e.hostname;
    default:
        return {};
    }
}

QVariant ResolveCacheModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= kColumns) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) {
        return {};
    }
    const bool tip = role == Qt::ToolTipRole;
    switch (static_cast<Column>(section)) {
    case Column::Kind:
        return tip ? tr("hostname_resolve (a name resolved) or hostname_unresolve (a virtual name "
                        "registered for an instance)")
                   : tr("Kind");
    case Column::Hostname:
        return tip ? tr("The name asked, or the instance's name") : tr("Host name");
    case Column::Resolved:
        return tip ? tr("What it resolved to, or the virtual name") : tr("Resolved");
    case Column::Age:
        return tip ? tr("Since the entry was written") : tr("Age");
    case Column::ExpiresIn:
        return tip ? tr("Until the entry expires (ExpiryHostnameResolvesMinutes)")
                   : tr("Expires in");
    case Column::HostnameUsers:
        return tip ? tr("Known instances with this host name") : tr("Uses");
    case Column::ResolvedUsers:
        return tip ? tr("Known instances with the resolved name") : tr("Uses (resolved)");
    case Column::Flag:
        return tip ? tr("Why the entry looks wrong") : tr("Flag");
    case Column::Count:
        break;
    }
    return {};
}

QHash<int, QByteArray> ResolveCacheModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SortRole, "sortValue");
    names.insert(InstanceKeysRole, "instanceKeys");
    names.insert(FlagReasonRole, "flagReason");
    names.insert(FlaggedRole, "flagged");
    names.insert(FlagsRole, "flags");
    names.insert(KindRole, "kind");
    names.insert(HostnameRole, "hostname");
    return names;
}

void ResolveCacheModel::setEntries(const QList<ResolveCacheEntry>& entries, const QDateTime& now)
{
    if (!sameRows(m_entries, entries)) {
        beginResetModel();
        m_entries = entries;
        m_now = now;
        endResetModel();
        return;
    }
    const bool timeMoved = now != m_now;
    m_now = now;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (entries[i] == m_entries[i] && !timeMoved) {
            continue;
        }
        m_entries[i] = entries[i];
        const int row = static_cast<int>(i);
        Q_EMIT dataChanged(index(row, 0), index(row, kColumns - 1));
    }
}

void ResolveCacheModel::setNow(const QDateTime& now)
{
    m_now = now;
    if (!m_entries.isEmpty()) {
        Q_EMIT dataChanged(index(0, static_cast<int>(Column::Age)),
            index(rowCount() - 1, static_cast<int>(Column::ExpiresIn)));
    }
}

ResolveCacheEntry ResolveCacheModel::entryAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries.at(row) : ResolveCacheEntry {};
}

} // namespace topograph
