#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>

#include <optional>
#include <utility>

#include "instancekey.h"

namespace topograph {

// Where a lag value came from (DESIGN §8).
enum class LagSource {
    Heartbeat, // pt-heartbeat: the replica's clock minus ts of the cluster primary's row
    Query, // ReplicationLagQuery
    SecondsBehindMaster, // the replica's own Seconds_Behind_Master (no heartbeat table)
};

// One lag sample of one instance. A sample whose lag is missing is a gap in the series (the
// instance did not answer, the statement failed, or there was no value): never a zero.
struct LagSample
{
    QDateTime at; // UTC, millisecond precision: when the answer arrived
    std::optional<double> lag; // seconds
    LagSource source = LagSource::Heartbeat; // where `lag` came from
    std::optional<double> heartbeat; // pt-heartbeat's lag, when its table answered
    std::optional<qint64> secondsBehindMaster; // sampled every time; NULL is missing

    friend bool operator==(const LagSample&, const LagSample&) = default;
};

using KeyedLagSamples = QList<std::pair<InstanceKey, LagSample>>;

} // namespace topograph

Q_DECLARE_METATYPE(topograph::LagSample)
Q_DECLARE_METATYPE(topograph::KeyedLagSamples)
