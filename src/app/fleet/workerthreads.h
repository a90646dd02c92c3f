#pragma once

#include <QObject>
#include <QThread>

#include "config/configuration.h"

namespace topograph {

class FleetWorker;
class LagWorker;
class OperationWorker;

// The desktop app's three worker threads (DESIGN §3): one for the fleet (backend reads and
// writes, polling, discovery), one for topology operations, which block while they run, and one
// for lag sampling (which starts its own sampler and history threads). The GUI talks to the
// workers only through queued calls and signals; nothing here runs SQL on the GUI thread.
// Destroying this object stops them all (an operation in progress is asked to cancel first).
class WorkerThreads final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkerThreads)

public:
    explicit WorkerThreads(const Configuration& config, QObject* parent = nullptr);
    ~WorkerThreads() override;

    FleetWorker* fleet() const { return m_fleet; }
    OperationWorker* operations() const { return m_operations; }
    LagWorker* lag() const { return m_lag; }

    void start();
    // Started in read-only mode: their backends are open read-only (or not at all, when the
    // file did not exist), so leaving read-only mode needs new workers.
    bool openedReadOnly() const { return m_openedReadOnly; }

private:
    bool m_openedReadOnly;
    QThread m_fleetThread;
    QThread m_operationThread;
    QThread m_lagThread;
    FleetWorker* m_fleet;
    OperationWorker* m_operations;
    LagWorker* m_lag;
};

} // namespace topograph
