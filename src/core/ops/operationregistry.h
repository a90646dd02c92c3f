#pragma once

#include <QHashFunctions>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringView>

#include <optional>

#include "instancekey.h"
#include "result.h"

namespace topograph {

class Planner;
struct Plan;

// Everything a DBA can do to one instance, from the CLI, the menus, the context menu and the
// panels alike (DESIGN §3: one registry of operations). A closed set: code that needs to know
// what an operation is, what it needs or how it is shown reads OperationRegistry's one table,
// never a name string.
enum class Operation {
    Refresh, // probe the instance again now
    CopyKey, // its host:port to the clipboard
    Relocate,
    MoveUp,
    MoveBelow,
    Repoint,
    MoveEquivalent, // file:pos at a recorded equivalent position (master_position_equivalence)
    TakeMaster,
    MakeCoMaster,
    RelocateReplicas,
    MoveUpReplicas,
    RepointReplicas,
    StopReplica,
    StartReplica,
    RestartReplica, // STOP then START: also clears a pending START SLAVE UNTIL
    SetReadOnly,
    SetWriteable,
    CleanHeartbeat, // delete stale pt-heartbeat rows on one instance (fake lag)
    CleanClusterHeartbeat, // the same on every instance of its cluster
    BeginMaintenance,
    EndMaintenance,
    Forget,
    ForgetCluster, // every instance of a ghost cluster, and the resolve entries that made it
    RegisterCandidate, // record its promotion rule (candidate_database_instance)
};

inline size_t qHash(Operation operation, size_t seed = 0) noexcept
{
    return ::qHash(static_cast<int>(operation), seed);
}

enum class OperationKind {
    View, // changes nothing anywhere (refresh, copy key)
    Backend, // changes only the backend: audited, no plan (maintenance locks, forget)
    Replication, // changes servers: planned, previewed, executed, verified and audited
};

// What -d is for an operation.
enum class DestinationKind {
    None,
    Required,
    Optional,
};

// What the CLI prints when the operation succeeded (orchestrator's output).
enum class OperationOutput {
    Instance, // -i
    ReplicaOfMaster, // "replica<master", the master read back after the move
    MovedReplicas, // the replicas of -i that moved, one per line
    DeletedHeartbeatRows, // the heartbeat rows deleted on -i, one per line
    DeletedClusterHeartbeatRows, // "instance row" for every row deleted in the cluster
};

using PlannerCall = Result<Plan> (*)(
    const Planner& planner, const InstanceKey& instance, const std::optional<InstanceKey>& d);

struct OperationInfo
{
    Operation operation;
    const char* cliName; // orchestrator's command name; empty for the app's own
    OperationKind kind;
    DestinationKind destination;
    PlannerCall plan; // Replication only: the Planner function that plans it
    const char* label; // menu text (translated in the "Operation" context)
    const char* help; // what it does, for tooltips and status tips (translated)
    const char* summary; // the -c help line (English, like orchestrator's)
    const char* shortcut; // QKeySequence::PortableText; empty for none
    OperationOutput output;
    // It moves one replica below another master: "Move back" relocates it to the master it had.
    bool reversible;
    // Its planner reads the recorded equivalent positions (PlannerFlags::equivalences).
    bool readsEquivalences = false;
};

class OperationRegistry final
{
public:
    static const QList<OperationInfo>& all(); // in menu order
    static const OperationInfo& info(Operation operation);
    static std::optional<Operation> fromCliName(QStringView name);

    static QString cliName(Operation operation);
    static QString label(Operation operation); // translated, with its & mnemonic
    static QString plainLabel(Operation operation); // translated, without & and …
    static QString help(Operation operation); // translated
    static bool needsDestination(Operation operation);
    static bool mutates(Operation operation) { return info(operation).kind != OperationKind::View; }

    // The Planner's plan for a Replication operation; InvalidInput for a missing -d or an
    // operation the planner does not plan.
    static Result<Plan> plan(const Planner& planner, Operation operation,
        const InstanceKey& instance, const std::optional<InstanceKey>& destination);
};

} // namespace topograph

Q_DECLARE_METATYPE(topograph::Operation)
