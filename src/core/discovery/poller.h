#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QMap>
#include <QObject>
#include <QTimer>

#include <functional>
#include <map>

#include "config/configuration.h"
#include "probe/instancerecord.h"

namespace topograph {

class ProbePool;

// Re-probes every known instance every InstancePollSeconds on a ProbePool (DESIGN §5).
//
// Each round has a generation from the pool. A round sends every key that is neither still in
// flight from an earlier round (a slow or frozen host is never queued twice) nor backing off, and
// finishes when all of them have answered: roundFinished() then reports how many were probed and
// unreachable and how long the round took. Rounds start on the interval whether or not the
// previous one has finished, so a slow host does not hold back the others; its late answer is a
// stale reply, counted, and still forwarded, because a probe result is always the newest fact about
// that instance. A round can therefore finish after a later one.
//
// An unreachable instance skips 1, 2, 4, 8 … rounds after consecutive failures, at most one
// minute's worth; one success (or partial success: it answered, a statement failed) resets it.
// Masters and replicas named in records are added to the polled set (setFollowNewKeys(false) turns
// that off). stop() only stops starting rounds: probes already queued still report.
class Poller final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Poller)

public:
    Poller(ProbePool* pool, const Configuration& config, QObject* parent = nullptr);

    void setKeys(const QList<topograph::InstanceKey>& keys);
    void addKey(const topograph::InstanceKey& key);
    // Stops polling key (e.g. before forgetting it); a late answer for it is dropped.
    void removeKey(const topograph::InstanceKey& key);
    QList<InstanceKey> keys() const { return m_keys.keys(); }
    void setFollowNewKeys(bool follow) { m_followNewKeys = follow; }
    // Keys for which ignore answers true are never polled: setKeys and addKey (following masters
    // and replicas included) leave them out (DiscoveryIgnoreHostnameFilters, forgotten ghosts).
    // Set from the configuration's filters at construction.
    void setIgnore(std::function<bool(const topograph::InstanceKey&)> ignore);

    void start(); // the first round starts at once
    void stop();
    bool isRunning() const { return m_timer.isActive(); }

    quint64 currentGeneration() const { return m_generation; }
    quint64 staleReplies() const { return m_staleReplies; }
    int intervalSeconds() const { return m_intervalSeconds; }

    // Rounds an unreachable instance skips after failures consecutive failures.
    static int backoffRounds(int failures, int intervalSeconds);

Q_SIGNALS:
    void probed(const topograph::InstanceRecord& record);
    void roundFinished(quint64 generation, int probed, int unreachable, qint64 elapsedMs);

private:
    void startRound();
    void onProbed(const topograph::InstanceRecord& record, quint64 generation);
    void finishRound(quint64 generation);

    struct KeyState
    {
        int failures = 0;
        int skipRounds = 0;
        quint64 inFlight = 0; // generation of the outstanding probe, 0 when none
    };
    struct Round
    {
        QElapsedTimer timer;
        int pending = 0;
        int probed = 0;
        int unreachable = 0;
    };

    ProbePool* m_pool;
    int m_intervalSeconds;
    bool m_followNewKeys = true;
    std::function<bool(const InstanceKey&)> m_ignore;
    QTimer m_timer;
    QMap<InstanceKey, KeyState> m_keys;
    std::map<quint64, Round> m_rounds;
    quint64 m_generation = 0;
    quint64 m_staleReplies = 0;
};

} // namespace topograph
