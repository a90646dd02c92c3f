#include "fleet/workerthreads.h"

#include "fleet/fleetworker.h"
#include "fleet/operationworker.h"
#include "lag/lagworker.h"

using namespace Qt::StringLiterals;

namespace topograph {

WorkerThreads::WorkerThreads(const Configuration& config, QObject* parent)
    : QObject(parent)
    , m_openedReadOnly(config.readOnly)
    , m_fleet(new FleetWorker(config))
    , m_operations(new OperationWorker(config))
    , m_lag(new LagWorker(config))
{
    m_fleetThread.setObjectName(u"fleet"_s);
    m_operationThread.setObjectName(u"operations"_s);
    m_lagThread.setObjectName(u"lag"_s);
    m_fleet->moveToThread(&m_fleetThread);
    m_operations->moveToThread(&m_operationThread);
    m_lag->moveToThread(&m_lagThread);
    connect(&m_fleetThread, &QThread::finished, m_fleet, &QObject::deleteLater);
    connect(&m_operationThread, &QThread::finished, m_operations, &QObject::deleteLater);
    connect(&m_lagThread, &QThread::finished, m_lag, &QObject::deleteLater);
}

WorkerThreads::~WorkerThreads()
{
    m_operations->requestCancel();
    if (!m_fleetThread.isRunning()) {
        delete m_fleet;
        delete m_operations;
        delete m_lag;
        return;
    }
    {
        // Connections close on the thread that opened them.
        QMetaObject::invokeMethod(m_fleet, &FleetWorker::stop, Qt::BlockingQueuedConnection);
        QMetaObject::invokeMethod(
            m_operations, &OperationWorker::close, Qt::BlockingQueuedConnection);
        QMetaObject::invokeMethod(m_lag, &LagWorker::stop, Qt::BlockingQueuedConnection);
    }
    m_fleetThread.quit();
    m_operationThread.quit();
    m_lagThread.quit();
    m_fleetThread.wait();
    m_operationThread.wait();
    m_lagThread.wait();
}

void WorkerThreads::start()
{
    m_fleetThread.start();
    m_operationThread.start();
    m_lagThread.start();
    QMetaObject::invokeMethod(m_fleet, &FleetWorker::start, Qt::QueuedConnection);
    QMetaObject::invokeMethod(m_lag, &LagWorker::start, Qt::QueuedConnection);
}

} // namespace topograph
