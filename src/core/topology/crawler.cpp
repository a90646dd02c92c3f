#include "topology/crawler.h"

#include <QQueue>
#include <QSet>

#include "logging.h"

namespace topograph {

Crawler::Crawler(ProbeFunction probe, int maxInstances)
    : m_probe(std::move(probe))
    , m_maxInstances(maxInstances)
{ }

QList<InstanceRecord> Crawler::crawl(const InstanceKey& seed) const
{
    QList<InstanceRecord> found;
    QSet<InstanceKey> seen { seed };
    QQueue<InstanceKey> pending;
    pending.enqueue(seed);
    while (!pending.isEmpty() && found.size() < m_maxInstances) {
        InstanceRecord record = m_probe(pending.dequeue());
        QList<InstanceKey> next = record.replicaKeys;
        if (record.masterKey) {
            next.prepend(*record.masterKey);
        }
        for (const InstanceKey& key : next) {
            if (!seen.contains(key)) {
                seen.insert(key);
                pending.enqueue(key);
            }
        }
        if (!record.reachable) {
            qCInfo(lcDiscovery).noquote()
                << "cannot probe" << record.key.toString() << record.lastError;
        }
        found.append(std::move(record));
    }
    return found;
}

} // namespace topograph
