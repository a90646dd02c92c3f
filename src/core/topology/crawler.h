#pragma once

#include <QList>

#include <functional>

#include "probe/instancerecord.h"

namespace topograph {

// Finds every instance of a topology from one seed by probing: the instance, its master, its
// replicas, recursively, each key once. Runs on the calling thread (the CLI's, or a worker's in the
// app); the probe function is injected so the walk can be unit-tested on plain records.
class Crawler final
{
public:
    using ProbeFunction = std::function<InstanceRecord(const InstanceKey&)>;

    explicit Crawler(ProbeFunction probe, int maxInstances = 10000);

    // Every record reached, in discovery order; unreachable instances are included.
    QList<InstanceRecord> crawl(const InstanceKey& seed) const;

private:
    ProbeFunction m_probe;
    int m_maxInstances;
};

} // namespace topograph
