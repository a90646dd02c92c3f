#include "discovery/poller.h"

#include <algorithm>

#include "discovery/probepool.h"
#include "logging.h"
#include "resolve/discoveryfilter.h"

namespace topograph {

namespace {

constexpr int kMaxBackoffSeconds = 60;

} // namespace

int Poller::backoffRounds(int failures, int intervalSeconds)
{
    if (failures <= 0) {
        return 0;
    }
    const int cap = std::max(1, kMaxBackoffSeconds / std::max(1, intervalSeconds));
    const int doubling = 1 << std::min(failures - 1, 20);
    return std::min(doubling, cap);
}

Poller::Poller(ProbePool* pool, const Configuration& config, QObject* parent)
    : QObject(parent)
    , m_pool(pool)
    , m_intervalSeconds(std::max(1, config.instancePollSeconds))
{
    m_timer.setInterval(m_intervalSeconds * 1000);
    connect(&m_timer, &QTimer::timeout, this, &Poller::startRound);
    connect(m_pool, &ProbePool::probed, this, &Poller::onProbed);
    const DiscoveryFilter filter(config);
    if (!filter.isEmpty()) {
        m_ignore = [filter](const InstanceKey& key) { return filter.ignores(key); };
    }
}

void Poller::setIgnore(std::function<bool(const InstanceKey&)> ignore)
{
    m_ignore = std::move(ignore);
    for (auto it = m_keys.begin(); m_ignore && it != m_keys.end();) {
        it = m_ignore(it.key()) ? m_keys.erase(it) : std::next(it);
    }
}

void Poller::setKeys(const QList<InstanceKey>& keys)
{
    QMap<InstanceKey, KeyState> next;
    for (const InstanceKey& key : keys) {
        if (key.isValid() && !(m_ignore && m_ignore(key))) {
            next.insert(key, m_keys.value(key));
        }
    }
    m_keys = next;
}

void Poller::addKey(const InstanceKey& key)
{
    if (key.isValid() && !m_keys.contains(key) && !(m_ignore && m_ignore(key))) {
        m_keys.insert(key, KeyState {});
        qCDebug(lcDiscovery).noquote() << "polling" << key.toString() << "from the next round";
    }
}

void Poller::removeKey(const InstanceKey& key)
{
    m_keys.remove(key);
}

void Poller::start()
{
    if (isRunning()) {
        return;
    }
    m_timer.start();
    startRound();
}

void Poller::stop()
{
    m_timer.stop();
}

void Poller::startRound()
{
    m_generation = m_pool->newGeneration();
    Round& round = m_rounds[m_generation];
    round.timer.start();
    QList<InstanceKey> batch;
    for (auto it = m_keys.begin(); it != m_keys.end(); ++it) {
        KeyState& state = it.value();
        if (state.inFlight != 0) {
            continue;
        }
        if (state.skipRounds > 0) {
            --state.skipRounds;
            continue;
        }
        state.inFlight = m_generation;
        batch.append(it.key());
    }
    round.pending = static_cast<int>(batch.size());
    if (batch.isEmpty()) {
        finishRound(m_generation);
        return;
    }
    for (const InstanceKey& key : std::as_const(batch)) {
        m_pool->probe(key, m_generation);
    }
}

void Poller::onProbed(const InstanceRecord& record, quint64 generation)
{
    const auto round = m_rounds.find(generation);
    if (round == m_rounds.end()) {
        return; // not ours (a discovery sharing the pool)
    }
    round->second.pending -= 1;
    round->second.probed += 1;
    round->second.unreachable += record.reachable ? 0 : 1;

    const auto state = m_keys.find(record.key);
    if (state != m_keys.end()) {
        if (state->inFlight == generation) {
            state->inFlight = 0;
        }
        // Back-off protects the workers from hosts that time out. A partial success answered
        // quickly (a statement failed, e.g. a missing privilege): keep polling it every round.
        if (record.reachable || record.lastCheckPartialSuccess) {
            state->failures = 0;
            state->skipRounds = 0;
        } else {
            state->failures += 1;
            state->skipRounds = backoffRounds(state->failures, m_intervalSeconds);
        }
        if (generation < m_generation) {
            ++m_staleReplies;
        }
        if (m_followNewKeys) {
            if (record.masterKey) {
                addKey(*record.masterKey);
            }
            for (const InstanceKey& replica : record.replicaKeys) {
                addKey(replica);
            }
        }
        Q_EMIT probed(record);
    }
    if (round->second.pending <= 0) {
        finishRound(generation);
    }
}

void Poller::finishRound(quint64 generation)
{
    const auto round = m_rounds.find(generation);
    if (round == m_rounds.end()) {
        return;
    }
    const Round done = round->second;
    m_rounds.erase(round);
    qCDebug(lcDiscovery) << "poll round" << generation << "probed" << done.probed << "unreachable"
                         << done.unreachable << "in" << done.timer.elapsed() << "ms";
    Q_EMIT roundFinished(generation, done.probed, done.unreachable, done.timer.elapsed());
}

} // namespace topograph
