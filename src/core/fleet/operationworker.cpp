#include "fleet/operationworker.h"

#include "backend/backend.h"
#include "ops/plancomparison.h"
#include "ops/unfinishedrecovery.h"

using namespace Qt::StringLiterals;

namespace topograph {

OperationWorker::OperationWorker(Configuration config, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    registerMetaTypes();
}

OperationWorker::~OperationWorker() = default;

void OperationWorker::registerMetaTypes()
{
    qRegisterMetaType<topograph::OperationRequest>();
    qRegisterMetaType<topograph::Plan>();
    qRegisterMetaType<topograph::ExecutionReport>();
    qRegisterMetaType<topograph::UnfinishedOperation>();
    qRegisterMetaType<QList<topograph::UnfinishedOperation>>();
}

void OperationWorker::setReadOnly(bool readOnly)
{
    m_config.readOnly = readOnly;
}

void OperationWorker::close()
{
    m_backend.reset();
}

Result<const Backend*> OperationWorker::backend()
{
    if (!m_backend) {
        auto opened = Backend::open(m_config);
        if (!opened) {
            return opened.error();
        }
        m_backend = std::move(opened).value();
    }
    return m_backend.get();
}

void OperationWorker::prepare(const OperationRequest& request, quint64 ticket)
{
    auto db = backend();
    if (!db) {
        Q_EMIT prepareFailed(ticket, tr("Cannot open the backend: %1").arg(db.error().message));
        return;
    }
    OperationRequest asked = request;
    asked.readOnly = asked.readOnly || m_config.readOnly;
    const OperationService service(m_config, **db);
    auto plan = service.plan(asked);
    if (!plan) {
        Q_EMIT prepareFailed(ticket, plan.error().message);
        return;
    }
    Q_EMIT prepared(ticket, *plan);
}

void OperationWorker::run(const OperationRequest& request, const Plan& previewed, quint64 ticket)
{
    m_cancel.store(false);
    auto db = backend();
    if (!db) {
        ExecutionReport report;
        report.changedNothing = true;
        report.error = tr("Cannot open the backend: %1").arg(db.error().message);
        Q_EMIT finished(ticket, report);
        return;
    }
    if (m_config.readOnly) {
        ExecutionReport report;
        report.changedNothing = true;
        report.error = tr("Read-only mode: %1 was not run.").arg(previewed.title);
        Q_EMIT finished(ticket, report);
        return;
    }
    // The preview may be minutes old: what runs is planned now, from fresh probes, and only
    // when it is what the user reviewed.
    OperationRequest asked = request;
    asked.readOnly = asked.readOnly || m_config.readOnly;
    const OperationService service(m_config, **db);
    auto fresh = service.plan(asked);
    if (!fresh) {
        Q_EMIT prepareFailed(ticket,
            tr("Nothing was run: planned again from fresh probes when Run was pressed, it fails: "
               "%1")
                .arg(fresh.error().message));
        return;
    }
    if (const QStringList differences = PlanComparison::differences(previewed, *fresh);
        !differences.isEmpty()) {
        Q_EMIT planChanged(ticket, *fresh, differences);
        return;
    }
    const ExecutionReport report = service.execute(
        *fresh,
        [this, ticket](int step, int steps, const QString& description) {
            Q_EMIT progress(ticket, step, steps, description);
        },
        &m_cancel);
    Q_EMIT finished(ticket, report);
}

void OperationWorker::findUnfinished()
{
    auto db = backend();
    if (!db) {
        Q_EMIT unfinishedFound({}, db.error().message);
        return;
    }
    auto found = OperationJournal(**db).unfinished();
    if (!found) {
        Q_EMIT unfinishedFound({}, found.error().message);
        return;
    }
    QList<UnfinishedOperation> dead;
    for (const UnfinishedOperation& op : *found) {
        if (!op.stillRunning) {
            dead << op;
        }
    }
    Q_EMIT unfinishedFound(dead, QString());
}

void OperationWorker::recoverUnfinished(const QList<UnfinishedOperation>& operations)
{
    auto db = backend();
    if (!db || m_config.readOnly || (*db)->isReadOnly()) {
        const QString why = !db ? db.error().message
            : m_config.readOnly ? tr("read-only mode is on")
                                : (*db)->readOnlyReason();
        Q_EMIT unfinishedRecovered({ tr("Nothing was restarted: %1.").arg(why) }, false);
        return;
    }
    QStringList report;
    bool allClosed = true;
    for (const UnfinishedOperation& op : operations) {
        const UnfinishedCheck check = UnfinishedRecovery(m_config, **db).recover(op);
        report << op.title + u":\n  "_s + check.lines.join(u"\n  "_s)
                + (check.closed ? u"\n  closed as interrupted"_s
                                : u"\n  NOT closed: check by hand"_s);
        allClosed = allClosed && check.closed;
    }
    Q_EMIT unfinishedRecovered(report, allClosed);
}

} // namespace topograph
