#pragma once

#include <QMenu>

#include <optional>

#include "config/configuration.h"
#include "ops/plannerflags.h"
#include "probe/instancerecord.h"

namespace topograph {

// The context menu of one instance card (DESIGN §10). Every entry that changes replication is
// asked of the planner first, on the latest known records: an entry the planner refuses is
// disabled with the planner's reason as its tooltip. Choosing an entry only emits
// operationRequested(); the main window decides what runs (always through the plan preview).
class NodeContextMenu final : public QMenu
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NodeContextMenu)

public:
    struct Context
    {
        Configuration config;
        QList<InstanceRecord> cluster; // the instance's cluster, as last known
        PlannerFlags flags;
        bool inMaintenance = false;
        QString readOnlyReason; // non-empty: every mutation is disabled with this reason
    };

    NodeContextMenu(const Context& context, const InstanceKey& key, QWidget* parent = nullptr);

    // The action for an operation name ("move-up", "forget", "copy-key", ...), or nullptr; for
    // move-below the destination picks the submenu entry.
    QAction* actionFor(const QString& operation,
        const std::optional<InstanceKey>& destination = std::nullopt) const;

Q_SIGNALS:
    void operationRequested(const QString& operation, const topograph::InstanceKey& key,
        const std::optional<topograph::InstanceKey>& destination);

private:
    QAction* addPlanned(QMenu* menu, const QString& text, const QString& operation,
        const std::optional<InstanceKey>& destination = std::nullopt);
    QAction* addLocal(QMenu* menu, const QString& text, const QString& operation, bool mutates);

    Context m_context;
    InstanceKey m_key;
};

} // namespace topograph
