// heartbeat-clean: the stale pt-heartbeat rows of one instance, deleted there alone.
#include "lag/lagprinter.h"
#include "lag/lagrules.h"
#include "lag/lagtargets.h"
#include "ops/planbuilder.h"
#include "ops/planner.h"
#include "ops/plannersupport.h"

using namespace Qt::StringLiterals;

namespace topograph {

using plannersupport::refusal;

namespace {

// The stale rows of one instance, classified against the primary's row.
struct StaleRows
{
    QList<HeartbeatRow> stale;
    QList<quint32> ids;
    bool primaryRowThere = false;
};

StaleRows staleRowsOf(const InstanceRecord& r, const Planner::HeartbeatPrimary& primary)
{
    StaleRows result;
    for (const HeartbeatRow& row :
        LagRules::classified(*r.heartbeatRows, primary.serverId, primary.ownAge)) {
        if (row.state == HeartbeatRow::State::Stale) {
            result.stale << row;
            result.ids << row.serverId;
        } else {
            result.primaryRowThere = true;
        }
    }
    return result;
}

// One instance's step and end state: the unlogged DELETE of its stale rows, verified.
void addCleanup(PlanBuilder& builder, const InstanceRecord& r, const HeartbeatTable& table,
    const Planner::HeartbeatPrimary& primary, const StaleRows& rows)
{
    QStringList described;
    for (const HeartbeatRow& row : rows.stale) {
        described << u"server_id %1 (%2 s old)"_s.arg(
            QString::number(row.serverId), LagPrinter::seconds(row.ageSeconds));
    }
    builder.deleteHeartbeatRows(r, table.deleteRows(rows.ids, primary.serverId),
        u"delete the stale rows of %1 on %2 only, unlogged (sql_log_bin=0): %3; the current "
        "primary is server_id %4"_s.arg(table.name(), r.key.toString(), described.join(u", "_s),
            QString::number(primary.serverId)));
    builder.expectHeartbeat(r.key,
        HeartbeatCleanup { table.name(), table.selectRows(), rows.stale,
            rows.primaryRowThere ? std::optional<quint32>(primary.serverId) : std::nullopt });
    if (!rows.primaryRowThere) {
        builder.warn(u"%1 holds no row of the current primary (server_id %2): lag on it is "
                     "Seconds_Behind_Master until pt-heartbeat runs on %3"_s.arg(
                         r.key.toString(), QString::number(primary.serverId),
                         primary.key.toString()));
    }
}

} // namespace

Result<HeartbeatTable> Planner::heartbeatTable() const
{
    auto table = HeartbeatTable::fromConfiguration(m_config);
    if (!table) {
        return table.error();
    }
    if (!table->isEnabled()) {
        return refusal(u"no heartbeat table is configured (HeartbeatTable is empty)"_s);
    }
    return table;
}

Result<Planner::HeartbeatPrimary> Planner::heartbeatPrimary(const InstanceKey& instance) const
{
    // The current primary from fresh probes: its row is what lag is measured from, and the
    // only thing that says which rows are stale. Unknown or ambiguous: nothing is deleted.
    const std::optional<InstanceRecord> primary = LagTargets::primaryOf(m_view.records());
    if (!primary) {
        return refusal(u"the current primary of %1's cluster is not known (no single "
                       "instance without a master), so stale rows cannot be told from its "
                       "own"_s.arg(instance.toString()));
    }
    auto record = fresh(primary->key);
    if (!record) {
        return record.error();
    }
    HeartbeatPrimary result;
    result.key = primary->key;
    result.serverId = (*record)->serverId;
    result.ownAge = (*record)->heartbeatRows
        ? LagRules::rowAge(*(*record)->heartbeatRows, result.serverId)
        : std::nullopt;
    return result;
}

Result<Plan> Planner::cleanHeartbeat(const InstanceKey& instance) const
{
    const QString what = u"delete stale heartbeat rows on %1"_s.arg(instance.toString());
    return guarded(what, [&]() -> Result<Plan> {
        auto r = fresh(instance);
        if (!r) {
            return r.error();
        }
        auto table = heartbeatTable();
        if (!table) {
            return table.error();
        }
        if (!(*r)->heartbeatError.isEmpty()) {
            return refusal(u"%1 cannot be read on %2: %3"_s.arg(
                table->name(), instance.toString(), (*r)->heartbeatError));
        }
        if (!(*r)->heartbeatRows) {
            return refusal(u"%1 has no table %2"_s.arg(instance.toString(), table->name()));
        }
        auto primary = heartbeatPrimary(instance);
        if (!primary) {
            return primary.error();
        }
        const HeartbeatPrimary& p = *primary;
        const StaleRows rows = staleRowsOf(**r, p);
        if (rows.stale.isEmpty()) {
            return refusal(u"%1 has no stale heartbeat rows (%2 holds only the current "
                           "primary's, server_id %3)"_s.arg(instance.toString(), table->name(),
                               QString::number(p.serverId)));
        }
        PlanBuilder builder(Operation::CleanHeartbeat, what, m_flags.untilTimeoutSeconds);
        addCleanup(builder, **r, *table, p, rows);
        if (LagRules::isNotAdvancing(p.ownAge)) {
            builder.warn(u"pt-heartbeat does not run on the primary %1: its row is %2 s old"_s.arg(
                p.key.toString(), LagPrinter::seconds(p.ownAge)));
        }
        builder.warn(u"the other instances keep their copies of these rows: run heartbeat-clean "
                     "on each of them (or heartbeat-clean-cluster)"_s);
        return finish(builder,
            Part { Method::Simple, u"unlogged delete (sql_log_bin=0) on this instance only"_s });
    });
}

Result<Plan> Planner::cleanClusterHeartbeat(const InstanceKey& instance) const
{
    const QString what = u"delete stale heartbeat rows on every instance of %1's cluster"_s.arg(
        instance.toString());
    return guarded(what, [&]() -> Result<Plan> {
        if (auto r = fresh(instance); !r) {
            return r.error();
        }
        auto table = heartbeatTable();
        if (!table) {
            return table.error();
        }
        auto primary = heartbeatPrimary(instance);
        if (!primary) {
            return primary.error();
        }
        const HeartbeatPrimary& p = *primary;
        PlanBuilder builder(Operation::CleanClusterHeartbeat, what, m_flags.untilTimeoutSeconds);
        int cleaned = 0;
        QStringList skipped;
        for (const InstanceRecord& listed : m_view.records()) {
            auto r = fresh(listed.key);
            if (!r) {
                skipped << u"%1 (%2)"_s.arg(listed.key.toString(), r.error().message);
                continue;
            }
            if (!(*r)->heartbeatError.isEmpty()) {
                skipped << u"%1 (%2 cannot be read: %3)"_s.arg(
                    listed.key.toString(), table->name(), (*r)->heartbeatError);
                continue;
            }
            if (!(*r)->heartbeatRows) {
                continue; // no table there: nothing to clean
            }
            const StaleRows rows = staleRowsOf(**r, p);
            if (rows.stale.isEmpty()) {
                continue;
            }
            addCleanup(builder, **r, *table, p, rows);
            ++cleaned;
        }
        if (cleaned == 0) {
            return refusal(u"no instance of %1's cluster holds stale heartbeat rows (the current "
                           "primary is server_id %2)%3"_s.arg(instance.toString(),
                               QString::number(p.serverId),
                               skipped.isEmpty() ? QString()
                                                 : u"; not checked: "_s + skipped.join(u", "_s)));
        }
        if (!skipped.isEmpty()) {
            builder.warn(u"not cleaned, run heartbeat-clean there later: "_s + skipped.join(u", "_s));
        }
        if (LagRules::isNotAdvancing(p.ownAge)) {
            builder.warn(u"pt-heartbeat does not run on the primary %1: its row is %2 s old"_s.arg(
                p.key.toString(), LagPrinter::seconds(p.ownAge)));
        }
        return finish(builder,
            Part { Method::Simple,
                u"unlogged delete (sql_log_bin=0) on each instance, one session each"_s });
    });
}

} // namespace topograph
