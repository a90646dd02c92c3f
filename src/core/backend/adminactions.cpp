#include "backend/adminactions.h"

#include "backend/auditstore.h"
#include "backend/candidatestore.h"
#include "backend/instancestore.h"
#include "ops/operationregistry.h"

using namespace Qt::StringLiterals;

namespace topograph {

AdminActions::AdminActions(const Backend& backend)
    : m_backend(backend)
{ }

QString AdminActions::defaultOwner()
{
    return AuditStore::defaultOwner();
}

Result<bool> AdminActions::forget(const InstanceKey& key) const
{
    auto existed = InstanceStore(m_backend).forget(key);
    if (!existed || !*existed) {
        return existed;
    }
    if (auto audited = AuditStore(m_backend).write(
            OperationRegistry::cliName(Operation::Forget), key, QString(), u"forgotten"_s);
        !audited) {
        return audited.error();
    }
    return true;
}

Result<ForgetClusterReport> AdminActions::forgetCluster(const ForgetClusterRequest& request) const
{
    return ClusterForgetter(m_backend).forget(request);
}

Result<MaintenanceLock> AdminActions::beginMaintenance(const InstanceKey& key,
    const QString& clusterName, const QString& owner, const QString& reason, int minutes) const
{
    auto lock = MaintenanceStore(m_backend).begin(key, owner, reason, minutes);
    if (!lock) {
        return lock;
    }
    if (auto audited
        = AuditStore(m_backend).write(OperationRegistry::cliName(Operation::BeginMaintenance), key,
            clusterName, u"owner: %1, reason: %2"_s.arg(owner, reason));
        !audited) {
        return audited.error();
    }
    return lock;
}

Result<bool> AdminActions::endMaintenance(const InstanceKey& key) const
{
    auto ended = MaintenanceStore(m_backend).end(key);
    if (!ended || !*ended) {
        return ended;
    }
    if (auto audited
        = AuditStore(m_backend).write(OperationRegistry::cliName(Operation::EndMaintenance), key,
            QString(), u"maintenance ended"_s);
        !audited) {
        return audited.error();
    }
    return true;
}

Result<Downtime> AdminActions::beginDowntime(const InstanceKey& key, const QString& clusterName,
    const QString& owner, const QString& reason, qint64 seconds) const
{
    auto downtime = DowntimeStore(m_backend).begin(key, owner, reason, seconds);
    if (!downtime) {
        return downtime;
    }
    if (auto audited = AuditStore(m_backend).write(
            u"begin-downtime"_s, key, clusterName, u"owner: %1, reason: %2"_s.arg(owner, reason));
        !audited) {
        return audited.error();
    }
    return downtime;
}

Result<bool> AdminActions::endDowntime(const InstanceKey& key) const
{
    auto ended = DowntimeStore(m_backend).end(key);
    if (!ended || !*ended) {
        return ended;
    }
    if (auto audited
        = AuditStore(m_backend).write(u"end-downtime"_s, key, QString(), u"downtime ended"_s);
        !audited) {
        return audited.error();
    }
    return true;
}

Result<QDateTime> AdminActions::registerCandidate(
    const InstanceKey& key, const QString& clusterName, PromotionRule rule, int expireMinutes) const
{
    auto expires = CandidateStore(m_backend, expireMinutes).registerCandidate(key, rule);
    if (!expires) {
        return expires;
    }
    if (auto audited
        = AuditStore(m_backend).write(OperationRegistry::cliName(Operation::RegisterCandidate), key,
            clusterName, PromotionRules::name(rule));
        !audited) {
        return audited.error();
    }
    return expires;
}

} // namespace topograph
