#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

#include "config/configuration.h"
#include "fleet/fleetsnapshot.h"

namespace topograph {

class Backend;
class FleetEngine;

// Decides who keeps the backend's instance rows fresh (BackendPolling) and turns the engine's
// polling on or off to match:
//  - "always": Topograph polls;
//  - "auto": Topograph polls unless an orchestrator service is active on this backend
//    (OrchestratorService), asked again every InstancePollSeconds, so that polling starts when
//    orchestrator stops and stops when it comes back;
//  - "never": Topograph does not poll.
// While Topograph does not poll, rowsDue() says every InstancePollSeconds that the backend's rows
// are worth reading again. Lives on the engine's thread and uses the backend only there.
class FreshnessWatch final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FreshnessWatch)

public:
    FreshnessWatch(const Configuration& config, const Backend& backend, FleetEngine& engine,
        QObject* parent = nullptr);

    void start(); // decides at once (the caller has just read the rows)
    FreshnessKeeper keeper() const { return m_keeper; }
    QString keeperNode() const { return m_keeperNode; }

Q_SIGNALS:
    void keeperChanged();
    void rowsDue();
    // The backend could not be asked (said once until it can be asked again).
    void failed(const QString& message);

private:
    enum class Mode {
        Always,
        Auto,
        Never,
    };

    // BackendPolling's value; the configuration loader accepts only "auto", "always", "never".
    static Mode modeOf(const QString& value);
    void check();
    void decide(FreshnessKeeper keeper, const QString& node);

    Mode m_mode;
    bool m_asksService; // "auto" on a backend orchestrator made: whether its service runs
    const Backend& m_backend;
    FleetEngine& m_engine;
    QTimer m_timer;
    FreshnessKeeper m_keeper = FreshnessKeeper::Topograph;
    QString m_keeperNode;
    bool m_started = false;
    bool m_failing = false;
};

} // namespace topograph
