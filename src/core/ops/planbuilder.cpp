#include "ops/planbuilder.h"

#include "ops/sqlidentifiers.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

QString coordinateText(const CoordinateRef& ref)
{
    return ref.filePlaceholder() + u':' + ref.posPlaceholder();
}

QString whose(const CoordinateRef& ref)
{
    return ref.source == CoordinateRef::Source::OwnBinlog
        ? u"%1's own binlog coordinates"_s.arg(ref.instance.toString())
        : u"%1's exec coordinates"_s.arg(ref.instance.toString());
}

} // namespace

PlanBuilder::PlanBuilder(Operation operation, QString title, int untilTimeoutSeconds)
    : m_untilTimeoutSeconds(untilTimeoutSeconds)
{
    m_plan.operation = operation;
    m_plan.title = std::move(title);
}

PlanStep& PlanBuilder::add(
    PlanStep::Kind kind, const InstanceRecord& r, const QString& description, const QString& sql)
{
    PlanStep step;
    step.kind = kind;
    step.instance = r.key;
    step.description = description;
    step.sql = QStringList { sql };
    step.group = m_group;
    m_plan.steps.append(step);
    if (!m_plan.touched.contains(r.key)) {
        m_plan.touched.append(r.key);
    }
    if (r.serverId != 0) {
        m_plan.serverIds.insert(r.key, r.serverId);
    }
    return m_plan.steps.last();
}

QString PlanBuilder::hostLiteral(const InstanceKey& master)
{
    auto literal = SqlIdentifiers::hostLiteral(master.host);
    if (!literal) {
        if (!m_error) {
            m_error = literal.error();
        }
        return u"''"_s;
    }
    return *literal;
}

void PlanBuilder::stopReplica(const InstanceRecord& r)
{
    // Only what runs now counts as stopped by the plan: the executor restarts exactly these
    // when something fails, and must not start a replica a DBA had stopped on purpose.
    if ((r.ioThreadRunning || r.sqlThreadRunning) && !m_plan.stopsReplication.contains(r.key)) {
        m_plan.stopsReplication.append(r.key);
    }
    add(PlanStep::Kind::StopReplica, r, u"stop replication on %1"_s.arg(r.key.toString()),
        OpsDialect::forRecord(r).stopReplica());
}

void PlanBuilder::startReplica(const InstanceRecord& r)
{
    add(PlanStep::Kind::StartReplica, r, u"start replication on %1"_s.arg(r.key.toString()),
        OpsDialect::forRecord(r).startReplica());
}

void PlanBuilder::catchUp(const InstanceRecord& r, const CoordinateRef& until,
    const std::optional<InstanceKey>& onlyIfBehind)
{
    const OpsDialect dialect = OpsDialect::forRecord(r);
    QString why = u"let %1 replicate up to %2"_s.arg(r.key.toString(), whose(until));
    if (onlyIfBehind) {
        why += u" (only if %1 is behind %2; skipped otherwise)"_s.arg(
            r.key.toString(), onlyIfBehind->toString());
    }
    PlanStep& start = add(PlanStep::Kind::StartUntil, r, why, dialect.startUntil(until));
    start.coordinates = until;
    start.onlyIfBehind = onlyIfBehind;

    PlanStep& wait = add(PlanStep::Kind::WaitUntil, r,
        u"wait at most %1 s until %2 has executed up to %3 (poll %4)"_s.arg(
            QString::number(m_untilTimeoutSeconds), r.key.toString(), coordinateText(until),
            dialect.replicaStatus()),
        dialect.replicaStatus());
    wait.coordinates = until;
    wait.timeoutSeconds = m_untilTimeoutSeconds;

    add(PlanStep::Kind::StopReplica, r,
        u"stop replication on %1 again (UNTIL stops only its SQL thread)"_s.arg(r.key.toString()),
        dialect.stopReplica());
}

void PlanBuilder::recordMasterBefore(PlanStep& step, const InstanceRecord& r) const
{
    // The master it has when this step runs: that of an earlier CHANGE MASTER of this plan on
    // it, else the one it had when planned.
    step.masterBefore = r.masterKey;
    for (qsizetype i = m_plan.steps.size() - 2; i >= 0; --i) {
        const PlanStep& earlier = m_plan.steps.at(i);
        if (earlier.kind == PlanStep::Kind::ChangeMaster && earlier.instance == r.key) {
            step.masterBefore = earlier.newMaster;
            break;
        }
    }
    step.checksMasterBefore = true;
}

void PlanBuilder::changeMasterAt(
    const InstanceRecord& r, const InstanceKey& master, const CoordinateRef& at)
{
    PlanStep& step = add(PlanStep::Kind::ChangeMaster, r,
        u"point %1 at %2, at %3"_s.arg(r.key.toString(), master.toString(), whose(at)),
        OpsDialect::forRecord(r).changeMasterAt(hostLiteral(master), master.port, at));
    step.newMaster = master;
    step.coordinates = at;
    recordMasterBefore(step, r);
}

