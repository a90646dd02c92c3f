#pragma once

#include <QList>
#include <QObject>
#include <QSet>

#include <memory>

#include "backend/auditstore.h"
#include "config/configuration.h"
#include "fleet/fleetsnapshot.h"
#include "fleet/forgetcluster.h"
#include "resolve/discoveryfilter.h"

namespace topograph {

class Backend;
class Discoverer;
class HostnameResolver;
class Poller;
class ProbePool;

// The desktop app's view of the fleet, living on a thread of its own (DESIGN §3, §10): it opens
// the backend there, polls every known instance on a probe pool, writes each round through
// TopologyWriter, and after every change reads the backend back and emits a FleetSnapshot. It
// also runs the GUI's discovery, refresh, forget and maintenance requests. Every slot is meant to
// be invoked queued from the GUI thread; only plain values come back, by signals.
class FleetWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetWorker)

public:
    explicit FleetWorker(Configuration config, QObject* parent = nullptr);
    ~FleetWorker() override;

    static void registerMetaTypes();

public Q_SLOTS:
    void start(); // opens the backend, emits the first snapshot, starts polling
    void stop(); // stops polling and closes every connection; call before the thread ends
    void setReadOnly(bool readOnly); // read-only mode: no backend writes, no mutations
    void pollNow(); // a poll round at once (F5)
    void refreshInstances(const QList<topograph::InstanceKey>& keys);
    void reload(); // reads the backend again (after an operation wrote to it)
    void discover(const topograph::InstanceKey& seed);
    void forget(const topograph::InstanceKey& key);
    // Forgets a whole cluster in one step (DESIGN §6): polling of its keys stops, its rows and
    // what hangs off them and the resolve entries that produced it go in one transaction with
    // one audit row, the resolver's cached answers for its names are dropped, and nothing
    // re-creates it (not the poll loop, not a discovery, unless it is the discovery's seed).
    // Refused unless the cluster is a ghost, and when a host of it still replicates, unless
    // force; refused in read-only mode always. Answers with forgetClusterFinished.
    void forgetCluster(const QString& clusterName, bool force);
    // "Forget and ignore": forgets the instance and adds it to DiscoveryIgnoreHostnameFilters in
    // the configuration file, so that no discovery brings it back. Answers with done or failed.
    void forgetAndIgnore(const topograph::InstanceKey& key);
    // The resolve cache dock's actions: delete one hostname_resolve or hostname_unresolve row,
    // or empty hostname_resolve (the resolver's cached answers go with it, so nothing writes the
    // old answers back). Refused in read-only mode. Answer with done or failed and a snapshot.
    void deleteResolveEntry(const QString& hostname);
    void deleteUnresolveEntry(const QString& hostname);
    void resetResolveCache();
    void beginMaintenance(const topograph::InstanceKey& key, const QString& reason, int minutes);
    void endMaintenance(const topograph::InstanceKey& key);
    // Records the promotion rule (register-candidate), audited; refused in read-only mode.
    // Answers with done or failed and a snapshot.
    void registerCandidate(const topograph::InstanceKey& key, topograph::PromotionRule rule);
    // The audit rows written after the row afterId (all the newest `limit` for 0): auditRead.
    void readAudit(qint64 afterId, int limit);

Q_SIGNALS:
    void snapshotReady(const topograph::FleetSnapshot& snapshot);
    void forgetClusterFinished(const topograph::ForgetClusterOutcome& outcome);
    void pollStateChanged(const topograph::PollState& state);
    void discoverProgress(const topograph::InstanceRecord& record);
    // seed: as asked for in discover(), so that the answer names the right one.
    void discoverFinished(const topograph::InstanceKey& seed, int instances, const QString& error);
    // An action the user asked for failed, or the backend cannot be used: for the status line.
    void failed(const QString& message);
    void done(const QString& message); // an action the user asked for succeeded
    // The backend could not be opened: nothing can be shown until the settings change.
    void backendUnavailable(const QString& message);
    // The answer to readAudit: rows newest first; error set (and rows empty) when it failed.
    void auditRead(const QList<topograph::AuditEntry>& entries, const QString& error);

private:
    void onPolled(const topograph::InstanceRecord& record);
    void onRoundFinished(quint64 generation, int probed, int unreachable, qint64 elapsedMs);
    void onPoolProbed(const topograph::InstanceRecord& record, quint64 generation);
    void onDiscovered(const QList<topograph::InstanceRecord>& records);
    bool writeRecords(const QList<InstanceRecord>& records);
    bool requireWritable(const QString& what);
    bool isIgnored(const InstanceKey& key) const; // never polled nor written
    // ghosts: the keys of a forgotten ghost cluster, which discovery must not follow either.
    void stopPolling(const QList<InstanceKey>& keys, bool ghosts);
    ForgetClusterOutcome runForgetCluster(const QString& clusterName, bool force);
    void emitSnapshot();
    void emitPollState();
    InstanceStatus::Thresholds thresholds() const;

    Configuration m_config;
    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<HostnameResolver> m_resolver;
    ProbePool* m_pool = nullptr;
    Poller* m_poller = nullptr;
    Discoverer* m_discoverer = nullptr;
    QList<InstanceRecord> m_polled; // answers of the rounds since the last write
    QHash<InstanceKey, InstanceRecord> m_unwritten; // probe results a read-only viewer keeps
    // The latest successful probe of each instance: what the backend has no column for
    // (InstanceStore::copyUnstoredFields) is laid over the rows read back from it.
    QHash<InstanceKey, InstanceRecord> m_latestProbe;
    InstanceKey m_discoverSeed;
    QHash<quint64, int> m_refreshGenerations; // refresh generation → answers still due
    QList<std::pair<InstanceKey, QString>> m_reportedNames;
    DiscoveryFilter m_ignoreFilter; // DiscoveryIgnoreHostnameFilters
    // Keys forgotten in this session: never polled or written again until a discovery finds
    // them (DESIGN §6: a forgotten live host comes back only through discovery).
    QSet<InstanceKey> m_forgotten;
    // Keys of forgotten ghost clusters: a discovery does not follow them either (a ghost's bare
    // name is not re-created by a discovery through the real FQDN), unless one is its seed.
    QSet<InstanceKey> m_forgottenGhosts;
    quint64 m_serial = 0;
    ProblemTracker m_problemTracker; // keeps each finding's `since` across snapshots
    QList<Problem> m_problems; // the last analysis read, kept when a later read fails
    PollState m_pollState;
};

} // namespace topograph
