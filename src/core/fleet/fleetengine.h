#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>

#include <memory>
#include <optional>

#include "config/configuration.h"
#include "fleet/fleetsnapshot.h"
#include "probe/instancerecord.h"
#include "resolve/discoveryfilter.h"
#include "result.h"

namespace topograph {

class Backend;
class Discoverer;
class HostnameResolver;
class Poller;
class ProbePool;

// Keeps a fleet's backend rows fresh (DESIGN §5): one ProbePool, a Poller over every known key
// (masters and replicas that answers name are followed), a Discoverer on the same pool, refresh
// requests, and the write of every answer through TopologyWriter. The one polling loop of the
// tree: the app's FleetWorker drives it on the fleet thread, `discover --poll` on the CLI's main
// thread. It lives on the thread that creates it and uses the Backend it is given only there.
//
// A read-only engine (read-only mode, or a backend it must not write) writes nothing: it keeps
// the answers and lays them over the backend's rows in overlay(). Forgotten keys are neither
// polled nor written until a discovery finds them again; keys matching
// DiscoveryIgnoreHostnameFilters never are.
class FleetEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetEngine)

public:
    // knownInstances sizes the probe pool (a quarter of them, within minWorkers..8 workers).
    FleetEngine(const Configuration& config, Backend& backend, int knownInstances, int minWorkers,
        QObject* parent = nullptr);
    ~FleetEngine() override; // stop()

    // Why every probe will fail (credentials could not be read), or nothing.
    const std::optional<Error>& configurationError() const;
    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }
    void setKeys(const QList<InstanceKey>& keys);

    void start(); // the first round at once
    // Stops the rounds and the pool (probes in progress finish) and writes the answers not yet
    // written; false when that write failed (failed() said why).
    bool stop();
    void pollNow(); // a round at once, the interval restarting from now (when polling)
    // Whether the rounds run (start() turns them on): off while another keeps the backend's
    // rows fresh (BackendPolling). Refreshes and discoveries work either way.
    void setPolling(bool polling);
    bool isPolling() const { return m_polling; }
    // Probes keys at once, outside the rounds; refreshed() follows each answer's write.
    void refresh(const QList<InstanceKey>& keys);

    // Crawls from seed (resolved first) and writes what it finds; discoverFinished() follows.
    // Refused (discoverFinished with an error, at once) while a crawl runs, for an ignored seed,
    // and when probes cannot work.
    void discover(const InstanceKey& seed);
    bool isDiscovering() const;

    // Stops polling keys and forgets their answers (before they are forgotten in the backend);
    // ghosts: keys of a forgotten ghost cluster, which a discovery does not follow either.
    void stopPolling(const QList<InstanceKey>& keys, bool ghosts);
    void resumePolling(const QList<InstanceKey>& keys); // after a forget that failed
    void setIgnoreFilter(const DiscoveryFilter& filter) { m_ignoreFilter = filter; }
    HostnameResolver& resolver() { return *m_resolver; }

    // Lays the answers a read-only engine kept, and what the backend has no column for
    // (InstanceStore::copyUnstoredFields), over rows read from the backend.
    void overlay(QList<InstanceRecord>& rows) const;
    void overlay(InstanceRecord& row) const;
    PollState pollState() const;

Q_SIGNALS:
    // A round's answers are written (or kept, read-only): keys are those answered.
    void roundWritten(const QList<topograph::InstanceKey>& keys);
    void pollStateChanged();
    // One refresh answer is written (or kept).
    void refreshed(const topograph::InstanceKey& key);
    void discoverProgress(const topograph::InstanceRecord& record);
    void discoverFinished(const topograph::InstanceKey& seed, int instances, const QString& error);
    // A write, or recording the names a discovery resolved, failed.
    void failed(const QString& message);

private:
    void onRoundFinished(quint64 generation, int probed, int unreachable, qint64 elapsedMs);
    void onPoolProbed(const topograph::InstanceRecord& record, quint64 generation);
    void onDiscovered(const QList<topograph::InstanceRecord>& records);
    bool isIgnored(const InstanceKey& key) const;
    bool write(const QList<InstanceRecord>& records);
    void finishDiscovery(int instances, const QString& error);

    Configuration m_config;
    Backend& m_backend;
    bool m_readOnly = false;
    bool m_polling = false;
    std::unique_ptr<HostnameResolver> m_resolver;
    ProbePool* m_pool = nullptr;
    Poller* m_poller = nullptr;
    Discoverer* m_discoverer = nullptr;
    QList<InstanceRecord> m_polled; // answers of the rounds since the last write
    QHash<InstanceKey, InstanceRecord> m_unwritten; // answers a read-only engine keeps
    QHash<InstanceKey, InstanceRecord> m_latestProbe; // the latest successful answer per key
    QHash<quint64, int> m_refreshGenerations; // refresh generation → answers still due
    InstanceKey m_discoverSeed;
    QList<std::pair<InstanceKey, QString>> m_reportedNames;
    DiscoveryFilter m_ignoreFilter; // DiscoveryIgnoreHostnameFilters
    QSet<InstanceKey> m_forgotten;
    QSet<InstanceKey> m_forgottenGhosts;
    PollState m_pollState;
};

} // namespace topograph
