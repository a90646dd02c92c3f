#include "ops/operationservice.h"

#include <QSet>

#include <algorithm>

#include "backend/backend.h"
#include "backend/instancestore.h"
#include "backend/maintenancestore.h"
#include "backend/topologywriter.h"
#include "db/connectionsettings.h"
#include "ops/planner.h"
#include "probe/instanceprobe.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

// operation → whether -d is needed: 1 required, 0 none, 2 optional.
const QList<std::pair<QString, int>> kOperations {
    { u"relocate"_s, 1 },
    { u"relocate-replicas"_s, 1 },
    { u"move-up"_s, 0 },
    { u"move-up-replicas"_s, 0 },
    { u"move-below"_s, 1 },
    { u"repoint"_s, 2 },
    { u"repoint-replicas"_s, 0 },
    { u"take-master"_s, 0 },
    { u"make-co-master"_s, 0 },
    { u"stop-replica"_s, 0 },
    { u"start-replica"_s, 0 },
    { u"set-read-only"_s, 0 },
    { u"set-writeable"_s, 0 },
};

} // namespace

OperationService::OperationService(const Configuration& config, const Backend& backend)
    : m_config(config)
    , m_backend(backend)
{ }

QStringList OperationService::operations()
{
    QStringList names;
    for (const auto& [name, destination] : kOperations) {
        names << name;
    }
    return names;
}

bool OperationService::needsDestination(const QString& operation, bool* optional)
{
    for (const auto& [name, destination] : kOperations) {
        if (name == operation) {
            if (optional) {
                *optional = destination == 2;
            }
            return destination == 1;
        }
    }
    return false;
}

Result<QList<InstanceRecord>> OperationService::freshTopology(const OperationRequest& request) const
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
    QList<InstanceRecord> fresh;
    for (const InstanceKey& key : keys) {
        auto settings = topologyConnectionSettings(m_config, key);
        if (!settings) {
            return settings.error();
        }
        fresh << InstanceProbe::probe(*settings, ProbeOptions::fromConfiguration(m_config)).record;
    }
    return fresh;
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
    return planWith(m_config, request, fresh, flags);
}

Result<Plan> OperationService::planWith(const Configuration& config,
    const OperationRequest& request, const QList<InstanceRecord>& records,
    const PlannerFlags& flags)
{
    const Planner planner(config, records, flags);
    const QString& op = request.operation;
    const InstanceKey& i = request.instance;
    const auto& d = request.destination;
    if (needsDestination(op) && !d) {
        return makeError(ErrorCode::InvalidInput, u"-c %1 needs -d HOST:PORT"_s.arg(op));
    }
    if (op == u"relocate"_s) {
        return planner.relocate(i, *d);
    }
    if (op == u"relocate-replicas"_s) {
        return planner.relocateReplicas(i, *d);
    }
    if (op == u"move-up"_s) {
        return planner.moveUp(i);
    }
    if (op == u"move-up-replicas"_s) {
        return planner.moveUpReplicas(i);
    }
    if (op == u"move-below"_s) {
        return planner.moveBelow(i, *d);
    }
    if (op == u"repoint"_s) {
        return planner.repoint(i, d);
    }
    if (op == u"repoint-replicas"_s) {
        return planner.repointReplicas(i);
    }
    if (op == u"take-master"_s) {
        return planner.takeMaster(i);
    }
    if (op == u"make-co-master"_s) {
        return planner.makeCoMaster(i);
    }
    if (op == u"stop-replica"_s) {
        return planner.stopReplica(i);
    }
    if (op == u"start-replica"_s) {
        return planner.startReplica(i);
    }
    if (op == u"set-read-only"_s || op == u"set-writeable"_s) {
        return planner.setReadOnly(i, op == u"set-read-only"_s);
    }
    return makeError(ErrorCode::InvalidInput, u"unknown operation %1"_s.arg(op));
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
    QList<InstanceRecord> fresh;
    for (const InstanceKey& key : keys) {
        auto settings = topologyConnectionSettings(m_config, key);
        if (settings) {
            fresh << InstanceProbe::probe(*settings, ProbeOptions::fromConfiguration(m_config))
                         .record;
        }
    }
    (void)TopologyWriter(m_backend, m_config).record(fresh);
    return report;
}

} // namespace topograph
