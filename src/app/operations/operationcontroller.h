#pragma once

#include <QObject>
#include <QPointer>

#include <optional>

#include "ops/executor.h"
#include "ops/operationservice.h"
#include "dialogs/planpreviewdialog.h"
#include "ops/plan.h"

class QWidget;

namespace topograph {

class OperationWorker;

// Drives one topology operation from the GUI (DESIGN §10): opens the plan preview, has the
// operation worker probe the cluster afresh and plan, runs the plan when the user says so with
// progress and Cancel, shows the verified result, and offers the reverse move ("Move back") after
// a move that succeeded. All SQL runs on the worker's thread.
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
    // Move back.
    void request(const OperationRequest& request,
        const std::optional<InstanceKey>& previousMaster = std::nullopt);
    PlanPreviewDialog* dialog() const { return m_dialog; }
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void operationFinished(const topograph::Plan& plan, const topograph::ExecutionReport& report);

private:
    void onPrepared(quint64 ticket, const topograph::Plan& plan);
    void onPrepareFailed(quint64 ticket, const QString& message);
    void onProgress(quint64 ticket, int step, int steps, const QString& description);
    void onFinished(quint64 ticket, const topograph::ExecutionReport& report);
    void run();
    void cancel();
    void moveBack();
    PlanPreviewDialog* ensureDialog();

    QWidget* m_dialogParent;
    QPointer<OperationWorker> m_worker;
    QPointer<PlanPreviewDialog> m_dialog;
    QString m_blockedReason;
    quint64 m_ticket = 0;
    bool m_running = false;
    OperationRequest m_request;
    std::optional<InstanceKey> m_previousMaster;
    std::optional<Plan> m_plan;
};

} // namespace topograph
