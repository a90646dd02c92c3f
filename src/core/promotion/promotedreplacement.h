#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

#include "config/configuration.h"
#include "probe/instancerecord.h"
#include "promotion/replicaordering.h"

namespace topograph {

// What PromotedReplacement suggests: the server that should end up master (the promoted replica
// itself when nothing better exists), and why, step by step.
struct ReplacementSuggestion
{
    InstanceRecord replacement;
    bool actionRequired = false; // replacement is not the promoted replica
    QStringList trail; // one line per step taken, for logs and --debug
};

// After a dead master was replaced by some promoted replica: is there a better server to take
// over from it (orchestrator's SuggestReplacementForPromotedReplica)? In order of preference: the
// promoted replica itself when it is a candidate (must/prefer) in the dead master's data centre
// and physical environment; a candidate replica of it there; the promoted replica when it is a
// candidate that meets PreventCrossDataCenter/RegionMasterFailover; a candidate in the promoted
// replica's data centre and environment; any candidate meeting those constraints. When the
// promoted replica is prefer_not or breaks the constraints, neutral replicas are searched the same
// way. A replacement must replicate from the promoted replica and be able to serve it. The
// geographic constraints compare with the dead master's data centre and region. Pure.
class PromotedReplacement final
{
public:
    // cluster: every instance of the promoted replica's cluster (the dead master may be among
    // them; when it is not, its location is unknown and nothing matches it).
    static ReplacementSuggestion suggest(const InstanceKey& deadKey, const InstanceRecord& promoted,
        const QList<InstanceRecord>& cluster, const ReplicaOrdering& ordering,
        const Configuration& config);

    // Whether a server may replace the dead master under PreventCrossDataCenterMasterFailover
    // and PreventCrossRegionMasterFailover; the reason when not.
    static std::optional<QString> geographicRefusal(const InstanceRecord& suggested,
        const std::optional<InstanceRecord>& dead, const Configuration& config);
};

} // namespace topograph
