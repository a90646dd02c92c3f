#include "ops/operationregistry.h"

#include <QCoreApplication>

#include <algorithm>

#include "ops/plan.h"
#include "ops/planner.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

using Dest = std::optional<InstanceKey>;
using K = OperationKind;
using D = DestinationKind;
using O = OperationOutput;

// Planner calls; a missing required -d is refused by OperationRegistry::plan before these run.
Result<Plan> relocate(const Planner& p, const InstanceKey& i, const Dest& d)
{
    return p.relocate(i, *d);
}
Result<Plan> moveUp(const Planner& p, const InstanceKey& i, const Dest&)
{
    return p.moveUp(i);
}
Result<Plan> moveBelow(const Planner& p, const InstanceKey& i, const Dest& d)
{
    return p.moveBelow(i, *d);
}
Result<Plan> repoint(const Planner& p, const InstanceKey& i, const Dest& d)
{
    return p.repoint(i, d);
}
Result<Plan> moveEquivalent(const Planner& p, const InstanceKey& i, const Dest& d)
{
    return p.moveEquivalent(i, *d);
}
Result<Plan> takeMaster(const Planner& p, const InstanceKey& i, const Dest&)
{
    return p.takeMaster(i);
}
Result<Plan> makeCoMaster(const Planner& p, const InstanceKey& i, const Dest&)
{
    return p.makeCoMaster(i);
}
Result<Plan> relocateReplicas(const Planner& p, const InstanceKey& i, const Dest& d)
{
    return p.relocateReplicas(i, *d);
}
Result<Plan> moveUpReplicas(const Planner& p, const InstanceKey& i, const Dest&)
{
    return p.moveUpReplicas(i);
}
Result<Plan> repointReplicas(const Planner& p, const InstanceKey& i, const Dest&)
{
    return p.repointReplicas(i);
}
Result<Plan> stopReplica(const Planner& p, const InstanceKey& i, const Dest&)
{
    return p.stopReplica(i);
}
Result<Plan> startReplica(const Planner& p, const InstanceKey& i, const Dest&)
{
    return p.startReplica(i);
}

Result<Plan> restartReplica(const Planner& p, const InstanceKey& i, const Dest&)
{
    return p.restartReplica(i);
}
Result<Plan> setReadOnly(const Planner& p, const InstanceKey& i, const Dest&)
{
    return p.setReadOnly(i, true);
}
Result<Plan> setWriteable(const Planner& p, const InstanceKey& i, const Dest&)
{
    return p.setReadOnly(i, false);
}
Result<Plan> cleanHeartbeat(const Planner& p, const InstanceKey& i, const Dest&)
{
    return p.cleanHeartbeat(i);
}
Result<Plan> cleanClusterHeartbeat(const Planner& p, const InstanceKey& i, const Dest&)
{
    return p.cleanClusterHeartbeat(i);
}

