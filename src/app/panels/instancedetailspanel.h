#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>
#include <QWidget>

#include <memory>
#include <optional>

#include "backend/maintenancestore.h"
#include "probe/instancerecord.h"
#include "topology/instancestatus.h"

class QPushButton;

namespace Ui {
class InstanceDetailsPanel;
}

namespace topograph {

class InstanceDetailsModel;

// The instance details dock (DESIGN §10): a header with the instance and its status, every field
// of InstanceDetailsModel in sections, and buttons for the common actions. The buttons only ask
// (actionRequested with orchestrator's command name); nothing here runs SQL. A button is enabled
// when the action applies to the instance (start or stop replication, begin or end maintenance,
// ...) and the controller has not disabled it with a reason (read-only mode, an operation
// running), which then shows as its tooltip.
class InstanceDetailsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InstanceDetailsPanel)

public:
    explicit InstanceDetailsPanel(QWidget* parent = nullptr);
    ~InstanceDetailsPanel() override;

    // Same arguments as InstanceDetailsModel::setInstance; polling the same instance updates
    // the values in place.
    void setInstance(const InstanceRecord& record, const QString& clusterAlias,
        const std::optional<MaintenanceLock>& maintenance, const QDateTime& now,
        const InstanceStatus::Thresholds& thresholds);
    void clear();

    // operation: one of operations(). Disabled with a reason until enabled again.
    void setActionEnabled(const QString& operation, bool enabled, const QString& reason);

    InstanceDetailsModel* model() const;
    std::optional<InstanceKey> instanceKey() const;
    // The button that currently stands for operation, or null (for tests and the controller).
    QPushButton* actionButton(const QString& operation) const;

    // "refresh", "move-up", "take-master", "start-replica", "stop-replica",
    // "begin-maintenance", "end-maintenance".
    static QStringList operations();

Q_SIGNALS:
    void actionRequested(const QString& operation);

private:
    void updateHeader();
    void updateButtons();
    void applySpans();
    QString operationOf(const QPushButton* button) const;
    QString notApplicableReason(const QString& operation) const;

    std::unique_ptr<Ui::InstanceDetailsPanel> m_ui;
    InstanceDetailsModel* m_model;
    QHash<QString, QString> m_blocked; // operation → why the controller disabled it
    bool m_replica = false;
    bool m_replicating = false;
    bool m_inMaintenance = false;
};

} // namespace topograph
