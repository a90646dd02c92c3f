// Topology operations: plan from fresh probes, show or log the plan, execute, verify, audit.
#include "commands.h"

#include <QTextStream>

#include "backend/instancestore.h"
#include "ops/operationservice.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

QTextStream& err()
{
    static QTextStream stream(stderr);
    return stream;
}

// What orchestrator prints on success: "replica<master" for single moves, the moved keys for
// the -replicas forms, the instance for the rest.
void printOutcome(CommandContext& ctx, const Plan& plan, const ExecutionReport& report,
    const QString& operation, const InstanceKey& instance, const QList<InstanceKey>& replicasBefore)
{
    static const QStringList singleMoves { u"relocate"_s, u"move-up"_s, u"move-below"_s,
        u"repoint"_s };
    if (singleMoves.contains(operation)) {
        for (const InstanceStanding& s : report.standings) {
            if (s.key == instance && s.master) {
                ctx.out << instance.toString() << '<' << s.master->toString() << '\n';
                return;
            }
        }
    }
    if (operation.endsWith(u"-replicas"_s)) {
        QList<InstanceKey> moved;
        for (const ExpectedState& e : plan.expected) {
            if (replicasBefore.contains(e.instance)) {
                moved << e.instance;
            }
        }
        ctx.printKeys(moved);
        return;
    }
    ctx.out << instance.toString() << '\n';
}

Result<void> runOperation(CommandContext& ctx)
{
    const QString operation = ctx.args.command;
    if (auto allowed = ctx.requireMutationsAllowed(); !allowed) {
        return allowed;
    }
    auto instance = ctx.instanceKey();
    if (!instance) {
        return instance.error();
    }
    OperationRequest request { operation, *instance, std::nullopt, ctx.args.readOnly };
    bool optional = false;
    if (OperationService::needsDestination(operation, &optional)
        || !ctx.args.destination.isEmpty()) {
        if (ctx.args.destination.isEmpty() && !optional) {
            return makeError(ErrorCode::InvalidInput, u"-c %1 needs -d HOST:PORT"_s.arg(operation));
        }
        if (!ctx.args.destination.isEmpty()) {
            auto destination = ctx.destinationKey();
            if (!destination) {
                return destination.error();
            }
            request.destination = *destination;
        }
    }
    auto db = ctx.backend();
    if (!db) {
        return db.error();
    }
    if (auto writable = (*db)->requireWritable(); !writable) {
        return writable;
    }
    const OperationService service(ctx.config, **db);
    auto plan = service.plan(request);
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
    const ExecutionReport report
        = service.execute(*plan, [](int step, int steps, const QString& description) {
              if (step == 0) {
                  err() << "topograph-cli: " << description << '\n';
              } else {
                  err() << "topograph-cli: step " << step << '/' << steps << ": " << description
                        << '\n';
              }
              err().flush();
          });
    if (!report.succeeded) {
        err() << report.describe() << '\n';
        err().flush();
        return makeError(ErrorCode::QueryFailed, u"%1 failed: %2"_s.arg(plan->title, report.error));
    }
    printOutcome(ctx, *plan, report, operation, *instance, replicasBefore);
    return {};
}

} // namespace

QList<Command> operationCommands()
{
    const QList<std::pair<QString, QString>> summaries {
        { u"relocate"_s, u"Move -i below -d, by GTID or binlog coordinates (--noop: show plan)"_s },
        { u"relocate-replicas"_s, u"Move every replica of -i below -d"_s },
        { u"move-up"_s, u"Move -i up one level, next to its master"_s },
        { u"move-up-replicas"_s, u"Move every replica of -i up next to -i"_s },
        { u"move-below"_s, u"Move -i below its sibling -d"_s },
        { u"repoint"_s, u"Point -i at its master (or -d) at its own coordinates"_s },
        { u"repoint-replicas"_s, u"Repoint every replica of -i at its own coordinates"_s },
        { u"take-master"_s, u"Make -i the master of its master"_s },
        { u"make-co-master"_s, u"Make -i and its master replicate from each other"_s },
        { u"stop-replica"_s, u"Stop replication on -i"_s },
        { u"start-replica"_s, u"Start replication on -i"_s },
        { u"set-read-only"_s, u"Set read_only on -i"_s },
        { u"set-writeable"_s, u"Clear read_only on -i"_s },
    };
    QList<Command> commands;
    for (const auto& [name, summary] : summaries) {
        commands.append({ name, summary, runOperation });
    }
    return commands;
}

} // namespace topograph
