#include "ops/unfinishedrecovery.h"

#include "backend/backend.h"
#include "backend/maintenancestore.h"
#include "db/connectionsettings.h"
#include "ops/operationservice.h"
#include "ops/opssession.h"

using namespace Qt::StringLiterals;

namespace topograph {

UnfinishedRecovery::UnfinishedRecovery(const Configuration& config, const Backend& backend)
    : m_config(config)
    , m_backend(backend)
{ }

QString UnfinishedRecovery::restartIfStopped(const InstanceKey& key, bool& replicating) const
{
    replicating = false;
    auto settings = topologyConnectionSettings(m_config, key);
    if (!settings) {
        return settings.error().message;
    }
    auto opened = OpsSession::open(*settings);
    if (!opened) {
        return u"cannot be read (%1): check it by hand"_s.arg(opened.error().message);
    }
    std::unique_ptr<OpsSession> session = std::move(opened).value();
    auto threads = session->threads();
    if (!threads) {
        return u"cannot be read (%1): check it by hand"_s.arg(threads.error().message);
    }
    if (!threads->isReplica) {
        replicating = true; // nothing of it to restart
        return u"not a replica now; nothing to restart"_s;
    }
    if (threads->ioRunning() && threads->sqlRunning && !threads->untilPending()) {
        replicating = true;
        return u"replicating (%1); nothing to do"_s.arg(threads->describe());
    }
    const QString found = threads->describe();
    session.reset(); // the operation opens its own
    const OperationService service(m_config, m_backend);
    auto plan = service.plan({ Operation::RestartReplica, key, std::nullopt, false });
    if (!plan) {
        return u"found %1; cannot plan its restart: %2"_s.arg(found, plan.error().message);
    }
    const ExecutionReport report = service.execute(*plan);
    if (!report.succeeded) {
        return u"found %1; the restart failed: %2"_s.arg(found, report.error);
    }
    replicating = true;
    return u"found %1; restarted and verified replicating"_s.arg(found);
}

void UnfinishedRecovery::endItsLocks(const UnfinishedOperation& op, QStringList& lines) const
{
    const MaintenanceStore locks(m_backend);
    for (const InstanceKey& key : op.mayHaveStopped) {
        auto lock = locks.active(key);
        if (!lock || !*lock) {
            continue;
        }
        // Only the dead operation's own lock: taken by Topograph for that plan, not before it.
        if ((*lock)->owner != u"topograph"_s || (*lock)->reason != op.title
            || (*lock)->begin < op.started.addSecs(-60)) {
            continue;
        }
        auto ended = locks.endOwn(**lock);
        lines << u"%1: its maintenance lock %2"_s.arg(
            key.toString(), ended ? u"ended"_s : u"could not be ended: "_s + ended.error().message);
    }
}

UnfinishedCheck UnfinishedRecovery::recover(const UnfinishedOperation& op) const
{
    UnfinishedCheck check;
    check.allReplicating = true;
    // Its locks first: they would keep the restart from running.
    endItsLocks(op, check.lines);
    for (const InstanceKey& key : op.mayHaveStopped) {
        bool replicating = false;
        check.lines << key.toString() + u": "_s + restartIfStopped(key, replicating);
        check.allReplicating = check.allReplicating && replicating;
    }
    if (check.allReplicating) {
        auto closed = OperationJournal(m_backend).closeInterrupted(
            op, check.lines.isEmpty() ? u"it stopped no replication"_s : check.lines.join(u"; "_s));
        check.closed = closed.ok();
        if (!closed) {
            check.lines << u"its audit row could not be closed: "_s + closed.error().message;
        }
    }
    return check;
}

} // namespace topograph
