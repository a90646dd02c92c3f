#include "fleet/operationworker.h"

#include "backend/backend.h"

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

void OperationWorker::run(const Plan& plan, quint64 ticket)
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
        report.error = tr("Read-only mode: %1 was not run.").arg(plan.title);
        Q_EMIT finished(ticket, report);
        return;
    }
    const OperationService service(m_config, **db);
    const ExecutionReport report = service.execute(
        plan,
        [this, ticket](int step, int steps, const QString& description) {
            Q_EMIT progress(ticket, step, steps, description);
        },
        &m_cancel);
    Q_EMIT finished(ticket, report);
}

} // namespace topograph
