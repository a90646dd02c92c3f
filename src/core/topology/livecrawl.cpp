#include "topology/livecrawl.h"

#include "db/connectionsettings.h"
#include "probe/instanceprobe.h"
#include "topology/crawler.h"

namespace topograph {

Result<QList<InstanceRecord>> crawlLive(const Configuration& config, const InstanceKey& seed)
{
    auto settings = topologyConnectionSettings(config, seed);
    if (!settings) {
        return settings.error();
    }
    const ConnectionSettings base = *settings;
    const Crawler crawler([&base](const InstanceKey& key) {
        ConnectionSettings instanceSettings = base;
        instanceSettings.key = key;
        return InstanceProbe::probe(instanceSettings);
    });
    QList<InstanceRecord> records = crawler.crawl(seed);
    if (!records.first().reachable) {
        return makeError(ErrorCode::ConnectionFailed, records.first().lastError);
    }
    return records;
}

} // namespace topograph
