#pragma once

#include <QDateTime>
#include <QHash>

#include "lag/lagsample.h"

namespace topograph {

// Folds each instance's samples into coarse steps for the persisted history (DESIGN §8): steps of
// stepSeconds aligned on the epoch, each stamped with its start. A step keeps the largest lag of
// its samples (with that sample's source: a spike must survive, as in a chart's decimation), the
// largest Seconds_Behind_Master and heartbeat value; a step in which nothing answered is a gap.
// At one sample a second and 10 s steps, 8,640 rows per instance and day. Plain data, one thread.
class LagStepAggregator final
{
public:
    static constexpr int defaultStepSeconds = 10;

    explicit LagStepAggregator(int stepSeconds = defaultStepSeconds);

    int stepSeconds() const { return m_stepSeconds; }
    static QDateTime stepStart(const QDateTime& at, int stepSeconds);

    void add(const InstanceKey& key, const LagSample& sample);
    void add(const KeyedLagSamples& samples);
    // The steps that ended at or before now, oldest first for each instance.
    KeyedLagSamples takeCompleted(const QDateTime& now);
    // Every step, the open ones too (before stopping: a partial step is still a maximum).
    KeyedLagSamples takeAll();
    void remove(const InstanceKey& key);

private:
    KeyedLagSamples m_done;
    QHash<InstanceKey, LagSample> m_open; // at: the step's start
    int m_stepSeconds;
};

} // namespace topograph
