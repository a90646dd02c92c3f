#include "operations/operationactions.h"

#include <QAction>
#include <QKeySequence>
#include <QMenu>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace topograph {

OperationActions::OperationActions(QWidget* window)
    : QObject(window)
{
    for (const OperationInfo& info : OperationRegistry::all()) {
        const Operation operation = info.operation;
        auto* action = new QAction(OperationRegistry::label(operation), this);
        action->setObjectName(u"operation-"_s
            + (info.cliName[0]
                    ? OperationRegistry::cliName(operation)
                    : OperationRegistry::plainLabel(operation).toLower().replace(u' ', u'-')));
        action->setData(QVariant::fromValue(static_cast<int>(operation)));
        if (info.shortcut[0]) {
            action->setShortcut(QKeySequence::fromString(
                QString::fromLatin1(info.shortcut), QKeySequence::PortableText));
        }
        action->setStatusTip(OperationRegistry::help(operation));
        connect(action, &QAction::triggered, this, [this, operation] {
            // A shortcut reaches a disabled action's slot never; a stale selection must not act.
            if (m_selected && m_actions.value(operation)->isEnabled()) {
                Q_EMIT triggered(operation, *m_selected);
            }
        });
        window->addAction(action);
        m_actions.insert(operation, action);
    }
    setContext({}, std::nullopt);
}

void OperationActions::setContext(
    const SelectionContext& context, const std::optional<InstanceKey>& selected)
{
    m_context = context;
    m_selected = selected;
    const QHash<Operation, OperationState> states = OperationStates::all(context, selected);
    for (auto it = states.cbegin(); it != states.cend(); ++it) {
        apply(it.key(), it.value());
    }
}

void OperationActions::apply(Operation operation, const OperationState& state)
{
    QAction* action = m_actions.value(operation);
    action->setVisible(state.visible);
    action->setEnabled(state.enabled);
    action->setToolTip(
        state.toolTip.isEmpty() ? OperationRegistry::plainLabel(operation) : state.toolTip);
}

QList<QList<Operation>> OperationActions::menuGroups()
{
    return {
        { Operation::Refresh, Operation::CopyKey },
        { Operation::Relocate, Operation::MoveUp, Operation::MoveBelow, Operation::Repoint,
            Operation::MoveEquivalent, Operation::TakeMaster, Operation::MakeCoMaster },
        { Operation::RelocateReplicas, Operation::MoveUpReplicas, Operation::RepointReplicas },
        { Operation::StopReplica, Operation::StartReplica, Operation::RestartReplica,
            Operation::SetReadOnly, Operation::SetWriteable, Operation::CleanHeartbeat,
            Operation::CleanClusterHeartbeat },
        { Operation::BeginMaintenance, Operation::EndMaintenance, Operation::RegisterCandidate,
            Operation::Forget, Operation::ForgetCluster },
    };
}

void OperationActions::populate(QMenu* menu) const
{
    menu->setToolTipsVisible(true);
    bool first = true;
    for (const QList<Operation>& group : menuGroups()) {
        if (!first) {
            menu->addSeparator();
        }
        first = false;
        for (const Operation operation : group) {
            menu->addAction(m_actions.value(operation));
        }
    }
}

QMenu* OperationActions::createContextMenu(QWidget* parent) const
{
    auto* menu = new QMenu(parent);
    menu->setObjectName(u"nodeContextMenu"_s);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    populate(menu);
    return menu;
}

} // namespace topograph