// The one table. Menu order; the menus add separators between kinds of work.
const QList<OperationInfo> kOperations {
    { Operation::Refresh, "", K::View, D::None, nullptr,
        QT_TRANSLATE_NOOP("Operation", "&Refresh instance"),
        QT_TRANSLATE_NOOP("Operation", "Probe this instance again now"), "", "Shift+F5",
        O::Instance, false },
    { Operation::CopyKey, "", K::View, D::None, nullptr,
        QT_TRANSLATE_NOOP("Operation", "Cop&y host:port"),
        QT_TRANSLATE_NOOP("Operation", "Copy the instance's host:port to the clipboard"), "",
        "Ctrl+Shift+C", O::Instance, false },
    { Operation::Relocate, "relocate", K::Replication, D::Required, relocate,
        QT_TRANSLATE_NOOP("Operation", "&Move to…"),
        QT_TRANSLATE_NOOP("Operation",
            "Make it a replica of another instance, by GTID where it can, else by binlog "
            "file:pos (shows the plan first)"),
        "Move -i below -d, by GTID or binlog coordinates (--noop: show plan)", "Ctrl+M",
        O::ReplicaOfMaster, true },
    { Operation::MoveUp, "move-up", K::Replication, D::None, moveUp,
        QT_TRANSLATE_NOOP("Operation", "Move &up"),
        QT_TRANSLATE_NOOP(
            "Operation", "Make it a replica of its master's master (shows the plan first)"),
        "Move -i up one level, next to its master", "Ctrl+U", O::ReplicaOfMaster, true },
    { Operation::MoveBelow, "move-below", K::Replication, D::Required, moveBelow,
        QT_TRANSLATE_NOOP("Operation", "Move &below sibling…"),
        QT_TRANSLATE_NOOP(
            "Operation", "Make it a replica of one of its siblings (shows the plan first)"),
        "Move -i below its sibling -d", "Ctrl+B", O::ReplicaOfMaster, true },
    { Operation::Repoint, "repoint", K::Replication, D::Optional, repoint,
        QT_TRANSLATE_NOOP("Operation", "Re&point"),
        QT_TRANSLATE_NOOP("Operation",
            "Point it at its master again, at its own executed coordinates (shows the plan "
            "first)"),
        "Point -i at its master (or -d) at its own coordinates", "", O::ReplicaOfMaster, false },
    { Operation::MoveEquivalent, "move-equivalent", K::Replication, D::Required, moveEquivalent,
        QT_TRANSLATE_NOOP("Operation", "Move by e&quivalent position…"),
        QT_TRANSLATE_NOOP("Operation",
            "Make it a replica of another server at the binlog position recorded as equivalent "
            "to its own by an earlier file:pos move (shows the plan first)"),
        "Move -i below -d at a recorded equivalent position (master_position_equivalence)", "",
        O::ReplicaOfMaster, true, true },
    { Operation::TakeMaster, "take-master", K::Replication, D::None, takeMaster,
        QT_TRANSLATE_NOOP("Operation", "&Take master"),
        QT_TRANSLATE_NOOP("Operation",
            "Swap it with its master: it becomes its master's master (shows the plan first)"),
        "Make -i the master of its master", "Ctrl+T", O::Instance, false },
    { Operation::MakeCoMaster, "make-co-master", K::Replication, D::None, makeCoMaster,
        QT_TRANSLATE_NOOP("Operation", "Make &co-master"),
        QT_TRANSLATE_NOOP(
            "Operation", "It and its master replicate from each other (shows the plan first)"),
        "Make -i and its master replicate from each other", "", O::Instance, false },
    { Operation::RelocateReplicas, "relocate-replicas", K::Replication, D::Required,
        relocateReplicas, QT_TRANSLATE_NOOP("Operation", "Move replicas t&o…"),
        QT_TRANSLATE_NOOP(
            "Operation", "Move every replica of it below another instance (shows the plan first)"),
        "Move every replica of -i below -d", "Ctrl+Shift+M", O::MovedReplicas, false },
    { Operation::MoveUpReplicas, "move-up-replicas", K::Replication, D::None, moveUpReplicas,
        QT_TRANSLATE_NOOP("Operation", "Mo&ve replicas up"),
        QT_TRANSLATE_NOOP(
            "Operation", "Move every replica of it up, next to it (shows the plan first)"),
        "Move every replica of -i up next to -i", "Ctrl+Shift+U", O::MovedReplicas, false },
    { Operation::RepointReplicas, "repoint-replicas", K::Replication, D::None, repointReplicas,
        QT_TRANSLATE_NOOP("Operation", "Repoint rep&licas"),
        QT_TRANSLATE_NOOP("Operation",
            "Point every replica of it at it again, at their own coordinates (shows the plan "
            "first)"),
        "Repoint every replica of -i at its own coordinates", "", O::MovedReplicas, false },
    { Operation::StopReplica, "stop-replica", K::Replication, D::None, stopReplica,
        QT_TRANSLATE_NOOP("Operation", "&Stop replication"),
        QT_TRANSLATE_NOOP("Operation", "STOP SLAVE on this instance (shows the plan first)"),
        "Stop replication on -i", "", O::Instance, false },
    { Operation::StartReplica, "start-replica", K::Replication, D::None, startReplica,
        QT_TRANSLATE_NOOP("Operation", "St&art replication"),
        QT_TRANSLATE_NOOP("Operation", "START SLAVE on this instance (shows the plan first)"),
        "Start replication on -i", "", O::Instance, false },
    { Operation::RestartReplica, "restart-replica", K::Replication, D::None, restartReplica,
        QT_TRANSLATE_NOOP("Operation", "R&estart replication"),
        QT_TRANSLATE_NOOP("Operation",
            "STOP SLAVE, then START SLAVE on this instance; clears a pending START SLAVE UNTIL "
            "(shows the plan first)"),
        "Stop, then start replication on -i", "", O::Instance, false },
    { Operation::SetReadOnly, "set-read-only", K::Replication, D::None, setReadOnly,
        QT_TRANSLATE_NOOP("Operation", "Set rea&d-only"),
        QT_TRANSLATE_NOOP("Operation", "SET GLOBAL read_only = 1 (shows the plan first)"),
        "Set read_only on -i", "", O::Instance, false },
    { Operation::SetWriteable, "set-writeable", K::Replication, D::None, setWriteable,
        QT_TRANSLATE_NOOP("Operation", "Set &writeable"),
        QT_TRANSLATE_NOOP("Operation", "SET GLOBAL read_only = 0 (shows the plan first)"),
        "Clear read_only on -i", "", O::Instance, false },
    { Operation::CleanHeartbeat, "heartbeat-clean", K::Replication, D::None, cleanHeartbeat,
        QT_TRANSLATE_NOOP("Operation", "Clean stale &heartbeat rows…"),
        QT_TRANSLATE_NOOP("Operation",
            "Delete the heartbeat rows of former primaries on this instance only, without "
            "writing to its binary log (shows the plan first)"),
        "Delete stale pt-heartbeat rows on -i only, with sql_log_bin=0 (--noop: show them)", "",
        O::DeletedHeartbeatRows, false },
    { Operation::CleanClusterHeartbeat, "heartbeat-clean-cluster", K::Replication, D::None,
        cleanClusterHeartbeat,
        QT_TRANSLATE_NOOP("Operation", "Clean stale heartbeat rows in the c&luster…"),
        QT_TRANSLATE_NOOP("Operation",
            "Delete the heartbeat rows of former primaries on every instance of this cluster, "
            "each without writing to its binary log (shows the plan first)"),
        "Delete stale pt-heartbeat rows on every instance of -i's cluster, each with "
        "sql_log_bin=0 (--noop: show them)",
        "", O::DeletedClusterHeartbeatRows, false },
    { Operation::BeginMaintenance, "begin-maintenance", K::Backend, D::None, nullptr,
        QT_TRANSLATE_NOOP("Operation", "Begin mai&ntenance…"),
        QT_TRANSLATE_NOOP("Operation",
            "Mark it as in maintenance: operations leave it alone until the lock ends"),
        "Mark -i as in maintenance (--reason, --owner)", "", O::Instance, false },
    { Operation::EndMaintenance, "end-maintenance", K::Backend, D::None, nullptr,
        QT_TRANSLATE_NOOP("Operation", "&End maintenance"),
        QT_TRANSLATE_NOOP("Operation", "End the maintenance lock on this instance"),
        "End the maintenance of -i", "", O::Instance, false },
    { Operation::Forget, "forget", K::Backend, D::None, nullptr,
        QT_TRANSLATE_NOOP("Operation", "&Forget…"),
        QT_TRANSLATE_NOOP(
            "Operation", "Remove it from the backend (it comes back if it is discovered again)"),
        "Remove -i from the backend (it comes back if discovered again)", "Del", O::Instance,
        false },
    { Operation::ForgetCluster, "forget-cluster", K::Backend, D::None, nullptr,
        QT_TRANSLATE_NOOP("Operation", "Forget &ghost cluster…"),
        QT_TRANSLATE_NOOP("Operation",
            "Remove every instance of this ghost cluster and the resolve entries that made it, "
            "in one step"),
        "Forget the ghost cluster of -i: its instances and the resolve entries behind it "
        "(--force: any cluster; --ignore: also DiscoveryIgnoreHostnameFilters; --noop)",
        "", O::Instance, false },
    { Operation::RegisterCandidate, "register-candidate", K::Backend, D::None, nullptr,
        QT_TRANSLATE_NOOP("Operation", "Register as cand&idate…"),
        QT_TRANSLATE_NOOP("Operation",
            "Record how much it should be preferred when its master fails and a replica is "
            "promoted (expires after CandidateInstanceExpireMinutes)"),
        "Record the promotion rule of -i (--promotion-rule prefer|neutral|prefer_not|must_not; "
        "default prefer)",
        "", O::Instance, false },
};

