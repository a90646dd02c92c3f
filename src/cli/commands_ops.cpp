// Topology operations: plan from fresh probes, show or log the plan, execute, verify, audit.
#include "commands.h"

#include <QTextStream>

#include "backend/instancestore.h"
#include "lag/lagprinter.h"
#include "ops/operationservice.h"
#include "probe/parallelprobe.h"
#include "stopsignal.h"

#include <csignal>

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

QTextStream& err()
{
    static QTextStream stream(stderr);
    return stream;
}

// What orchestrator prints on success (the registry says which form): "replica<master" for
// single moves, the moved keys for the -replicas forms, the instance for the rest.
void printOutcome(CommandContext& ctx, const Plan& plan, const ExecutionReport& report,
    Operation operation, const InstanceKey& instance, const QList<InstanceKey>& replicasBefore)
{
    switch (OperationRegistry::info(operation).output) {
    case OperationOutput::ReplicaOfMaster:
        for (const InstanceStanding& s : report.standings) {
            if (s.key == instance && s.master) {
                ctx.out << instance.toString() << '<' << s.master->toString() << '\n';
                return;
            }
        }
        break;
    case OperationOutput::MovedReplicas: {
        QList<InstanceKey> moved;
        for (const ExpectedState& e : plan.expected) {
            if (replicasBefore.contains(e.instance)) {
                moved << e.instance;
            }
        }
        ctx.printKeys(moved);
        return;
    }
    case OperationOutput::DeletedHeartbeatRows: {
        // The rows the plan deleted, as heartbeat-check showed them; verified gone.
        for (const ExpectedState& e : plan.expected) {
            if (e.heartbeat) {
                HeartbeatCheck deleted;
                deleted.rows = e.heartbeat->deleted;
                for (const QString& line : LagPrinter::heartbeatRows(deleted)) {
                    ctx.out << line << '\n';
                }
            }
        }
        return;
    }
    case OperationOutput::DeletedClusterHeartbeatRows:
        for (const ExpectedState& e : plan.expected) {
            if (e.heartbeat) {
                HeartbeatCheck deleted;
                deleted.rows = e.heartbeat->deleted;
                for (const QString& line : LagPrinter::heartbeatRows(deleted)) {
                    ctx.out << e.instance.toString() << ' ' << line << '\n';
                }
            }
        }
        return;
    case OperationOutput::Instance:
        break;
    }
    ctx.out << instance.toString() << '\n';
}

// Sessions to the instance and the destination of request (those whose settings can be made;
// freshTopology reports the others).
QList<ConnectionSettings> connectionSettingsOf(
    const Configuration& config, const OperationRequest& request)
{
    QList<ConnectionSettings> sessions;
    QList<InstanceKey> keys { request.instance };
    if (request.destination && *request.destination != request.instance) {
        keys << *request.destination;
    }
    for (const InstanceKey& key : keys) {
        if (auto settings = topologyConnectionSettings(config, key)) {
            sessions << *settings;
        }
    }
    return sessions;
}

Result<void> runOperation(CommandContext& ctx)
{
    const std::optional<Operation> operation = OperationRegistry::fromCliName(ctx.args.command);
    if (!operation) {
        return makeError(ErrorCode::InvalidInput, u"unknown operation %1"_s.arg(ctx.args.command));
    }
    if (auto allowed = ctx.requireMutationsAllowed(); !allowed) {
        return allowed;
    }
    auto instance = ctx.instanceKey();
    if (!instance) {
        return instance.error();
    }
    OperationRequest request { *operation, *instance, std::nullopt, ctx.args.readOnly };
    const DestinationKind destinationKind = OperationRegistry::info(*operation).destination;
    if (destinationKind == DestinationKind::Required && ctx.args.destination.isEmpty()) {
        return makeError(
            ErrorCode::InvalidInput, u"-c %1 needs -d HOST:PORT"_s.arg(ctx.args.command));
    }
    if (destinationKind != DestinationKind::None && !ctx.args.destination.isEmpty()) {
        auto destination = ctx.destinationKey();
        if (!destination) {
            return destination.error();
        }
        request.destination = *destination;
    }
    // The instances named on the command line are probed while the backend opens; the rest of
    // their cluster once the backend says which instances it holds.
    ProbeAhead ahead(
        connectionSettingsOf(ctx.config, request), ProbeOptions::fromConfiguration(ctx.config));
    auto db = ctx.backend();
    if (!db) {
        return db.error();
    }
    if (auto writable = (*db)->requireWritable(); !writable) {
        return writable;
    }
    const OperationService service(ctx.config, **db);
    QList<InstanceRecord> probedAhead;
    for (const ProbeResult& probed : ahead.results()) {
        probedAhead << probed.record;
    }
    auto fresh = service.freshTopology(request, probedAhead);
    if (!fresh) {
        return fresh.error();
    }
    auto plan = service.plan(request, *fresh);
    if (!plan) {
        return plan.error();
    }
    if (ctx.args.noop) {
        ctx.out << plan->describe() << '\n';
        return {};
    }
    // The replicas of -i before the move: what the -replicas forms print once they moved.
    QList<InstanceKey> replicasBefore;
    if (auto all = InstanceStore(**db).readAll()) {
        for (const InstanceRecord& r : *all) {
            if (r.masterKey == *instance) {
                replicasBefore << r.key;
            }
        }
    }
    err() << "topograph-cli: plan: " << plan->summary() << '\n';
    err().flush();
    // SIGINT and SIGTERM stop the operation as the GUI's Cancel does: at the next step (or
    // while it waits for a replica), with recovery, verification and the audit row.
    const StopSignal stop;
    const ExecutionReport report = service.execute(
        *plan,
        [](int step, int steps, const QString& description) {
            if (step == 0) {
                err() << "topograph-cli: " << description << '\n';
            } else {
                err() << "topograph-cli: step " << step << '/' << steps << ": " << description
                      << '\n';
            }
            err().flush();
        },
        StopSignal::flag());
    if (!report.succeeded) {
        err() << report.describe() << '\n';
        err().flush();
        if (StopSignal::requested()) {
            return makeError(ErrorCode::Refused,
                u"%1 interrupted by %2: %3"_s.arg(plan->title,
                    StopSignal::signalNumber() == SIGINT ? u"SIGINT"_s : u"SIGTERM"_s,
                    report.error));
        }
        return makeError(ErrorCode::QueryFailed, u"%1 failed: %2"_s.arg(plan->title, report.error));
    }
    printOutcome(ctx, *plan, report, *operation, *instance, replicasBefore);
    if (!report.backendError.isEmpty()) {
        // The servers changed: say so on stdout as usual, but do not let a runbook believe the
        // backend shows it.
        return makeError(ErrorCode::QueryFailed,
            u"%1 done on the servers and verified, but the backend could not be updated: %2"_s.arg(
                plan->title, report.backendError));
    }
    return {};
}

} // namespace

QList<Command> operationCommands()
{
    QList<Command> commands;
    for (const OperationInfo& info : OperationRegistry::all()) {
        if (info.kind == OperationKind::Replication) {
            commands.append({ QString::fromLatin1(info.cliName), QString::fromUtf8(info.summary),
                runOperation });
        }
    }
    return commands;
}

} // namespace topograph
