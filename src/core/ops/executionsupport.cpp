#include "ops/executionsupport.h"

#include <QElapsedTimer>
#include <QThread>

#include "backend/backend.h"
#include "backend/instancestore.h"
#include "ops/operationjournal.h"
#include "ops/pollbackoff.h"
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

QString ExecutionContext::clusterOf(const Backend& backend) const
{
    auto record = InstanceStore(backend).read(m_plan.auditKey());
    return record && *record ? (*record)->clusterName : QString();
}

void ExecutionContext::log(const QString& line)
{
    m_report.log << line;
    qCDebug(lcOps).noquote() << line;
}

OpsSession* ExecutionContext::session(const InstanceKey& key)
{
    return m_sessions.value(key).get();
}

Result<ConnectionSettings> ExecutionContext::sessionSettings(const InstanceKey& key) const
{
    auto found = topologyConnectionSettings(m_config, key);
    if (!found) {
        return found.error();
    }
    // Operations wait on servers (UNTIL, catch-up): the long read timeout applies.
    ConnectionSettings settings = *found;
    settings.readTimeoutSeconds = m_config.mysqlTopologyReadTimeoutSeconds;
    settings.writeTimeoutSeconds = m_config.mysqlTopologyReadTimeoutSeconds;
    if (m_plan.serverIds.contains(key)) {
        settings.expectedServerId = m_plan.serverIds.value(key);
    }
    return settings;
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
        auto settings = sessionSettings(key);
        if (!settings) {
            return settings.error();
        }
        auto opened = OpsSession::open(*settings);
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
        m_locked << *taken;
    }
    return {};
}

void ExecutionContext::unlock(const MaintenanceStore& locks)
{
    for (const MaintenanceLock& lock : std::exchange(m_locked, {})) {
        auto ended = locks.endOwn(lock);
        if (!ended) {
            qCWarning(lcOps).noquote() << "cannot release the maintenance lock of"
                                       << lock.key.toString() << ended.error().message;
        } else if (!*ended) {
            // It expired during the operation; whoever holds the instance now keeps it.
            log(u"the maintenance lock on %1 had already expired; a lock taken since by someone "
                "else is left alone"_s.arg(lock.key.toString()));
        }
    }
}

Result<void> ExecutionContext::readThreadsBefore()
{
    for (auto it = m_sessions.cbegin(); it != m_sessions.cend(); ++it) {
        auto threads = it.value()->threads();
        if (!threads) {
            return makeError(ErrorCode::Refused,
                u"refused before any change: cannot read the replication state of %1: %2"_s.arg(
                    it.key().toString(), threads.error().message));
        }
        m_before.insert(it.key(), *threads);
    }
    return {};
}

Result<void> ExecutionContext::openJournal(const Backend& backend)
{
    m_cluster = clusterOf(backend);
    auto opened = OperationJournal(backend).open(m_plan, m_cluster);
    if (!opened) {
        return makeError(ErrorCode::Refused,
            u"refused before any change: cannot write the operation's audit row: %1"_s.arg(
                opened.error().message));
    }
    m_journalId = *opened;
    m_report.auditId = m_journalId;
    return {};
}

Result<void> ExecutionContext::checkMasterBefore(const PlanStep& step)
{
    auto state = session(step.instance)->threads();
    if (!state) {
        return state.error();
    }
    const std::optional<InstanceKey> now = state->isReplica ? state->master : std::nullopt;
    if (now != step.masterBefore) {
        return makeError(ErrorCode::Refused,
            u"refused to change the master of %1: it replicates from %2 now, and the plan was "
            "made when it replicated from %3; the topology changed since the plan was made"_s.arg(
                step.instance.toString(), now ? now->toString() : u"nothing"_s,
                step.masterBefore ? step.masterBefore->toString() : u"nothing"_s));
    }
    return {};
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
    PollBackoff backoff;
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
        if (m_cancel && m_cancel->load()) {
            return makeError(ErrorCode::Refused,
                u"cancelled while %1 was catching up to %2 (at %3)"_s.arg(
                    step.instance.toString(), target->toString(), at.toString()));
        }
        if (clock.elapsed() > static_cast<qint64>(timeout) * 1000) {
            return makeError(ErrorCode::Timeout,
                u"%1 did not reach %2 within %3 s (at %4)"_s.arg(step.instance.toString(),
                    target->toString(), QString::number(timeout), at.toString()));
        }
        backoff.pause();
    }
}

Result<void> ExecutionContext::checkExecuted(const PlanStep& step)
{
    auto state = session(step.instance)->threads();
    if (!state) {
        return state.error();
    }
    const std::optional<InstanceKey> master = state->isReplica ? state->master : std::nullopt;
    const BinlogPosition at { state->executed.file, state->executed.pos };
    if (master != step.masterBefore || at != step.executedAt) {
        return makeError(ErrorCode::Refused,
            u"%1 has executed %2 of %3's binary log, not %4 of %5's as when the plan was made: "
            "the recorded equivalence is for that position only, so it is not moved"_s.arg(
                step.instance.toString(), at.toString(), master ? master->toString() : u"nothing"_s,
                step.executedAt.toString(),
                step.masterBefore ? step.masterBefore->toString() : u"nothing"_s));
    }
    log(u"%1 stands at %2 of %3's binary log"_s.arg(
        step.instance.toString(), at.toString(), master->toString()));
    return {};
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
    if (step.kind == PlanStep::Kind::CheckExecuted) {
        return checkExecuted(step);
    }
    if (step.kind == PlanStep::Kind::ChangeMaster && step.checksMasterBefore) {
        if (auto same = checkMasterBefore(step); !same) {
            return same;
        }
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
    // A statement that fails may still have happened (the answer was lost): recovery looks at
    // every instance a replication statement was sent to.
    switch (step.kind) {
    case PlanStep::Kind::StopReplica:
    case PlanStep::Kind::StartReplica:
    case PlanStep::Kind::StartUntil:
    case PlanStep::Kind::ChangeMaster:
        m_changed.insert(step.instance);
        break;
    default:
        break;
    }
    if (auto done = s->run(sql); !done) {
        return done;
    }
    m_report.changedNothing = false;
    return {};
}

} // namespace topograph
