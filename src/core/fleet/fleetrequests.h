#pragma once

#include <QCoreApplication>
#include <QString>

#include "config/configuration.h"
#include "fleet/forgetcluster.h"
#include "instancekey.h"
#include "promotion/promotionrule.h"
#include "result.h"
#include "topology/instancestatus.h"

namespace topograph {

class Backend;
class FleetEngine;

// What the app asks of the backend beside polling, on the fleet thread: forget an instance or a
// ghost cluster, the resolve cache's deletes and reset, maintenance locks, promotion rules. The
// caller has checked that the backend can be written; each answer is the message for the status
// line, or the error. Polling stops first for what is forgotten (FleetEngine::stopPolling).
class FleetRequests final
{
    Q_DECLARE_TR_FUNCTIONS(FleetRequests)

public:
    // config is the fleet worker's own (forgetAndIgnore adds to its ignore filters).
    FleetRequests(Configuration& config, Backend& backend, FleetEngine& engine);

    Result<QString> forget(const InstanceKey& key);
    // Refused unless the cluster is a ghost, and when a host of it still replicates, unless
    // force (DESIGN §6); one transaction, one audit row.
    ForgetClusterOutcome forgetCluster(const QString& clusterName, bool force);
    Result<QString> forgetAndIgnore(const InstanceKey& key);
    Result<QString> deleteResolveEntry(const QString& hostname);
    Result<QString> deleteUnresolveEntry(const QString& hostname);
    Result<QString> resetResolveCache();
    Result<QString> beginMaintenance(const InstanceKey& key, const QString& reason, int minutes);
    Result<QString> endMaintenance(const InstanceKey& key);
    Result<QString> registerCandidate(const InstanceKey& key, PromotionRule rule);

private:
    InstanceStatus::Thresholds thresholds() const;
    QString clusterOf(const InstanceKey& key) const;

    Configuration& m_config;
    Backend& m_backend;
    FleetEngine& m_engine;
};

} // namespace topograph
