#pragma once

#include <QObject>

#include <atomic>
#include <map>
#include <memory>
#include <optional>

#include "db/connectionsettings.h"
#include "lag/heartbeattable.h"
#include "lag/lagreading.h"
#include "lag/lagstatement.h"

namespace topograph {

class MySqlSession;

// One thread of the lag sampler (CONVENTIONS "Threads and SQL"): lives on its own QThread and
// keeps one connection per instance it has sampled, opened, used and closed on that thread, with
// the instance's LagStatement made once from its version. It does one sample at a time; the
// LagSampler hands it the next only when it is idle, so a slow or dead instance holds up this
// worker alone while the others share the rest of the round.
class LagSamplerWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LagSamplerWorker)

public:
    // base: credentials and the sampler's short timeouts; its key is replaced per instance.
    LagSamplerWorker(
        ConnectionSettings base, HeartbeatTable heartbeat, QString lagQuery, int index);
    ~LagSamplerWorker() override;

    int index() const { return m_index; }
    // Thread-safe: makes queued samples return at once (LagSampler::shutdown).
    void requestStop() { m_stopping.store(true); }

    // Worker thread only.
    void sample(const topograph::LagTarget& target);
    // Closes the connections of instances another worker samples now.
    void forget(const QList<topograph::InstanceKey>& keys);
    // Closes every connection and hands the worker back to target's thread.
    void closeAll(QThread* target);

Q_SIGNALS:
    // connectFailed: no connection could be opened (the sampler waits before trying again).
    void sampled(int worker, const topograph::LagReading& reading, bool connectFailed);

private:
    struct Connection
    {
        std::unique_ptr<MySqlSession> session;
        std::optional<LagStatement> statement;
    };

    // Opens key's connection and reads its version; the error when it cannot.
    std::optional<Error> open(const InstanceKey& key, Connection& connection);

    ConnectionSettings m_base;
    HeartbeatTable m_heartbeat;
    QString m_lagQuery;
    int m_index;
    std::atomic<bool> m_stopping { false };
    std::map<InstanceKey, Connection> m_connections;
};

} // namespace topograph
