#include "ops/executionsupport.h"

#include <QElapsedTimer>
#include <QThread>

#include "backend/auditstore.h"
#include "backend/backend.h"
#include "backend/instancestore.h"
#include "backend/maintenancestore.h"
#include "db/connectionsettings.h"
#include "logging.h"

using namespace Qt::StringLiterals;

namespace topograph {

ExecutionContext::ExecutionContext(
    const Configuration& config, const Plan& plan, ExecutionReport& report)
    : m_config(config)
    , m_plan(plan)
    , m_report(report)
{ }

ExecutionContext::~ExecutionContext() = default;

void ExecutionContext::log(const QString& line)
{
    m_report.log << line;
    qCDebug(lcOps).noquote() << line;
}

OpsSession* ExecutionContext::session(const InstanceKey& key)
{
    return m_sessions.value(key).get();
}

Result<void> ExecutionContext::openSessions()
{
    QList<InstanceKey> keys = m_plan.touched;
    for (const ExpectedState& expected : m_plan.expected) {
        keys << expected.instance; // verified afterwards, even when no step runs on it
    }
    for (const PlanStep& step : m_plan.steps) {
        keys << step.instance;
        if (step.coordinates.isSet()) {
            keys << step.coordinates.instance;
        }
        if (step.onlyIfBehind) {
            keys << *step.onlyIfBehind;
        }
    }
    for (const InstanceKey& key : keys) {
        if (m_sessions.contains(key)) {
            continue;
        }
        auto settings = topologyConnectionSettings(m_config, key);
        if (!settings) {
            return settings.error();
        }
        // Operations wait on servers (UNTIL, catch-up): the long read timeout applies.
        ConnectionSettings longer = *settings;
        longer.readTimeoutSeconds = m_config.mysqlTopologyReadTimeoutSeconds;
        longer.writeTimeoutSeconds = m_config.mysqlTopologyReadTimeoutSeconds;
        if (m_plan.serverIds.contains(key)) {
            longer.expectedServerId = m_plan.serverIds.value(key);
        }
        auto opened = OpsSession::open(longer);
        if (!opened) {
            return makeError(
                ErrorCode::Refused, u"refused before any change: %1"_s.arg(opened.error().message));
        }
        m_sessions.insert(key, std::shared_ptr<OpsSession>(std::move(opened).value()));
    }
    return {};
}

Result<void> ExecutionContext::lock(const MaintenanceStore& locks)
{
    QList<InstanceKey> keys = m_plan.stopsReplication;
    for (const PlanStep& step : m_plan.steps) {
        if (step.kind == PlanStep::Kind::StopReplica && !keys.contains(step.instance)) {
            keys << step.instance;
        }
    }
    for (const InstanceKey& key : keys) {
        auto taken = locks.begin(
            key, u"topograph"_s, m_plan.title, std::max(1, m_config.maintenanceExpireMinutes));
        if (!taken) {
            unlock(locks);
            return makeError(ErrorCode::Refused,
                u"refused before any change: cannot lock %1 for maintenance: %2"_s.arg(
                    key.toString(), taken.error().message));
        }
        m_locked << key;
    }
    return {};
}

void ExecutionContext::unlock(const MaintenanceStore& locks)
{
    for (const InstanceKey& key : std::exchange(m_locked, {})) {
        if (auto ended = locks.end(key); !ended) {
            qCWarning(lcOps).noquote() << "cannot release the maintenance lock of" << key.toString()
                                       << ended.error().message;
        }
    }
}

Result<Coordinates> ExecutionContext::coordinates(const CoordinateRef& ref)
{
    OpsSession* s = session(ref.instance);
    if (!s) {
        return makeError(
            ErrorCode::Internal, u"no connection to %1"_s.arg(ref.instance.toString()));
    }
    return ref.source == CoordinateRef::Source::OwnBinlog ? s->ownBinlog() : s->executed();
}

Result<bool> ExecutionContext::isBehind(const InstanceKey& instance, const InstanceKey& other)
{
    auto mine = session(instance)->executed();
    auto theirs = session(other)->executed();
    if (!mine || !theirs) {
        return !mine ? mine.error() : theirs.error();
    }
    return *mine < *theirs;
}

Result<void> ExecutionContext::waitUntil(const PlanStep& step)
{
    auto target = coordinates(step.coordinates);
    if (!target) {
        return target.error();
    }
    const int timeout = step.timeoutSeconds > 0 ? step.timeoutSeconds : 60;
    QElapsedTimer clock;
    clock.start();
    while (true) {
        auto state = session(step.instance)->replicaState();
        if (!state) {
            return state.error();
        }
        const Coordinates at { state->relayMasterLogFile, state->execMasterLogPos };
        if (!(at < *target)) {
            log(u"%1 reached %2"_s.arg(step.instance.toString(), target->toString()));
            return {};
        }
        if (!state->lastSqlError.isEmpty()) {
            return makeError(ErrorCode::QueryFailed,
                u"%1 stopped with a replication error before %2: %3"_s.arg(
                    step.instance.toString(), target->toString(), state->lastSqlError));
        }
        if (clock.elapsed() > static_cast<qint64>(timeout) * 1000) {
            return makeError(ErrorCode::Timeout,
                u"%1 did not reach %2 within %3 s (at %4)"_s.arg(step.instance.toString(),
                    target->toString(), QString::number(timeout), at.toString()));
        }
        QThread::msleep(50); // polling a server, not synchronising a test
    }
}

Result<void> ExecutionContext::runStep(const PlanStep& step)
{
    OpsSession* s = session(step.instance);
    if (!s) {
        return makeError(
            ErrorCode::Internal, u"no connection to %1"_s.arg(step.instance.toString()));
    }
    if (step.onlyIfBehind) {
        auto behind = isBehind(step.instance, *step.onlyIfBehind);
        if (!behind) {
            return behind.error();
        }
        if (!*behind) {
            log(u"skipped (not behind %1): %2"_s.arg(
                step.onlyIfBehind->toString(), step.description));
            return {};
        }
    }
    if (step.kind == PlanStep::Kind::WaitUntil) {
        return waitUntil(step);
    }
    QStringList sql = step.sql;
    if (step.coordinates.isSet() && step.kind != PlanStep::Kind::WaitUntil) {
        auto at = coordinates(step.coordinates);
        if (!at) {
            return at.error();
        }
        auto resolved = step.resolvedSql(at->file, at->pos);
        if (!resolved) {
            return resolved.error();
        }
        sql = *resolved;
        if (step.kind == PlanStep::Kind::ChangeMaster && step.newMaster) {
            auto state = s->replicaState();
            if (state && state->masterKey && !state->relayMasterLogFile.isEmpty()) {
                m_equivalences.append({ *state->masterKey,
                    { state->relayMasterLogFile, state->execMasterLogPos }, *step.newMaster, *at });
            }
        }
    }
    for (const QString& statement : sql) {
        log(u"on %1: %2"_s.arg(step.instance.toString(), statement));
    }
    // A STOP that fails may still have happened (the answer was lost): recovery restarts it.
    if (step.kind == PlanStep::Kind::StopReplica) {
        m_stopped.insert(step.instance);
    }
    if (auto done = s->run(sql); !done) {
        return done;
    }
    m_report.changedNothing = false;
    if (step.kind == PlanStep::Kind::StopReplica) {
        // already recorded above
    } else if (step.kind == PlanStep::Kind::StartReplica) {
        m_stopped.remove(step.instance);
    }
    return {};
}

void ExecutionContext::recover(int windowSeconds, const std::function<void(const QString&)>& notify)
{
    QList<InstanceKey> pending = m_stopped.values();
    std::sort(pending.begin(), pending.end());
    m_stopped.clear();
    QElapsedTimer clock;
    clock.start();
    // A frozen or restarting server cannot be restarted at once: keep trying, on fresh
    // connections, for a bounded time, so that no replication this run stopped stays stopped.
    for (int round = 0; !pending.isEmpty(); ++round) {
        QList<InstanceKey> failed;
        for (const InstanceKey& key : pending) {
            QStringList start { u"START SLAVE"_s };
            for (const PlanStep& step : m_plan.steps) {
                if (step.kind == PlanStep::Kind::StartReplica && step.instance == key) {
                    start = step.sql; // the instance's own dialect
                }
            }
            if (round > 0) {
                reopen(key);
            }
            OpsSession* s = session(key);
            auto done = s ? s->run(start)
                          : Result<void>(makeError(ErrorCode::Internal, u"no connection"_s));
            log(u"recovery: restart replication on %1: %2"_s.arg(
                key.toString(), done ? u"done"_s : done.error().message));
            if (!done) {
                failed << key;
                if (notify) {
                    notify(u"recovery: cannot restart replication on %1 yet (%2); retrying"_s.arg(
                        key.toString(), done.error().message));
                }
            }
        }
        pending = failed;
        if (!pending.isEmpty() && clock.elapsed() > static_cast<qint64>(windowSeconds) * 1000) {
            for (const InstanceKey& key : pending) {
                log(u"recovery: GAVE UP restarting replication on %1: run START SLAVE there by hand"_s
                        .arg(key.toString()));
            }
            return;
        }
        if (!pending.isEmpty()) {
            QThread::msleep(500); // between attempts on a server that does not answer
        }
    }
}

void ExecutionContext::reopen(const InstanceKey& key)
{
    auto settings = topologyConnectionSettings(m_config, key);
    if (!settings) {
        return;
    }
    ConnectionSettings s = *settings;
    s.readTimeoutSeconds = m_config.mysqlTopologyReadTimeoutSeconds;
    s.writeTimeoutSeconds = m_config.mysqlTopologyReadTimeoutSeconds;
    if (m_plan.serverIds.contains(key)) {
        s.expectedServerId = m_plan.serverIds.value(key);
    }
    if (auto opened = OpsSession::open(s)) {
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
        while (true) {
            auto state = s
                ? s->replicaState()
                : Result<InstanceRecord>(makeError(ErrorCode::Internal, u"no connection"_s));
            if (!state) {
                return state.error();
            }
            const bool masterOk = state->masterKey == expected.master;
            const bool running = state->isReplicating() == expected.replicating
                && state->lastSqlError.isEmpty() && state->lastIoError.isEmpty();
            if (masterOk && running) {
                break;
            }
            // The IO thread may still be connecting: wait a bounded time before failing.
            if (!masterOk || clock.elapsed() > static_cast<qint64>(ioWaitSeconds) * 1000) {
                return makeError(ErrorCode::QueryFailed,
                    u"verification failed on %1: expected %2, found master %3, IO %4, SQL %5%6"_s
                        .arg(expected.instance.toString(),
                            expected.master ? u"replica of "_s + expected.master->toString()
                                            : u"not a replica"_s,
                            state->masterKey ? state->masterKey->toString() : u"none"_s,
                            state->ioThreadRunning ? u"running"_s : u"stopped"_s,
                            state->sqlThreadRunning ? u"running"_s : u"stopped"_s,
                            state->lastSqlError.isEmpty() && state->lastIoError.isEmpty()
                                ? QString()
                                : u", error: "_s + state->lastSqlError + state->lastIoError));
            }
            QThread::msleep(100);
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
        auto state = s ? s->replicaState()
                       : Result<InstanceRecord>(makeError(ErrorCode::Internal, u"no connection"_s));
        if (!state) {
            standing.error = state.error().message;
        } else {
            standing.reachable = true;
            standing.master = state->masterKey;
            standing.ioRunning = state->ioThreadRunning;
            standing.sqlRunning = state->sqlThreadRunning;
            standing.executed = { state->relayMasterLogFile, state->execMasterLogPos };
            standing.error = state->lastSqlError + state->lastIoError;
        }
        m_report.standings << standing;
    }
}

void ExecutionContext::audit(const Backend& backend) const
{
    const InstanceKey key = m_plan.expected.isEmpty()
        ? (m_plan.touched.isEmpty() ? InstanceKey {} : m_plan.touched.first())
        : m_plan.expected.first().instance;
    auto record = InstanceStore(backend).read(key);
    const QString cluster = record && *record ? (*record)->clusterName : QString();
    const QString message = u"%1; method: %2; result: %3"_s.arg(m_plan.title,
        m_plan.methodDetail.isEmpty() ? methodName(m_plan.method) : m_plan.methodDetail,
        m_report.succeeded ? u"ok"_s : u"failed: "_s + m_report.error);
    if (auto done = AuditStore(backend).write(
            OperationRegistry::cliName(m_plan.operation), key, cluster, message);
        !done) {
        qCWarning(lcOps).noquote() << "cannot write the audit row:" << done.error().message;
    }
    if (!m_report.succeeded) {
        return;
    }
    for (const Equivalence& e : m_equivalences) {
        auto recorded
            = backend.exec(u"INSERT INTO master_position_equivalence (master1_hostname, "
                           "master1_port, master1_binary_log_file, master1_binary_log_pos, "
                           "master2_hostname, master2_port, master2_binary_log_file, "
                           "master2_binary_log_pos, last_suggested) VALUES (?, ?, ?, ?, ?, ?, ?, "
                           "?, ?)"_s,
                { e.oldMaster.host, e.oldMaster.port, e.oldPosition.file, e.oldPosition.pos,
                    e.newMaster.host, e.newMaster.port, e.newPosition.file, e.newPosition.pos,
                    Backend::toDb(QDateTime::currentDateTimeUtc()) });
        if (!recorded) {
            qCWarning(lcOps).noquote()
                << "cannot record the position equivalence:" << recorded.error().message;
        }
    }
}

} // namespace topograph
