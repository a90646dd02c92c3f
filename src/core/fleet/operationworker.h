#pragma once

#include <QObject>

#include <atomic>
#include <memory>

#include "config/configuration.h"
#include "ops/executor.h"
#include "ops/operationjournal.h"
#include "ops/operationservice.h"

namespace topograph {

class Backend;

// Runs the desktop app's topology operations on a thread of its own, through the same
// OperationService as the CLI (DESIGN §7): prepare() probes the cluster afresh and plans; run()
// probes and plans the same request again, and executes that fresh plan only when it is the plan
// the user reviewed (PlanComparison), reporting progress; it can be cancelled from any thread. The
// backend connection is opened on this worker's thread at first use. Each request carries a ticket
// that comes back with its answer, so the GUI can drop answers it no longer waits for.
class OperationWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OperationWorker)

public:
    explicit OperationWorker(Configuration config, QObject* parent = nullptr);
    ~OperationWorker() override;

    static void registerMetaTypes();

    // Thread-safe: asks the running plan to stop (the executor then restores replication).
    void requestCancel() { m_cancel.store(true); }

public Q_SLOTS:
    void setReadOnly(bool readOnly);
    void prepare(const topograph::OperationRequest& request, quint64 ticket);
    // previewed: the plan the user saw when asking to run request. When a fresh plan differs,
    // nothing runs and planChanged() says how; when it cannot be made, prepareFailed().
    void run(const topograph::OperationRequest& request, const topograph::Plan& previewed,
        quint64 ticket);
    void close(); // closes the backend connection on this thread
    // Operations whose process died before they finished (OperationJournal).
    void findUnfinished();
    // Restarts what they left stopped and closes their rows (UnfinishedRecovery).
    void recoverUnfinished(const QList<topograph::UnfinishedOperation>& operations);

Q_SIGNALS:
    void prepared(quint64 ticket, const topograph::Plan& plan);
    void prepareFailed(quint64 ticket, const QString& message);
    void planChanged(quint64 ticket, const topograph::Plan& fresh, const QStringList& differences);
    void progress(quint64 ticket, int step, int steps, const QString& description);
    void finished(quint64 ticket, const topograph::ExecutionReport& report);
    void unfinishedFound(
        const QList<topograph::UnfinishedOperation>& operations, const QString& error);
    // One paragraph per operation: what was found and done; allClosed: every one is settled.
    void unfinishedRecovered(const QStringList& report, bool allClosed);

private:
    Result<const Backend*> backend();

    Configuration m_config;
    std::unique_ptr<Backend> m_backend;
    std::atomic<bool> m_cancel { false };
};

} // namespace topograph

Q_DECLARE_METATYPE(topograph::OperationRequest)
Q_DECLARE_METATYPE(topograph::Plan)
Q_DECLARE_METATYPE(topograph::ExecutionReport)
Q_DECLARE_METATYPE(topograph::UnfinishedOperation)
