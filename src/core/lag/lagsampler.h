#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

#include <optional>

#include "config/configuration.h"
#include "lag/lagreading.h"
#include "result.h"

class QThread;

namespace topograph {

class LagSamplerWorker;

// Samples the lag of a set of instances every LagSampleMilliseconds (DESIGN §8), each with one
// statement (LagStatement) on connections of its own: never the poll round's, so that a slow
// poll does not stall sampling and the reverse. Lives on the thread that drives it (the lag
// worker's, or the CLI's); the SQL runs on worker threads (LagSamplerWorker).
//
// A slow or dead instance must not delay the others' samples, so work is pulled, not pushed: a
// worker is given one instance at a time, and only when it is idle, preferring the instances
// whose connections it holds. A worker still busy when the next round starts is stuck on one
// instance: the other instances it held go to idle workers (a new one is started when none is
// idle, up to a limit), while the stuck one finishes within its timeouts (the connect timeout,
// MySQLConnectTimeoutSeconds; a short read timeout, readTimeoutSeconds()). An instance that
// cannot be connected to is tried again only after a pause, with a gap in its series meanwhile;
// an instance still being read when its next sample is due is not asked twice.
//
// Each round ends with sampled(): the readings of the round, resolved by LagRules, once every
// instance asked has answered, or when the next round starts (what arrived by then; a late
// answer comes with the round that is open when it arrives).
class LagSampler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LagSampler)

public:
    static constexpr int initialWorkers = 2;
    static constexpr int maximumWorkers = 16;
    static constexpr int reconnectPauseMilliseconds = 5000;

    explicit LagSampler(const Configuration& config, QObject* parent = nullptr);
    ~LagSampler() override; // shutdown()

    static void registerMetaTypes();
    // Twice the interval, at least one second and at most MySQLDiscoveryReadTimeoutSeconds: a
    // sample that takes longer is late anyway.
    static int readTimeoutSeconds(const Configuration& config);

    int intervalMilliseconds() const { return m_interval; }
    int workerCount() const { return static_cast<int>(m_workers.size()); }
    // The age of primaryServerId's own heartbeat row as last read on that primary (a target with
    // replica false), for LagRules' not-advancing rule.
    std::optional<double> primaryOwnAge(quint32 primaryServerId) const;
    // Why every sample fails (credentials could not be read, a bad HeartbeatTable), or nothing.
    const std::optional<Error>& configurationError() const { return m_configError; }

    // Replaces the targets; instances that stay keep their connections and state.
    void setTargets(const QList<topograph::LagTarget>& targets);
    QList<LagTarget> targets() const;
    void start(); // a round now, then one every interval
    void stop(); // no more rounds; answers on their way still arrive
    bool isRunning() const { return m_timer.isActive(); }
    void sampleNow(); // one round now
    // Stops the workers: queued samples are dropped, samples in progress finish (bounded by
    // the timeouts), every connection is closed on its own thread. Blocks until then.
    void shutdown();

Q_SIGNALS:
    void sampled(const QList<topograph::LagReading>& readings);

private:
    struct TargetState
    {
        LagTarget target;
        int owner = -1; // the worker holding its connection
        bool inFlight = false;
        bool queued = false;
        qint64 retryAt = 0; // m_clock time before which no connection is tried
        QString lastError;
    };
    struct WorkerSlot
    {
        QThread* thread = nullptr;
        LagSamplerWorker* worker = nullptr;
        bool busy = false;
    };

    void round();
    void dispatch();
    void ensureWorker();
    int addWorker();
    int owned(int worker) const;
    void onSampled(int worker, const topograph::LagReading& reading, bool connectFailed);
    void resolve(LagReading& reading);
    void flushIfComplete();
    void flush();
    LagReading gap(const TargetState& state, const QString& error) const;

    Configuration m_config;
    int m_interval;
    bool m_hasLagQuery;
    std::optional<Error> m_configError;
    QTimer m_timer;
    QElapsedTimer m_clock;
    QList<WorkerSlot> m_workers;
    QList<InstanceKey> m_order; // targets in the order given
    QHash<InstanceKey, TargetState> m_targets;
    QList<InstanceKey> m_queue; // due this round, not yet handed to a worker
    QList<InstanceKey> m_awaiting; // asked this round, not answered yet
    QList<LagReading> m_collected;
    // The age of each primary's own heartbeat row, as read on it (LagRules: not advancing).
    QHash<quint32, double> m_primaryOwnAge;
    bool m_shutDown = false;
};

} // namespace topograph
