#pragma once

#include <QObject>
#include <QPointer>

#include <optional>

#include "dialogs/planpreviewdialog.h"
#include "ops/executor.h"
#include "ops/operationservice.h"
#include "ops/plan.h"

class QWidget;

namespace topograph {

class OperationHistory;
class OperationWorker;

// Drives one topology operation from the GUI (DESIGN §10): opens the plan preview, has the
// operation worker probe the cluster afresh and plan, runs the plan when the user says so with
// progress and Cancel (the worker plans once more from fresh probes then, and runs nothing but
// shows the new plan when it differs from the one on screen), shows the verified result,
// records it in the session's history, and offers the reverse move ("Move back") after a move that
// succeeded, in the result and later from the history. All SQL runs on the worker's thread.
class OperationController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OperationController)

public:
    OperationController(QWidget* dialogParent, QObject* parent = nullptr);

    // The worker changes when the configuration does; answers of the old one are dropped.
    void setWorker(OperationWorker* worker);
    // Why nothing may run now (read-only mode), or empty.
    void setRunBlockedReason(const QString& reason) { m_blockedReason = reason; }

    // Opens the preview for request; previousMaster is the moved instance's master now, for
    // Move back. Refused (returns false) while another operation runs.
    bool request(const OperationRequest& request,
        const std::optional<InstanceKey>& previousMaster = std::nullopt);
    // Plans the reverse of the history's entry (it must be movable).
    bool moveBack(int historyIndex);
    PlanPreviewDialog* dialog() const { return m_dialog; }
    bool isRunning() const { return m_running; }
    OperationHistory* history() const { return m_history; }

Q_SIGNALS:
    void operationFinished(const topograph::Plan& plan, const topograph::ExecutionReport& report);
    void runningChanged(bool running);

private:
    void onPrepared(quint64 ticket, const topograph::Plan& plan);
    void onPrepareFailed(quint64 ticket, const QString& message);
    void onPlanChanged(
        quint64 ticket, const topograph::Plan& fresh, const QStringList& differences);
    void onProgress(quint64 ticket, int step, int steps, const QString& description);
    void onFinished(quint64 ticket, const topograph::ExecutionReport& report);
    void run();
    void cancel();
    void setRunning(bool running);
    PlanPreviewDialog* ensureDialog();

    QWidget* m_dialogParent;
    QPointer<OperationWorker> m_worker;
    QPointer<PlanPreviewDialog> m_dialog;
    OperationHistory* m_history;
    QString m_blockedReason;
    quint64 m_ticket = 0;
    bool m_running = false;
    OperationRequest m_request;
    std::optional<InstanceKey> m_previousMaster;
    std::optional<int> m_movesBack; // the history entry the current request moves back
    std::optional<int> m_lastEntry; // the history entry of the last finished operation
    std::optional<Plan> m_plan;
};

} // namespace topograph
