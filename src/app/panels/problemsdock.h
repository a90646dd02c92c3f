#pragma once

#include <QObject>

#include "fleet/problem.h"

class QDockWidget;
class QLabel;
class QMainWindow;

namespace topograph {

class ProblemsPanel;

// The problems dock and its count in the status bar: what the replication analysis of the
// latest snapshot found (computed on the fleet thread), shown as it is. Ctrl+Shift+P shows or hides
// it.
class ProblemsDock final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProblemsDock)

public:
    // Adds the dock to window's bottom area (tabbed with `tabWith` when given) and the count to
    // its status bar.
    ProblemsDock(QMainWindow* window, QDockWidget* tabWith);

    void setProblems(const QList<Problem>& problems);

    QDockWidget* dock() const { return m_dock; }
    ProblemsPanel* panel() const { return m_panel; }
    QLabel* statusLabel() const { return m_status; }

    // The findings per instance, "Code: description" each, for the canvas.
    static QHash<InstanceKey, QStringList> byInstance(const QList<Problem>& problems);

Q_SIGNALS:
    void instanceActivated(const topograph::InstanceKey& key);

private:
    ProblemsPanel* m_panel;
    QDockWidget* m_dock;
    QLabel* m_status;
};

} // namespace topograph
