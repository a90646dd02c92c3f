#include "operations/operationcontroller.h"

#include <QMetaObject>
#include <QPushButton>

#include "dialogs/planpreviewdialog.h"
#include "fleet/operationworker.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

// Operations that move one replica below another master, and can therefore be undone by
// relocating it back below the master it had.
bool movesOneReplica(const QString& operation)
{
    return operation == u"relocate"_s || operation == u"move-up"_s || operation == u"move-below"_s;
}

} // namespace

OperationController::OperationController(QWidget* dialogParent, QObject* parent)
    : QObject(parent)
    , m_dialogParent(dialogParent)
{ }

void OperationController::setWorker(OperationWorker* worker)
{
    if (m_worker) {
        disconnect(m_worker, nullptr, this, nullptr);
    }
    m_worker = worker;
    ++m_ticket; // whatever the old worker still says is not waited for any more
    m_running = false;
    connect(worker, &OperationWorker::prepared, this, &OperationController::onPrepared);
    connect(worker, &OperationWorker::prepareFailed, this, &OperationController::onPrepareFailed);
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
        connect(
            m_dialog, &PlanPreviewDialog::moveBackRequested, this, &OperationController::moveBack);
        m_dialog->open();
    }
    return m_dialog;
}

void OperationController::request(
    const OperationRequest& request, const std::optional<InstanceKey>& previousMaster)
{
    if (m_running || !m_worker) {
        return;
    }
    m_request = request;
    m_previousMaster = previousMaster;
    m_plan.reset();
    const quint64 ticket = ++m_ticket;
    PlanPreviewDialog* dialog = ensureDialog();
    dialog->showPreparing(tr("Probing the instances of %1 and planning %2…")
                              .arg(request.instance.toString(), request.operation));
    OperationWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, request, ticket] { worker->prepare(request, ticket); },
        Qt::QueuedConnection);
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
    if (ticket == m_ticket && m_dialog) {
        m_dialog->setPlanError(message);
    }
}

void OperationController::run()
{
    if (!m_plan || m_running || !m_worker || !m_blockedReason.isEmpty()) {
        return;
    }
    m_running = true;
    m_dialog->setRunning();
    const quint64 ticket = ++m_ticket;
    OperationWorker* worker = m_worker;
    const Plan plan = *m_plan;
    QMetaObject::invokeMethod(
        worker, [worker, plan, ticket] { worker->run(plan, ticket); }, Qt::QueuedConnection);
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

void OperationController::onFinished(quint64 ticket, const ExecutionReport& report)
{
    if (ticket != m_ticket) {
        return;
    }
    m_running = false;
    const bool canMoveBack = report.succeeded && m_previousMaster
        && movesOneReplica(m_request.operation) && m_request.destination != m_previousMaster;
    if (m_dialog) {
        m_dialog->setReport(report, canMoveBack);
    }
    if (m_plan) {
        Q_EMIT operationFinished(*m_plan, report);
    }
}

void OperationController::moveBack()
{
    if (!m_previousMaster || m_running) {
        return;
    }
    OperationRequest back;
    back.operation = u"relocate"_s;
    back.instance = m_request.instance;
    back.destination = m_previousMaster;
    // The move back's own reverse is the move just made.
    request(back, m_request.destination);
}

} // namespace topograph
