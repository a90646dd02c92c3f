#pragma once

#include <QMetaType>

#include <optional>

#include "instancekey.h"

namespace topograph {

// What the lag worker samples: an instance, and the server_id of its cluster's current primary
// (from the latest probe), whose heartbeat row lag is measured from. LagTargets::forCluster
// makes them from a cluster's records.
struct LagTarget
{
    InstanceKey instance;
    std::optional<quint32> primaryServerId; // unknown: SBM only
    bool replica = true; // false for the primary itself (its row is checked, not its lag)

    friend bool operator==(const LagTarget&, const LagTarget&) = default;
};

} // namespace topograph

Q_DECLARE_METATYPE(topograph::LagTarget)
