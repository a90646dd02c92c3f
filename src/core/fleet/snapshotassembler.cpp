#include "fleet/snapshotassembler.h"

#include "backend/backend.h"
#include "backend/candidatestore.h"
#include "backend/clusteraliasstore.h"
#include "backend/equivalencestore.h"
#include "backend/instancestore.h"
#include "backend/maintenancestore.h"
#include "backend/resolvestore.h"
#include "backend/unresolvestore.h"
#include "fleet/fleetengine.h"
#include "fleet/fleetproblems.h"
#include "resolve/resolveflagrules.h"
#include "topology/ghostdetector.h"

namespace topograph {

SnapshotAssembler::SnapshotAssembler(Configuration config)
    : m_config(std::move(config))
{ }

InstanceStatus::Thresholds SnapshotAssembler::thresholds() const
{
    InstanceStatus::Thresholds t;
    t.pollSeconds = m_config.instancePollSeconds;
    t.reasonableLagSeconds = m_config.reasonableReplicationLagSeconds;
    return t;
}

Result<FleetSnapshot> SnapshotAssembler::snapshot(
    Backend& backend, const FleetEngine& engine, QStringList& warnings)
{
    FleetSnapshot snapshot;
    snapshot.takenAt = QDateTime::currentDateTimeUtc();
    snapshot.backendDescription = backend.description();
    snapshot.backendReadOnlyReason = backend.readOnlyReason();
    auto records = InstanceStore(backend).readAll();
    if (!records) {
        return records.error();
    }
    snapshot.records = std::move(records).value();
    engine.overlay(snapshot.records);
    snapshot.serial = ++m_serial;
    if (auto aliases = ClusterAliasStore(backend, m_config).aliases()) {
        snapshot.aliases = std::move(aliases).value();
    } else {
        warnings << tr("Cannot read the cluster aliases: %1").arg(aliases.error().message);
    }
    if (auto locks = MaintenanceStore(backend).allActive()) {
        snapshot.maintenance = std::move(locks).value();
    } else {
        warnings << tr("Cannot read the maintenance locks: %1").arg(locks.error().message);
    }
    if (auto rules = CandidateStore(backend, m_config.candidateInstanceExpireMinutes).rules()) {
        snapshot.promotionRules = std::move(rules).value();
    } else {
        warnings << tr("Cannot read the promotion rules: %1").arg(rules.error().message);
    }
    auto resolves = ResolveStore(backend, m_config.expiryHostnameResolvesMinutes).everything();
    auto unresolves = UnresolveStore(backend).all();
    if (!resolves || !unresolves) {
        warnings << tr("Cannot read the resolve cache: %1")
                        .arg(!resolves ? resolves.error().message : unresolves.error().message);
    } else {
        snapshot.resolveCache = ResolveFlagRules::judge(*resolves, *unresolves, snapshot.records,
            snapshot.takenAt, m_config.expiryHostnameResolvesMinutes);
    }
    if (auto equivalences = EquivalenceStore(backend).readAll()) {
        snapshot.equivalences = std::move(equivalences).value();
    } else {
        warnings << tr("Cannot read the recorded equivalent positions: %1")
                        .arg(equivalences.error().message);
    }
    snapshot.ghosts = GhostDetector::detect(
        snapshot.records, resolves.valueOr({}), snapshot.takenAt, thresholds());
    if (auto problems = FleetProblems::read(backend, m_config, snapshot.takenAt); !problems) {
        // Said, and the dock keeps the last findings rather than showing none.
        warnings << tr("Cannot read the replication analysis: %1").arg(problems.error().message);
    } else {
        m_problems = m_problemTracker.update(std::move(problems).value(), snapshot.takenAt);
    }
    snapshot.problems = m_problems;
    return snapshot;
}

Result<FleetChange> SnapshotAssembler::change(
    Backend& backend, const FleetEngine& engine, const QList<InstanceKey>& keys)
{
    FleetChange change;
    change.takenAt = QDateTime::currentDateTimeUtc();
    const InstanceStore store(backend);
    for (const InstanceKey& key : keys) {
        auto row = store.read(key);
        if (!row) {
            return row.error();
        }
        if (!*row) {
            change.removed << key;
            continue;
        }
        InstanceRecord record = std::move(**row);
        engine.overlay(record);
        change.changed << std::move(record);
    }
    change.serial = ++m_serial;
    return change;
}

} // namespace topograph
