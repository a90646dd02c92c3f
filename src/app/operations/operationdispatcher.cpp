#include "operations/operationdispatcher.h"

#include <QApplication>
#include <QClipboard>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>

#include "dialogs/destinationpickerdialog.h"
#include "dialogs/registercandidatedialog.h"
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
    case Operation::ForgetCluster:
        if (const InstanceRecord* record = m_snapshot.find(key)) {
            forgetCluster(record->clusterName);
        }
        return;
    case Operation::BeginMaintenance:
        beginMaintenance(key);
        return;
    case Operation::RegisterCandidate:
        registerCandidate(key);
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
        tr("Remove %1 from the backend? Polling stops for it; a live host comes back only when "
           "a discovery finds it again. \"Forget and ignore\" also adds it to "
           "DiscoveryIgnoreHostnameFilters in the configuration file, so that no discovery does.")
            .arg(key.toString()),
        QMessageBox::Yes | QMessageBox::No, m_dialogParent);
    box.setObjectName(u"forgetQuestion"_s);
    QPushButton* ignore = box.addButton(tr("Forget and &ignore"), QMessageBox::AcceptRole);
    ignore->setObjectName(u"forgetAndIgnore"_s);
    // Enter must not forget: the safe answer is the default.
    box.setDefaultButton(QMessageBox::No);
    box.setEscapeButton(QMessageBox::No);
    box.exec();
    FleetWorker* fleet = m_fleet;
    if (!fleet) {
        return;
    }
    if (box.clickedButton() == ignore) {
        QMetaObject::invokeMethod(
            fleet, [fleet, key] { fleet->forgetAndIgnore(key); }, Qt::QueuedConnection);
    } else if (box.clickedButton() == box.button(QMessageBox::Yes)) {
        QMetaObject::invokeMethod(
            fleet, [fleet, key] { fleet->forget(key); }, Qt::QueuedConnection);
    }
}

void OperationDispatcher::forgetCluster(const QString& clusterName)
{
    if (const QString reason = m_actions->context().readOnlyReason; !reason.isEmpty()) {
        Q_EMIT message(reason, true);
        return;
    }
    const GhostCluster* ghost = m_snapshot.ghost(clusterName);
    if (!ghost) {
        Q_EMIT message(tr("%1 is not a ghost cluster: forget its instances one by one, or use "
                          "topograph-cli -c forget-cluster --force")
                           .arg(clusterName),
            true);
        return;
    }
    QStringList keys;
    for (const InstanceKey& k : ghost->keys) {
        keys << k.toString();
    }
    QMessageBox box(QMessageBox::Question, tr("Forget ghost cluster %1").arg(clusterName),
        tr("%1\n\nRemove its %n instance(s) (%2) with their tags, maintenance, candidate and "
           "downtime rows, and the %3 resolve entries that made it? Polling stops for them and "
           "nothing brings them back but a discovery of these very names.",
            nullptr, int(ghost->keys.size()))
            .arg(ghost->reason, keys.join(u", "_s))
            .arg(ghost->resolveEntries.size()),
        QMessageBox::Yes | QMessageBox::No, m_dialogParent);
    box.setObjectName(u"forgetGhostQuestion"_s);
    box.setDefaultButton(QMessageBox::No);
    box.setEscapeButton(QMessageBox::No);
    if (box.exec() == QMessageBox::Yes) {
        sendForgetCluster(clusterName, false);
    }
}

void OperationDispatcher::sendForgetCluster(const QString& clusterName, bool force)
{
    if (FleetWorker* fleet = m_fleet) {
        Q_EMIT message(tr("Forgetting the ghost cluster %1…").arg(clusterName), false);
        QMetaObject::invokeMethod(
            fleet, [fleet, clusterName, force] { fleet->forgetCluster(clusterName, force); },
            Qt::QueuedConnection);
    }
}

void OperationDispatcher::forgetClusterFinished(const ForgetClusterOutcome& outcome)
{
    if (outcome.ok) {
        Q_EMIT message(tr("Forgot the ghost cluster %1: %2")
                           .arg(outcome.clusterName, outcome.report.summary()),
            false);
        return;
    }
    if (!outcome.needsConfirmation) {
        Q_EMIT message(
            tr("Cannot forget %1: %2").arg(outcome.clusterName, outcome.error.message), true);
        return;
    }
    // A host of it still replicates: it would come back only through discovery; ask again.
    QMessageBox box(QMessageBox::Warning, tr("Forget ghost cluster %1").arg(outcome.clusterName),
        tr("These hosts still replicate in a live topology:\n%1\n\nForget them anyway? They "
           "come back only when a discovery finds them again.")
            .arg(outcome.liveHosts),
        QMessageBox::Yes | QMessageBox::No, m_dialogParent);
    box.setObjectName(u"forgetLiveGhostQuestion"_s);
    box.setDefaultButton(QMessageBox::No);
    box.setEscapeButton(QMessageBox::No);
    if (box.exec() == QMessageBox::Yes) {
        sendForgetCluster(outcome.clusterName, true);
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

void OperationDispatcher::registerCandidate(const InstanceKey& key)
{
    const auto found = m_snapshot.promotionRules.constFind(key);
    RegisterCandidateDialog dialog(key,
        found == m_snapshot.promotionRules.cend() ? std::nullopt
                                                  : std::optional<PromotionRule>(found.value()),
        m_config.candidateInstanceExpireMinutes, QDateTime::currentDateTimeUtc(), m_dialogParent);
    dialog.setObjectName(u"registerCandidateDialog"_s);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const PromotionRule rule = dialog.rule();
    if (FleetWorker* fleet = m_fleet) {
        QMetaObject::invokeMethod(
            fleet, [fleet, key, rule] { fleet->registerCandidate(key, rule); },
            Qt::QueuedConnection);
        Q_EMIT message(
            tr("Registering %1 as %2…").arg(key.toString(), PromotionRules::name(rule)), false);
    }
}

} // namespace topograph
