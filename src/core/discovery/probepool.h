#pragma once

#include <QList>
#include <QObject>

#include <atomic>
#include <optional>

#include "config/configuration.h"
#include "probe/instanceprobe.h"
#include "result.h"

class QThread;

namespace topograph {

class ProbeWorker;

// A fixed number of probe workers, each on its own QThread with its own connections (DESIGN §5).
// An instance key always goes to the same worker (by hash), so its connection is reused and a dead
// or frozen host only delays the keys that share its worker. Credentials and timeouts are resolved
// from the configuration once, in the constructor.
//
// Callers tag every request with a generation from newGeneration(); results come back, queued on
// the pool's thread, as probed(record, generation) in completion order. Several consumers (a
// Poller, a Discoverer) can share one pool: each ignores the generations it did not issue.
class ProbePool final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProbePool)

public:
    ProbePool(const Configuration& config, int workers, QObject* parent = nullptr);
    ~ProbePool() override; // shutdown()

    // Registers the value types that cross threads in queued signals (the constructor does it).
    static void registerMetaTypes();
    // The worker a key is assigned to: stable for the life of the process.
    static int workerIndexFor(const InstanceKey& key, int workerCount);

    int workerCount() const { return static_cast<int>(m_workers.size()); }
    // Why every probe will fail (credentials could not be read), or nothing.
    const std::optional<Error>& configurationError() const { return m_configError; }

    // A generation no other request of this pool has used; thread-safe, increasing.
    quint64 newGeneration() { return m_generations.fetch_add(1) + 1; }
    // Queues a probe of key on its worker; probed() follows, even when the probe fails.
    // Ignored after shutdown().
    void probe(const topograph::InstanceKey& key, quint64 generation);

    // Stops the workers: queued probes are dropped, probes in progress finish (bounded by the
    // connect/read timeouts), every connection is closed on its own thread, the threads end.
    // Blocks until then. No probed() signal is emitted afterwards.
    void shutdown();
    bool isShutDown() const { return m_shutDown; }

Q_SIGNALS:
    void probed(const topograph::InstanceRecord& record, quint64 generation);
    // What the server calls itself (MySQLHostnameResolveMethod), for the resolve cache: emitted
    // before probed() for every successful probe whose method is not "none".
    void serverNameReported(const topograph::InstanceKey& key, const QString& serverName);

private:
    void onWorkerProbed(const topograph::ProbeResult& result, quint64 generation);

    struct Slot
    {
        QThread* thread = nullptr;
        ProbeWorker* worker = nullptr;
    };
    QList<Slot> m_workers;
    std::optional<Error> m_configError;
    std::atomic<quint64> m_generations { 0 };
    bool m_shutDown = false;
};

} // namespace topograph
