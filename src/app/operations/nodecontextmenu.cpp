#include "operations/nodecontextmenu.h"

#include "ops/operationservice.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

const char* const kOperationProperty = "topographOperation";
const char* const kDestinationProperty = "topographDestination";

} // namespace

NodeContextMenu::NodeContextMenu(const Context& context, const InstanceKey& key, QWidget* parent)
    : QMenu(parent)
    , m_context(context)
    , m_key(key)
{
    setToolTipsVisible(true);
    const InstanceRecord* record = nullptr;
    for (const InstanceRecord& r : m_context.cluster) {
        if (r.key == key) {
            record = &r;
        }
    }
    addLocal(this, tr("&Refresh"), u"refresh"_s, false);
    addSeparator();
    addPlanned(this, tr("Move &up"), u"move-up"_s);
    QMenu* below = addMenu(tr("Move &below"));
    below->setToolTipsVisible(true);
    if (record && record->masterKey) {
        for (const InstanceRecord& r : m_context.cluster) {
            if (r.key != key && r.masterKey == record->masterKey) {
                addPlanned(below, r.key.toString(), u"move-below"_s, r.key);
            }
        }
    }
    if (below->isEmpty()) {
        below->setEnabled(false);
        below->menuAction()->setToolTip(tr("%1 has no siblings").arg(key.toString()));
    }
    QAction* relocate = addLocal(this, tr("Re&locate below…"), u"relocate-picker"_s, true);
    if (record && !record->isReplica()) {
        relocate->setEnabled(false);
        relocate->setToolTip(tr("%1 is not a replica").arg(key.toString()));
    }
    addPlanned(this, tr("&Take master"), u"take-master"_s);
    addPlanned(this, tr("Make &co-master"), u"make-co-master"_s);
    addPlanned(this, tr("Move replicas u&p"), u"move-up-replicas"_s);
    addPlanned(this, tr("Re&point replicas"), u"repoint-replicas"_s);
    addSeparator();
    if (record && record->isReplica() && !record->isReplicationStopped()) {
        addPlanned(this, tr("&Stop replication"), u"stop-replica"_s);
    }
    if (record && record->isReplica() && !record->isReplicating()) {
        addPlanned(this, tr("St&art replication"), u"start-replica"_s);
    }
    if (record && !record->readOnly) {
        addPlanned(this, tr("Set rea&d-only"), u"set-read-only"_s);
    } else {
        addPlanned(this, tr("Set &writeable"), u"set-writeable"_s);
    }
    addSeparator();
    if (m_context.inMaintenance) {
        addLocal(this, tr("&End maintenance"), u"end-maintenance"_s, true);
    } else {
        addLocal(this, tr("Begin &maintenance…"), u"begin-maintenance"_s, true);
    }
    addLocal(this, tr("&Forget"), u"forget"_s, true);
    addSeparator();
    addLocal(this, tr("Cop&y key"), u"copy-key"_s, false);
}

QAction* NodeContextMenu::addPlanned(QMenu* menu, const QString& text, const QString& operation,
    const std::optional<InstanceKey>& destination)
{
    QAction* action = addLocal(menu, text, operation, true);
    if (destination) {
        action->setProperty(kDestinationProperty, QVariant::fromValue(*destination));
    }
    if (!action->isEnabled()) {
        return action;
    }
    OperationRequest request;
    request.operation = operation;
    request.instance = m_key;
    request.destination = destination;
    request.readOnly = m_context.flags.readOnly;
    auto plan
        = OperationService::planWith(m_context.config, request, m_context.cluster, m_context.flags);
    if (!plan) {
        action->setEnabled(false);
        action->setToolTip(plan.error().message);
    } else {
        action->setToolTip(plan->summary());
    }
    return action;
}

QAction* NodeContextMenu::addLocal(
    QMenu* menu, const QString& text, const QString& operation, bool mutates)
{
    QAction* action = menu->addAction(text);
    action->setProperty(kOperationProperty, operation);
    if (mutates && !m_context.readOnlyReason.isEmpty()) {
        action->setEnabled(false);
        action->setToolTip(m_context.readOnlyReason);
    }
    connect(action, &QAction::triggered, this, [this, action, operation] {
        const QVariant destination = action->property(kDestinationProperty);
        Q_EMIT operationRequested(operation, m_key,
            destination.isValid() ? std::optional(destination.value<InstanceKey>()) : std::nullopt);
    });
    return action;
}

QAction* NodeContextMenu::actionFor(
    const QString& operation, const std::optional<InstanceKey>& destination) const
{
    for (QAction* action : findChildren<QAction*>()) {
        if (action->property(kOperationProperty).toString() != operation) {
            continue;
        }
        const QVariant d = action->property(kDestinationProperty);
        if (!destination || (d.isValid() && d.value<InstanceKey>() == *destination)) {
            return action;
        }
    }
    return nullptr;
}

} // namespace topograph
