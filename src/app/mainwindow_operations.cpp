// MainWindow: what a drag, the card's context menu and the operations history ask for. What an
// operation does is the OperationDispatcher's business; this only wires the canvas to it.
#include "mainwindow.h"

#include <QMenu>

#include "canvas/clusterscene.h"
#include "canvas/clusterview.h"
#include "fleet/fleetworker.h"
#include "fleet/workerthreads.h"
#include "operations/operationactions.h"
#include "operations/operationcontroller.h"
#include "operations/operationdispatcher.h"
#include "operations/operationhistory.h"
#include "operations/unfinishednotice.h"
#include "ops/targetverdicts.h"
#include "timeformat.h"

using namespace Qt::StringLiterals;

namespace topograph {

PlannerFlags MainWindow::plannerFlags() const
{
    PlannerFlags flags;
    flags.readOnly = m_config.readOnly;
    for (const MaintenanceLock& lock : m_snapshot.maintenance) {
        flags.maintenanceLocked.insert(lock.key);
    }
    flags.equivalences = m_snapshot.equivalences;
    return flags;
}

void MainWindow::requestOperation(
    Operation operation, const InstanceKey& key, const std::optional<InstanceKey>& destination)
{
    m_dispatcher->dispatch(operation, key, destination);
}

void MainWindow::onDragStarted(const InstanceKey& key)
{
    const PlannerFlags flags = plannerFlags();
    const auto verdicts = TargetVerdicts::forRelocate(m_config, clusterRecords(), flags, key);
    QHash<InstanceKey, DropTarget> targets;
    for (auto it = verdicts.cbegin(); it != verdicts.cend(); ++it) {
        DropTarget target;
        switch (it->kind) {
        case TargetVerdict::Kind::Valid:
            target.verdict = DropVerdict::Valid;
            target.reason = tr("Drop to relocate %1 here (%2)").arg(key.toString(), it->method);
            break;
        case TargetVerdict::Kind::Warning:
            target.verdict = DropVerdict::Warning;
            target.reason = it->reason;
            break;
        case TargetVerdict::Kind::Refused:
            target.verdict = DropVerdict::Refused;
            target.reason = it->reason;
            break;
        }
        targets.insert(it.key(), target);
    }
    m_scene->setDropTargets(targets);
}

void MainWindow::onDropRequested(const InstanceKey& dragged, const InstanceKey& target)
{
    requestOperation(Operation::Relocate, dragged, target);
}

void MainWindow::onOperationFinished(const Plan& plan, const ExecutionReport& report)
{
    QString message = report.succeeded ? tr("%1: done, end state verified").arg(plan.title)
                                       : tr("%1 failed: %2").arg(plan.title, report.error);
    if (report.succeeded && !report.backendError.isEmpty()) {
        message = tr("%1: done on the servers and verified, but the backend could not be "
                     "updated: %2")
                      .arg(plan.title, report.backendError);
    } else if (!report.backendError.isEmpty()) {
        message
            += u' ' + tr("The backend could not be updated either: %1").arg(report.backendError);
    }
    showMessage(message, !report.succeeded || !report.backendError.isEmpty());
    if (!plan.expected.isEmpty()) {
        m_view->keepInView(plan.expected.constFirst().instance); // the instance it moved
    }
    // The operation service wrote fresh probes of what it touched: read them back now.
    FleetWorker* fleet = m_workers->fleet();
    QMetaObject::invokeMethod(fleet, &FleetWorker::reload, Qt::QueuedConnection);
}

void MainWindow::showContextMenu(const InstanceKey& key, const QPoint& screenPos)
{
    // The scene selected the card before asking: the actions already stand for key.
    if (m_actions->instance() != key) {
        select(key);
    }
    m_actions->createContextMenu(this)->popup(screenPos);
}

void MainWindow::updateHistoryMenu()
{
    OperationHistory* history = m_operations->history();
    const std::optional<int> last = history->lastMovable();
    m_moveBackAction->setEnabled(last.has_value() && !m_operations->isRunning());
    m_moveBackAction->setText(
        last ? tr("&Move back: %1").arg(history->entries().at(*last).title) : tr("&Move back"));
    m_historyMenu->clear();
    const QList<OperationHistory::Entry>& entries = history->entries();
    if (entries.isEmpty()) {
        m_historyMenu->addAction(tr("No operation in this session yet"))->setEnabled(false);
        return;
    }
    for (qsizetype i = entries.size() - 1; i >= 0; --i) {
        const OperationHistory::Entry& e = entries.at(i);
        const QString outcome = !e.succeeded ? tr("failed")
            : e.movedBack                    ? tr("moved back")
                                             : tr("done");
        QAction* action = m_historyMenu->addAction(
            tr("%1  %2 — %3").arg(TimeFormat::display(e.finishedAt), e.title, outcome));
        const int index = static_cast<int>(i);
        action->setEnabled(e.canMoveBack());
        action->setToolTip(e.canMoveBack()
                ? tr("Move %1 back below %2 (shows the plan first)")
                      .arg(e.request.instance.toString(), e.previousMaster->toString())
                : (e.succeeded ? tr("Nothing to move back") : e.error));
        connect(
            action, &QAction::triggered, this, [this, index] { m_operations->moveBack(index); });
    }
}

// Unfinished operations found at start: reported, and after a restart the views read again.
void MainWindow::connectUnfinished(FleetWorker* fleet)
{
    m_unfinished->setWorker(m_workers->operations());
    connect(m_unfinished, &UnfinishedNotice::recovered, fleet, &FleetWorker::reload);
    connect(fleet, &FleetWorker::snapshotReady, m_unfinished, &UnfinishedNotice::look,
        Qt::SingleShotConnection);
}

} // namespace topograph
