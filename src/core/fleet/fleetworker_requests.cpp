// FleetWorker: the GUI's requests beside polling, answered through FleetRequests (forget an
// instance or a ghost cluster, the resolve cache, maintenance, promotion rules) and the audit log.
#include "fleet/fleetworker.h"

#include "backend/auditstore.h"
#include "backend/backend.h"

using namespace Qt::StringLiterals;

namespace topograph {

bool FleetWorker::ready(const QString& what)
{
    return m_requests && requireWritable(what);
}

void FleetWorker::answer(const Result<QString>& outcome)
{
    emitSnapshot();
    emitPollState();
    if (!outcome) {
        Q_EMIT failed(outcome.error().message);
        return;
    }
    Q_EMIT done(*outcome);
}

void FleetWorker::forget(const InstanceKey& key)
{
    if (ready(tr("forget %1").arg(key.toString()))) {
        answer(m_requests->forget(key));
    }
}

void FleetWorker::readAudit(qint64 afterId, int limit)
{
    if (!m_backend) {
        return;
    }
    auto entries = AuditStore(*m_backend).recent(limit, std::nullopt, afterId);
    if (!entries) {
        Q_EMIT auditRead({}, tr("Cannot read the audit log: %1").arg(entries.error().message));
        return;
    }
    Q_EMIT auditRead(*entries, QString());
}

void FleetWorker::forgetCluster(const QString& clusterName, bool force)
{
    ForgetClusterOutcome outcome;
    outcome.clusterName = clusterName;
    if (!m_requests) {
        outcome.error = makeError(ErrorCode::Refused, tr("The backend is not open."));
    } else if (m_config.readOnly) {
        outcome.error = makeError(ErrorCode::Refused,
            tr("Read-only mode: cannot forget the cluster %1.").arg(clusterName));
    } else if (auto writable = m_backend->requireWritable(); !writable) {
        outcome.error = writable.error();
    } else {
        outcome = m_requests->forgetCluster(clusterName, force);
    }
    emitSnapshot();
    emitPollState();
    if (outcome.ok) {
        Q_EMIT done(tr("Forgot the cluster %1").arg(clusterName));
    } else if (!outcome.needsConfirmation) {
        Q_EMIT failed(outcome.error.message);
    }
    Q_EMIT forgetClusterFinished(outcome);
}

void FleetWorker::forgetAndIgnore(const InstanceKey& key)
{
    if (ready(tr("forget and ignore %1").arg(key.toString()))) {
        answer(m_requests->forgetAndIgnore(key));
    }
}

void FleetWorker::deleteResolveEntry(const QString& hostname)
{
    if (ready(tr("delete the resolve entry of %1").arg(hostname))) {
        answer(m_requests->deleteResolveEntry(hostname));
    }
}

void FleetWorker::deleteUnresolveEntry(const QString& hostname)
{
    if (ready(tr("delete the unresolve entry of %1").arg(hostname))) {
        answer(m_requests->deleteUnresolveEntry(hostname));
    }
}

void FleetWorker::resetResolveCache()
{
    if (ready(tr("reset the hostname resolve cache"))) {
        answer(m_requests->resetResolveCache());
    }
}

void FleetWorker::beginMaintenance(const InstanceKey& key, const QString& reason, int minutes)
{
    if (ready(tr("begin maintenance on %1").arg(key.toString()))) {
        answer(m_requests->beginMaintenance(key, reason, minutes));
    }
}

void FleetWorker::endMaintenance(const InstanceKey& key)
{
    if (ready(tr("end maintenance on %1").arg(key.toString()))) {
        answer(m_requests->endMaintenance(key));
    }
}

void FleetWorker::registerCandidate(const InstanceKey& key, PromotionRule rule)
{
    if (ready(tr("register %1 as a candidate").arg(key.toString()))) {
        answer(m_requests->registerCandidate(key, rule));
    }
}

} // namespace topograph
