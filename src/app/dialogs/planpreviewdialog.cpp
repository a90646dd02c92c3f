#include "dialogs/planpreviewdialog.h"

#include <QColor>
#include <QFontDatabase>
#include <QHash>
#include <QKeyEvent>
#include <QPushButton>
#include <QSet>
#include <QTextDocument>
#include <QTime>

#include "ops/executor.h"
#include "ops/plan.h"
#include "timeformat.h"
#include "dialogs/planhtml.h"
#include "ui_planpreviewdialog.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

// Banner colours with their own dark text, so they read the same in light and dark themes.
const QString kAmber = u"#fff4e0"_s;
const QString kAmberBorder = u"#e8a33d"_s;
const QString kRed = u"#fdecea"_s;
const QString kRedBorder = u"#d93025"_s;
const QString kGreen = u"#e6f4ea"_s;
const QString kGreenBorder = u"#34a853"_s;
const QString kGrey = u"#eef1f5"_s;
const QString kGreyBorder = u"#9aa5b1"_s;

QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

enum StandingColumn {
    InstanceColumn,
    ReachableColumn,
    MasterColumn,
    IoColumn,
    SqlColumn,
    ExecutedColumn,
    ErrorColumn,
    StandingColumns,
};

} // namespace

PlanPreviewDialog::PlanPreviewDialog(QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::PlanPreviewDialog>())
{
    m_ui->setupUi(this);
    QFont titleFont = m_ui->titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_ui->titleLabel->setFont(titleFont);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_ui->logView->setFont(fixed);
    m_ui->runButton->setToolTip(tr("Run this plan now (Alt+R). Enter never runs it."));
    m_ui->standingsTable->setColumnCount(StandingColumns);
    m_ui->standingsTable->setHorizontalHeaderLabels({ tr("Instance"), tr("Reachable"), tr("Master"),
        tr("IO thread"), tr("SQL thread"), tr("Executed"), tr("Error") });

    connect(m_ui->runButton, &QPushButton::clicked, this, [this] {
        if (m_state != State::Planned || !m_blockedReason.isEmpty()) {
            return;
        }
        // At once, so that a double click cannot ask twice.
        m_ui->runButton->setEnabled(false);
        Q_EMIT runRequested();
    });
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &PlanPreviewDialog::reject);
    connect(m_ui->closeButton, &QPushButton::clicked, this, &PlanPreviewDialog::reject);
    connect(m_ui->moveBackButton, &QPushButton::clicked, this, [this] {
        m_ui->moveBackButton->setEnabled(false);
        Q_EMIT moveBackRequested();
    });
    applyState(State::Preparing);
}

PlanPreviewDialog::~PlanPreviewDialog() = default;

void PlanPreviewDialog::showPreparing(const QString& title)
{
    setWindowTitle(tr("Plan: %1").arg(title));
    m_ui->titleLabel->setText(title);
    m_ui->methodLabel->clear();
    m_ui->warningsLabel->clear();
    m_ui->planBrowser->setHtml(u"<p>%1</p>"_s.arg(esc(tr("Probing the cluster…"))));
    m_ui->logView->clear();
    m_ui->standingsTable->setRowCount(0);
    m_ui->statusLabel->setText(tr("Probing the cluster…"));
    m_planChanged = false;
    applyState(State::Preparing);
}

void PlanPreviewDialog::setPlan(const Plan& plan)
{
    setWindowTitle(tr("Plan: %1").arg(plan.title));
    m_ui->titleLabel->setText(plan.title);
    QSet<InstanceKey> instances(plan.touched.begin(), plan.touched.end());
    for (const PlanStep& step : plan.steps) {
        instances.insert(step.instance);
    }
    m_ui->methodLabel->setText(
        tr("Method: %1 — %n step(s) on %2 instance(s)", nullptr,
            static_cast<int>(plan.steps.size()))
            .arg(plan.methodDetail.isEmpty() ? methodName(plan.method) : plan.methodDetail)
            .arg(instances.size()));
    if (!plan.warnings.isEmpty()) {
        QString html = u"<b>%1</b><ul style=\"margin: 0\">"_s.arg(esc(tr("⚠ Warnings")));
        for (const QString& warning : plan.warnings) {
            html += u"<li>%1</li>"_s.arg(esc(warning));
        }
        m_ui->warningsLabel->setText(html + u"</ul>"_s);
    } else {
        m_ui->warningsLabel->clear();
    }

    m_ui->planBrowser->setHtml(PlanHtml::describe(plan));
    m_ui->logView->clear();
    m_ui->standingsTable->setRowCount(0);
    m_ui->statusLabel->setText(tr("Nothing has run yet. Read the plan, then Run."));
    m_planChanged = false;
    applyState(State::Planned);
}

