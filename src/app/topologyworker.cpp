#include "topologyworker.h"

#include "discovery/discoverer.h"

namespace topograph {

TopologyWorker::TopologyWorker(Configuration config)
    : m_config(std::move(config))
{ }

void TopologyWorker::crawl(const InstanceKey& seed, quint64 generation)
{
    // Blocks this worker thread (never the GUI's) until the crawl completes.
    auto records = Discoverer::discoverBlocking(m_config, seed, 60000);
    if (!records) {
        Q_EMIT failed(generation, records.error().message);
        return;
    }
    Q_EMIT crawled(generation, *records);
}

} // namespace topograph
