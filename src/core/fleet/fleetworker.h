#pragma once

#include <QList>
#include <QObject>
#include <QSet>

#include <memory>

#include "backend/auditstore.h"
#include "config/configuration.h"
#include "fleet/fleetsnapshot.h"

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
    void beginMaintenance(const topograph::InstanceKey& key, const QString& reason, int minutes);
    void endMaintenance(const topograph::InstanceKey& key);
    // The audit rows written after the row afterId (all the newest `limit` for 0): auditRead.
    void readAudit(qint64 afterId, int limit);

Q_SIGNALS:
    void snapshotReady(const topograph::FleetSnapshot& snapshot);
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
    void emitSnapshot();
    void emitPollState();

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
    quint64 m_serial = 0;
    PollState m_pollState;
};

} // namespace topograph
