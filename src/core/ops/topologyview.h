#pragma once

#include <QHash>
#include <QList>

#include "probe/instancerecord.h"

namespace topograph {

// The replication tree as the given records describe it: who replicates from whom. Built from
// each record's own master key (what the replica's SHOW SLAVE STATUS said), which is the fact a
// move depends on; masters' replica lists are not trusted for that.
class TopologyView final
{
public:
    explicit TopologyView(const QList<InstanceRecord>& records);

    QList<InstanceRecord> records() const; // sorted by key
    // nullptr when there is no record for key.
    const InstanceRecord* find(const InstanceKey& key) const;
    // The instances whose records say they replicate from key, sorted by key.
    QList<InstanceKey> replicasOf(const InstanceKey& key) const;
    // key's master, that one's master, ... as far as the records go. Stops before repeating
    // an instance, so co-masters (a cycle) end the walk.
    QList<InstanceKey> ancestors(const InstanceKey& key) const;
    bool isDescendant(const InstanceKey& candidate, const InstanceKey& ancestor) const;
    // The top of key's tree (key itself when it has no known master).
    InstanceKey root(const InstanceKey& key) const;

private:
    QHash<InstanceKey, InstanceRecord> m_records;
};

} // namespace topograph
