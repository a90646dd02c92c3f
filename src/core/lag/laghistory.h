#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPointF>

#include <functional>
#include <optional>

#include "instancekey.h"
#include "lag/lagsample.h"

namespace topograph {

// The recent lag samples of each instance (DESIGN §8): a ring buffer per instance holding the
// last `capacity` samples (an hour and more at one per second), oldest first. Plain data for one
// thread (the app keeps one on the GUI thread, fed by the lag worker's signals); no SQL.
class LagHistory final
{
public:
    static constexpr int defaultCapacity = 4 * 3600; // four hours at 1 s

    explicit LagHistory(int capacity = defaultCapacity);

    void append(const InstanceKey& key, const LagSample& sample);
    void append(const KeyedLagSamples& samples);
    // Older samples (from the backend's history) in front of what is kept, oldest first; samples
    // not older than the oldest kept are ignored.
    void prepend(const InstanceKey& key, const QList<LagSample>& older);
    void remove(const InstanceKey& key);
    void clear();

    QList<InstanceKey> keys() const; // sorted
    int capacity() const { return m_capacity; }
    qsizetype size(const InstanceKey& key) const;
    std::optional<LagSample> latest(const InstanceKey& key) const;
    // The samples at or after from (all when from is invalid), oldest first.
    QList<LagSample> samples(const InstanceKey& key, const QDateTime& from = {}) const;

    // What a value of a sample is, for the chart: lag, Seconds_Behind_Master, ...
    using Value = std::function<std::optional<double>(const LagSample&)>;
    static std::optional<double> lagOf(const LagSample& s) { return s.lag; }
    static std::optional<double> secondsBehindMasterOf(const LagSample& s);

    // A series for a chart, at most two points per bucket (its minimum and its maximum, in time
    // order) so that spikes survive decimation: buckets split [from, to] in `buckets` equal parts.
    // x is milliseconds since the epoch. A gap (a missing value) ends a run: the run before and
    // after are returned separately, so that a chart draws no line across it.
    QList<QList<QPointF>> series(const InstanceKey& key, const QDateTime& from, const QDateTime& to,
        int buckets, const Value& value = lagOf) const;

    // The last `seconds` before to in `points` equal buckets, the largest value of each (nullopt
    // for a bucket without one): the little line on a card.
    QList<std::optional<double>> sparkline(const InstanceKey& key, const QDateTime& to,
        int seconds = 180, int points = 30, const Value& value = lagOf) const;

private:
    struct Ring
    {
        QList<LagSample> samples; // grows to capacity, then wraps
        qsizetype start = 0; // index of the oldest once full
    };

    const LagSample& at(const Ring& ring, qsizetype i) const;
    qsizetype firstAtOrAfter(const Ring& ring, const QDateTime& from) const;

    int m_capacity;
    QHash<InstanceKey, Ring> m_rings;
};

} // namespace topograph
