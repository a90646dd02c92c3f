#include "lag/lagsampler.h"

#include <QThread>

#include <algorithm>
#include <cmath>

#include "db/connectionsettings.h"
#include "lag/heartbeattable.h"
#include "lag/lagrules.h"
#include "lag/lagsamplerworker.h"
#include "logging.h"

using namespace Qt::StringLiterals;

namespace topograph {

void LagSampler::registerMetaTypes()
{
    qRegisterMetaType<topograph::InstanceKey>();
    qRegisterMetaType<topograph::LagTarget>();
    qRegisterMetaType<topograph::LagReading>();
    qRegisterMetaType<QList<topograph::LagReading>>();
    qRegisterMetaType<QList<topograph::InstanceKey>>();
}

int LagSampler::readTimeoutSeconds(const Configuration& config)
{
    const int twice = static_cast<int>(std::ceil(2.0 * config.lagSampleMilliseconds / 1000.0));
    return std::clamp(twice, 1, std::max(1, config.mysqlDiscoveryReadTimeoutSeconds));
}

LagSampler::LagSampler(const Configuration& config, QObject* parent)
    : QObject(parent)
    , m_config(config)
    , m_interval(std::max(100, config.lagSampleMilliseconds))
    , m_hasLagQuery(!config.replicationLagQuery.trimmed().isEmpty())
{
    registerMetaTypes();
    m_clock.start();
    m_timer.setTimerType(Qt::PreciseTimer); // evenly spaced samples, not coalesced ones
    m_timer.setInterval(m_interval);
    connect(&m_timer, &QTimer::timeout, this, &LagSampler::round);
    if (auto settings = topologyConnectionSettings(m_config, InstanceKey {}); !settings) {
        m_configError = settings.error();
    }
    if (auto table = HeartbeatTable::fromConfiguration(m_config); !table) {
        m_configError = table.error();
    }
}

LagSampler::~LagSampler()
{
    shutdown();
}

int LagSampler::addWorker()
{
    ConnectionSettings base = *topologyConnectionSettings(m_config, InstanceKey {});
    base.readTimeoutSeconds = readTimeoutSeconds(m_config);
    base.writeTimeoutSeconds = base.readTimeoutSeconds;
    const int index = static_cast<int>(m_workers.size());
    WorkerSlot slot;
    slot.thread = new QThread;
    slot.thread->setObjectName(u"lag-sampler-%1"_s.arg(index));
    slot.worker = new LagSamplerWorker(
        base, *HeartbeatTable::fromConfiguration(m_config), m_config.replicationLagQuery, index);
    slot.worker->moveToThread(slot.thread);
    connect(slot.worker, &LagSamplerWorker::sampled, this, &LagSampler::onSampled,
        Qt::QueuedConnection);
    slot.thread->start();
    m_workers.append(slot);
    qCDebug(lcLag) << "lag sampler started worker" << index;
    return index;
}

void LagSampler::setTargets(const QList<LagTarget>& targets)
{
    QHash<InstanceKey, TargetState> next;
    m_order.clear();
    for (const LagTarget& target : targets) {
        if (next.contains(target.instance)) {
            continue;
        }
        TargetState state = m_targets.value(target.instance);
        state.target = target;
        next.insert(target.instance, state);
        m_order << target.instance;
    }
    // Connections of instances no longer sampled close on their workers' threads.
    QHash<int, QList<InstanceKey>> dropped;
    for (auto it = m_targets.cbegin(); it != m_targets.cend(); ++it) {
        if (!next.contains(it.key()) && it->owner >= 0) {
            dropped[it->owner] << it.key();
        }
    }
    for (auto it = dropped.cbegin(); it != dropped.cend(); ++it) {
        LagSamplerWorker* worker = m_workers.at(it.key()).worker;
        const QList<InstanceKey> keys = it.value();
        QMetaObject::invokeMethod(
            worker, [worker, keys] { worker->forget(keys); }, Qt::QueuedConnection);
    }
    m_targets = next;
    m_queue.removeIf([this](const InstanceKey& key) { return !m_targets.contains(key); });
    m_awaiting.removeIf([this](const InstanceKey& key) { return !m_targets.contains(key); });
    flushIfComplete();
}

QList<LagTarget> LagSampler::targets() const
{
    QList<LagTarget> out;
    for (const InstanceKey& key : m_order) {
        out << m_targets.value(key).target;
    }
    return out;
}

void LagSampler::start()
{
    if (m_shutDown || m_timer.isActive()) {
        return;
    }
    m_timer.start();
    round();
}

void LagSampler::stop()
{
    m_timer.stop();
}

void LagSampler::sampleNow()
{
    if (!m_shutDown) {
        round();
    }
}

LagReading LagSampler::gap(const TargetState& state, const QString& error) const
{
    LagReading reading;
    reading.target = state.target;
    reading.sample.at = QDateTime::currentDateTimeUtc();
    reading.error = error;
    return reading;
}

void LagSampler::round()
{
    // What arrived since the last round (answers that came late) goes out first, on its own.
    if (!m_collected.isEmpty()) {
        flush();
    }
    m_awaiting.clear();
    // A worker still busy now has been on one instance since the last round: the other
    // instances whose connections it holds move to idle workers (their connections close on it
    // once it is free), so that they are not stuck behind it.
    for (int w = 0; w < m_workers.size(); ++w) {
        if (!m_workers.at(w).busy) {
            continue;
        }
        QList<InstanceKey> moved;
        for (auto it = m_targets.begin(); it != m_targets.end(); ++it) {
            if (it->owner == w && !it->inFlight) {
                it->owner = -1;
                moved << it.key();
            }
        }
        if (!moved.isEmpty()) {
            LagSamplerWorker* worker = m_workers.at(w).worker;
            QMetaObject::invokeMethod(
                worker, [worker, moved] { worker->forget(moved); }, Qt::QueuedConnection);
        }
    }
    const qint64 now = m_clock.elapsed();
    for (const InstanceKey& key : std::as_const(m_order)) {
        TargetState& state = m_targets[key];
        if (state.inFlight || state.queued) {
            continue; // still being read: one sample at a time per instance
        }
        if (m_configError) {
            LagReading reading = gap(state, m_configError->message);
            resolve(reading);
            m_collected << reading;
        } else if (now < state.retryAt) {
            LagReading reading = gap(state, state.lastError);
            resolve(reading);
            m_collected << reading;
        } else {
            state.queued = true;
            m_queue << key;
            m_awaiting << key;
        }
    }
    dispatch();
    flushIfComplete();
}

int LagSampler::owned(int worker) const
{
    int count = 0;
    for (const TargetState& state : m_targets) {
        count += state.owner == worker ? 1 : 0;
    }
    return count;
}

void LagSampler::ensureWorker()
{
    const bool anyIdle = std::any_of(
        m_workers.cbegin(), m_workers.cend(), [](const WorkerSlot& s) { return !s.busy; });
    if (m_workers.size() < initialWorkers) {
        while (m_workers.size() < initialWorkers) {
            addWorker();
        }
    } else if (!anyIdle && !m_queue.isEmpty() && m_workers.size() < maximumWorkers) {
        addWorker();
    }
}

void LagSampler::dispatch()
{
    if (m_queue.isEmpty() || m_shutDown) {
        return;
    }
    ensureWorker();
    // Idle workers, those holding the fewest connections first: instances without a worker
    // go where there is room.
    QList<int> idle;
    for (int w = 0; w < m_workers.size(); ++w) {
        if (!m_workers.at(w).busy) {
            idle << w;
        }
    }
    std::sort(idle.begin(), idle.end(), [this](int a, int b) { return owned(a) < owned(b); });
    for (const int w : std::as_const(idle)) {
        // Its own instances first (their connections are open there), then unowned ones. An
        // instance owned by a busy worker waits for it: that worker is not stuck (round()
        // moved the instances of stuck ones), and moving would cost a new connection.
        qsizetype pick = -1;
        for (qsizetype i = 0; i < m_queue.size() && pick < 0; ++i) {
            if (m_targets.value(m_queue.at(i)).owner == w) {
                pick = i;
            }
        }
        for (qsizetype i = 0; i < m_queue.size() && pick < 0; ++i) {
            const int owner = m_targets.value(m_queue.at(i)).owner;
            if (owner < 0 || !m_workers.at(owner).busy) {
                pick = i;
            }
        }
        if (pick < 0) {
            continue;
        }
        const InstanceKey key = m_queue.takeAt(pick);
        TargetState& state = m_targets[key];
        if (state.owner >= 0 && state.owner != w) {
            LagSamplerWorker* previous = m_workers.at(state.owner).worker;
            QMetaObject::invokeMethod(
                previous, [previous, key] { previous->forget({ key }); }, Qt::QueuedConnection);
        }
        state.owner = w;
        state.queued = false;
        state.inFlight = true;
        m_workers[w].busy = true;
        LagSamplerWorker* worker = m_workers.at(w).worker;
        const LagTarget target = state.target;
        QMetaObject::invokeMethod(
            worker, [worker, target] { worker->sample(target); }, Qt::QueuedConnection);
    }
}

std::optional<double> LagSampler::primaryOwnAge(quint32 primaryServerId) const
{
    const auto it = m_primaryOwnAge.constFind(primaryServerId);
    return it == m_primaryOwnAge.cend() ? std::nullopt : std::optional<double>(*it);
}

void LagSampler::resolve(LagReading& reading)
{
    const std::optional<quint32> primary = reading.target.primaryServerId;
    if (primary && !reading.target.replica && reading.reachable
        && reading.heartbeatError.isEmpty()) {
        // The primary's own row, read on the primary: how long ago pt-heartbeat last wrote.
        if (const auto age = LagRules::rowAge(reading.heartbeatRows, *primary)) {
            m_primaryOwnAge.insert(*primary, *age);
        } else {
            m_primaryOwnAge.remove(*primary);
        }
    }
    LagRules::resolve(
        reading, m_hasLagQuery, primary ? primaryOwnAge(*primary) : std::optional<double>());
}

void LagSampler::onSampled(int worker, const LagReading& answer, bool connectFailed)
{
    if (m_shutDown) {
        return;
    }
    if (worker >= 0 && worker < m_workers.size()) {
        m_workers[worker].busy = false;
    }
    const InstanceKey key = answer.target.instance;
    auto it = m_targets.find(key);
    if (it != m_targets.end()) {
        it->inFlight = false;
        it->owner = worker;
        it->lastError = answer.error;
        it->retryAt = connectFailed ? m_clock.elapsed() + reconnectPauseMilliseconds : 0;
        LagReading reading = answer;
        reading.target = it->target; // setTargets may have changed the primary meanwhile
        resolve(reading);
        m_collected << reading;
        m_awaiting.removeOne(key);
    }
    dispatch();
    flushIfComplete();
}

void LagSampler::flushIfComplete()
{
    if (m_awaiting.isEmpty() && m_queue.isEmpty() && !m_collected.isEmpty()) {
        flush();
    }
}

void LagSampler::flush()
{
    Q_EMIT sampled(std::exchange(m_collected, {}));
}

void LagSampler::shutdown()
{
    if (m_shutDown) {
        return;
    }
    m_shutDown = true;
    m_timer.stop();
    for (const WorkerSlot& slot : std::as_const(m_workers)) {
        slot.worker->requestStop();
    }
    // Every worker closes its connections on its own thread, all in parallel.
    QThread* home = thread();
    for (const WorkerSlot& slot : std::as_const(m_workers)) {
        LagSamplerWorker* worker = slot.worker;
        QMetaObject::invokeMethod(
            worker,
            [worker, home] {
                worker->closeAll(home);
                QThread::currentThread()->quit();
            },
            Qt::QueuedConnection);
    }
    for (const WorkerSlot& slot : std::as_const(m_workers)) {
        slot.thread->wait();
        delete slot.worker;
        delete slot.thread;
    }
    m_workers.clear();
    qCDebug(lcLag) << "lag sampler shut down";
}

} // namespace topograph
