#include "ops/executor.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QThread>

#include <map>

#include "backend/backend.h"
#include "backend/maintenancestore.h"
#include "db/connectionsettings.h"
#include "logging.h"
#include "ops/executionsupport.h"

using namespace Qt::StringLiterals;

namespace topograph {

QString InstanceStanding::describe() const
{
    if (!reachable) {
        return u"%1: cannot be read: %2"_s.arg(key.toString(), error);
    }
    if (!master) {
        return u"%1: not a replica"_s.arg(key.toString());
    }
    const QString io = ioRunning ? u"running"_s
        : ioState.compare(u"Connecting"_s, Qt::CaseInsensitive) == 0
        ? u"connecting (not yet receiving)"_s
        : u"stopped"_s;
    QString text = u"%1: replica of %2, IO %3, SQL %4, executed %5"_s.arg(key.toString(),
        master->toString(), io, sqlRunning ? u"running"_s : u"stopped"_s, executed.toString());
    if (!untilCondition.isEmpty()) {
        text += u", START SLAVE UNTIL still pending (%1)"_s.arg(untilCondition);
    }
    if (!error.isEmpty()) {
        text += u", error: "_s + error;
    }
    return text;
}

QString ExecutionReport::describe() const
{
    QStringList lines;
    lines << (succeeded ? u"succeeded"_s : u"FAILED: "_s + error);
    if (changedNothing) {
        lines << u"nothing was changed"_s;
    }
    lines << u"where each instance stands:"_s;
    for (const InstanceStanding& s : standings) {
        lines << u"  "_s + s.describe();
    }
    if (!notRestored.isEmpty()) {
        lines << u"NOT put back as before the operation (check these by hand):"_s;
        for (const QString& line : notRestored) {
            lines << u"  "_s + line;
        }
    }
    if (!backendError.isEmpty()) {
        lines << u"the backend was not updated with this state: "_s + backendError;
    }
    return lines.join(u'\n');
}

Executor::Executor(const Configuration& config, const Backend* backend)
    : m_config(config)
    , m_backend(backend)
{ }

ExecutionReport Executor::run(
    const Plan& plan, const Progress& progress, const std::atomic<bool>* cancel) const
{
    ExecutionReport report;
    report.changedNothing = true;
    ExecutionContext ctx(m_config, plan, report);
    ctx.setCancel(cancel);

    // 1. A connection to every instance, and how its replication stands, before anything
    //    changes.
    if (auto opened = ctx.openSessions(); !opened) {
        report.error = opened.error().message;
        return report;
    }
    if (auto read = ctx.readThreadsBefore(); !read) {
        report.error = read.error().message;
        return report;
    }
    // 2. Maintenance locks on the instances this plan stops, and the "operation started" audit
    //    row: if the process dies from here on, the backend shows what it was doing.
    if (m_backend) {
        if (auto locked = ctx.lock(MaintenanceStore(*m_backend)); !locked) {
            report.error = locked.error().message;
            return report;
        }
        if (auto journal = ctx.openJournal(*m_backend); !journal) {
            ctx.unlock(MaintenanceStore(*m_backend));
            report.error = journal.error().message;
            return report;
        }
    }
    // 3. The steps.
    Result<void> outcome;
    for (qsizetype i = 0; i < plan.steps.size(); ++i) {
        const PlanStep& step = plan.steps.at(i);
        if (cancel && cancel->load()) {
            outcome = makeError(ErrorCode::Refused,
                u"cancelled before step %1 of %2"_s.arg(i + 1).arg(plan.steps.size()));
            break;
        }
        if (progress) {
            progress(
                static_cast<int>(i) + 1, static_cast<int>(plan.steps.size()), step.description);
        }
        outcome = ctx.runStep(step);
        if (!outcome) {
            outcome = makeError(outcome.error().code,
                u"step %1 (%2) failed: %3"_s.arg(
                    QString::number(i + 1), step.description, outcome.error().message));
            break;
        }
        report.stepsRun = static_cast<int>(i) + 1;
    }
    if (!outcome) {
        report.error = outcome.error().message;
        ctx.recover(recoveryWindowSeconds, ioThreadWaitSeconds, [&progress](const QString& notice) {
            if (progress) {
                progress(0, 0, notice); // step 0: recovery
            }
        });
    }
    // 4. Where everyone stands; verify the end state when the steps went through.
    if (outcome) {
        if (auto verified = ctx.verify(ioThreadWaitSeconds); !verified) {
            report.error = verified.error().message;
            outcome = verified;
        }
    }
    ctx.readStandings();
    report.succeeded = outcome.ok();
    // 5. Locks released, one audit row.
    if (m_backend) {
        ctx.unlock(MaintenanceStore(*m_backend));
        ctx.audit(*m_backend);
    }
    qCInfo(lcOps).noquote() << plan.title << (report.succeeded ? "succeeded" : "failed:")
                            << report.error;
    return report;
}

} // namespace topograph
