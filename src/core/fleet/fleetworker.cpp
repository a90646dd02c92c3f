#include "fleet/fleetworker.h"

#include <QThread>

#include <algorithm>

#include "backend/adminactions.h"
#include "backend/backend.h"
#include "backend/candidatestore.h"
#include "backend/clusteraliasstore.h"
#include "backend/equivalencestore.h"
#include "backend/instancestore.h"
#include "backend/maintenancestore.h"
#include "backend/resolvestore.h"
#include "backend/topologywriter.h"
#include "backend/unresolvestore.h"
#include "discovery/discoverer.h"
#include "discovery/poller.h"
#include "discovery/probepool.h"
#include "fleet/fleetproblems.h"
#include "logging.h"
#include "resolve/hostnameresolver.h"
#include "resolve/resolveflagrules.h"
#include "topology/ghostdetector.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

// A probe result laid over a backend row: what the probe saw, with what only the backend knows
// (cluster, depth, names), and a failed probe only marking the row as not reachable.
InstanceRecord overlay(const InstanceRecord& stored, const InstanceRecord& fresh)
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

} // namespace

FleetWorker::FleetWorker(Configuration config, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_ignoreFilter(m_config)
{
    registerMetaTypes();
}

InstanceStatus::Thresholds FleetWorker::thresholds() const
{
    InstanceStatus::Thresholds t;
    t.pollSeconds = m_config.instancePollSeconds;
    t.reasonableLagSeconds = m_config.reasonableReplicationLagSeconds;
    return t;
}

FleetWorker::~FleetWorker()
{
    stop();
}

void FleetWorker::registerMetaTypes()
{
    ProbePool::registerMetaTypes();
    qRegisterMetaType<topograph::FleetSnapshot>();
    qRegisterMetaType<topograph::PollState>();
    qRegisterMetaType<topograph::PromotionRule>();
    qRegisterMetaType<topograph::ForgetClusterOutcome>();
    qRegisterMetaType<QList<topograph::InstanceKey>>();
    qRegisterMetaType<QList<topograph::AuditEntry>>();
}

void FleetWorker::start()
{
    if (m_backend) {
        return;
    }
    auto opened = Backend::open(m_config);
    if (!opened) {
        Q_EMIT backendUnavailable(tr("Cannot open the backend: %1").arg(opened.error().message));
        return;
    }
    m_backend = std::move(opened).value();
    m_resolver = std::make_unique<HostnameResolver>(m_config);
    auto known = InstanceStore(*m_backend).readAll();
    const int count = known ? static_cast<int>(known->size()) : 0;
    // At least four workers: the fleet may grow by discovery after the start, and a dead host
    // holds its worker for a connect timeout.
    m_pool = new ProbePool(m_config, std::clamp(count / 4, 4, 8), this);
    if (m_pool->configurationError()) {
        Q_EMIT failed(m_pool->configurationError()->message);
    }
    connect(m_pool, &ProbePool::probed, this, &FleetWorker::onPoolProbed);
    connect(m_pool, &ProbePool::serverNameReported, this,
        [this](const InstanceKey& key, const QString& name) {
            if (m_discoverer && m_discoverer->isRunning()) {
                m_reportedNames.append({ key, name });
            }
        });
    m_poller = new Poller(m_pool, m_config, this);
    m_poller->setIgnore([this](const InstanceKey& key) { return isIgnored(key); });
    connect(m_poller, &Poller::probed, this, &FleetWorker::onPolled);
    connect(m_poller, &Poller::roundFinished, this, &FleetWorker::onRoundFinished);
    m_discoverer = new Discoverer(m_pool, 10000, this);
    m_discoverer->setKeyResolver(
        [this](const InstanceKey& key) { return m_resolver->resolve(key); });
    m_discoverer->setIgnore([this](const InstanceKey& key) {
        return m_forgottenGhosts.contains(key) || m_ignoreFilter.ignores(key);
    });
    connect(m_discoverer, &Discoverer::instanceDiscovered, this, &FleetWorker::discoverProgress);
    connect(m_discoverer, &Discoverer::finished, this, &FleetWorker::onDiscovered);
    emitSnapshot();
    if (known) {
        QList<InstanceKey> keys;
        for (const InstanceRecord& r : std::as_const(*known)) {
            keys << r.key;
        }
        m_poller->setKeys(keys);
    }
    m_poller->start();
    emitPollState();
}

void FleetWorker::stop()
{
    if (!m_pool) {
        return;
    }
    m_poller->stop();
    m_pool->shutdown();
    if (!m_polled.isEmpty()) {
        writeRecords(std::exchange(m_polled, {}));
    }
    delete m_discoverer;
    delete m_poller;
    delete m_pool;
    m_discoverer = nullptr;
    m_poller = nullptr;
    m_pool = nullptr;
    m_backend.reset();
}

void FleetWorker::setReadOnly(bool readOnly)
{
    m_config.readOnly = readOnly;
}

void FleetWorker::pollNow()
{
    if (m_poller) {
        m_poller->stop();
        m_poller->start();
        emitPollState();
    }
}

void FleetWorker::refreshInstances(const QList<InstanceKey>& keys)
{
    if (!m_pool) {
        return;
    }
    const quint64 generation = m_pool->newGeneration();
    m_refreshGenerations.insert(generation, static_cast<int>(keys.size()));
    for (const InstanceKey& key : keys) {
        m_pool->probe(key, generation);
    }
}

void FleetWorker::reload()
{
    emitSnapshot();
}

void FleetWorker::discover(const InstanceKey& seed)
{
    if (!m_discoverer) {
        Q_EMIT discoverFinished(seed, 0, tr("The backend is not open."));
        return;
    }
    if (!requireWritable(tr("discover"))) {
        Q_EMIT discoverFinished(
            seed, 0, tr("Discovery writes to the backend, which is read-only."));
        return;
    }
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

void FleetWorker::onDiscovered(const QList<InstanceRecord>& records)
{
    if (records.isEmpty() || !records.first().reachable) {
        const QString why = records.isEmpty() ? tr("no answer") : records.first().lastError;
        Q_EMIT discoverFinished(
            m_discoverSeed, 0, tr("Cannot discover from the seed: %1").arg(why));
        return;
    }
    const ResolveStore resolves(*m_backend, m_config.expiryHostnameResolvesMinutes);
    // A name that cannot be recorded does not undo the discovery (the CLI stops there; here
    // the topology is still worth showing), but it is said.
    if (auto recorded = resolves.recordDiscovery(m_resolver->takeNewResolutions(), m_reportedNames);
        !recorded) {
        Q_EMIT failed(tr("Cannot record the host names resolved while discovering: %1")
                          .arg(recorded.error().message));
    }
    // What a discovery finds comes back, forgotten or not (ghost keys it never followed).
    for (const InstanceRecord& r : records) {
        m_forgotten.remove(r.key);
    }
    if (!writeRecords(records)) {
        Q_EMIT discoverFinished(m_discoverSeed, 0, tr("Discovered, but the backend write failed."));
        return;
    }
    for (const InstanceRecord& r : records) {
        m_poller->addKey(r.key);
    }
    emitSnapshot();
    emitPollState();
    Q_EMIT discoverFinished(m_discoverSeed, static_cast<int>(records.size()), QString());
}

void FleetWorker::onPolled(const InstanceRecord& record)
{
    m_polled << record;
}

void FleetWorker::onRoundFinished(quint64 generation, int probed, int unreachable, qint64 elapsedMs)
{
    if (!m_polled.isEmpty()) {
        writeRecords(std::exchange(m_polled, {}));
        emitSnapshot();
    }
    m_pollState.round = generation;
    m_pollState.probed = probed;
    m_pollState.unreachable = unreachable;
    m_pollState.elapsedMs = elapsedMs;
    m_pollState.finishedAt = QDateTime::currentDateTimeUtc();
    emitPollState();
}

void FleetWorker::onPoolProbed(const InstanceRecord& record, quint64 generation)
{
    const auto pending = m_refreshGenerations.find(generation);
    if (pending == m_refreshGenerations.end()) {
        return;
    }
    if (--*pending == 0) {
        m_refreshGenerations.erase(pending);
    }
    writeRecords({ record });
    emitSnapshot();
}

bool FleetWorker::writeRecords(const QList<InstanceRecord>& all)
{
    QList<InstanceRecord> records = all;
    records.removeIf([this](const InstanceRecord& r) { return isIgnored(r.key); });
    if (records.isEmpty()) {
        return true;
    }
    for (const InstanceRecord& r : records) {
        if (r.reachable) {
            m_latestProbe.insert(r.key, r);
        }
    }
    // A read-only viewer (read-only mode, or a backend it must not write) does not write probe
    // results: they are laid over the backend's rows in every snapshot instead.
    if (!m_backend || m_backend->isReadOnly() || m_config.readOnly) {
        for (const InstanceRecord& r : records) {
            m_unwritten.insert(r.key, r);
        }
        return false;
    }
    if (auto written = TopologyWriter(*m_backend, m_config).record(records); !written) {
        Q_EMIT failed(tr("Cannot write to the backend: %1").arg(written.error().message));
        return false;
    }
    for (const InstanceRecord& r : records) {
        m_unwritten.remove(r.key);
    }
    return true;
}

bool FleetWorker::requireWritable(const QString& what)
{
    if (m_config.readOnly) {
        Q_EMIT failed(tr("Read-only mode: cannot %1.").arg(what));
        return false;
    }
    if (auto writable = m_backend->requireWritable(); !writable) {
        Q_EMIT failed(tr("Cannot %1: %2").arg(what, writable.error().message));
        return false;
    }
    return true;
}

void FleetWorker::emitSnapshot()
{
    if (!m_backend) {
        return; // start() failed and said why
    }
    FleetSnapshot snapshot;
    snapshot.serial = ++m_serial;
    snapshot.takenAt = QDateTime::currentDateTimeUtc();
    snapshot.backendDescription = m_backend->description();
    snapshot.backendReadOnlyReason = m_backend->readOnlyReason();
    auto records = InstanceStore(*m_backend).readAll();
    if (!records) {
        Q_EMIT failed(tr("Cannot read the backend: %1").arg(records.error().message));
        return;
    }
    snapshot.records = std::move(records).value();
    for (InstanceRecord& r : snapshot.records) {
        const auto fresh = m_unwritten.constFind(r.key);
        if (fresh != m_unwritten.cend()) {
            r = overlay(r, *fresh);
        }
        const auto probe = m_latestProbe.constFind(r.key);
        if (probe != m_latestProbe.cend()) {
            InstanceStore::copyUnstoredFields(*probe, r);
        }
    }
    if (auto aliases = ClusterAliasStore(*m_backend, m_config).aliases()) {
        snapshot.aliases = std::move(aliases).value();
    } else {
        Q_EMIT failed(tr("Cannot read the cluster aliases: %1").arg(aliases.error().message));
    }
    if (auto locks = MaintenanceStore(*m_backend).allActive()) {
        snapshot.maintenance = std::move(locks).value();
    } else {
        Q_EMIT failed(tr("Cannot read the maintenance locks: %1").arg(locks.error().message));
    }
    auto rules = CandidateStore(*m_backend, m_config.candidateInstanceExpireMinutes).rules();
    if (!rules) {
        Q_EMIT failed(tr("Cannot read the promotion rules: %1").arg(rules.error().message));
    } else {
        snapshot.promotionRules = std::move(rules).value();
    }
    auto resolves = ResolveStore(*m_backend, m_config.expiryHostnameResolvesMinutes).everything();
    auto unresolves = UnresolveStore(*m_backend).all();
    if (!resolves || !unresolves) {
        Q_EMIT failed(tr("Cannot read the resolve cache: %1")
                          .arg(!resolves ? resolves.error().message : unresolves.error().message));
    } else {
        snapshot.resolveCache = ResolveFlagRules::judge(*resolves, *unresolves, snapshot.records,
            snapshot.takenAt, m_config.expiryHostnameResolvesMinutes);
    }
    if (auto equivalences = EquivalenceStore(*m_backend).readAll()) {
        snapshot.equivalences = std::move(equivalences).value();
    } else {
        Q_EMIT failed(tr("Cannot read the recorded equivalent positions: %1")
                          .arg(equivalences.error().message));
    }
    snapshot.ghosts = GhostDetector::detect(
        snapshot.records, resolves.valueOr({}), snapshot.takenAt, thresholds());
    if (auto problems = FleetProblems::read(*m_backend, m_config, snapshot.takenAt); !problems) {
        // Said, and the dock keeps the last findings rather than showing none.
        Q_EMIT failed(tr("Cannot read the replication analysis: %1").arg(problems.error().message));
    } else {
        m_problems = m_problemTracker.update(std::move(problems).value(), snapshot.takenAt);
    }
    snapshot.problems = m_problems;
    Q_EMIT snapshotReady(snapshot);
}

void FleetWorker::emitPollState()
{
    m_pollState.running = m_poller && m_poller->isRunning();
    m_pollState.intervalSeconds = m_poller ? m_poller->intervalSeconds() : 0;
    m_pollState.instances = m_poller ? static_cast<int>(m_poller->keys().size()) : 0;
    Q_EMIT pollStateChanged(m_pollState);
}

} // namespace topograph
