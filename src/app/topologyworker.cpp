#include "topologyworker.h"

#include "db/connectionsettings.h"
#include "probe/instanceprobe.h"
#include "topology/crawler.h"

namespace topograph {

TopologyWorker::TopologyWorker(Configuration config)
    : m_config(std::move(config))
{ }

void TopologyWorker::crawl(const InstanceKey& seed, quint64 generation)
{
    auto settings = topologyConnectionSettings(m_config, seed);
    if (!settings) {
        Q_EMIT failed(generation, settings.error().message);
        return;
    }
    const ConnectionSettings base = *settings;
    Crawler crawler([&base](const InstanceKey& key) {
        ConnectionSettings s = base;
        s.key = key;
        return InstanceProbe::probe(s);
    });
    const QList<InstanceRecord> records = crawler.crawl(seed);
    if (!records.first().reachable) {
        Q_EMIT failed(generation, records.first().lastError);
        return;
    }
    Q_EMIT crawled(generation, records);
}

} // namespace topograph
