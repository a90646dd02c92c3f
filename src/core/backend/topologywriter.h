#pragma once

#include <QList>

#include "backend/backend.h"
#include "config/configuration.h"
#include "probe/instancerecord.h"

namespace topograph {

// Merges fresh probe results into the backend: reachable instances are written whole; failed
// probes only record the attempt on instances already known; then cluster names, depths and
// co-master flags are recomputed over everything known, and rows whose cluster changed are
// updated. One transaction per call. Keys matching DiscoveryIgnoreHostnameFilters are never
// written.
class TopologyWriter final
{
public:
    TopologyWriter(const Backend& backend, const Configuration& config);

    Result<void> record(const QList<InstanceRecord>& probed) const;

private:
    const Backend& m_backend;
    const Configuration& m_config;
};

} // namespace topograph
