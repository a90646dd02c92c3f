// Operations that never finished (their process was killed): list them, and put right what they
// may have left behind.
#include "commands.h"

#include "ops/operationjournal.h"
#include "ops/unfinishedrecovery.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

Result<QList<UnfinishedOperation>> unfinished(CommandContext& ctx)
{
    auto db = ctx.backend();
    if (!db) {
        return db.error();
    }
    return OperationJournal(**db).unfinished();
}

Result<void> listUnfinished(CommandContext& ctx)
{
    auto found = unfinished(ctx);
    if (!found) {
        return found.error();
    }
    for (const UnfinishedOperation& op : *found) {
        ctx.out << (op.stillRunning ? u"still running: "_s : u"unfinished: "_s) << op.describe()
                << '\n';
    }
    return {};
}

Result<void> recoverUnfinished(CommandContext& ctx)
{
    if (auto allowed = ctx.requireMutationsAllowed(); !allowed) {
        return allowed;
    }
    auto found = unfinished(ctx);
    if (!found) {
        return found.error();
    }
    auto db = ctx.backend();
    if (auto writable = (*db)->requireWritable(); !writable) {
        return writable;
    }
    QStringList left;
    for (const UnfinishedOperation& op : *found) {
        if (op.stillRunning) {
            ctx.out << "skipped, still running: " << op.title << " (pid " << op.pid << ")\n";
            continue;
        }
        ctx.out << "unfinished: " << op.title << " (audit row " << op.auditId << ")\n";
        const UnfinishedCheck check = UnfinishedRecovery(ctx.config, **db).recover(op);
        for (const QString& line : check.lines) {
            ctx.out << "  " << line << '\n';
        }
        ctx.out << (check.closed ? "  closed as interrupted\n" : "  NOT closed: check by hand\n");
        if (!check.closed) {
            left << op.title;
        }
    }
    ctx.out.flush();
    if (!left.isEmpty()) {
        return makeError(ErrorCode::QueryFailed,
            u"not every instance replicates again after: %1"_s.arg(left.join(u", "_s)));
    }
    return {};
}

} // namespace

QList<Command> unfinishedCommands()
{
    return {
        { u"unfinished-operations"_s,
            u"List operations that started and never finished (their process was killed)"_s,
            listUnfinished },
        { u"recover-unfinished"_s,
            u"Restart the replication unfinished operations left stopped, then close them"_s,
            recoverUnfinished },
    };
}

} // namespace topograph
