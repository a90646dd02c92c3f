#include "operations/operationdispatcher.h"

#include <QApplication>
#include <QClipboard>
#include <QInputDialog>
#include <QMessageBox>

#include "dialogs/destinationpickerdialog.h"
#include "fleet/fleetworker.h"
#include "operations/operationactions.h"
#include "operations/operationcontroller.h"
#include "ops/targetverdicts.h"

using namespace Qt::StringLiterals;

namespace topograph {

OperationDispatcher::OperationDispatcher(const OperationActions* actions,
    OperationController* controller, QWidget* dialogParent, QObject* parent)
    : QObject(parent)
    , m_actions(actions)
    , m_controller(controller)
    , m_dialogParent(dialogParent)
{ }

void OperationDispatcher::setState(const Configuration& config, const FleetSnapshot& snapshot)
{
    m_config = config;
    m_snapshot = snapshot;
}

void OperationDispatcher::dispatch(
    Operation operation, const InstanceKey& key, const std::optional<InstanceKey>& destination)
{
    FleetWorker* fleet = m_fleet;
    switch (operation) {
    case Operation::CopyKey:
        QApplication::clipboard()->setText(key.toString());
        Q_EMIT message(tr("Copied %1").arg(key.toString()), false);
        return;
    case Operation::Refresh:
        if (fleet) {
            QMetaObject::invokeMethod(
                fleet, [fleet, key] { fleet->refreshInstances({ key }); }, Qt::QueuedConnection);
            Q_EMIT message(tr("Probing %1…").arg(key.toString()), false);
        }
        return;
    default:
        break;
    }
    if (const QString reason = m_actions->context().readOnlyReason; !reason.isEmpty()) {
        Q_EMIT message(reason, true);
        return;
    }
    switch (operation) {
    case Operation::Forget:
        forget(key);
        return;
    case Operation::BeginMaintenance:
        beginMaintenance(key);
        return;
    case Operation::EndMaintenance:
        if (fleet) {
            QMetaObject::invokeMethod(
                fleet, [fleet, key] { fleet->endMaintenance(key); }, Qt::QueuedConnection);
        }
        return;
    default:
        break;
    }
    if (m_controller->isRunning()) {
        Q_EMIT message(tr("An operation is running: wait for it to end."), true);
        return;
    }
    OperationRequest request;
    request.operation = operation;
    request.instance = key;
    request.destination = destination;
    request.readOnly = m_config.readOnly;
    if (OperationRegistry::needsDestination(operation) && !destination) {
        request.destination = pickDestination(operation, key);
        if (!request.destination) {
            return;
        }
    }
    const InstanceRecord* record = m_snapshot.find(key);
    m_controller->request(request, record ? record->masterKey : std::optional<InstanceKey> {});
}

std::optional<InstanceKey> OperationDispatcher::pickDestination(
    Operation operation, const InstanceKey& key)
{
    const SelectionContext& context = m_actions->context();
    const auto verdicts = TargetVerdicts::forOperation(
        operation, context.config, context.cluster, context.flags, key);
    if (verdicts.isEmpty()) {
        Q_EMIT message(m_actions->action(operation)->toolTip(), true);
        return std::nullopt;
    }
    QHash<InstanceKey, QString> aliases;
    for (const InstanceRecord& r : context.cluster) {
        if (!r.instanceAlias.isEmpty()) {
            aliases.insert(r.key, r.instanceAlias);
        }
    }
    DestinationPickerDialog picker(
        tr("%1 — %2").arg(OperationRegistry::plainLabel(operation), key.toString()),
        tr("Where should %1 go? Type part of a name to filter, Up and Down to choose, Enter to "
           "see the plan. Greyed destinations are refused by the planner; select one to read why.")
            .arg(key.toString()),
        verdicts, aliases, m_dialogParent);
    picker.setObjectName(u"destinationPicker"_s);
    if (picker.exec() != QDialog::Accepted) {
        return std::nullopt;
    }
    return picker.chosen();
}

void OperationDispatcher::forget(const InstanceKey& key)
{
    QMessageBox box(QMessageBox::Question, tr("Forget %1").arg(key.toString()),
        tr("Remove %1 from the backend? It comes back if it is discovered again.")
            .arg(key.toString()),
        QMessageBox::Yes | QMessageBox::No, m_dialogParent);
    box.setObjectName(u"forgetQuestion"_s);
    // Enter must not forget: the safe answer is the default.
    box.setDefaultButton(QMessageBox::No);
    box.setEscapeButton(QMessageBox::No);
    if (box.exec() != QMessageBox::Yes) {
        return;
    }
    if (FleetWorker* fleet = m_fleet) {
        QMetaObject::invokeMethod(
            fleet, [fleet, key] { fleet->forget(key); }, Qt::QueuedConnection);
    }
}

void OperationDispatcher::beginMaintenance(const InstanceKey& key)
{
    bool ok = false;
    const QString reason = QInputDialog::getText(m_dialogParent, tr("Begin maintenance"),
        tr("Reason for the maintenance on %1 (it ends after %2 minutes):")
            .arg(key.toString())
            .arg(m_config.maintenanceExpireMinutes),
        QLineEdit::Normal, QString(), &ok);
    if (!ok) {
        return;
    }
    if (reason.trimmed().isEmpty()) {
        Q_EMIT message(tr("Maintenance needs a reason: nothing was changed."), true);
        return;
    }
    if (FleetWorker* fleet = m_fleet) {
        const int minutes = m_config.maintenanceExpireMinutes;
        QMetaObject::invokeMethod(
            fleet, [fleet, key, reason, minutes] { fleet->beginMaintenance(key, reason, minutes); },
            Qt::QueuedConnection);
    }
}

} // namespace topograph
