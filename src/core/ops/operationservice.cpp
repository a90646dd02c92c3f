#include "ops/operationservice.h"

#include <QHash>
#include <QSet>

#include <algorithm>

#include "backend/backend.h"
#include "backend/equivalencestore.h"
#include "backend/instancestore.h"
#include "backend/maintenancestore.h"
#include "backend/topologywriter.h"
#include "db/connectionsettings.h"
#include "ops/planner.h"
#include "probe/instanceprobe.h"
#include "probe/parallelprobe.h"

using namespace Qt::StringLiterals;

namespace topograph {

OperationService::OperationService(const Configuration& config, const Backend& backend)
    : m_config(config)
    , m_backend(backend)
{ }

Result<QList<InstanceRecord>> OperationService::freshTopology(
    const OperationRequest& request, const QList<InstanceRecord>& probedAlready) const
{
    const InstanceStore store(m_backend);
    QList<InstanceKey> keys { request.instance };
    if (request.destination) {
        keys << *request.destination;
    }
    QSet<QString> clusters;
    for (const InstanceKey& key : QList<InstanceKey>(keys)) {
        auto known = store.read(key);
        if (!known) {
            return known.error();
        }
        if (!*known) {
            return makeError(ErrorCode::NotFound,
                u"unknown instance %1: discover it first (-c discover -i %1)"_s.arg(
                    key.toString()));
        }
        clusters.insert((*known)->clusterName);
    }
    for (const QString& cluster : clusters) {
        auto members = store.readCluster(cluster);
        if (!members) {
            return members.error();
        }
        for (const InstanceRecord& r : *members) {
            if (!keys.contains(r.key)) {
                keys << r.key;
            }
        }
    }
    QHash<InstanceKey, InstanceRecord> ready;
    for (const InstanceRecord& r : probedAlready) {
        if (keys.contains(r.key)) {
            ready.insert(r.key, r);
        }
    }
    QList<ConnectionSettings> sessions;
    for (const InstanceKey& key : keys) {
        if (ready.contains(key)) {
            continue;
        }
        auto settings = topologyConnectionSettings(m_config, key);
        if (!settings) {
            return settings.error();
        }
        sessions << *settings;
    }
    const QList<InstanceRecord> probed = probeAll(sessions);
    QList<InstanceRecord> fresh;
    qsizetype next = 0;
    for (const InstanceKey& key : keys) {
        fresh << (ready.contains(key) ? ready.value(key) : probed.at(next++));
    }
    return fresh;
}

QList<InstanceRecord> OperationService::probeAll(const QList<ConnectionSettings>& sessions) const
{
    // All at once: the cluster costs its slowest probe, a dead host one connect timeout.
    QList<InstanceRecord> fresh;
    for (const ProbeResult& probed :
        ParallelProbe::probe(sessions, ProbeOptions::fromConfiguration(m_config))) {
        fresh << probed.record;
    }
    return fresh;
}

Result<QList<PositionEquivalence>> OperationService::equivalencesOf(
    const InstanceKey& instance, const QList<InstanceRecord>& fresh) const
{
    for (const InstanceRecord& r : fresh) {
        if (r.key == instance && r.masterKey && !r.relayMasterLogFile.isEmpty()) {
            return EquivalenceStore(m_backend).readFor(
                *r.masterKey, { r.relayMasterLogFile, r.execMasterLogPos });
        }
    }
    return QList<PositionEquivalence> {}; // the planner says why it cannot move it
}

Result<Plan> OperationService::plan(const OperationRequest& request) const
{
    auto fresh = freshTopology(request);
    if (!fresh) {
        return fresh.error();
    }
    return plan(request, *fresh);
}

Result<Plan> OperationService::plan(
    const OperationRequest& request, const QList<InstanceRecord>& fresh) const
{
    PlannerFlags flags;
    flags.readOnly = request.readOnly || m_backend.isReadOnly();
    auto locks = MaintenanceStore(m_backend).allActive();
    if (!locks) {
        return locks.error();
    }
    for (const MaintenanceLock& lock : *locks) {
        flags.maintenanceLocked.insert(lock.key);
    }
    if (OperationRegistry::info(request.operation).readsEquivalences) {
        auto known = equivalencesOf(request.instance, fresh);
        if (!known) {
            return known.error();
        }
        flags.equivalences = std::move(known).value();
    }
    return planWith(m_config, request, fresh, flags);
}

Result<Plan> OperationService::planWith(const Configuration& config,
    const OperationRequest& request, const QList<InstanceRecord>& records,
    const PlannerFlags& flags)
{
    const Planner planner(config, records, flags);
    return OperationRegistry::plan(
        planner, request.operation, request.instance, request.destination);
}

ExecutionReport OperationService::execute(
    const Plan& plan, const Executor::Progress& progress, const std::atomic<bool>* cancel) const
{
    Executor executor(m_config, &m_backend);
    // Long enough for a briefly frozen or restarting server to answer again.
    executor.recoveryWindowSeconds = std::max(10, 2 * m_config.mysqlTopologyReadTimeoutSeconds);
    ExecutionReport report = executor.run(plan, progress, cancel);
    // What the operation left behind, into the backend, so every view shows it at once.
    QList<InstanceKey> keys = plan.touched;
    for (const ExpectedState& expected : plan.expected) {
        if (!keys.contains(expected.instance)) {
            keys << expected.instance;
        }
    }
    QList<ConnectionSettings> sessions;
    for (const InstanceKey& key : keys) {
        if (auto settings = topologyConnectionSettings(m_config, key)) {
            sessions << *settings;
        }
    }
    const QList<InstanceRecord> fresh = probeAll(sessions);
    if (auto written = TopologyWriter(m_backend, m_config).record(fresh); !written) {
        report.backendError = written.error().message;
    }
    return report;
}

} // namespace topograph
