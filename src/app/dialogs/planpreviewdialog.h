#pragma once

#include <QDialog>

#include <memory>

class QPushButton;

namespace Ui {
class PlanPreviewDialog;
}

namespace topograph {

struct ExecutionReport;
struct Plan;

// Shows a topology operation's plan before it runs (DESIGN §7, §10): method, numbered steps with
// the exact SQL per instance, the instances that stop replicating, warnings and the expected end
// state; then progress while it runs and where every instance stands afterwards. The dialog runs
// nothing itself: it asks through signals, and the controller drives its states.
//
// Enter never runs a replication change: Close (or Cancel while running) is the default button,
// and Run needs a click or Alt+R. While running, Escape and the window's close button ask for
// cancellation instead of hiding the only view of what is happening.
class PlanPreviewDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlanPreviewDialog)

public:
    explicit PlanPreviewDialog(QWidget* parent = nullptr);
    ~PlanPreviewDialog() override;

    // Waiting for a plan: a busy bar, Run disabled.
    void showPreparing(const QString& title);
    // The plan, ready to run (unless setRunBlocked gave a reason).
    void setPlan(const Plan& plan);
    // Run found the topology changed: nothing ran; the fresh plan, ready to run, under a banner
    // listing how it differs from the one shown before.
    void setChangedPlan(const Plan& fresh, const QStringList& differences);
    // The planner refused or failed: the reason, and only Close.
    void setPlanError(const QString& message);
    // Run stays disabled with the reason shown (read-only mode, ...); an empty reason lifts it.
    void setRunBlocked(const QString& reason);
    // Running: Run and Close disabled, Cancel enabled, a determinate bar.
    void setRunning();
    // step 1..steps while running; step 0 is a recovery notice (logged, the bar stays).
    void setProgress(int step, int steps, const QString& description);
    // The outcome, the log of what ran and where each instance stands.
    void setReport(const ExecutionReport& report, bool canMoveBack);

    bool isRunning() const;
    QPushButton* runButton() const;
    QPushButton* cancelButton() const;
    QPushButton* moveBackButton() const;
    QPushButton* closeButton() const;

    // The plan as shown, as plain text (for copying and for tests).
    QString planText() const;
    QString logText() const;

public Q_SLOTS:
    void reject() override;

Q_SIGNALS:
    void runRequested();
    void cancelRequested();
    void moveBackRequested();

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    enum class State {
        Preparing,
        Planned,
        PlanFailed,
        Running,
        Finished,
    };

    void applyState(State state);
    void setBanner(const QString& html, const QString& background, const QString& border);
    void appendLog(const QString& line);
    void fillStandings(const ExecutionReport& report);

    std::unique_ptr<Ui::PlanPreviewDialog> m_ui;
    State m_state = State::Preparing;
    QString m_blockedReason;
    bool m_cancelAsked = false;
    bool m_planChanged = false; // the plan shown replaced one that Run found out of date
};

} // namespace topograph
