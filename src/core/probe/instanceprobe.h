#pragma once

#include "db/connectionsettings.h"
#include "probe/instancerecord.h"

namespace topograph {

// Reads one instance into an InstanceRecord in one short session, on the calling thread. Never
// fails: an instance that cannot be reached comes back with reachable=false and lastError set.
class InstanceProbe final
{
public:
    static InstanceRecord probe(const ConnectionSettings& settings);
};

} // namespace topograph
