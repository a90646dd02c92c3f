#include "operations/operationcontroller.h"

#include <QMetaObject>
#include <QPushButton>

#include "dialogs/planpreviewdialog.h"
#include "fleet/operationworker.h"
#include "operations/operationhistory.h"

using namespace Qt::StringLiterals;

namespace topograph {

OperationController::OperationController(QWidget* dialogParent, QObject* parent)
    : QObject(parent)
    , m_dialogParent(dialogParent)
    , m_history(new OperationHistory(this))
{ }

void OperationController::setWorker(OperationWorker* worker)
{
    if (m_worker) {
        disconnect(m_worker, nullptr, this, nullptr);
    }
    m_worker = worker;
    ++m_ticket; // whatever the old worker still says is not waited for any more
    setRunning(false);
    connect(worker, &OperationWorker::prepared, this, &OperationController::onPrepared);
    connect(worker, &OperationWorker::prepareFailed, this, &OperationController::onPrepareFailed);
    connect(worker, &OperationWorker::planChanged, this, &OperationController::onPlanChanged);
    connect(worker, &OperationWorker::progress, this, &OperationController::onProgress);
    connect(worker, &OperationWorker::finished, this, &OperationController::onFinished);
}

PlanPreviewDialog* OperationController::ensureDialog()
{
    if (!m_dialog) {
        m_dialog = new PlanPreviewDialog(m_dialogParent);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dialog, &PlanPreviewDialog::runRequested, this, &OperationController::run);
        connect(m_dialog, &PlanPreviewDialog::cancelRequested, this, &OperationController::cancel);
        connect(m_dialog, &PlanPreviewDialog::moveBackRequested, this, [this] {
            if (m_lastEntry) {
                moveBack(*m_lastEntry);
            }
        });
        m_dialog->open();
    }
    return m_dialog;
}

bool OperationController::request(
    const OperationRequest& request, const std::optional<InstanceKey>& previousMaster)
{
    if (m_running || !m_worker) {
        return false;
    }
    m_request = request;
    m_previousMaster = previousMaster;
    m_movesBack.reset();
    m_plan.reset();
    const quint64 ticket = ++m_ticket;
    PlanPreviewDialog* dialog = ensureDialog();
    dialog->showPreparing(
        tr("Probing the instances of %1 and planning “%2”…")
            .arg(request.instance.toString(), OperationRegistry::plainLabel(request.operation)));
    OperationWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, request, ticket] { worker->prepare(request, ticket); },
        Qt::QueuedConnection);
    return true;
}

bool OperationController::moveBack(int historyIndex)
{
    const QList<OperationHistory::Entry>& entries = m_history->entries();
    if (historyIndex < 0 || historyIndex >= entries.size()
        || !entries.at(historyIndex).canMoveBack()) {
        return false;
    }
    const OperationHistory::Entry& entry = entries.at(historyIndex);
    // The move back's own previous master is where the move had put the replica.
    if (!request(entry.moveBackRequest(), entry.request.destination)) {
        return false;
    }
    m_movesBack = historyIndex;
    return true;
}

void OperationController::onPrepared(quint64 ticket, const Plan& plan)
{
    if (ticket != m_ticket || !m_dialog) {
        return;
    }
    m_plan = plan;
    m_dialog->setPlan(plan);
    if (!m_blockedReason.isEmpty()) {
        m_dialog->setRunBlocked(m_blockedReason);
    }
}

void OperationController::onPrepareFailed(quint64 ticket, const QString& message)
{
    if (ticket != m_ticket) {
        return;
    }
    setRunning(false); // when Run's fresh plan failed: nothing ran
    m_plan.reset();
    if (m_dialog) {
        m_dialog->setPlanError(message);
    }
}

void OperationController::onPlanChanged(
    quint64 ticket, const Plan& fresh, const QStringList& differences)
{
    if (ticket != m_ticket) {
        return;
    }
    setRunning(false);
    // Nothing ran, so nothing goes into the history; the fresh plan is what Run runs next.
    m_plan = fresh;
    if (m_dialog) {
        m_dialog->setChangedPlan(fresh, differences);
        if (!m_blockedReason.isEmpty()) {
            m_dialog->setRunBlocked(m_blockedReason);
        }
    }
}

void OperationController::run()
{
    if (!m_plan || m_running || !m_worker || !m_blockedReason.isEmpty()) {
        return;
    }
    setRunning(true);
    m_dialog->setRunning();
    const quint64 ticket = ++m_ticket;
    OperationWorker* worker = m_worker;
    const Plan previewed = *m_plan;
    const OperationRequest request = m_request;
    // The worker plans again from fresh probes and runs only if nothing changed.
    QMetaObject::invokeMethod(
        worker, [worker, request, previewed, ticket] { worker->run(request, previewed, ticket); },
        Qt::QueuedConnection);
}

void OperationController::cancel()
{
    if (m_running && m_worker) {
        m_worker->requestCancel(); // thread-safe: the worker is busy running the plan
    }
}

void OperationController::onProgress(
    quint64 ticket, int step, int steps, const QString& description)
{
    if (ticket == m_ticket && m_dialog) {
        m_dialog->setProgress(step, steps, description);
    }
}

void OperationController::setRunning(bool running)
{
    if (running != m_running) {
        m_running = running;
        Q_EMIT runningChanged(running);
    }
}

void OperationController::onFinished(quint64 ticket, const ExecutionReport& report)
{
    if (ticket != m_ticket) {
        return;
    }
    OperationHistory::Entry entry;
    entry.finishedAt = QDateTime::currentDateTimeUtc();
    entry.request = m_request;
    entry.previousMaster = m_previousMaster;
    entry.title = m_plan ? m_plan->title : OperationRegistry::plainLabel(m_request.operation);
    entry.succeeded = report.succeeded;
    entry.error = report.error;
    entry.movesBack = m_movesBack;
    m_lastEntry = m_history->record(entry);
    setRunning(false);
    if (m_dialog) {
        m_dialog->setReport(report, m_history->entries().at(*m_lastEntry).canMoveBack());
    }
    if (m_plan) {
        Q_EMIT operationFinished(*m_plan, report);
    }
}

} // namespace topograph
