#include "lag/lagstepaggregator.h"

#include <algorithm>

namespace topograph {

namespace {

template <typename T> std::optional<T> larger(const std::optional<T>& a, const std::optional<T>& b)
{
    if (!a) {
        return b;
    }
    if (!b) {
        return a;
    }
    return std::max(*a, *b);
}

} // namespace

LagStepAggregator::LagStepAggregator(int stepSeconds)
    : m_stepSeconds(std::max(1, stepSeconds))
{ }

QDateTime LagStepAggregator::stepStart(const QDateTime& at, int stepSeconds)
{
    const qint64 step = static_cast<qint64>(std::max(1, stepSeconds)) * 1000;
    const qint64 ms = at.toMSecsSinceEpoch();
    // Floor, also before 1970: a step never starts after its samples.
    const qint64 start = ms >= 0 ? ms - ms % step : ms - (step + ms % step) % step;
    return QDateTime::fromMSecsSinceEpoch(start, Qt::UTC);
}

void LagStepAggregator::add(const InstanceKey& key, const LagSample& sample)
{
    const QDateTime start = stepStart(sample.at, m_stepSeconds);
    auto it = m_open.find(key);
    if (it != m_open.end() && it->at != start) {
        if (start < it->at) {
            return; // older than the open step: already written with an earlier one
        }
        m_done.append({ key, *it });
        m_open.erase(it);
        it = m_open.end();
    }
    if (it == m_open.end()) {
        LagSample first = sample;
        first.at = start;
        m_open.insert(key, first);
        return;
    }
    LagSample& step = *it;
    if (sample.lag && (!step.lag || *sample.lag > *step.lag)) {
        step.lag = sample.lag;
        step.source = sample.source;
    }
    step.secondsBehindMaster = larger(step.secondsBehindMaster, sample.secondsBehindMaster);
    step.heartbeat = larger(step.heartbeat, sample.heartbeat);
}

void LagStepAggregator::add(const KeyedLagSamples& samples)
{
    for (const auto& [key, sample] : samples) {
        add(key, sample);
    }
}

KeyedLagSamples LagStepAggregator::takeCompleted(const QDateTime& now)
{
    const qint64 step = static_cast<qint64>(m_stepSeconds) * 1000;
    for (auto it = m_open.begin(); it != m_open.end();) {
        if (it->at.toMSecsSinceEpoch() + step <= now.toMSecsSinceEpoch()) {
            m_done.append({ it.key(), *it });
            it = m_open.erase(it);
        } else {
            ++it;
        }
    }
    return std::exchange(m_done, {});
}

KeyedLagSamples LagStepAggregator::takeAll()
{
    for (auto it = m_open.cbegin(); it != m_open.cend(); ++it) {
        m_done.append({ it.key(), *it });
    }
    m_open.clear();
    return std::exchange(m_done, {});
}

void LagStepAggregator::remove(const InstanceKey& key)
{
    m_open.remove(key);
}

} // namespace topograph
