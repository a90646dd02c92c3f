#pragma once

#include <QDateTime>
#include <QList>

#include "backend/backend.h"
#include "lag/lagsample.h"

namespace topograph {

// Topograph's persisted lag history (topograph_lag_samples): the coarse steps of
// LagStepAggregator, one row per instance and step, kept LagHistoryDays. A row whose lag is NULL
// is a gap (nothing answered in that step). Samples read back carry their source.
class LagHistoryStore final
{
public:
    explicit LagHistoryStore(const Backend& backend);

    // In one transaction; a step written again (after a restart within it) is replaced.
    Result<void> write(const KeyedLagSamples& samples) const;
    // key's samples at or after from (and before to, when valid), oldest first.
    Result<QList<LagSample>> read(
        const InstanceKey& key, const QDateTime& from, const QDateTime& to = {}) const;
    // Deletes the samples older than before; how many.
    Result<int> prune(const QDateTime& before) const;

    static QString sourceName(LagSource source); // "heartbeat", "query", "sbm"
    static LagSource sourceFromName(const QString& name);

private:
    const Backend& m_backend;
};

} // namespace topograph
