// MainWindow: what a drag, a context-menu entry or a details button asks for, and where it goes
// (the plan preview for replication changes, the fleet worker for the backend's own state).
#include "mainwindow.h"

#include <QApplication>
#include <QClipboard>
#include <QInputDialog>
#include <QMessageBox>

#include "canvas/clusterscene.h"
#include "canvas/clusterview.h"
#include "fleet/fleetworker.h"
#include "fleet/workerthreads.h"
#include "operations/nodecontextmenu.h"
#include "operations/operationcontroller.h"
#include "ops/operationservice.h"
#include "ops/targetverdicts.h"

using namespace Qt::StringLiterals;

namespace topograph {

PlannerFlags MainWindow::plannerFlags() const
{
    PlannerFlags flags;
    flags.readOnly = m_config.readOnly;
    for (const MaintenanceLock& lock : m_snapshot.maintenance) {
        flags.maintenanceLocked.insert(lock.key);
    }
    return flags;
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
    requestOperation(u"relocate"_s, dragged, target);
}

void MainWindow::onOperationFinished(const Plan& plan, const ExecutionReport& report)
{
    showMessage(report.succeeded ? tr("%1: done, end state verified").arg(plan.title)
                                 : tr("%1 failed: %2").arg(plan.title, report.error),
        !report.succeeded);
    if (!plan.expected.isEmpty()) {
        m_view->keepInView(plan.expected.constFirst().instance); // the instance it moved
    }
    // The operation service wrote fresh probes of what it touched: read them back now.
    FleetWorker* fleet = m_workers->fleet();
    QMetaObject::invokeMethod(fleet, &FleetWorker::reload, Qt::QueuedConnection);
}

void MainWindow::showContextMenu(const InstanceKey& key, const QPoint& screenPos)
{
    NodeContextMenu::Context context;
    context.config = m_config;
    context.cluster = clusterRecords();
    context.flags = plannerFlags();
    context.inMaintenance = m_snapshot.maintenanceOf(key).has_value();
    context.readOnlyReason = readOnlyReason();
    auto* menu = new NodeContextMenu(context, key, this);
    menu->setObjectName(u"nodeContextMenu"_s);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    connect(menu, &NodeContextMenu::operationRequested, this, &MainWindow::requestOperation);
    menu->popup(screenPos);
}

void MainWindow::requestOperation(
    const QString& operation, const InstanceKey& key, const std::optional<InstanceKey>& destination)
{
    FleetWorker* fleet = m_workers->fleet();
    if (operation == u"copy-key"_s) {
        QApplication::clipboard()->setText(key.toString());
        showMessage(tr("Copied %1").arg(key.toString()));
        return;
    }
    if (operation == u"refresh"_s) {
        QMetaObject::invokeMethod(
            fleet, [fleet, key] { fleet->refreshInstances({ key }); }, Qt::QueuedConnection);
        return;
    }
    if (const QString reason = readOnlyReason(); !reason.isEmpty()) {
        showMessage(reason, true);
        return;
    }
    if (operation == u"forget"_s) {
        const auto answer = QMessageBox::question(this, tr("Forget %1").arg(key.toString()),
            tr("Remove %1 from the backend? It comes back if it is discovered again.")
                .arg(key.toString()));
        if (answer == QMessageBox::Yes) {
            QMetaObject::invokeMethod(
                fleet, [fleet, key] { fleet->forget(key); }, Qt::QueuedConnection);
        }
        return;
    }
    if (operation == u"begin-maintenance"_s) {
        bool ok = false;
        const QString reason = QInputDialog::getText(this, tr("Begin maintenance"),
            tr("Reason for the maintenance on %1 (it ends after %2 minutes):")
                .arg(key.toString())
                .arg(m_config.maintenanceExpireMinutes),
            QLineEdit::Normal, QString(), &ok);
        if (ok) {
            const int minutes = m_config.maintenanceExpireMinutes;
            QMetaObject::invokeMethod(
                fleet,
                [fleet, key, reason, minutes] { fleet->beginMaintenance(key, reason, minutes); },
                Qt::QueuedConnection);
        }
        return;
    }
    if (operation == u"end-maintenance"_s) {
        QMetaObject::invokeMethod(
            fleet, [fleet, key] { fleet->endMaintenance(key); }, Qt::QueuedConnection);
        return;
    }
    if (operation == u"relocate-picker"_s) {
        pickRelocateTarget(key);
        return;
    }
    if (!OperationService::operations().contains(operation)) {
        showMessage(tr("Unknown operation %1").arg(operation), true);
        return;
    }
    OperationRequest request;
    request.operation = operation;
    request.instance = key;
    request.destination = destination;
    request.readOnly = m_config.readOnly;
    const InstanceRecord* record = m_snapshot.find(key);
    m_operations->request(request, record ? record->masterKey : std::optional<InstanceKey> {});
}

void MainWindow::pickRelocateTarget(const InstanceKey& key)
{
    const PlannerFlags flags = plannerFlags();
    const auto verdicts = TargetVerdicts::forRelocate(m_config, clusterRecords(), flags, key);
    QStringList targets;
    for (auto it = verdicts.cbegin(); it != verdicts.cend(); ++it) {
        if (it->kind != TargetVerdict::Kind::Refused) {
            targets << it.key().toString();
        }
    }
    if (targets.isEmpty()) {
        showMessage(tr("The planner refuses every target for %1").arg(key.toString()), true);
        return;
    }
    targets.sort();
    bool ok = false;
    const QString chosen = QInputDialog::getItem(this, tr("Relocate %1").arg(key.toString()),
        tr("Relocate %1 below:").arg(key.toString()), targets, 0, false, &ok);
    if (ok) {
        auto target
            = InstanceKey::parse(chosen, static_cast<quint16>(m_config.defaultInstancePort));
        if (target) {
            requestOperation(u"relocate"_s, key, *target);
        }
    }
}

} // namespace topograph
