#include "fleet/fleetengine.h"

#include <QElapsedTimer>

#include <algorithm>

#include "backend/backend.h"
#include "backend/instancestore.h"
#include "backend/resolvestore.h"
#include "backend/topologywriter.h"
#include "discovery/discoverer.h"
#include "discovery/poller.h"
#include "discovery/probepool.h"
#include "resolve/hostnameresolver.h"

namespace topograph {

namespace {

// A probe answer laid over a backend row: what the probe saw, with what only the backend knows
// (cluster, depth, names), and a failed probe only marking the row as not reachable.
InstanceRecord overlaid(const InstanceRecord& stored, const InstanceRecord& fresh)
{
    InstanceRecord r = stored;
    if (fresh.reachable) {
        r = fresh;
        r.clusterName = stored.clusterName;
        r.suggestedClusterAlias = stored.suggestedClusterAlias;
        r.replicationDepth = stored.replicationDepth;
        r.isCoMaster = stored.isCoMaster;
        r.instanceAlias = stored.instanceAlias;
        r.dataCenter = stored.dataCenter;
        r.region = stored.region;
        r.physicalEnvironment = stored.physicalEnvironment;
        return r;
    }
    r.reachable = false;
    r.lastError = fresh.lastError;
    r.lastChecked = fresh.lastChecked;
    r.lastAttemptedCheck = fresh.lastAttemptedCheck;
    return r;
}

QList<InstanceKey> keysOf(const QList<InstanceRecord>& records)
{
    QList<InstanceKey> keys;
    keys.reserve(records.size());
    for (const InstanceRecord& r : records) {
        keys << r.key;
    }
    return keys;
}

} // namespace

FleetEngine::FleetEngine(const Configuration& config, Backend& backend, int knownInstances,
    int minWorkers, QObject* parent)
    : QObject(parent)
    , m_config(config)
    , m_backend(backend)
    , m_readOnly(config.readOnly)
    , m_resolver(std::make_unique<HostnameResolver>(config))
    , m_ignoreFilter(config)
{
    // A dead host holds its worker for a connect timeout: a quarter of the fleet's size in
    // workers, and the fleet may grow by discovery.
    m_pool = new ProbePool(m_config, std::clamp(knownInstances / 4, minWorkers, 8), this);
    connect(m_pool, &ProbePool::probed, this, &FleetEngine::onPoolProbed);
    connect(m_pool, &ProbePool::serverNameReported, this,
        [this](const InstanceKey& key, const QString& name) {
            if (m_discoverer->isRunning()) {
                m_reportedNames.append({ key, name });
            }
        });
    m_poller = new Poller(m_pool, m_config, this);
    m_poller->setIgnore([this](const InstanceKey& key) { return isIgnored(key); });
    connect(m_poller, &Poller::probed, this, [this](const InstanceRecord& r) { m_polled << r; });
    connect(m_poller, &Poller::roundFinished, this, &FleetEngine::onRoundFinished);
    m_discoverer = new Discoverer(m_pool, 10000, this);
    m_discoverer->setKeyResolver(
        [this](const InstanceKey& key) { return m_resolver->resolve(key); });
    m_discoverer->setIgnore([this](const InstanceKey& key) {
        return m_forgottenGhosts.contains(key) || m_ignoreFilter.ignores(key);
    });
    connect(m_discoverer, &Discoverer::instanceDiscovered, this, &FleetEngine::discoverProgress);
    connect(m_discoverer, &Discoverer::finished, this, &FleetEngine::onDiscovered);
}

FleetEngine::~FleetEngine()
{
    stop();
}

const std::optional<Error>& FleetEngine::configurationError() const
{
    return m_pool->configurationError();
}

void FleetEngine::setKeys(const QList<InstanceKey>& keys)
{
    m_poller->setKeys(keys);
}

void FleetEngine::start()
{
    setPolling(true);
}

void FleetEngine::setPolling(bool polling)
{
    m_polling = polling && !m_pool->isShutDown();
    if (!m_polling) {
        m_poller->stop();
    } else if (!m_poller->isRunning()) {
        m_poller->start();
    }
    Q_EMIT pollStateChanged();
}

bool FleetEngine::stop()
{
    if (m_pool->isShutDown()) {
        return true;
    }
    m_poller->stop();
    m_polling = false;
    m_pool->shutdown();
    return m_polled.isEmpty() || write(std::exchange(m_polled, {}));
}

void FleetEngine::pollNow()
{
    if (!m_polling) {
        return;
    }
    m_poller->stop();
    m_poller->start();
    Q_EMIT pollStateChanged();
}

void FleetEngine::refresh(const QList<InstanceKey>& keys)
{
    if (keys.isEmpty() || m_pool->isShutDown()) {
        return;
    }
    const quint64 generation = m_pool->newGeneration();
    m_refreshGenerations.insert(generation, static_cast<int>(keys.size()));
    for (const InstanceKey& key : keys) {
        m_pool->probe(key, generation);
    }
}

bool FleetEngine::isDiscovering() const
{
    return m_discoverer->isRunning();
}

void FleetEngine::discover(const InstanceKey& seed)
{
    if (m_discoverer->isRunning()) {
        Q_EMIT discoverFinished(
            seed, 0, tr("A discovery from %1 is already running.").arg(m_discoverSeed.toString()));
        return;
    }
    if (m_pool->configurationError()) {
        Q_EMIT discoverFinished(seed, 0, m_pool->configurationError()->message);
        return;
    }
    const InstanceKey resolved = m_resolver->resolve(seed);
    if (m_ignoreFilter.ignores(resolved)) {
        Q_EMIT discoverFinished(
            seed, 0, tr("%1 matches DiscoveryIgnoreHostnameFilters.").arg(resolved.toString()));
        return;
    }
    // Asked for by name: even a forgotten ghost's key may come back.
    m_forgotten.remove(resolved);
    m_forgottenGhosts.remove(resolved);
    m_discoverSeed = seed;
    m_reportedNames.clear();
    m_discoverer->start(resolved);
}

void FleetEngine::finishDiscovery(int instances, const QString& error)
{
    Q_EMIT discoverFinished(m_discoverSeed, instances, error);
}

void FleetEngine::onDiscovered(const QList<InstanceRecord>& records)
{
    if (records.isEmpty() || !records.first().reachable) {
        const QString why = records.isEmpty() ? tr("no answer") : records.first().lastError;
        finishDiscovery(0, tr("Cannot discover from the seed: %1").arg(why));
        return;
    }
    const ResolveStore resolves(m_backend, m_config.expiryHostnameResolvesMinutes);
    // A name that cannot be recorded does not undo the discovery (the topology is still worth
    // recording), but it is said.
    if (auto recorded = resolves.recordDiscovery(m_resolver->takeNewResolutions(), m_reportedNames);
        !recorded) {
        Q_EMIT failed(tr("Cannot record the host names resolved while discovering: %1")
                          .arg(recorded.error().message));
    }
    // What a discovery finds comes back, forgotten or not (ghost keys it never followed).
    for (const InstanceRecord& r : records) {
        m_forgotten.remove(r.key);
    }
    if (!write(records)) {
        finishDiscovery(0, tr("Discovered, but the backend write failed."));
        return;
    }
    for (const InstanceRecord& r : records) {
        m_poller->addKey(r.key);
    }
    Q_EMIT pollStateChanged();
    finishDiscovery(static_cast<int>(records.size()), QString());
}

void FleetEngine::onRoundFinished(quint64 generation, int probed, int unreachable, qint64 elapsedMs)
{
    QList<InstanceKey> written;
    QElapsedTimer writing;
    writing.start();
    if (!m_polled.isEmpty()) {
        const QList<InstanceRecord> answers = std::exchange(m_polled, {});
        write(answers);
        written = keysOf(answers);
    }
    m_pollState.writeMs = writing.elapsed();
    m_pollState.round = generation;
    m_pollState.probed = probed;
    m_pollState.unreachable = unreachable;
    m_pollState.elapsedMs = elapsedMs;
    m_pollState.finishedAt = QDateTime::currentDateTimeUtc();
    if (!written.isEmpty()) {
        Q_EMIT roundWritten(written);
    }
    Q_EMIT pollStateChanged();
}

void FleetEngine::onPoolProbed(const InstanceRecord& record, quint64 generation)
{
    const auto pending = m_refreshGenerations.find(generation);
    if (pending == m_refreshGenerations.end()) {
        return;
    }
    if (--*pending == 0) {
        m_refreshGenerations.erase(pending);
    }
    if (isIgnored(record.key)) {
        return;
    }
    write({ record });
    Q_EMIT refreshed(record.key);
}

bool FleetEngine::write(const QList<InstanceRecord>& all)
{
    QList<InstanceRecord> records = all;
    records.removeIf([this](const InstanceRecord& r) { return isIgnored(r.key); });
    if (records.isEmpty()) {
        return true;
    }
    for (const InstanceRecord& r : std::as_const(records)) {
        if (r.reachable) {
            m_latestProbe.insert(r.key, r);
        }
    }
    // A read-only viewer does not write probe answers: overlay() lays them over the rows.
    if (m_backend.isReadOnly() || m_readOnly) {
        for (const InstanceRecord& r : std::as_const(records)) {
            m_unwritten.insert(r.key, r);
        }
        return true;
    }
    if (auto written = TopologyWriter(m_backend, m_config).record(records); !written) {
        Q_EMIT failed(tr("Cannot write to the backend: %1").arg(written.error().message));
        return false;
    }
    for (const InstanceRecord& r : std::as_const(records)) {
        m_unwritten.remove(r.key);
    }
    return true;
}

void FleetEngine::stopPolling(const QList<InstanceKey>& keys, bool ghosts)
{
    for (const InstanceKey& key : keys) {
        m_forgotten.insert(key);
        if (ghosts) {
            m_forgottenGhosts.insert(key);
        }
        m_poller->removeKey(key);
        m_latestProbe.remove(key);
        m_unwritten.remove(key);
    }
    // Answers of the current round that are not written yet must not bring them back.
    m_polled.removeIf([this](const InstanceRecord& r) { return m_forgotten.contains(r.key); });
    Q_EMIT pollStateChanged();
}

void FleetEngine::resumePolling(const QList<InstanceKey>& keys)
{
    for (const InstanceKey& key : keys) {
        m_forgotten.remove(key);
        m_forgottenGhosts.remove(key);
        m_poller->addKey(key);
    }
    Q_EMIT pollStateChanged();
}

bool FleetEngine::isIgnored(const InstanceKey& key) const
{
    return m_forgotten.contains(key) || m_ignoreFilter.ignores(key);
}

void FleetEngine::overlay(InstanceRecord& row) const
{
    const auto fresh = m_unwritten.constFind(row.key);
    if (fresh != m_unwritten.cend()) {
        row = overlaid(row, *fresh);
    }
    const auto probe = m_latestProbe.constFind(row.key);
    if (probe != m_latestProbe.cend()) {
        InstanceStore::copyUnstoredFields(*probe, row);
    }
}

void FleetEngine::overlay(QList<InstanceRecord>& rows) const
{
    for (InstanceRecord& r : rows) {
        overlay(r);
    }
}

PollState FleetEngine::pollState() const
{
    PollState state = m_pollState;
    state.running = m_poller->isRunning();
    state.intervalSeconds = m_poller->intervalSeconds();
    state.instances = static_cast<int>(m_poller->keys().size());
    return state;
}

} // namespace topograph
