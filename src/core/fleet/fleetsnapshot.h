#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>

#include "backend/maintenancestore.h"
#include "fleet/problem.h"
#include "ops/positionequivalence.h"
#include "probe/instancerecord.h"
#include "promotion/promotionrule.h"
#include "resolve/resolvecacheentry.h"
#include "topology/ghostcluster.h"

namespace topograph {

struct FleetChange;

// Everything the desktop app shows of the fleet at one moment, read from the backend on the fleet
// thread and handed to the GUI as a plain value (DESIGN §3): the GUI never queries a database.
struct FleetSnapshot
{
    quint64 serial = 0; // increases with every snapshot of one FleetWorker
    QList<InstanceRecord> records; // every known instance, by key
    QHash<QString, QString> aliases; // cluster name → alias
    QList<MaintenanceLock> maintenance; // active locks
    // The registered promotion rules that have not expired (candidate_database_instance);
    // instances without one are neutral.
    PromotionRuleMap promotionRules;
    // Every hostname_resolve and hostname_unresolve row, judged (ResolveFlagRules): the resolve
    // cache view's rows (ResolveCacheModel::setEntries).
    QList<ResolveCacheEntry> resolveCache;
    // The ghost clusters (GhostDetector over records and hostname_resolve): pass &ghosts to
    // ClusterSummary::fromRecords so the list and the resolve view agree.
    QList<GhostCluster> ghosts;
    // The replication analysis of these records (ProblemTracker keeps `since` across snapshots).
    QList<Problem> problems;
    // master_position_equivalence, for move-equivalent's destinations (PlannerFlags).
    QList<PositionEquivalence> equivalences;
    QDateTime takenAt;
    QString backendDescription; // "sqlite /path" or "mysql host:port/db"; no credentials
    QString backendReadOnlyReason; // empty when the backend can be written

    // Takes change's rows in place of those of the same keys (new keys at the end), drops the
    // removed ones, and takes its serial and time.
    void apply(const FleetChange& change);
    QList<InstanceRecord> cluster(const QString& clusterName) const;
    const InstanceRecord* find(const InstanceKey& key) const;
    std::optional<MaintenanceLock> maintenanceOf(const InstanceKey& key) const;
    const GhostCluster* ghost(const QString& clusterName) const; // nullptr when not a ghost
};

// What changed since the last snapshot or change (DESIGN §3): the rows of some keys as they stand
// now, and the keys whose rows are gone. Applied in place (FleetSnapshot::apply); a refresh of one
// instance sends one of these, not the fleet.
struct FleetChange
{
    quint64 serial = 0; // of the same sequence as the snapshots'
    QDateTime takenAt;
    QList<InstanceRecord> changed; // added or updated
    QList<InstanceKey> removed;
};

// How polling stands, for the status bar.
// Who keeps the backend's instance rows fresh (BackendPolling): Topograph's own polling, a
// running orchestrator service (Topograph then reads its rows), or nobody ("never").
enum class FreshnessKeeper {
    Topograph,
    Orchestrator,
    Nobody,
};

struct PollState
{
    bool running = false;
    quint64 round = 0;
    int probed = 0;
    int unreachable = 0;
    qint64 elapsedMs = 0;
    qint64 writeMs = 0; // writing the last round's answers to the backend
    int intervalSeconds = 0;
    int instances = 0; // keys being polled
    QDateTime finishedAt; // of the last finished round
    FreshnessKeeper keeper = FreshnessKeeper::Topograph;
    QString keeperNode; // the active orchestrator node's host name (Orchestrator)
};

} // namespace topograph

Q_DECLARE_METATYPE(topograph::FleetSnapshot)
Q_DECLARE_METATYPE(topograph::PollState)
Q_DECLARE_METATYPE(topograph::FleetChange)
