#include "lag/lagrules.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

QString unknownPrimary()
{
    return u"the cluster's current primary is not known, so its heartbeat row cannot be told "
           "from stale ones"_s;
}

} // namespace

std::optional<double> LagRules::rowAge(const QList<HeartbeatRow>& rows, quint32 serverId)
{
    for (const HeartbeatRow& row : rows) {
        if (row.serverId == serverId && std::isfinite(row.ageSeconds)) {
            return row.ageSeconds;
        }
    }
    return std::nullopt;
}

bool LagRules::isNotAdvancing(std::optional<double> primaryOwnAge)
{
    return primaryOwnAge && *primaryOwnAge > notAdvancingSeconds;
}

HeartbeatRow::State LagRules::classify(
    const HeartbeatRow& row, quint32 primaryServerId, std::optional<double> primaryOwnAge)
{
    if (row.serverId != primaryServerId) {
        return HeartbeatRow::State::Stale;
    }
    return isNotAdvancing(primaryOwnAge) ? HeartbeatRow::State::NotAdvancing
                                         : HeartbeatRow::State::CurrentPrimary;
}

QList<HeartbeatRow> LagRules::classified(
    const QList<HeartbeatRow>& rows, quint32 primaryServerId, std::optional<double> primaryOwnAge)
{
    QList<HeartbeatRow> out = rows;
    for (HeartbeatRow& row : out) {
        row.state = classify(row, primaryServerId, primaryOwnAge);
    }
    return out;
}

void LagRules::resolve(LagReading& reading, bool hasLagQuery, std::optional<double> primaryOwnAge)
{
    LagSample& sample = reading.sample;
    sample.lag.reset();
    sample.heartbeat.reset();
    if (reading.reachable && reading.heartbeatTableFound && reading.target.primaryServerId) {
        sample.heartbeat = rowAge(reading.heartbeatRows, *reading.target.primaryServerId);
    }
    if (hasLagQuery) {
        sample.source = LagSource::Query;
        if (reading.reachable && !reading.lagQueryFailed) {
            sample.lag = reading.queryLag;
        }
    } else if (!reading.reachable || !reading.heartbeatError.isEmpty()) {
        sample.source = LagSource::Heartbeat; // a gap where the heartbeat should have answered
    } else if (sample.heartbeat && !isNotAdvancing(primaryOwnAge)) {
        sample.source = LagSource::Heartbeat;
        sample.lag = sample.heartbeat;
    } else {
        // No table, no row of the current primary, or a stopped pt-heartbeat: its age would
        // be fake lag, so the replica's own measure is used.
        sample.source = LagSource::SecondsBehindMaster;
        if (sample.secondsBehindMaster) {
            sample.lag = static_cast<double>(*sample.secondsBehindMaster);
        }
    }
    if (!reading.target.replica) {
        sample.lag.reset(); // a primary has no replication lag; its row is checked, not charted
    }
}

HeartbeatCheck LagRules::check(const LagReading& reading, std::optional<double> primaryOwnAge)
{
    HeartbeatCheck check;
    check.instance = reading.target.instance;
    if (!reading.reachable) {
        check.error = reading.error;
    } else if (!reading.heartbeatError.isEmpty()) {
        check.error = reading.heartbeatError;
    } else if (reading.heartbeatTableFound) {
        check.tableFound = true;
        if (reading.target.primaryServerId) {
            check.rows
                = classified(reading.heartbeatRows, *reading.target.primaryServerId, primaryOwnAge);
        } else {
            check.error = unknownPrimary();
        }
    }
    return check;
}

HeartbeatCheck LagRules::check(const InstanceRecord& record, std::optional<quint32> primaryServerId,
    std::optional<double> primaryOwnAge)
{
    HeartbeatCheck check;
    check.instance = record.key;
    if (!record.reachable) {
        check.error = record.lastError.isEmpty()
            ? u"%1 could not be read"_s.arg(record.key.toString())
            : record.lastError;
    } else if (!record.heartbeatError.isEmpty()) {
        check.error = record.heartbeatError;
    } else if (record.heartbeatRows) {
        check.tableFound = true;
        if (primaryServerId) {
            check.rows = classified(*record.heartbeatRows, *primaryServerId, primaryOwnAge);
        } else {
            check.error = unknownPrimary();
        }
    }
    return check;
}

} // namespace topograph
