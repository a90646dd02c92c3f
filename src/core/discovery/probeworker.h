#pragma once

#include <QObject>

#include <atomic>
#include <map>
#include <memory>

#include "db/connectionsettings.h"
#include "probe/instanceprobe.h"

namespace topograph {

class MySqlSession;

// One probe thread's worker (CONVENTIONS "Threads and SQL"): lives on its own QThread and keeps
// one MySqlSession per instance it is given, reused across probes and reopened after a failure.
// Every slot runs on the worker's thread (ProbePool calls them queued), so the sessions are opened,
// used and closed on the thread that owns them. Requests and results are plain values.
class ProbeWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProbeWorker)

public:
    // base holds the resolved credentials and timeouts; its key is replaced per probe.
    ProbeWorker(ConnectionSettings base, ProbeOptions options, int index);
    ~ProbeWorker() override;

    int index() const { return m_index; }

    // Thread-safe: makes queued probes return at once (ProbePool::shutdown).
    void requestStop() { m_stopping.store(true); }

    // Worker thread only.
    void probe(const topograph::InstanceKey& key, quint64 generation);
    // Closes and removes every connection; returns the worker to target's thread so that it
    // can be deleted there after its own thread has finished.
    void closeAll(QThread* target);
    int connectionCount() const { return static_cast<int>(m_sessions.size()); }

Q_SIGNALS:
    void probed(const topograph::ProbeResult& result, quint64 generation);

private:
    ConnectionSettings m_base;
    ProbeOptions m_options;
    int m_index;
    std::atomic<bool> m_stopping { false };
    std::map<InstanceKey, std::unique_ptr<MySqlSession>> m_sessions;
};

} // namespace topograph
