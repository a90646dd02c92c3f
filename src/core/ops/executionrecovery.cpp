// ExecutionContext: recovery after a failure, verification, standings and the audit row.
#include <QElapsedTimer>
#include <QThread>

#include "backend/auditstore.h"
#include "backend/equivalencestore.h"
#include "backend/backend.h"
#include "db/connectionsettings.h"
#include "logging.h"
#include "ops/executionsupport.h"
#include "ops/operationjournal.h"
#include "ops/pollbackoff.h"

using namespace Qt::StringLiterals;

namespace topograph {

void ExecutionContext::recover(
    int windowSeconds, int ioWaitSeconds, const std::function<void(const QString&)>& notify)
{
    QList<InstanceKey> pending = m_changed.values();
    std::sort(pending.begin(), pending.end());
    const QList<InstanceKey> restored = pending;
    m_changed.clear();
    QElapsedTimer clock;
    clock.start();
    // A frozen or restarting server cannot be restarted at once: keep trying, on fresh
    // connections, for a bounded time, so that no replication this run stopped stays stopped.
    for (int round = 0; !pending.isEmpty(); ++round) {
        QList<InstanceKey> failed;
        for (const InstanceKey& key : pending) {
            if (round > 0) {
                reopen(key);
            }
            const QString problem = restore(key);
            log(u"recovery: %1: %2"_s.arg(key.toString(), problem.isEmpty() ? u"done"_s : problem));
            if (!problem.isEmpty()) {
                failed << key;
                if (notify) {
                    notify(u"recovery: cannot restore replication on %1 yet (%2); retrying"_s.arg(
                        key.toString(), problem));
                }
            }
        }
        pending = failed;
        if (!pending.isEmpty() && clock.elapsed() > static_cast<qint64>(windowSeconds) * 1000) {
            for (const InstanceKey& key : pending) {
                log(u"recovery: GAVE UP on %1: run STOP SLAVE; START SLAVE there by hand"_s.arg(
                    key.toString()));
            }
            break;
        }
        if (!pending.isEmpty()) {
            QThread::msleep(500); // between attempts on a server that does not answer
        }
    }
    // The failure path is verified too: each instance stands as it did before the operation.
    m_report.notRestored = verifyRestored(restored, ioWaitSeconds);
    for (const QString& line : m_report.notRestored) {
        log(u"recovery: NOT as before the operation: "_s + line);
        if (notify) {
            notify(u"recovery: NOT as before the operation: "_s + line);
        }
    }
}

QString ExecutionContext::restore(const InstanceKey& key)
{
    OpsSession* s = session(key);
    if (!s) {
        return u"no connection"_s;
    }
    auto now = s->threads();
    if (!now) {
        return now.error().message;
    }
    const ReplicaThreads before = m_before.value(key);
    if (!now->isReplica) {
        return {}; // nothing to restore: a replica is made only by a CHANGE MASTER that ran
    }
    const bool sameThreads = now->ioRunning() == before.ioRunning()
        && now->sqlRunning == before.sqlRunning && !now->untilPending();
    if (sameThreads) {
        return {};
    }
    // STOP first: a plain START on a SQL thread still running with its UNTIL does nothing, and
    // the replica would stop silently at the UNTIL position later.
    QStringList statements { s->opsDialect().stopReplica() };
    const QString start = s->opsDialect().startReplica();
    if (before.ioRunning() && before.sqlRunning) {
        statements << start;
    } else if (before.ioRunning()) {
        statements << start + u" IO_THREAD"_s;
    } else if (before.sqlRunning) {
        statements << start + u" SQL_THREAD"_s;
    }
    log(u"recovery: on %1: %2 (was %3, is %4)"_s.arg(
        key.toString(), statements.join(u"; "_s), before.describe(), now->describe()));
    if (auto done = s->run(statements); !done) {
        return done.error().message;
    }
    return {};
}

QStringList ExecutionContext::verifyRestored(const QList<InstanceKey>& keys, int ioWaitSeconds)
{
    QStringList problems;
    for (const InstanceKey& key : keys) {
        const ReplicaThreads before = m_before.value(key);
        QElapsedTimer clock;
        clock.start();
        PollBackoff backoff;
        while (true) {
            OpsSession* s = session(key);
            auto now = s
                ? s->threads()
                : Result<ReplicaThreads>(makeError(ErrorCode::Internal, u"no connection"_s));
            if (!now) {
                problems << u"%1: cannot be read: %2"_s.arg(key.toString(), now.error().message);
                break;
            }
            // Running means running: an IO thread that was connected must connect again.
            const bool ioOk = before.ioConnected() ? now->ioConnected()
                                                   : now->ioRunning() == before.ioRunning();
            const bool ok = !now->untilPending() && now->sqlRunning == before.sqlRunning && ioOk
                && (!now->sqlRunning || now->lastSqlError.isEmpty());
            if (ok) {
                log(u"recovery verified: %1: %2"_s.arg(key.toString(), now->describe()));
                break;
            }
            if (clock.elapsed() > static_cast<qint64>(ioWaitSeconds) * 1000) {
                problems << u"%1: %2 (before the operation: %3)"_s.arg(
                    key.toString(), now->describe(), before.describe());
                break;
            }
            backoff.pause();
        }
    }
    return problems;
}

void ExecutionContext::reopen(const InstanceKey& key)
{
    auto settings = sessionSettings(key);
    if (!settings) {
        return;
    }
    if (auto opened = OpsSession::open(*settings)) {
        m_sessions.insert(key, std::shared_ptr<OpsSession>(std::move(opened).value()));
    }
}

Result<void> ExecutionContext::verifyHeartbeat(const ExpectedState& expected)
{
    const HeartbeatCleanup& h = *expected.heartbeat;
    OpsSession* s = session(expected.instance);
    auto rows = s ? s->heartbeatRows(h.selectRows)
                  : Result<QList<HeartbeatRow>>(makeError(ErrorCode::Internal, u"no connection"_s));
    if (!rows) {
        return makeError(rows.error().code,
            u"verification failed on %1: %2 could not be read again: %3"_s.arg(
                expected.instance.toString(), h.table, rows.error().message));
    }
    QStringList left;
    bool kept = false;
    for (const HeartbeatRow& row : *rows) {
        kept = kept || (h.kept && row.serverId == *h.kept);
        for (const HeartbeatRow& gone : h.deleted) {
            if (gone.serverId == row.serverId) {
                left << QString::number(row.serverId);
            }
        }
    }
    if (!left.isEmpty()) {
        return makeError(ErrorCode::QueryFailed,
            u"verification failed on %1: %2 still holds the rows of server_id %3"_s.arg(
                expected.instance.toString(), h.table, left.join(u", "_s)));
    }
    if (h.kept && !kept) {
        return makeError(ErrorCode::QueryFailed,
            u"verification failed on %1: the current primary's row (server_id %2) is no longer "
            "in %3"_s.arg(expected.instance.toString(), QString::number(*h.kept), h.table));
    }
    log(u"%1: %2 holds no stale row any more"_s.arg(expected.instance.toString(), h.table));
    return {};
}

Result<void> ExecutionContext::verify(int ioWaitSeconds)
{
    for (const ExpectedState& expected : m_plan.expected) {
        if (expected.heartbeat) {
            if (auto done = verifyHeartbeat(expected); !done) {
                return done;
            }
        }
        if (!expected.replicationChecked) {
            continue;
        }
        OpsSession* s = session(expected.instance);
        QElapsedTimer clock;
        clock.start();
        PollBackoff backoff;
        while (true) {
            auto state = s
                ? s->threads()
                : Result<ReplicaThreads>(makeError(ErrorCode::Internal, u"no connection"_s));
            if (!state) {
                return state.error();
            }
            const std::optional<InstanceKey> master
                = state->isReplica ? state->master : std::nullopt;
            const bool masterOk = master == expected.master;
            const bool replicating = state->ioConnected() && state->sqlRunning;
            const bool running = replicating == expected.replicating && !state->untilPending()
                && state->lastSqlError.isEmpty() && state->lastIoError.isEmpty();
            if (masterOk && running) {
                break;
            }
            // The IO thread may still be connecting: wait a bounded time before failing.
            if (!masterOk || clock.elapsed() > static_cast<qint64>(ioWaitSeconds) * 1000) {
                return makeError(ErrorCode::QueryFailed,
                    u"verification failed on %1: expected %2, found master %3, %4"_s.arg(
                        expected.instance.toString(),
                        expected.master ? u"replica of "_s + expected.master->toString()
                                        : u"not a replica"_s,
                        master ? master->toString() : u"none"_s, state->describe()));
            }
            backoff.pause();
        }
    }
    return {};
}

void ExecutionContext::readStandings()
{
    QList<InstanceKey> keys = m_plan.touched;
    for (const ExpectedState& expected : m_plan.expected) {
        if (!keys.contains(expected.instance)) {
            keys << expected.instance;
        }
    }
    std::sort(keys.begin(), keys.end());
    for (const InstanceKey& key : keys) {
        InstanceStanding standing;
        standing.key = key;
        OpsSession* s = session(key);
        auto state = s ? s->threads()
                       : Result<ReplicaThreads>(makeError(ErrorCode::Internal, u"no connection"_s));
        if (!state) {
            standing.error = state.error().message;
        } else {
            standing.reachable = true;
            standing.master = state->isReplica ? state->master : std::nullopt;
            standing.ioRunning = state->ioConnected();
            standing.ioState = state->ioState;
            standing.sqlRunning = state->sqlRunning;
            standing.untilCondition = state->untilPending() ? state->untilCondition : QString();
            standing.executed = state->executed;
            standing.error = QString(state->lastSqlError + u' ' + state->lastIoError).trimmed();
        }
        m_report.standings << standing;
    }
}

void ExecutionContext::audit(const Backend& backend) const
{
    const QString cluster = m_journalId ? m_cluster : clusterOf(backend);
    QString message = u"%1; method: %2; result: %3"_s.arg(m_plan.title,
        m_plan.methodDetail.isEmpty() ? methodName(m_plan.method) : m_plan.methodDetail,
        m_report.succeeded ? u"ok"_s : u"failed: "_s + m_report.error);
    if (!m_report.notRestored.isEmpty()) {
        message += u"; NOT restored: "_s + m_report.notRestored.join(u"; "_s);
    }
    const Result<void> done = m_journalId
        ? OperationJournal(backend).close(m_journalId, message)
        : AuditStore(backend).write(
            OperationRegistry::cliName(m_plan.operation), m_plan.auditKey(), cluster, message);
    if (!done) {
        qCWarning(lcOps).noquote() << "cannot write the audit row:" << done.error().message;
    }
    if (!m_report.succeeded) {
        return;
    }
    for (const Equivalence& e : m_equivalences) {
        const PositionEquivalence row { e.oldMaster, { e.oldPosition.file, e.oldPosition.pos },
            e.newMaster, { e.newPosition.file, e.newPosition.pos } };
        if (auto recorded = EquivalenceStore(backend).record(row); !recorded) {
            qCWarning(lcOps).noquote()
                << "cannot record the position equivalence:" << recorded.error().message;
        }
    }
}

} // namespace topograph
