#include "discovery/probepool.h"

#include <QThread>

#include <algorithm>

#include "db/connectionsettings.h"
#include "discovery/probeworker.h"
#include "logging.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

// A fixed seed: QHash's own seed is random per process and would only obscure the assignment.
constexpr size_t kAssignmentSeed = 0x5bd1e995;

} // namespace

void ProbePool::registerMetaTypes()
{
    qRegisterMetaType<topograph::InstanceKey>();
    qRegisterMetaType<topograph::InstanceRecord>();
    qRegisterMetaType<topograph::ProbeResult>();
    qRegisterMetaType<QList<topograph::InstanceRecord>>();
}

int ProbePool::workerIndexFor(const InstanceKey& key, int workerCount)
{
    if (workerCount <= 1) {
        return 0;
    }
    return static_cast<int>(qHash(key, kAssignmentSeed) % static_cast<size_t>(workerCount));
}

ProbePool::ProbePool(const Configuration& config, int workers, QObject* parent)
    : QObject(parent)
{
    registerMetaTypes();
    ConnectionSettings base;
    if (auto settings = topologyConnectionSettings(config, InstanceKey {}); settings) {
        base = *settings;
    } else {
        m_configError = settings.error();
        qCDebug(lcDiscovery).noquote() << "probes will fail:" << m_configError->message;
    }
    const ProbeOptions options = ProbeOptions::fromConfiguration(config);
    const int count = std::max(1, workers);
    for (int i = 0; i < count; ++i) {
        Slot slot;
        slot.thread = new QThread;
        slot.thread->setObjectName(u"probe-worker-%1"_s.arg(i));
        slot.worker = new ProbeWorker(base, options, i);
        slot.worker->moveToThread(slot.thread);
        connect(slot.worker, &ProbeWorker::probed, this, &ProbePool::onWorkerProbed,
            Qt::QueuedConnection);
        slot.thread->start();
        m_workers.append(slot);
    }
}

ProbePool::~ProbePool()
{
    shutdown();
}

void ProbePool::probe(const InstanceKey& key, quint64 generation)
{
    if (m_shutDown) {
        return;
    }
    if (m_configError) {
        // Same shape as any failed probe, and asynchronous like a real one.
        InstanceRecord record;
        record.key = key;
        record.lastAttemptedCheck = QDateTime::currentDateTimeUtc();
        record.lastChecked = record.lastAttemptedCheck;
        record.lastError = u"cannot probe %1: %2"_s.arg(key.toString(), m_configError->message);
        QMetaObject::invokeMethod(
            this,
            [this, record, generation] {
                if (!m_shutDown) {
                    Q_EMIT probed(record, generation);
                }
            },
            Qt::QueuedConnection);
        return;
    }
    ProbeWorker* worker = m_workers.at(workerIndexFor(key, workerCount())).worker;
    QMetaObject::invokeMethod(
        worker, [worker, key, generation] { worker->probe(key, generation); },
        Qt::QueuedConnection);
}

void ProbePool::onWorkerProbed(const ProbeResult& result, quint64 generation)
{
    if (m_shutDown) {
        return;
    }
    if (result.record.reachable && !result.serverReportedHost.isEmpty()) {
        Q_EMIT serverNameReported(result.record.key, result.serverReportedHost);
    }
    Q_EMIT probed(result.record, generation);
}

void ProbePool::shutdown()
{
    if (m_shutDown) {
        return;
    }
    m_shutDown = true;
    for (const Slot& slot : std::as_const(m_workers)) {
        slot.worker->requestStop();
    }
    // Every worker closes its connections on its own thread, hands itself back to this thread
    // and ends its thread's loop; all in parallel, so shutdown waits for the slowest probe only.
    QThread* home = thread();
    for (const Slot& slot : std::as_const(m_workers)) {
        ProbeWorker* worker = slot.worker;
        QMetaObject::invokeMethod(
            worker,
            [worker, home] {
                worker->closeAll(home);
                QThread::currentThread()->quit();
            },
            Qt::QueuedConnection);
    }
    for (const Slot& slot : std::as_const(m_workers)) {
        slot.thread->wait();
        delete slot.worker;
        delete slot.thread;
    }
    m_workers.clear();
    qCDebug(lcDiscovery) << "probe pool shut down";
}

} // namespace topograph
