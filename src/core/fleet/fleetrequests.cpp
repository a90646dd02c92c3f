#include "fleet/fleetrequests.h"

#include "backend/adminactions.h"
#include "backend/backend.h"
#include "backend/instancestore.h"
#include "backend/resolvestore.h"
#include "backend/unresolvestore.h"
#include "fleet/fleetengine.h"
#include "resolve/discoveryfilter.h"
#include "resolve/hostnameresolver.h"

using namespace Qt::StringLiterals;

namespace topograph {

FleetRequests::FleetRequests(Configuration& config, Backend& backend, FleetEngine& engine)
    : m_config(config)
    , m_backend(backend)
    , m_engine(engine)
{ }

InstanceStatus::Thresholds FleetRequests::thresholds() const
{
    InstanceStatus::Thresholds t;
    t.pollSeconds = m_config.instancePollSeconds;
    t.reasonableLagSeconds = m_config.reasonableReplicationLagSeconds;
    return t;
}

QString FleetRequests::clusterOf(const InstanceKey& key) const
{
    const auto known = InstanceStore(m_backend).read(key);
    return known && *known ? (*known)->clusterName : QString();
}

Result<QString> FleetRequests::forget(const InstanceKey& key)
{
    m_engine.stopPolling({ key }, false);
    auto existed = AdminActions(m_backend).forget(key);
    if (!existed || !*existed) {
        return makeError(existed ? ErrorCode::NotFound : existed.error().code,
            tr("Cannot forget %1: %2")
                .arg(key.toString(), existed ? tr("it is not known") : existed.error().message));
    }
    return tr("Forgot %1").arg(key.toString());
}

ForgetClusterOutcome FleetRequests::forgetCluster(const QString& clusterName, bool force)
{
    ForgetClusterOutcome outcome;
    outcome.clusterName = clusterName;
    auto refuse = [&](ErrorCode code, const QString& message) {
        outcome.error = makeError(code, message);
        return outcome;
    };
    auto records = InstanceStore(m_backend).readAll();
    auto resolves = records
        ? ResolveStore(m_backend, m_config.expiryHostnameResolvesMinutes).everything()
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
    m_engine.stopPolling(decision.request.keys, decision.request.ghost);
    auto report = AdminActions(m_backend).forgetCluster(decision.request);
    if (!report) {
        // Nothing was removed (one transaction): poll them again.
        m_engine.resumePolling(decision.request.keys);
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
    m_engine.resolver().forget(names);
    outcome.ok = true;
    outcome.report = std::move(report).value();
    return outcome;
}

Result<QString> FleetRequests::forgetAndIgnore(const InstanceKey& key)
{
    auto added = DiscoveryFilter::addAndSave(m_config, key);
    if (!added) {
        return makeError(added.error().code,
            tr("Cannot add %1 to DiscoveryIgnoreHostnameFilters: %2")
                .arg(key.toString(), added.error().message));
    }
    m_engine.setIgnoreFilter(DiscoveryFilter(m_config));
    return forget(key);
}

Result<QString> FleetRequests::deleteResolveEntry(const QString& hostname)
{
    auto removed
        = ResolveStore(m_backend, m_config.expiryHostnameResolvesMinutes).remove({ hostname });
    m_engine.resolver().forget({ hostname });
    if (!removed || *removed == 0) {
        return makeError(removed ? ErrorCode::NotFound : removed.error().code,
            tr("Cannot delete the resolve entry of %1: %2")
                .arg(hostname, removed ? tr("there is none") : removed.error().message));
    }
    return tr("Deleted the resolve entry of %1").arg(hostname);
}

Result<QString> FleetRequests::deleteUnresolveEntry(const QString& hostname)
{
    auto removed = UnresolveStore(m_backend).remove({ hostname });
    if (!removed || *removed == 0) {
        return makeError(removed ? ErrorCode::NotFound : removed.error().code,
            tr("Cannot delete the unresolve entry of %1: %2")
                .arg(hostname, removed ? tr("there is none") : removed.error().message));
    }
    return tr("Deleted the unresolve entry of %1").arg(hostname);
}

Result<QString> FleetRequests::resetResolveCache()
{
    auto removed = ResolveStore(m_backend, m_config.expiryHostnameResolvesMinutes).reset();
    m_engine.resolver().clear();
    if (!removed) {
        return makeError(removed.error().code,
            tr("Cannot reset the hostname resolve cache: %1").arg(removed.error().message));
    }
    return tr("Hostname resolve cache cleared (%n entries)", nullptr, *removed);
}

Result<QString> FleetRequests::beginMaintenance(
    const InstanceKey& key, const QString& reason, int minutes)
{
    auto lock = AdminActions(m_backend).beginMaintenance(
        key, clusterOf(key), AdminActions::defaultOwner(), reason, minutes);
    if (!lock) {
        return makeError(lock.error().code,
            tr("Cannot begin maintenance on %1: %2").arg(key.toString(), lock.error().message));
    }
    return tr("%1 is in maintenance").arg(key.toString());
}

Result<QString> FleetRequests::endMaintenance(const InstanceKey& key)
{
    auto ended = AdminActions(m_backend).endMaintenance(key);
    if (!ended || !*ended) {
        return makeError(ended ? ErrorCode::NotFound : ended.error().code,
            tr("Cannot end maintenance on %1: %2")
                .arg(key.toString(),
                    ended ? tr("it is not in maintenance") : ended.error().message));
    }
    return tr("Maintenance on %1 ended").arg(key.toString());
}

Result<QString> FleetRequests::registerCandidate(const InstanceKey& key, PromotionRule rule)
{
    auto expires = AdminActions(m_backend).registerCandidate(
        key, clusterOf(key), rule, m_config.candidateInstanceExpireMinutes);
    if (!expires) {
        return makeError(expires.error().code,
            tr("Cannot register %1 as a candidate: %2")
                .arg(key.toString(), expires.error().message));
    }
    return tr("%1: promotion rule %2 until %3 UTC")
        .arg(key.toString(), PromotionRules::name(rule), expires->toString(u"HH:mm"_s));
}

} // namespace topograph
