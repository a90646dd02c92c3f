// heartbeat-clean: the stale pt-heartbeat rows of one instance, deleted there alone.
#include "lag/heartbeattable.h"
#include "lag/lagprinter.h"
#include "lag/lagrules.h"
#include "lag/lagtargets.h"
#include "ops/planbuilder.h"
#include "ops/planner.h"
#include "ops/plannersupport.h"

using namespace Qt::StringLiterals;

namespace topograph {

using plannersupport::refusal;

Result<Plan> Planner::cleanHeartbeat(const InstanceKey& instance) const
{
    const QString what = u"delete stale heartbeat rows on %1"_s.arg(instance.toString());
    return guarded(what, [&]() -> Result<Plan> {
        auto r = fresh(instance);
        if (!r) {
            return r.error();
        }
        auto table = HeartbeatTable::fromConfiguration(m_config);
        if (!table) {
            return table.error();
        }
        if (!table->isEnabled()) {
            return refusal(u"no heartbeat table is configured (HeartbeatTable is empty)"_s);
        }
        if (!(*r)->heartbeatError.isEmpty()) {
            return refusal(u"%1 cannot be read on %2: %3"_s.arg(
                table->name(), instance.toString(), (*r)->heartbeatError));
        }
        if (!(*r)->heartbeatRows) {
            return refusal(u"%1 has no table %2"_s.arg(instance.toString(), table->name()));
        }
        // The current primary from fresh probes: its row is what lag is measured from, and the
        // only thing that says which rows are stale. Unknown or ambiguous: nothing is deleted.
        const std::optional<InstanceRecord> primary = LagTargets::primaryOf(m_view.records());
        if (!primary) {
            return refusal(u"the current primary of %1's cluster is not known (no single "
                           "instance without a master), so stale rows cannot be told from its "
                           "own"_s.arg(instance.toString()));
        }
        auto primaryRecord = fresh(primary->key);
        if (!primaryRecord) {
            return primaryRecord.error();
        }
        const quint32 primaryId = (*primaryRecord)->serverId;
        const std::optional<double> ownAge = (*primaryRecord)->heartbeatRows
            ? LagRules::rowAge(*(*primaryRecord)->heartbeatRows, primaryId)
            : std::nullopt;
        const QList<HeartbeatRow> rows
            = LagRules::classified(*(*r)->heartbeatRows, primaryId, ownAge);
        QList<HeartbeatRow> stale;
        QList<quint32> ids;
        bool primaryRowThere = false;
        for (const HeartbeatRow& row : rows) {
            if (row.state == HeartbeatRow::State::Stale) {
                stale << row;
                ids << row.serverId;
            } else {
                primaryRowThere = true;
            }
        }
        if (stale.isEmpty()) {
            return refusal(u"%1 has no stale heartbeat rows (%2 holds only the current "
                           "primary's, server_id %3)"_s.arg(
                               instance.toString(), table->name(), QString::number(primaryId)));
        }
        QStringList described;
        for (const HeartbeatRow& row : stale) {
            described << u"server_id %1 (%2 s old)"_s.arg(
                QString::number(row.serverId), LagPrinter::seconds(row.ageSeconds));
        }
        PlanBuilder builder(Operation::CleanHeartbeat, what, m_flags.untilTimeoutSeconds);
        builder.deleteHeartbeatRows(**r, table->deleteRows(ids, primaryId),
            u"delete the stale rows of %1 on %2 only, unlogged (sql_log_bin=0): %3; the current "
            "primary is server_id %4"_s.arg(table->name(), instance.toString(),
                described.join(u", "_s), QString::number(primaryId)));
        builder.expectHeartbeat(instance,
            HeartbeatCleanup { table->name(), table->selectRows(), stale,
                primaryRowThere ? std::optional<quint32>(primaryId) : std::nullopt });
        if (!primaryRowThere) {
            builder.warn(
                u"%1 holds no row of the current primary (server_id %2): lag on it is "
                "Seconds_Behind_Master until pt-heartbeat runs on %3"_s.arg(
                    instance.toString(), QString::number(primaryId), primary->key.toString()));
        }
        if (LagRules::isNotAdvancing(ownAge)) {
            builder.warn(u"pt-heartbeat does not run on the primary %1: its row is %2 s old"_s.arg(
                primary->key.toString(), LagPrinter::seconds(ownAge)));
        }
        builder.warn(u"the other instances keep their copies of these rows: run heartbeat-clean "
                     "on each of them"_s);
        return finish(builder,
            Part { Method::Simple, u"unlogged delete (sql_log_bin=0) on this instance only"_s });
    });
}

} // namespace topograph
