#include "ops/topologyview.h"

#include <algorithm>

namespace topograph {

TopologyView::TopologyView(const QList<InstanceRecord>& records)
{
    for (const InstanceRecord& r : records) {
        m_records.insert(r.key, r);
    }
}

QList<InstanceRecord> TopologyView::records() const
{
    QList<InstanceRecord> all = m_records.values();
    std::sort(all.begin(), all.end(),
        [](const InstanceRecord& a, const InstanceRecord& b) { return a.key < b.key; });
    return all;
}

const InstanceRecord* TopologyView::find(const InstanceKey& key) const
{
    const auto it = m_records.constFind(key);
    return it == m_records.constEnd() ? nullptr : &it.value();
}

QList<InstanceKey> TopologyView::replicasOf(const InstanceKey& key) const
{
    QList<InstanceKey> keys;
    for (const InstanceRecord& r : m_records) {
        if (r.masterKey == key && r.key != key) {
            keys.append(r.key);
        }
    }
    std::sort(keys.begin(), keys.end());
    return keys;
}

QList<InstanceKey> TopologyView::ancestors(const InstanceKey& key) const
{
    QList<InstanceKey> chain;
    const InstanceRecord* current = find(key);
    while (current && current->masterKey) {
        const InstanceKey master = *current->masterKey;
        if (master == key || chain.contains(master)) {
            break;
        }
        chain.append(master);
        current = find(master);
    }
    return chain;
}

bool TopologyView::isDescendant(const InstanceKey& candidate, const InstanceKey& ancestor) const
{
    return candidate != ancestor && ancestors(candidate).contains(ancestor);
}

InstanceKey TopologyView::root(const InstanceKey& key) const
{
    const QList<InstanceKey> chain = ancestors(key);
    return chain.isEmpty() ? key : chain.last();
}

} // namespace topograph
