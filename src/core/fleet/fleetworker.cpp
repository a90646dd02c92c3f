#include "fleet/fleetworker.h"

#include "backend/backend.h"
#include "backend/instancestore.h"
#include "discovery/probepool.h"

using namespace Qt::StringLiterals;

namespace topograph {

FleetWorker::FleetWorker(Configuration config, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_assembler(m_config)
{
    registerMetaTypes();
}

FleetWorker::~FleetWorker()
{
    stop();
}

void FleetWorker::registerMetaTypes()
{
    ProbePool::registerMetaTypes();
    qRegisterMetaType<topograph::FleetSnapshot>();
    qRegisterMetaType<topograph::FleetChange>();
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
    auto known = InstanceStore(*m_backend).readAll();
    // At least four workers: the fleet may grow by discovery after the start, and a dead host
    // holds its worker for a connect timeout.
    m_engine = std::make_unique<FleetEngine>(
        m_config, *m_backend, known ? static_cast<int>(known->size()) : 0, 4);
    m_requests = std::make_unique<FleetRequests>(m_config, *m_backend, *m_engine);
    if (m_engine->configurationError()) {
        Q_EMIT failed(m_engine->configurationError()->message);
    }
    connect(m_engine.get(), &FleetEngine::roundWritten, this, &FleetWorker::emitSnapshot);
    connect(m_engine.get(), &FleetEngine::refreshed, this, &FleetWorker::onRefreshed);
    connect(m_engine.get(), &FleetEngine::pollStateChanged, this, &FleetWorker::emitPollState);
    connect(m_engine.get(), &FleetEngine::failed, this, &FleetWorker::failed);
    connect(m_engine.get(), &FleetEngine::discoverProgress, this, &FleetWorker::discoverProgress);
    connect(m_engine.get(), &FleetEngine::discoverFinished, this,
        [this](const InstanceKey& seed, int instances, const QString& error) {
            if (error.isEmpty()) {
                emitSnapshot();
            }
            Q_EMIT discoverFinished(seed, instances, error);
        });
    emitSnapshot();
    if (known) {
        QList<InstanceKey> keys;
        for (const InstanceRecord& r : std::as_const(*known)) {
            keys << r.key;
        }
        m_engine->setKeys(keys);
    }
    m_freshness = std::make_unique<FreshnessWatch>(m_config, *m_backend, *m_engine);
    connect(m_freshness.get(), &FreshnessWatch::keeperChanged, this, &FleetWorker::emitPollState);
    connect(m_freshness.get(), &FreshnessWatch::rowsDue, this, &FleetWorker::emitSnapshot);
    connect(m_freshness.get(), &FreshnessWatch::failed, this, &FleetWorker::failed);
    m_freshness->start();
}

void FleetWorker::stop()
{
    if (!m_engine) {
        return;
    }
    m_freshness.reset();
    m_engine->stop(); // a failed last write is said by failed()
    m_requests.reset();
    m_engine.reset();
    m_backend.reset();
}

void FleetWorker::setReadOnly(bool readOnly)
{
    m_config.readOnly = readOnly;
    if (m_engine) {
        m_engine->setReadOnly(readOnly);
    }
}

void FleetWorker::pollNow()
{
    if (m_engine && m_engine->isPolling()) {
        m_engine->pollNow();
    } else if (m_engine) {
        emitSnapshot(); // another keeps the rows fresh: read them
    }
}

void FleetWorker::refreshInstances(const QList<InstanceKey>& keys)
{
    if (m_engine) {
        m_engine->refresh(keys);
    }
}

void FleetWorker::reload()
{
    emitSnapshot();
}

void FleetWorker::discover(const InstanceKey& seed)
{
    if (!m_engine) {
        Q_EMIT discoverFinished(seed, 0, tr("The backend is not open."));
        return;
    }
    if (!requireWritable(tr("discover"))) {
        Q_EMIT discoverFinished(
            seed, 0, tr("Discovery writes to the backend, which is read-only."));
        return;
    }
    m_engine->discover(seed);
}

void FleetWorker::onRefreshed(const InstanceKey& key)
{
    auto change = m_assembler.change(*m_backend, *m_engine, { key });
    if (!change) {
        Q_EMIT failed(tr("Cannot read the backend: %1").arg(change.error().message));
        return;
    }
    for (const InstanceRecord& r : std::as_const(change->changed)) {
        const auto shown = m_shownPlace.constFind(r.key);
        if (shown == m_shownPlace.cend() || shown->first != r.masterKey
            || shown->second != r.clusterName) {
            emitSnapshot(); // new, or moved: other rows changed with it
            return;
        }
    }
    if (!change->removed.isEmpty()) {
        emitSnapshot();
        return;
    }
    Q_EMIT fleetChanged(*change);
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
    QStringList warnings;
    auto snapshot = m_assembler.snapshot(*m_backend, *m_engine, warnings);
    for (const QString& warning : std::as_const(warnings)) {
        Q_EMIT failed(warning);
    }
    if (!snapshot) {
        Q_EMIT failed(tr("Cannot read the backend: %1").arg(snapshot.error().message));
        return;
    }
    m_shownPlace.clear();
    m_shownPlace.reserve(snapshot->records.size());
    for (const InstanceRecord& r : std::as_const(snapshot->records)) {
        m_shownPlace.insert(r.key, { r.masterKey, r.clusterName });
    }
    Q_EMIT snapshotReady(*snapshot);
}

void FleetWorker::emitPollState()
{
    PollState state = m_engine ? m_engine->pollState() : PollState {};
    if (m_freshness) {
        state.keeper = m_freshness->keeper();
        state.keeperNode = m_freshness->keeperNode();
    }
    Q_EMIT pollStateChanged(state);
}

} // namespace topograph
