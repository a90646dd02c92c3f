#include "topology/clusterassigner.h"

#include <QHash>
#include <QSet>

namespace topograph {

namespace {

struct Root
{
    InstanceKey key;
    int depth = 0;
    bool coMaster = false;
};

Root findRoot(const InstanceKey& start, const QHash<InstanceKey, const InstanceRecord*>& byKey)
{
    QList<InstanceKey> path { start };
    QSet<InstanceKey> seen { start };
    InstanceKey current = start;
    while (true) {
        const InstanceRecord* record = byKey.value(current);
        if (!record || !record->masterKey || !byKey.contains(*record->masterKey)) {
            return { current, static_cast<int>(path.size()) - 1, false };
        }
        const InstanceKey master = *record->masterKey;
        if (seen.contains(master)) {
            // A cycle: the instances from master onwards replicate in a ring (co-masters).
            const qsizetype cycleStart = path.indexOf(master);
            const QList<InstanceKey> ring = path.mid(cycleStart);
            InstanceKey best = ring.first();
            for (const InstanceKey& key : ring) {
                const bool writable = !byKey.value(key)->readOnly;
                const bool bestWritable = !byKey.value(best)->readOnly;
                if ((writable && !bestWritable) || (writable == bestWritable && key < best)) {
                    best = key;
                }
            }
            const bool startInRing = ring.contains(start);
            const int hitDepth = ring.first() == best ? 0 : 1;
            const int depth
                = startInRing ? (start == best ? 0 : 1) : static_cast<int>(cycleStart) + hitDepth;
            // One instance replicating from itself is a mistake, not a co-master pair.
            return { best, depth, startInRing && ring.size() > 1 };
        }
        seen.insert(master);
        path.append(master);
        current = master;
    }
}

} // namespace

void ClusterAssigner::assign(QList<InstanceRecord>& records)
{
    QHash<InstanceKey, const InstanceRecord*> byKey;
    for (const InstanceRecord& record : records) {
        byKey.insert(record.key, &record);
    }
    QList<Root> roots;
    roots.reserve(records.size());
    for (const InstanceRecord& record : records) {
        roots.append(findRoot(record.key, byKey));
    }
    for (qsizetype i = 0; i < records.size(); ++i) {
        records[i].clusterName = roots[i].key.toString();
        records[i].replicationDepth = roots[i].depth;
        records[i].isCoMaster = roots[i].coMaster;
    }
}

} // namespace topograph
