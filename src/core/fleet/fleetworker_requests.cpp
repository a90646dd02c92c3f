// FleetWorker: what the GUI asks of the backend beside polling (forget an instance or a ghost
// cluster, the resolve cache's deletes and reset, maintenance locks, the audit log).
#include "fleet/fleetworker.h"

#include "backend/adminactions.h"
#include "backend/auditstore.h"
#include "backend/backend.h"
#include "backend/instancestore.h"
#include "backend/maintenancestore.h"
#include "backend/resolvestore.h"
#include "backend/unresolvestore.h"
#include "logging.h"
#include "resolve/hostnameresolver.h"
#include "resolve/discoveryfilter.h"

using namespace Qt::StringLiterals;

namespace topograph {

void FleetWorker::forget(const InstanceKey& key)
{
    if (!m_backend || !requireWritable(tr("forget %1").arg(key.toString()))) {
        return;
    }
    m_engine->stopPolling({ key }, false);
    auto existed = AdminActions(*m_backend).forget(key);
    emitSnapshot();
    emitPollState();
    if (!existed || !*existed) {
        Q_EMIT failed(
            tr("Cannot forget %1: %2")
                .arg(key.toString(), existed ? tr("it is not known") : existed.error().message));
        return;
    }
    Q_EMIT done(tr("Forgot %1").arg(key.toString()));
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

ForgetClusterOutcome FleetWorker::runForgetCluster(const QString& clusterName, bool force)
{
    ForgetClusterOutcome outcome;
    outcome.clusterName = clusterName;
    auto refuse = [&](ErrorCode code, const QString& message) {
        outcome.error = makeError(code, message);
        return outcome;
    };
    if (!m_backend) {
        return refuse(ErrorCode::Refused, tr("The backend is not open."));
    }
    if (m_config.readOnly) {
        return refuse(ErrorCode::Refused,
            tr("Read-only mode: cannot forget the cluster %1.").arg(clusterName));
    }
    if (auto writable = m_backend->requireWritable(); !writable) {
        return refuse(writable.error().code, writable.error().message);
    }
    auto records = InstanceStore(*m_backend).readAll();
    auto resolves = records
        ? ResolveStore(*m_backend, m_config.expiryHostnameResolvesMinutes).everything()
        : Result<QList<ResolveEntry>>(records.error());
    if (!resolves) {
        return refuse(
            resolves.error().code, tr("Cannot read the backend: %1").arg(resolves.error().message));
    }
    const auto decision = ForgetClusterPlanner::decide(
        clusterName, *records, *resolves, QDateTime::currentDateTimeUtc(), thresholds(), force);
    outcome.liveHosts = LiveReplicationCheck::describe(decision.liveHosts);
    if (decision.refusal != ForgetClusterPlanner::Refusal::None) {
        outcome.needsConfirmation
            = decision.refusal == ForgetClusterPlanner::Refusal::StillReplicating;
        return refuse(ErrorCode::Refused, decision.message);
    }
    // Pause polling for the keys first: an answer arriving while the rows go must not write
    // them back.
    m_engine->stopPolling(decision.request.keys, decision.request.ghost);
    auto report = AdminActions(*m_backend).forgetCluster(decision.request);
    if (!report) {
        // Nothing was removed (one transaction): poll them again.
        m_engine->resumePolling(decision.request.keys);
        return refuse(report.error().code,
            tr("Cannot forget the cluster %1: %2").arg(clusterName, report.error().message));
    }
    QStringList names = decision.request.resolveHostnames;
    for (const ResolveEntry& e : std::as_const(*resolves)) {
        if (names.contains(e.hostname)) {
            names << e.resolvedHostname;
        }
    }
    for (const InstanceKey& key : decision.request.keys) {
        names << key.host;
    }
    m_engine->resolver().forget(names);
    outcome.ok = true;
    outcome.report = std::move(report).value();
    return outcome;
}

void FleetWorker::forgetCluster(const QString& clusterName, bool force)
{
    const ForgetClusterOutcome outcome = runForgetCluster(clusterName, force);
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
    if (!m_backend || !requireWritable(tr("forget and ignore %1").arg(key.toString()))) {
        return;
    }
    auto added = DiscoveryFilter::addAndSave(m_config, key);
    if (!added) {
        Q_EMIT failed(tr("Cannot add %1 to DiscoveryIgnoreHostnameFilters: %2")
                          .arg(key.toString(), added.error().message));
        return;
    }
    m_engine->setIgnoreFilter(DiscoveryFilter(m_config));
    forget(key);
}

void FleetWorker::deleteResolveEntry(const QString& hostname)
{
    if (!m_backend || !requireWritable(tr("delete the resolve entry of %1").arg(hostname))) {
        return;
    }
    auto removed
        = ResolveStore(*m_backend, m_config.expiryHostnameResolvesMinutes).remove({ hostname });
    m_engine->resolver().forget({ hostname });
    emitSnapshot();
    if (!removed || *removed == 0) {
        Q_EMIT failed(tr("Cannot delete the resolve entry of %1: %2")
                          .arg(hostname, removed ? tr("there is none") : removed.error().message));
        return;
    }
    Q_EMIT done(tr("Deleted the resolve entry of %1").arg(hostname));
}

void FleetWorker::deleteUnresolveEntry(const QString& hostname)
{
    if (!m_backend || !requireWritable(tr("delete the unresolve entry of %1").arg(hostname))) {
        return;
    }
    auto removed = UnresolveStore(*m_backend).remove({ hostname });
    emitSnapshot();
    if (!removed || *removed == 0) {
        Q_EMIT failed(tr("Cannot delete the unresolve entry of %1: %2")
                          .arg(hostname, removed ? tr("there is none") : removed.error().message));
        return;
    }
    Q_EMIT done(tr("Deleted the unresolve entry of %1").arg(hostname));
}

void FleetWorker::resetResolveCache()
{
    if (!m_backend || !requireWritable(tr("reset the hostname resolve cache"))) {
        return;
    }
    auto removed = ResolveStore(*m_backend, m_config.expiryHostnameResolvesMinutes).reset();
    m_engine->resolver().clear();
    emitSnapshot();
    if (!removed) {
        Q_EMIT failed(
            tr("Cannot reset the hostname resolve cache: %1").arg(removed.error().message));
        return;
    }
    Q_EMIT done(tr("Hostname resolve cache cleared (%n entries)", nullptr, *removed));
}

void FleetWorker::beginMaintenance(const InstanceKey& key, const QString& reason, int minutes)
{
    if (!m_backend || !requireWritable(tr("begin maintenance on %1").arg(key.toString()))) {
        return;
    }
    const auto known = InstanceStore(*m_backend).read(key);
    const QString cluster = known && *known ? (*known)->clusterName : QString();
    auto lock = AdminActions(*m_backend)
                    .beginMaintenance(key, cluster, AdminActions::defaultOwner(), reason, minutes);
    emitSnapshot();
    if (!lock) {
        Q_EMIT failed(
            tr("Cannot begin maintenance on %1: %2").arg(key.toString(), lock.error().message));
        return;
    }
    Q_EMIT done(tr("%1 is in maintenance").arg(key.toString()));
}

void FleetWorker::endMaintenance(const InstanceKey& key)
{
    if (!m_backend || !requireWritable(tr("end maintenance on %1").arg(key.toString()))) {
        return;
    }
    auto ended = AdminActions(*m_backend).endMaintenance(key);
    emitSnapshot();
    if (!ended || !*ended) {
        Q_EMIT failed(tr("Cannot end maintenance on %1: %2")
                          .arg(key.toString(),
                              ended ? tr("it is not in maintenance") : ended.error().message));
        return;
    }
    Q_EMIT done(tr("Maintenance on %1 ended").arg(key.toString()));
}

void FleetWorker::registerCandidate(const InstanceKey& key, PromotionRule rule)
{
    if (!m_backend || !requireWritable(tr("register %1 as a candidate").arg(key.toString()))) {
        return;
    }
    const auto known = InstanceStore(*m_backend).read(key);
    const QString cluster = known && *known ? (*known)->clusterName : QString();
    auto expires
        = AdminActions(*m_backend)
              .registerCandidate(key, cluster, rule, m_config.candidateInstanceExpireMinutes);
    emitSnapshot();
    if (!expires) {
        Q_EMIT failed(tr("Cannot register %1 as a candidate: %2")
                          .arg(key.toString(), expires.error().message));
        return;
    }
    Q_EMIT done(
        tr("%1: promotion rule %2 until %3 UTC")
            .arg(key.toString(), PromotionRules::name(rule), expires->toString(u"HH:mm"_s)));
}

} // namespace topograph
