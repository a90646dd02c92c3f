#pragma once

#include <QList>
#include <QString>

#include <atomic>
#include <optional>

#include "config/configuration.h"
#include "db/connectionsettings.h"
#include "ops/executor.h"
#include "ops/operationregistry.h"
#include "ops/plan.h"
#include "ops/plannerflags.h"

namespace topograph {

class Backend;

// One topology operation as the CLI and the GUI ask for it.
struct OperationRequest
{
    Operation operation = Operation::Relocate; // a Replication operation of the registry
    InstanceKey instance; // -i
    std::optional<InstanceKey> destination; // -d
    bool readOnly = false; // --read-only (ReadOnly in the configuration is read from it too)
};

// The one path every operation takes, from the CLI and the GUI alike (DESIGN §7): fresh probes of
// the instances involved, all at once (never stale backend rows alone), active maintenance locks,
// the planner, then the executor, then fresh probes of what it touched written back to the backend.
class OperationService final
{
public:
    OperationService(const Configuration& config, const Backend& backend);

    // Probes, now, every instance of the cluster of request.instance and of the destination, all
    // at once. probedAlready: records probed a moment ago (the CLI probes -i and -d while it
    // opens the backend), used instead of probing those instances again.
    Result<QList<InstanceRecord>> freshTopology(
        const OperationRequest& request, const QList<InstanceRecord>& probedAlready = {}) const;
    Result<Plan> plan(const OperationRequest& request) const;
    Result<Plan> plan(const OperationRequest& request, const QList<InstanceRecord>& fresh) const;
    // The planner's answer from records and flags alone, without the backend: for the GUI's
    // menus and drag colours, which plan from the latest snapshot (the plan that runs is made
    // again from fresh probes).
    static Result<Plan> planWith(const Configuration& config, const OperationRequest& request,
        const QList<InstanceRecord>& records, const PlannerFlags& flags);
    ExecutionReport execute(const Plan& plan, const Executor::Progress& progress = {},
        const std::atomic<bool>* cancel = nullptr) const;

private:
    // Probes every instance at once (ParallelProbe), answers their records in the same order.
    QList<InstanceRecord> probeAll(const QList<ConnectionSettings>& sessions) const;
    // master_position_equivalence rows for instance's current position (from its fresh probe).
    Result<QList<PositionEquivalence>> equivalencesOf(
        const InstanceKey& instance, const QList<InstanceRecord>& fresh) const;

    const Configuration& m_config;
    const Backend& m_backend;
};

} // namespace topograph