void PlanPreviewDialog::setChangedPlan(const Plan& fresh, const QStringList& differences)
{
    setPlan(fresh);
    QString html = u"<b>%1</b> %2<ul style=\"margin: 0\">"_s.arg(
        esc(tr("The topology changed since this plan was made; nothing was run.")),
        esc(tr("The plan below was made again from what the servers say now. Review it, then "
               "Run again. What changed:")));
    for (const QString& difference : differences) {
        html += u"<li>%1</li>"_s.arg(esc(difference));
    }
    setBanner(html + u"</ul>"_s, kAmber, kAmberBorder);
    m_planChanged = true;
    m_ui->statusLabel->setText(tr("Nothing has run. The plan changed: read it again, then Run."));
    applyState(State::Planned);
}

void PlanPreviewDialog::setPlanError(const QString& message)
{
    m_ui->planBrowser->setHtml(u"<p>%1</p>"_s.arg(esc(tr("There is no plan to run."))));
    setBanner(u"<b>%1</b> %2<br>%3"_s.arg(esc(tr("Cannot plan this operation:")), esc(message),
                  esc(tr("Nothing was changed."))),
        kRed, kRedBorder);
    applyState(State::PlanFailed);
}

void PlanPreviewDialog::setRunBlocked(const QString& reason)
{
    m_blockedReason = reason;
    m_ui->blockedLabel->setText(tr("Run is disabled: %1").arg(reason));
    m_ui->blockedLabel->setStyleSheet(
        u"QLabel { background: %1; border: 1px solid %2; border-radius: 4px; color: #202124; }"_s
            .arg(kGrey, kGreyBorder));
    m_ui->runButton->setToolTip(reason.isEmpty()
            ? tr("Run this plan now (Alt+R). Enter never runs it.")
            : tr("Run is disabled: %1").arg(reason));
    applyState(m_state);
}

void PlanPreviewDialog::setRunning()
{
    m_cancelAsked = false;
    m_ui->logView->clear();
    appendLog(tr("Started at %1").arg(TimeFormat::display(QDateTime::currentDateTimeUtc())));
    m_ui->progressBar->setRange(0, 1);
    m_ui->progressBar->setValue(0);
    m_ui->progressBar->setFormat(tr("Starting…"));
    m_ui->statusLabel->setText(tr("Running. Cancel stops after the current step."));
    applyState(State::Running);
}

void PlanPreviewDialog::setProgress(int step, int steps, const QString& description)
{
    if (step == 0) {
        appendLog(tr("Recovery: %1").arg(description));
        m_ui->statusLabel->setText(tr("Recovering: %1").arg(description));
        return;
    }
    m_ui->progressBar->setRange(0, qMax(steps, 1));
    m_ui->progressBar->setValue(step - 1);
    m_ui->progressBar->setFormat(tr("Step %1 of %2").arg(step).arg(steps));
    if (!m_cancelAsked) {
        m_ui->statusLabel->setText(description);
    }
    appendLog(u"[%1/%2] %3"_s.arg(step).arg(steps).arg(description));
}

void PlanPreviewDialog::setReport(const ExecutionReport& report, bool canMoveBack)
{
    if (!report.log.isEmpty()) {
        appendLog(tr("— What ran —"));
        for (const QString& line : report.log) {
            appendLog(line);
        }
    }
    appendLog(
        report.succeeded ? tr("Succeeded and verified.") : tr("Failed: %1").arg(report.error));
    if (report.succeeded) {
        QString html = u"<b>%1</b> %2"_s.arg(esc(tr("Done and verified.")),
            esc(tr("Every instance is where the plan said it would be.")));
        if (!report.backendError.isEmpty()) {
            html += u"<br>"_s
                + esc(tr("Done on the servers, but the backend could not be updated (%1): "
                         "views show the change once the backend is written again.")
                          .arg(report.backendError));
        }
        setBanner(html, kGreen, kGreenBorder);
    } else {
        const QString what = report.changedNothing
            ? tr("Nothing was changed.")
            : tr("%n step(s) ran. Check where each instance stands below.", nullptr,
                report.stepsRun);
        setBanner(u"<b>%1</b> %2<br>%3"_s.arg(esc(tr("Failed:")), esc(report.error), esc(what)),
            kRed, kRedBorder);
    }
    fillStandings(report);
    applyState(State::Finished);
    m_ui->moveBackButton->setVisible(canMoveBack);
    m_ui->moveBackButton->setEnabled(canMoveBack);
    m_ui->tabs->setCurrentWidget(m_ui->resultTab);
}

bool PlanPreviewDialog::isRunning() const
{
    return m_state == State::Running;
}

QPushButton* PlanPreviewDialog::runButton() const
{
    return m_ui->runButton;
}

QPushButton* PlanPreviewDialog::cancelButton() const
{
    return m_ui->cancelButton;
}

QPushButton* PlanPreviewDialog::moveBackButton() const
{
    return m_ui->moveBackButton;
}

QPushButton* PlanPreviewDialog::closeButton() const
{
    return m_ui->closeButton;
}

QString PlanPreviewDialog::planText() const
{
    QStringList parts { m_ui->titleLabel->text(), m_ui->methodLabel->text() };
    if (m_ui->warningsLabel->isVisibleTo(this)) {
        QTextDocument warnings;
        warnings.setHtml(m_ui->warningsLabel->text());
        parts << warnings.toPlainText();
    }
    parts << m_ui->planBrowser->toPlainText();
    return parts.join(u'\n');
}