void PlanBuilder::checkExecuted(const InstanceRecord& r, const BinlogPosition& at)
{
    const OpsDialect dialect = OpsDialect::forRecord(r);
    PlanStep& step = add(PlanStep::Kind::CheckExecuted, r,
        u"check that %1 still replicates from %2 and has executed exactly up to %3 (else stop "
        "here: the recorded equivalence is for that position only)"_s.arg(
            r.key.toString(), r.masterKey ? r.masterKey->toString() : u"nothing"_s, at.toString()),
        dialect.replicaStatus());
    step.executedAt = at;
    step.masterBefore = r.masterKey;
}

void PlanBuilder::changeMasterAtPosition(
    const InstanceRecord& r, const InstanceKey& master, const BinlogPosition& at)
{
    auto file = SqlIdentifiers::binlogFileLiteral(at.file);
    if (!file && !m_error) {
        m_error = file.error();
    }
    if (at.pos < 1 && !m_error) {
        m_error = makeError(ErrorCode::InvalidInput,
            u"binary log position %1 on %2 is not valid"_s.arg(at.pos).arg(master.toString()));
    }
    PlanStep& step = add(PlanStep::Kind::ChangeMaster, r,
        u"point %1 at %2, at %3 (the recorded equivalent position)"_s.arg(
            r.key.toString(), master.toString(), at.toString()),
        OpsDialect::forRecord(r).changeMasterAtPosition(
            hostLiteral(master), master.port, file ? *file : u"''"_s, at.pos));
    step.newMaster = master;
    recordMasterBefore(step, r);
}

void PlanBuilder::changeMasterGtid(
    const InstanceRecord& r, const InstanceKey& master, GtidPositioning positioning)
{
    const OpsDialect dialect = OpsDialect::forRecord(r);
    PlanStep& step = add(PlanStep::Kind::ChangeMaster, r,
        u"point %1 at %2 with GTID positioning (%3)"_s.arg(
            r.key.toString(), master.toString(), dialect.gtidOption(positioning)),
        dialect.changeMasterGtid(hostLiteral(master), master.port, positioning));
    step.newMaster = master;
    step.gtid = true;
    recordMasterBefore(step, r);
}

void PlanBuilder::setReadOnly(const InstanceRecord& r, bool on)
{
    PlanStep& step = add(PlanStep::Kind::SetReadOnly, r,
        on ? u"make %1 read-only"_s.arg(r.key.toString())
           : u"make %1 writeable"_s.arg(r.key.toString()),
        OpsDialect::forRecord(r).setReadOnly(on));
    step.readOnly = on;
}

void PlanBuilder::deleteHeartbeatRows(
    const InstanceRecord& r, const QString& deleteSql, const QString& description)
{
    PlanStep& step = add(
        PlanStep::Kind::DeleteHeartbeatRows, r, description, u"SET SESSION sql_log_bin = 0"_s);
    // One step, so one session: the DELETE cannot run where the binary log is still on.
    step.sql << deleteSql << u"SET SESSION sql_log_bin = 1"_s;
}

void PlanBuilder::expectHeartbeat(const InstanceKey& instance, const HeartbeatCleanup& cleanup)
{
    ExpectedState state;
    state.instance = instance;
    state.replicationChecked = false;
    state.heartbeat = cleanup;
    for (ExpectedState& e : m_plan.expected) {
        if (e.instance == instance) {
            e = state;
            return;
        }
    }
    m_plan.expected.append(state);
}

void PlanBuilder::expect(const InstanceKey& instance, const std::optional<InstanceKey>& master,
    bool replicating, std::optional<bool> readOnly)
{
    ExpectedState state;
    state.instance = instance;
    state.master = master;
    state.replicating = replicating;
    state.readOnly = readOnly;
    for (ExpectedState& e : m_plan.expected) {
        if (e.instance == instance) {
            e = state;
            return;
        }
    }
    m_plan.expected.append(state);
}

void PlanBuilder::warn(const QString& warning)
{
    if (!m_plan.warnings.contains(warning)) {
        m_plan.warnings.append(warning);
    }
}

QList<InstanceKey> PlanBuilder::involved() const
{
    QList<InstanceKey> keys = m_plan.touched;
    for (const PlanStep& step : m_plan.steps) {
        if (step.newMaster && !keys.contains(*step.newMaster)) {
            keys.append(*step.newMaster);
        }
    }
    return keys;
}

Result<Plan> PlanBuilder::finish(Method method, const QString& methodDetail)
{
    if (m_error) {
        return *m_error;
    }
    m_plan.method = method;
    m_plan.methodDetail = methodDetail;
    return m_plan;
}

} // namespace topograph