QString translated(const char* text)
{
    return QCoreApplication::translate("Operation", text);
}

} // namespace

const QList<OperationInfo>& OperationRegistry::all()
{
    return kOperations;
}

const OperationInfo& OperationRegistry::info(Operation operation)
{
    // The table is in enum order; the assertion keeps it so.
    const OperationInfo& found = kOperations.at(static_cast<qsizetype>(operation));
    Q_ASSERT(found.operation == operation);
    return found;
}

std::optional<Operation> OperationRegistry::fromCliName(QStringView name)
{
    if (name.isEmpty()) {
        return std::nullopt;
    }
    const auto it = std::find_if(kOperations.cbegin(), kOperations.cend(),
        [name](const OperationInfo& i) { return name == QLatin1StringView(i.cliName); });
    return it == kOperations.cend() ? std::nullopt : std::optional(it->operation);
}

QString OperationRegistry::cliName(Operation operation)
{
    return QString::fromLatin1(info(operation).cliName);
}

QString OperationRegistry::label(Operation operation)
{
    return translated(info(operation).label);
}

QString OperationRegistry::plainLabel(Operation operation)
{
    QString text = label(operation);
    text.remove(u'&');
    if (text.endsWith(u'…')) {
        text.chop(1);
    }
    return text;
}

QString OperationRegistry::help(Operation operation)
{
    return translated(info(operation).help);
}

bool OperationRegistry::needsDestination(Operation operation)
{
    return info(operation).destination == DestinationKind::Required;
}

Result<Plan> OperationRegistry::plan(const Planner& planner, Operation operation,
    const InstanceKey& instance, const std::optional<InstanceKey>& destination)
{
    const OperationInfo& i = info(operation);
    if (i.kind != OperationKind::Replication || !i.plan) {
        return makeError(ErrorCode::InvalidInput,
            u"%1 is not a replication operation"_s.arg(plainLabel(operation)));
    }
    if (i.destination == DestinationKind::Required && !destination) {
        return makeError(
            ErrorCode::InvalidInput, u"-c %1 needs -d HOST:PORT"_s.arg(cliName(operation)));
    }
    return i.plan(planner, instance, destination);
}

} // namespace topograph
