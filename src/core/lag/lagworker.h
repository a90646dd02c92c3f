#pragma once

#include <QList>
#include <QObject>

#include <memory>
#include <optional>

#include "config/configuration.h"
#include "lag/heartbeatrow.h"
#include "lag/lagreading.h"
#include "lag/lagsample.h"
#include "lag/lagtarget.h"

namespace topograph {

// The desktop app's lag sampling, on a thread of its own (DESIGN §8): for the targets it is given
// (the clusters on screen) it samples every LagSampleMilliseconds through a LagSampler (its own
// connections, never the poll round's), emits each round's samples, writes the coarse history
// to the backend, checks the heartbeat rows for fake lag, and loads persisted history on request.
// Every slot is invoked queued from the GUI thread; only plain values come back, by signals.
//
// Persisted history is coarse (LagStepAggregator: the largest lag of each 10 s step), written
// through a thread of its own (LagHistoryWriter) and kept LagHistoryDays. Heartbeat checks come
// from the samples' own readings (the sample statement reads every heartbeat row), every
// heartbeatCheckMilliseconds: rows only change state over seconds.
class LagWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LagWorker)

public:
    explicit LagWorker(Configuration config, QObject* parent = nullptr);
    ~LagWorker() override;

    static constexpr int heartbeatCheckMilliseconds = 5000;

    static void registerMetaTypes();

public Q_SLOTS:
    void start(); // opens the backend for history; sampling starts with the first targets
    void stop(); // stops sampling, writes what is pending, closes every connection
    void setTargets(const QList<topograph::LagTarget>& targets); // replaces them
    // Reads the persisted samples of keys since from; answered by historyLoaded per key.
    void loadHistory(const QList<topograph::InstanceKey>& keys, const QDateTime& from);
    // Read-only mode: no history is written (as the fleet worker writes nothing).
    void setReadOnly(bool readOnly);

Q_SIGNALS:
    void sampled(const topograph::KeyedLagSamples& samples); // one round
    void historyLoaded(
        const topograph::InstanceKey& key, const QList<topograph::LagSample>& samples);
    void heartbeatChecked(const QList<topograph::HeartbeatCheck>& checks);
    void failed(const QString& message);

private:
    void onRound(const QList<topograph::LagReading>& readings);
    void ensureHistory();

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace topograph
