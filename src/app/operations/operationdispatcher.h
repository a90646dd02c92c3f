#pragma once

#include <QObject>
#include <QPointer>

#include <optional>

#include "config/configuration.h"
#include "fleet/fleetsnapshot.h"
#include "fleet/fleetworker.h"
#include "instancekey.h"
#include "ops/operationregistry.h"

class QWidget;

namespace topograph {

class OperationActions;
class OperationController;

// What happens when an operation of the registry is asked for on an instance, from a menu, a
// shortcut, a panel button or a drop (DESIGN §10): view operations act at once (refresh, copy),
// backend operations ask what they need (forget: a confirmation that defaults to No; maintenance:
// a reason) and go to the fleet worker, replication operations go to the plan preview, after the
// "Move to…" picker when they need a destination. Nothing here runs SQL.
class OperationDispatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OperationDispatcher)

public:
    OperationDispatcher(const OperationActions* actions, OperationController* controller,
        QWidget* dialogParent, QObject* parent = nullptr);

    void setFleet(FleetWorker* fleet) { m_fleet = fleet; }
    void setState(const Configuration& config, const FleetSnapshot& snapshot);

    // destination: given (a drop), or asked for with the picker when the operation needs one.
    void dispatch(Operation operation, const InstanceKey& key,
        const std::optional<InstanceKey>& destination = std::nullopt);
    // The destination the user picked for operation on key, or nullopt (cancelled, none valid).
    std::optional<InstanceKey> pickDestination(Operation operation, const InstanceKey& key);
    // Forget ghost cluster (card menu, clusters list, resolve dock): asks, then goes to the fleet
    // worker; its answer comes back to forgetClusterFinished, which asks again when hosts of
    // the cluster still replicate.
    void forgetCluster(const QString& clusterName);
    void forgetClusterFinished(const topograph::ForgetClusterOutcome& outcome);

Q_SIGNALS:
    void message(const QString& text, bool error);

private:
    void forget(const InstanceKey& key);
    void sendForgetCluster(const QString& clusterName, bool force);
    void beginMaintenance(const InstanceKey& key);
    void registerCandidate(const InstanceKey& key);

    const OperationActions* m_actions;
    OperationController* m_controller;
    QWidget* m_dialogParent;
    QPointer<FleetWorker> m_fleet;
    Configuration m_config;
    FleetSnapshot m_snapshot;
};

} // namespace topograph
