#pragma once

#include <QList>
#include <QObject>
#include <QSet>

#include <memory>

#include "backend/auditstore.h"
#include "config/configuration.h"
#include "fleet/fleetengine.h"
#include "fleet/fleetsnapshot.h"
#include "fleet/fleetrequests.h"
#include "fleet/forgetcluster.h"
#include "fleet/freshnesswatch.h"
#include "fleet/snapshotassembler.h"

namespace topograph {

class Backend;

// The desktop app's view of the fleet, living on a thread of its own (DESIGN §3, §10): it opens
// the backend there and drives a FleetEngine (polling, discovery, refreshes, the backend writes);
// a SnapshotAssembler reads what the GUI shows, a whole FleetSnapshot after a round or an action
// and a FleetChange of one key after a refresh; the GUI's forget, resolve-cache, maintenance and
// candidate requests run here too (fleetworker_requests.cpp). Every slot is meant to be invoked
// queued from the GUI thread; only plain values come back, by signals.
class FleetWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetWorker)

public:
    explicit FleetWorker(Configuration config, QObject* parent = nullptr);
    ~FleetWorker() override;

    static void registerMetaTypes();

public Q_SLOTS:
    // Opens the backend, emits the first snapshot, starts polling (unless BackendPolling says
    // another keeps the rows fresh: FreshnessWatch).
    void start();
    void stop(); // stops polling and closes every connection; call before the thread ends
    void setReadOnly(bool readOnly); // read-only mode: no backend writes, no mutations
    // A poll round at once (F5); while Topograph does not poll (BackendPolling), the backend's
    // rows are read again instead.
    void pollNow();
    // Probes keys at once; each answer comes back as a fleetChanged of its key (or a snapshot,
    // when its place in the topology changed).
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
    // The rows of a few keys after a refresh: apply to the last snapshot (FleetSnapshot::apply).
    void fleetChanged(const topograph::FleetChange& change);
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
    void onRefreshed(const topograph::InstanceKey& key);
    bool requireWritable(const QString& what); // says why not (failed) when it cannot
    bool ready(const QString& what); // the backend is open and can be written for what
    // After a request: a snapshot, then done or failed with the answer's message.
    void answer(const Result<QString>& outcome);
    void emitSnapshot();
    void emitPollState();

    Configuration m_config;
    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<FleetEngine> m_engine;
    std::unique_ptr<FleetRequests> m_requests;
    std::unique_ptr<FreshnessWatch> m_freshness; // polls, or leaves it to orchestrator
    SnapshotAssembler m_assembler;
    // Where each key stood in the last snapshot or change sent (its master and cluster): a
    // refresh that moves a key changes its subtree's rows too, so it sends a whole snapshot.
    QHash<InstanceKey, std::pair<std::optional<InstanceKey>, QString>> m_shownPlace;
};

} // namespace topograph
