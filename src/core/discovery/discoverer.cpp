#include "discovery/discoverer.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include "discovery/probepool.h"
#include "logging.h"
#include "resolve/discoveryfilter.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

// Probes are network-bound: more threads than cores is right. Eight covers the fan-out of a
// typical section while keeping the connection count to each instance at one.
constexpr int kBlockingWorkers = 8;

} // namespace

Discoverer::Discoverer(ProbePool* pool, int maxInstances, QObject* parent)
    : QObject(parent)
    , m_pool(pool)
    , m_maxInstances(maxInstances)
{
    connect(m_pool, &ProbePool::probed, this, &Discoverer::onProbed);
}

void Discoverer::start(const InstanceKey& seed)
{
    if (m_running) {
        return;
    }
    m_running = true;
    m_generation = m_pool->newGeneration();
    m_levels = 0;
    m_levelOf.clear();
    m_pending.clear();
    m_records.clear();
    qCDebug(lcDiscovery).noquote() << "discovering from" << seed.toString();
    if (m_pool->isShutDown()) {
        // Nothing will answer: finish (asynchronously, as promised) with nothing found.
        m_running = false;
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT finished(m_records); }, Qt::QueuedConnection);
        return;
    }
    enqueue(seed, 1);
    if (m_pending.isEmpty()) {
        // The seed is ignored: finish (asynchronously, as promised) with nothing found.
        m_running = false;
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT finished(m_records); }, Qt::QueuedConnection);
    }
}

void Discoverer::enqueue(const InstanceKey& asked, int level)
{
    const InstanceKey key = m_resolve ? m_resolve(asked) : asked;
    if (!key.isValid() || m_levelOf.contains(key) || m_levelOf.size() >= m_maxInstances) {
        return;
    }
    if (m_ignore && m_ignore(key)) {
        qCDebug(lcDiscovery).noquote() << "not discovering" << key.toString() << "(ignored)";
        return;
    }
    m_levelOf.insert(key, level);
    m_pending.insert(key);
    m_levels = std::max(m_levels, level);
    m_pool->probe(key, m_generation);
}

void Discoverer::onProbed(const InstanceRecord& record, quint64 generation)
{
    if (!m_running || generation != m_generation || !m_pending.remove(record.key)) {
        return; // another consumer's probe, or a duplicate
    }
    if (!record.reachable) {
        qCDebug(lcDiscovery).noquote()
            << "cannot probe" << record.key.toString() << "-" << record.lastError;
    }
    InstanceRecord resolved = record;
    if (m_resolve) {
        if (resolved.masterKey) {
            resolved.masterKey = m_resolve(*resolved.masterKey);
        }
        for (InstanceKey& replica : resolved.replicaKeys) {
            replica = m_resolve(replica);
        }
    }
    m_records.append(resolved);
    const int next = m_levelOf.value(record.key) + 1;
    if (resolved.masterKey) {
        enqueue(*resolved.masterKey, next);
    }
    for (const InstanceKey& replica : resolved.replicaKeys) {
        enqueue(replica, next);
    }
    Q_EMIT instanceDiscovered(record);
    if (m_pending.isEmpty()) {
        m_running = false;
        qCDebug(lcDiscovery) << "discovery found" << m_records.size() << "instances in" << m_levels
                             << "levels";
        Q_EMIT finished(m_records);
    }
}

Result<QList<InstanceRecord>> Discoverer::discoverBlocking(const Configuration& config,
    const InstanceKey& seed, int timeoutMs, const KeyResolver& resolve,
    QList<std::pair<InstanceKey, QString>>* reportedNames)
{
    ProbePool pool(config, kBlockingWorkers);
    if (pool.configurationError()) {
        return *pool.configurationError();
    }
    if (reportedNames) {
        connect(&pool, &ProbePool::serverNameReported, &pool,
            [reportedNames](const InstanceKey& key, const QString& name) {
                reportedNames->append({ key, name });
            });
    }
    Discoverer discoverer(&pool);
    discoverer.setKeyResolver(resolve);
    const DiscoveryFilter filter(config);
    if (filter.ignores(seed)) {
        return makeError(ErrorCode::Refused,
            u"%1 matches DiscoveryIgnoreHostnameFilters"_s.arg(seed.toString()));
    }
    discoverer.setIgnore([filter](const InstanceKey& key) { return filter.ignores(key); });
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    connect(&discoverer, &Discoverer::finished, &loop, &QEventLoop::quit);
    QElapsedTimer timer;
    timer.start();
    discoverer.start(seed);
    deadline.start(timeoutMs);
    if (discoverer.isRunning()) {
        loop.exec();
    }
    if (discoverer.isRunning()) {
        return makeError(ErrorCode::Timeout,
            u"discovery from %1 did not finish within %2 ms (%3 instances found so far)"_s
                .arg(seed.toString())
                .arg(timeoutMs)
                .arg(discoverer.records().size()));
    }
    const QList<InstanceRecord> records = discoverer.records();
    if (records.isEmpty() || !records.first().reachable) {
        const QString why = records.isEmpty() ? u"no answer"_s : records.first().lastError;
        return makeError(ErrorCode::ConnectionFailed,
            u"cannot discover from %1: %2"_s.arg(seed.toString(), why), why);
    }
    qCDebug(lcDiscovery) << "discovered" << records.size() << "instances in" << timer.elapsed()
                         << "ms";
    return records;
}

} // namespace topograph
