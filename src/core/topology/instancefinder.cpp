#include "topology/instancefinder.h"

#include <algorithm>

#include <QSet>

namespace topograph {

namespace {

// 0 is the best rank; -1: no match.
int rankOf(const QString& text, const QString& keyText, const QString& host, const QString& alias,
    const QString& clusterAlias)
{
    if (text == keyText || (!alias.isEmpty() && text == alias)) {
        return 0;
    }
    if (keyText.startsWith(text) || host.startsWith(text) || alias.startsWith(text)) {
        return 1;
    }
    if (keyText.contains(text) || alias.contains(text)) {
        return 2;
    }
    if (clusterAlias.contains(text)) {
        return 3;
    }
    return -1;
}

} // namespace

void InstanceFinder::setRecords(
    const QList<InstanceRecord>& records, const QHash<QString, QString>& clusterAliases)
{
    m_entries.clear();
    m_names.clear();
    for (const InstanceRecord& r : records) {
        Entry e;
        e.key = r.key;
        e.keyText = r.key.toString().toLower();
        e.host = r.key.host.toLower();
        e.alias = r.instanceAlias.toLower();
        e.clusterAlias = clusterAliases.value(r.clusterName).toLower();
        m_entries.append(e);
        m_names << r.key.toString();
        if (!r.instanceAlias.isEmpty()) {
            m_names << r.instanceAlias;
        }
    }
    m_names.sort(Qt::CaseInsensitive);
    m_names.removeDuplicates();
}

QList<InstanceKey> InstanceFinder::matches(const QString& text) const
{
    const QString wanted = text.trimmed().toLower();
    if (wanted.isEmpty()) {
        return {};
    }
    QList<std::pair<int, InstanceKey>> found;
    for (const Entry& e : m_entries) {
        const int rank = rankOf(wanted, e.keyText, e.host, e.alias, e.clusterAlias);
        if (rank >= 0) {
            found.append({ rank, e.key });
        }
    }
    std::sort(found.begin(), found.end());
    QList<InstanceKey> keys;
    QSet<InstanceKey> seen;
    for (const auto& [rank, key] : found) {
        if (!seen.contains(key)) {
            seen.insert(key);
            keys << key;
        }
    }
    return keys;
}

QStringList InstanceFinder::names() const
{
    return m_names;
}

} // namespace topograph
