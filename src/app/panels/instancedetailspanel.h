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

class QAction;
class QToolButton;

namespace Ui {
class InstanceDetailsPanel;
}

namespace topograph {

class InstanceDetailsModel;

// The instance details dock (DESIGN §10): a header with the instance and its status, every field
// of InstanceDetailsModel in sections, and buttons for the common operations. The buttons show
// the main window's operation actions (OperationActions): each button follows its action's
// text, enabled state, tooltip and visibility, so the panel, the Instance menu and the context
// menu never disagree. Nothing here runs SQL. Ctrl+C copies the current row's value (times in
// ISO 8601).
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

    // One button per action, in this order, laid out in rows of three of the visible ones.
    void setActions(const QList<QAction*>& actions);
    QToolButton* buttonFor(const QAction* action) const; // null when the action has none
    int buttonColumns() const; // 3, or fewer when the panel is too narrow for them

    InstanceDetailsModel* model() const;
    std::optional<InstanceKey> instanceKey() const;
    QString copyCurrentValue() const; // what Ctrl+C copies: the current row's value

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void copyValue();
    void updateHeader();
    void applySpans();
    void layOutButtons();

    std::unique_ptr<Ui::InstanceDetailsPanel> m_ui;
    InstanceDetailsModel* m_model;
    QList<QToolButton*> m_buttons;
    int m_columns = 0; // of the buttons as laid out now
    bool m_inMaintenance = false;
};

} // namespace topograph
