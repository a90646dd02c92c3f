#include "backend/orchestratorservice.h"

using namespace Qt::StringLiterals;

namespace topograph {

Result<std::optional<QString>> OrchestratorService::activeNode(const Backend& backend)
{
    if (!backend.hasTable(u"active_node"_s) || !backend.hasTable(u"node_health"_s)) {
        return std::optional<QString> {};
    }
    // By the backend's clock, as orchestrator writes the rows (SQLite: UTC text; MySQL: NOW()),
    // so that the clock of the machine running Topograph does not matter.
    const QString since = backend.flavor() == SqlFlavor::SQLite
        ? u"datetime('now', '-%1 seconds')"_s.arg(kActiveWithinSeconds)
        : u"NOW() - INTERVAL %1 SECOND"_s.arg(kActiveWithinSeconds);
    auto rows = backend.select(
        u"SELECT a.hostname FROM active_node a JOIN node_health h ON h.hostname = a.hostname "
        "AND h.token = a.token WHERE a.anchor = 1 AND a.last_seen_active >= %1 "
        "AND h.last_seen_active >= %1"_s.arg(since));
    if (!rows) {
        return rows.error();
    }
    if (rows->isEmpty()) {
        return std::optional<QString> {};
    }
    return std::optional<QString> { rows->first().value(u"hostname"_s).toString() };
}

} // namespace topograph
