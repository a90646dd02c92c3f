#pragma once

#include <QDateTime>
#include <QString>

#include "backend/backend.h"
#include "backend/clusterforgetter.h"
#include "backend/downtimestore.h"
#include "backend/maintenancestore.h"
#include "instancekey.h"
#include "promotion/promotionrule.h"

namespace topograph {

// Changes a DBA makes to the backend alone (no server is touched): forgetting an instance,
// beginning or ending its maintenance or downtime, and registering its promotion rule, each
// followed by its audit row. The CLI and the desktop app's fleet worker both run these, so the
// audit trail cannot differ between them. Read-only checks stay with the callers, who know why
// they refuse.
class AdminActions final
{
public:
    explicit AdminActions(const Backend& backend);

    // Deletes the instance and what hangs off it; false when it was not known (nothing audited).
    Result<bool> forget(const InstanceKey& key) const;
    // Forgets a whole cluster in one transaction with one audit row (ClusterForgetter).
    Result<ForgetClusterReport> forgetCluster(const ForgetClusterRequest& request) const;
    Result<MaintenanceLock> beginMaintenance(const InstanceKey& key, const QString& clusterName,
        const QString& owner, const QString& reason, int minutes) const;
    // Ends the active lock; false when there was none (nothing audited).
    Result<bool> endMaintenance(const InstanceKey& key) const;
    // begin-downtime / end-downtime, audited under those names as orchestrator does.
    Result<Downtime> beginDowntime(const InstanceKey& key, const QString& clusterName,
        const QString& owner, const QString& reason, qint64 seconds) const;
    // Ends the active downtime; false when there was none (nothing audited).
    Result<bool> endDowntime(const InstanceKey& key) const;
    // Records the promotion rule (CandidateStore); answers when it expires.
    Result<QDateTime> registerCandidate(const InstanceKey& key, const QString& clusterName,
        PromotionRule rule, int expireMinutes) const;

    // The owner recorded when none is given: the login name, else "topograph".
    static QString defaultOwner();

private:
    const Backend& m_backend;
};

} // namespace topograph
