#pragma once

#include <QList>
#include <QObject>
#include <QSet>

#include <functional>

#include "config/configuration.h"
#include "probe/instancerecord.h"
#include "result.h"

namespace topograph {

class ProbePool;

// Crawls a topology from one seed on a ProbePool (DESIGN §5): probes the seed, then for every
// record the instance's master and its replicas, each key once. A key is sent to the pool as soon
// as the record naming it arrives, so every instance of one depth level is in flight at the same
// time and the whole tree takes about one probe round-trip per level.
//
// Replicas come from SHOW SLAVE HOSTS when DiscoverByShowSlaveHosts is set (report_host and
// report_port), otherwise from the master's processlist: the replica's address with the
// configured DefaultInstancePort, because the processlist does not show the port a replica listens
// on. With the processlist, replicas on other ports, or several replicas on one host, are not
// found (or are found under a wrong key); masters are always found through the replica status.
// Keys are compared as reported; name resolution is the resolve cache's job.
class Discoverer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Discoverer)

public:
    explicit Discoverer(ProbePool* pool, int maxInstances = 10000, QObject* parent = nullptr);

    // Starts a crawl; finished() follows (asynchronously, also for an unreachable seed).
    // Ignored while a crawl runs.
    void start(const topograph::InstanceKey& seed);
    bool isRunning() const { return m_running; }
    // Every record so far, seed first, in arrival order; unreachable instances included.
    const QList<InstanceRecord>& records() const { return m_records; }
    // How many depth levels the last crawl went through (seed = 1), counted in both directions.
    int levels() const { return m_levels; }

    // For the CLI: crawls from seed on a pool of its own, running a local event loop until the
    // crawl ends or timeoutMs passes. Fails when the credentials cannot be read, the seed cannot
    // be probed (the error names it) or the time runs out.
    // resolve, when given, normalises every key before it is probed and in the records (masters,
    // replicas); reportedNames, when given, receives what each server calls itself
    // (MySQLHostnameResolveMethod), for the resolve cache.
    using KeyResolver = std::function<InstanceKey(const InstanceKey&)>;
    static Result<QList<InstanceRecord>> discoverBlocking(const Configuration& config,
        const InstanceKey& seed, int timeoutMs, const KeyResolver& resolve = {},
        QList<std::pair<InstanceKey, QString>>* reportedNames = nullptr);

    // Normalises keys (host name resolution) before they are probed; runs on this object's
    // thread, so it must not be the GUI thread when resolution blocks.
    void setKeyResolver(KeyResolver resolve) { m_resolve = std::move(resolve); }
    // Keys (after resolution) for which ignore answers true are never probed nor followed
    // (DiscoveryIgnoreHostnameFilters, forgotten ghosts). An ignored seed finds nothing.
    using KeyFilter = std::function<bool(const InstanceKey&)>;
    void setIgnore(KeyFilter ignore) { m_ignore = std::move(ignore); }

Q_SIGNALS:
    void instanceDiscovered(const topograph::InstanceRecord& record);
    void finished(const QList<topograph::InstanceRecord>& records);

private:
    void onProbed(const topograph::InstanceRecord& record, quint64 generation);
    void enqueue(const InstanceKey& key, int level);

    ProbePool* m_pool;
    KeyResolver m_resolve;
    KeyFilter m_ignore;
    int m_maxInstances;
    bool m_running = false;
    quint64 m_generation = 0;
    int m_levels = 0;
    QHash<InstanceKey, int> m_levelOf; // every key sent to the pool, with its level
    QSet<InstanceKey> m_pending;
    QList<InstanceRecord> m_records;
};

} // namespace topograph