QString PlanPreviewDialog::logText() const
{
    return m_ui->logView->toPlainText();
}

void PlanPreviewDialog::reject()
{
    if (m_state != State::Running) {
        QDialog::reject();
        return;
    }
    // Hiding the dialog would leave a half-done change with nobody watching: ask to cancel.
    if (!m_cancelAsked) {
        m_cancelAsked = true;
        m_ui->cancelButton->setEnabled(false);
        m_ui->statusLabel->setText(tr("Cancelling after the current step…"));
        appendLog(tr("Cancel requested."));
        Q_EMIT cancelRequested();
    }
}

void PlanPreviewDialog::keyPressEvent(QKeyEvent* event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && focusWidget() == m_ui->runButton) {
        event->accept(); // Enter on a focused Run does nothing: running takes a click or Alt+R
        return;
    }
    QDialog::keyPressEvent(event);
}

void PlanPreviewDialog::applyState(State state)
{
    m_state = state;
    const bool planned = state == State::Planned;
    const bool running = state == State::Running;
    const bool showsResult = state == State::PlanFailed || state == State::Finished;

    m_ui->methodLabel->setVisible(!m_ui->methodLabel->text().isEmpty());
    m_ui->warningsLabel->setVisible(!m_ui->warningsLabel->text().isEmpty() && !showsResult);
    m_ui->warningsLabel->setStyleSheet(
        u"QLabel { background: %1; border: 1px solid %2; border-radius: 4px; color: #3d2800; }"_s
            .arg(kAmber, kAmberBorder));
    m_ui->blockedLabel->setVisible(
        !m_blockedReason.isEmpty() && (planned || state == State::Preparing));
    m_ui->resultLabel->setVisible(showsResult || (planned && m_planChanged));
    m_ui->tabs->setVisible(state != State::PlanFailed);
    m_ui->tabs->setTabEnabled(m_ui->tabs->indexOf(m_ui->resultTab), state == State::Finished);
    if (running) {
        m_ui->tabs->setCurrentWidget(m_ui->logTab);
    } else if (!showsResult) {
        m_ui->tabs->setCurrentWidget(m_ui->planTab);
    }

    // While something happens: a bar and what it is doing. Afterwards the result banner is the
    // one place that says how it ended (a full bar would read like a button).
    m_ui->progressBar->setVisible(state == State::Preparing || running);
    m_ui->statusLabel->setVisible(!showsResult);
    if (state == State::Preparing) {
        m_ui->progressBar->setRange(0, 0); // busy
    }
    m_ui->runButton->setVisible(state == State::Preparing || planned || running);
    m_ui->runButton->setEnabled(planned && m_blockedReason.isEmpty());
    m_ui->cancelButton->setVisible(running);
    m_ui->cancelButton->setEnabled(running && !m_cancelAsked);
    m_ui->closeButton->setEnabled(!running);
    m_ui->moveBackButton->setVisible(false);
    // The default button is the safe one: Enter cancels while running, otherwise closes.
    m_ui->runButton->setDefault(false);
    m_ui->cancelButton->setDefault(running);
    m_ui->closeButton->setDefault(!running);
    if (running) {
        m_ui->cancelButton->setFocus();
    } else if (!planned || !m_ui->runButton->hasFocus()) {
        m_ui->closeButton->setFocus();
    }
}

void PlanPreviewDialog::setBanner(
    const QString& html, const QString& background, const QString& border)
{
    m_ui->resultLabel->setText(html);
    m_ui->resultLabel->setStyleSheet(
        u"QLabel { background: %1; border: 1px solid %2; border-radius: 4px; color: #202124; }"_s
            .arg(background, border));
}

void PlanPreviewDialog::appendLog(const QString& line)
{
    m_ui->logView->appendPlainText(line);
}

void PlanPreviewDialog::fillStandings(const ExecutionReport& report)
{
    QTableWidget* table = m_ui->standingsTable;
    table->setRowCount(static_cast<int>(report.standings.size()));
    for (int row = 0; row < table->rowCount(); ++row) {
        const InstanceStanding& s = report.standings.at(row);
        const QString running = tr("running");
        const QString stopped = tr("stopped");
        const QString none = s.reachable ? tr("none") : QString();
        const QStringList cells {
            s.key.toString(),
            s.reachable ? tr("yes") : tr("no"),
            s.reachable ? (s.master ? s.master->toString() : tr("not a replica")) : QString(),
            s.reachable && s.master ? (s.ioRunning ? running : stopped) : QString(),
            s.reachable && s.master ? (s.sqlRunning ? running : stopped) : QString(),
            s.executed.isValid() ? s.executed.toString() : QString(),
            s.error.isEmpty() ? none : s.error,
        };
        for (int column = 0; column < StandingColumns; ++column) {
            auto* item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(s.describe());
            if ((column == ErrorColumn && !s.error.isEmpty())
                || (column == ReachableColumn && !s.reachable)) {
                item->setForeground(QColor(kRedBorder));
            }
            table->setItem(row, column, item);
        }
    }
    table->resizeColumnsToContents();
}

} // namespace topograph
