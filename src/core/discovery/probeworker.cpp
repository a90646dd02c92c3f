#include "discovery/probeworker.h"

#include <QThread>

#include "db/mysqlsession.h"
#include "logging.h"

namespace topograph {

ProbeWorker::ProbeWorker(ConnectionSettings base, ProbeOptions options, int index)
    : m_base(std::move(base))
    , m_options(std::move(options))
    , m_index(index)
{ }

// Sessions are normally gone by now (closeAll on the worker's thread); this only catches a worker
// that never got a thread.
ProbeWorker::~ProbeWorker() = default;

void ProbeWorker::probe(const InstanceKey& key, quint64 generation)
{
    if (m_stopping.load()) {
        return;
    }
    ConnectionSettings settings = m_base;
    settings.key = key;
    std::unique_ptr<MySqlSession>& session = m_sessions[key];
    ProbeResult result = InstanceProbe::probe(session, settings, m_options);
    if (!session) {
        m_sessions.erase(key);
    }
    Q_EMIT probed(result, generation);
}

void ProbeWorker::closeAll(QThread* target)
{
    qCDebug(lcDiscovery) << "probe worker" << m_index << "closing" << m_sessions.size()
                         << "connections";
    m_sessions.clear();
    moveToThread(target);
}

} // namespace topograph
