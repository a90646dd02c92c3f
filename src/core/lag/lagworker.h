#pragma once

#include <QList>
#include <QObject>

#include <memory>
#include <optional>

#include "config/configuration.h"
#include "lag/heartbeatrow.h"
#include "lag/lagsample.h"

namespace topograph {

// What the lag worker samples: an instance, and the server_id of its cluster's current primary
// (from the latest probe), whose heartbeat row lag is measured from.
struct LagTarget
{
    InstanceKey instance;
    std::optional<quint32> primaryServerId; // unknown: SBM only
    bool replica = true; // false for the primary itself (its row is checked, not its lag)

    friend bool operator==(const LagTarget&, const LagTarget&) = default;
};

// The desktop app's lag sampling, on a thread of its own (DESIGN §8): for the targets it is given
// (the clusters on screen) it samples every LagSampleMilliseconds through a LagSampler (its own
// connections, never the poll round's), emits each round's samples, writes the coarse history
// to the backend, checks the heartbeat rows for fake lag, and loads persisted history on request.
// Every slot is invoked queued from the GUI thread; only plain values come back, by signals.
class LagWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LagWorker)

public:
    explicit LagWorker(Configuration config, QObject* parent = nullptr);
    ~LagWorker() override;

    static void registerMetaTypes();

public Q_SLOTS:
    void start(); // opens the backend for history; sampling starts with the first targets
    void stop(); // stops sampling, writes what is pending, closes every connection
    void setTargets(const QList<topograph::LagTarget>& targets); // replaces them
    // Reads the persisted samples of keys since from; answered by historyLoaded per key.
    void loadHistory(const QList<topograph::InstanceKey>& keys, const QDateTime& from);

Q_SIGNALS:
    void sampled(const topograph::KeyedLagSamples& samples); // one round
    void historyLoaded(
        const topograph::InstanceKey& key, const QList<topograph::LagSample>& samples);
    void heartbeatChecked(const QList<topograph::HeartbeatCheck>& checks);
    void failed(const QString& message);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace topograph

Q_DECLARE_METATYPE(topograph::LagTarget)
