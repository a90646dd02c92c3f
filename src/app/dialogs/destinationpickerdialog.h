#pragma once

#include <QDialog>
#include <QHash>

#include <memory>
#include <optional>

#include "instancekey.h"
#include "ops/targetverdicts.h"

class QSortFilterProxyModel;

namespace Ui {
class DestinationPickerDialog;
}

namespace topograph {

class DestinationListModel;

// "Move to…" from the keyboard: the destinations of one operation with the planner's verdict on
// each, filtered as you type (part of a host name or alias), Up/Down to choose, Enter to take
// the chosen one. Refused destinations stay listed, greyed, with the planner's reason. What is
// chosen only goes to the plan preview: nothing runs from here.
class DestinationPickerDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DestinationPickerDialog)

public:
    DestinationPickerDialog(const QString& title, const QString& prompt,
        const QHash<InstanceKey, TargetVerdict>& verdicts,
        const QHash<InstanceKey, QString>& aliases, QWidget* parent = nullptr);
    ~DestinationPickerDialog() override;

    std::optional<InstanceKey> chosen() const;
    void setFilterText(const QString& text); // as if typed (tests)
    int shownCount() const; // rows that match the filter

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void selectFirstAcceptable();
    void updateVerdict();

    std::unique_ptr<Ui::DestinationPickerDialog> m_ui;
    DestinationListModel* m_model;
    QSortFilterProxyModel* m_filter;
};

} // namespace topograph
