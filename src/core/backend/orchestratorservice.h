#pragma once

#include <QString>

#include <optional>

#include "backend/backend.h"
#include "result.h"

namespace topograph {

// A running orchestrator service on the backend Topograph opened: orchestrator's active node
// (active_node, anchor 1) renews its row and its node_health row every HealthPollSeconds (1 s);
// a node whose rows are older than ActiveNodeExpireSeconds (5 s) is no longer active.
class OrchestratorService final
{
public:
    static constexpr int kActiveWithinSeconds = 5; // orchestrator's ActiveNodeExpireSeconds

    // The active node's host name while both its rows are recent by the backend's clock;
    // nothing when the service is stopped, stale, or the backend has no such tables.
    static Result<std::optional<QString>> activeNode(const Backend& backend);
};

} // namespace topograph
