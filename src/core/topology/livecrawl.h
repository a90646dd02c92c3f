#pragma once

#include <QList>

#include "config/configuration.h"
#include "probe/instancerecord.h"
#include "result.h"

namespace topograph {

// Probes the whole topology that holds seed, live, as the configured topology user, on the
// calling thread (never the GUI thread). Fails when the credentials cannot be read or the seed
// itself cannot be probed; other unreachable instances come back with reachable=false.
Result<QList<InstanceRecord>> crawlLive(const Configuration& config, const InstanceKey& seed);

} // namespace topograph
