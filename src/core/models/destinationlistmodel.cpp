#include "models/destinationlistmodel.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace topograph {

DestinationListModel::DestinationListModel(QObject* parent)
    : QAbstractListModel(parent)
{ }

void DestinationListModel::setDestinations(
    const QHash<InstanceKey, TargetVerdict>& verdicts, const QHash<InstanceKey, QString>& aliases)
{
    beginResetModel();
    m_rows.clear();
    for (auto it = verdicts.cbegin(); it != verdicts.cend(); ++it) {
        m_rows.append({ it.key(), aliases.value(it.key()), it.value() });
    }
    std::sort(m_rows.begin(), m_rows.end(), [](const Destination& a, const Destination& b) {
        if (a.verdict.acceptable() != b.verdict.acceptable()) {
            return a.verdict.acceptable();
        }
        return a.key < b.key;
    });
    endResetModel();
}

int DestinationListModel::acceptableCount() const
{
    return static_cast<int>(std::count_if(m_rows.cbegin(), m_rows.cend(),
        [](const Destination& d) { return d.verdict.acceptable(); }));
}

int DestinationListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant DestinationListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Destination& d = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return d.alias.isEmpty() ? d.key.toString() : u"%1 (%2)"_s.arg(d.key.toString(), d.alias);
    case Qt::ToolTipRole:
        if (d.verdict.kind == TargetVerdict::Kind::Refused) {
            return tr("Refused: %1").arg(d.verdict.reason);
        }
        return d.verdict.reason.isEmpty()
            ? d.verdict.method
            : tr("%1 — with warnings: %2").arg(d.verdict.method, d.verdict.reason);
    case KeyRole:
        return d.key.toString();
    case VerdictRole:
        return static_cast<int>(d.verdict.kind);
    case SearchRole:
        return (d.key.toString() + u' ' + d.alias).toLower();
    default:
        return {};
    }
}

Qt::ItemFlags DestinationListModel::flags(const QModelIndex& index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return Qt::NoItemFlags;
    }
    return m_rows.at(index.row()).verdict.acceptable()
        ? Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren
        : Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> DestinationListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(KeyRole, "key");
    names.insert(VerdictRole, "verdict");
    names.insert(SearchRole, "search");
    return names;
}

} // namespace topograph
