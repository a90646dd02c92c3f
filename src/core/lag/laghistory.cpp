#include "lag/laghistory.h"

#include <algorithm>
#include <limits>

namespace topograph {

LagHistory::LagHistory(int capacity)
    : m_capacity(std::max(1, capacity))
{ }

const LagSample& LagHistory::at(const Ring& ring, qsizetype i) const
{
    return ring.samples.at((ring.start + i) % ring.samples.size());
}

void LagHistory::append(const InstanceKey& key, const LagSample& sample)
{
    Ring& ring = m_rings[key];
    if (ring.samples.size() < m_capacity) {
        ring.samples.append(sample);
        return;
    }
    ring.samples[ring.start] = sample;
    ring.start = (ring.start + 1) % ring.samples.size();
}

void LagHistory::append(const KeyedLagSamples& samples)
{
    for (const auto& [key, sample] : samples) {
        append(key, sample);
    }
}

void LagHistory::prepend(const InstanceKey& key, const QList<LagSample>& older)
{
    Ring& ring = m_rings[key];
    QList<LagSample> merged;
    const QDateTime oldestKept = ring.samples.isEmpty() ? QDateTime() : at(ring, 0).at;
    for (const LagSample& s : older) {
        if (!oldestKept.isValid() || s.at < oldestKept) {
            merged.append(s);
        }
    }
    for (qsizetype i = 0; i < ring.samples.size(); ++i) {
        merged.append(at(ring, i));
    }
    if (merged.size() > m_capacity) {
        merged = merged.mid(merged.size() - m_capacity);
    }
    ring.samples = merged;
    ring.start = 0;
}

void LagHistory::remove(const InstanceKey& key)
{
    m_rings.remove(key);
}

void LagHistory::clear()
{
    m_rings.clear();
}

QList<InstanceKey> LagHistory::keys() const
{
    QList<InstanceKey> keys = m_rings.keys();
    std::sort(keys.begin(), keys.end());
    return keys;
}

qsizetype LagHistory::size(const InstanceKey& key) const
{
    const auto it = m_rings.constFind(key);
    return it == m_rings.cend() ? 0 : it->samples.size();
}

std::optional<LagSample> LagHistory::latest(const InstanceKey& key) const
{
    const auto it = m_rings.constFind(key);
    if (it == m_rings.cend() || it->samples.isEmpty()) {
        return std::nullopt;
    }
    return at(*it, it->samples.size() - 1);
}

qsizetype LagHistory::firstAtOrAfter(const Ring& ring, const QDateTime& from) const
{
    // Samples are in time order: find the first at or after from by bisection.
    qsizetype low = 0;
    qsizetype high = ring.samples.size();
    while (from.isValid() && low < high) {
        const qsizetype mid = (low + high) / 2;
        if (at(ring, mid).at < from) {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    return low;
}

QList<LagSample> LagHistory::samples(const InstanceKey& key, const QDateTime& from) const
{
    const auto it = m_rings.constFind(key);
    if (it == m_rings.cend()) {
        return {};
    }
    const Ring& ring = *it;
    const qsizetype first = firstAtOrAfter(ring, from);
    QList<LagSample> out;
    out.reserve(ring.samples.size() - first);
    for (qsizetype i = first; i < ring.samples.size(); ++i) {
        out.append(at(ring, i));
    }
    return out;
}

std::optional<double> LagHistory::secondsBehindMasterOf(const LagSample& s)
{
    return s.secondsBehindMaster ? std::optional<double>(double(*s.secondsBehindMaster))
                                 : std::nullopt;
}

QList<QList<QPointF>> LagHistory::series(const InstanceKey& key, const QDateTime& from,
    const QDateTime& to, int buckets, const Value& value) const
{
    QList<QList<QPointF>> runs;
    if (!from.isValid() || !to.isValid() || to <= from || buckets < 1) {
        return runs;
    }
    const double start = double(from.toMSecsSinceEpoch());
    const qint64 end = to.toMSecsSinceEpoch();
    const double width = double(to.toMSecsSinceEpoch() - from.toMSecsSinceEpoch()) / buckets;
    QList<QPointF> run;
    // The extremes of the current bucket, each with its time, flushed in time order.
    qsizetype bucket = -1;
    std::optional<QPointF> low;
    std::optional<QPointF> high;
    const auto flush = [&] {
        if (low && high) {
            if (low->x() == high->x()) {
                run.append(*low);
            } else if (low->x() < high->x()) {
                run << *low << *high;
            } else {
                run << *high << *low;
            }
        }
        low.reset();
        high.reset();
    };
    const auto ring = m_rings.constFind(key);
    if (ring == m_rings.cend()) {
        return runs;
    }
    // Read in place (a window can hold hours of samples): no copy of the ring.
    for (qsizetype i = firstAtOrAfter(*ring, from); i < ring->samples.size(); ++i) {
        const LagSample& s = at(*ring, i);
        const qint64 ms = s.at.toMSecsSinceEpoch();
        if (ms > end) {
            break;
        }
        const double x = double(ms);
        const std::optional<double> y = value(s);
        if (!y) {
            flush();
            if (!run.isEmpty()) {
                runs.append(run);
                run.clear();
            }
            continue;
        }
        const auto b = static_cast<qsizetype>((x - start) / width);
        if (b != bucket) {
            flush();
            bucket = b;
        }
        if (!low || *y < low->y()) {
            low = QPointF(x, *y);
        }
        if (!high || *y > high->y()) {
            high = QPointF(x, *y);
        }
    }
    flush();
    if (!run.isEmpty()) {
        runs.append(run);
    }
    return runs;
}

QList<std::optional<double>> LagHistory::sparkline(
    const InstanceKey& key, const QDateTime& to, int seconds, int points, const Value& value) const
{
    QList<std::optional<double>> out(std::max(1, points));
    const QDateTime from = to.addSecs(-seconds);
    const double width = double(seconds) * 1000 / out.size();
    const auto ring = m_rings.constFind(key);
    if (ring == m_rings.cend()) {
        return out;
    }
    for (qsizetype i = firstAtOrAfter(*ring, from); i < ring->samples.size(); ++i) {
        const LagSample& s = at(*ring, i);
        if (s.at > to) {
            break;
        }
        const std::optional<double> y = value(s);
        const auto bucket = std::min<qsizetype>(
            out.size() - 1, static_cast<qsizetype>(double(from.msecsTo(s.at)) / width));
        if (y && (!out[bucket] || *y > *out[bucket])) {
            out[bucket] = y;
        }
    }
    return out;
}

} // namespace topograph
