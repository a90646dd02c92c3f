#include "topologyworker.h"

#include "topology/livecrawl.h"

namespace topograph {

TopologyWorker::TopologyWorker(Configuration config)
    : m_config(std::move(config))
{ }

void TopologyWorker::crawl(const InstanceKey& seed, quint64 generation)
{
    auto records = crawlLive(m_config, seed);
    if (!records) {
        Q_EMIT failed(generation, records.error().message);
        return;
    }
    Q_EMIT crawled(generation, *records);
}

} // namespace topograph
