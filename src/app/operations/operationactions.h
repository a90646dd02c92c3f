#pragma once

#include <QHash>
#include <QObject>

#include <optional>

#include "instancekey.h"
#include "ops/operationregistry.h"
#include "ops/operationstates.h"

class QAction;
class QMenu;
class QWidget;

namespace topograph {

// One QAction per operation of the registry, for the instance selected on the canvas (as Tiled's
// MapDocumentActionHandler owns the map actions): the Instance menu, the card's context menu and
// the details panel's buttons all show these same actions, so an operation is enabled, disabled
// or hidden identically everywhere, from OperationStates (the planner's verdict on the latest
// records). Triggering one only emits triggered(); the main window decides what runs.
class OperationActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OperationActions)

public:
    // The actions are added to window, so that their shortcuts work wherever the focus is.
    explicit OperationActions(QWidget* window);

    QAction* action(Operation operation) const { return m_actions.value(operation); }
    // The instance the actions act on now, if any.
    std::optional<InstanceKey> instance() const { return m_selected; }
    const SelectionContext& context() const { return m_context; }

    // Recomputes every action's state for the selected instance.
    void setContext(const SelectionContext& context, const std::optional<InstanceKey>& selected);

    // The operations in the order and groups the menus show them.
    static QList<QList<Operation>> menuGroups();
    // Adds every action to menu, in groups separated by separators.
    void populate(QMenu* menu) const;
    // A menu of the same actions for the card of the selected instance (deleted on close).
    QMenu* createContextMenu(QWidget* parent) const;

Q_SIGNALS:
    void triggered(topograph::Operation operation, const topograph::InstanceKey& instance);

private:
    void apply(Operation operation, const OperationState& state);

    QHash<Operation, QAction*> m_actions;
    SelectionContext m_context;
    std::optional<InstanceKey> m_selected;
};

} // namespace topograph
