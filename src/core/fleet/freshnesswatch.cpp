#include "fleet/freshnesswatch.h"

#include "backend/backend.h"
#include "backend/orchestratorservice.h"
#include "fleet/fleetengine.h"
#include "logging.h"

using namespace Qt::StringLiterals;

namespace topograph {

FreshnessWatch::FreshnessWatch(
    const Configuration& config, const Backend& backend, FleetEngine& engine, QObject* parent)
    : QObject(parent)
    , m_mode(modeOf(config.backendPolling))
    , m_asksService(m_mode == Mode::Auto && backend.isOrchestratorBackend())
    , m_backend(backend)
    , m_engine(engine)
{
    m_timer.setInterval(std::max(1, config.instancePollSeconds) * 1000);
    connect(&m_timer, &QTimer::timeout, this, &FreshnessWatch::check);
}

FreshnessWatch::Mode FreshnessWatch::modeOf(const QString& value)
{
    if (value == u"always"_s) {
        return Mode::Always;
    }
    return value == u"never"_s ? Mode::Never : Mode::Auto;
}

void FreshnessWatch::start()
{
    // "always", and "auto" where no orchestrator service can run: decided once.
    if (m_mode == Mode::Never || m_asksService) {
        m_timer.start();
    }
    check();
}

void FreshnessWatch::check()
{
    if (m_mode == Mode::Never) {
        decide(FreshnessKeeper::Nobody, {});
        return;
    }
    if (!m_asksService) {
        decide(FreshnessKeeper::Topograph, {});
        return;
    }
    auto node = OrchestratorService::activeNode(m_backend);
    if (!node) {
        // Cannot tell: poll, so that the rows do not go stale unnoticed.
        if (!m_failing) {
            m_failing = true;
            Q_EMIT failed(tr("Cannot tell whether orchestrator keeps the backend fresh (%1): "
                             "polling")
                              .arg(node.error().message));
        }
        decide(FreshnessKeeper::Topograph, {});
        return;
    }
    m_failing = false;
    if (*node) {
        decide(FreshnessKeeper::Orchestrator, **node);
    } else {
        decide(FreshnessKeeper::Topograph, {});
    }
}

void FreshnessWatch::decide(FreshnessKeeper keeper, const QString& node)
{
    const bool first = !m_started;
    const bool changed = first || keeper != m_keeper || node != m_keeperNode;
    m_started = true;
    m_keeper = keeper;
    m_keeperNode = node;
    if (changed) {
        if (keeper == FreshnessKeeper::Orchestrator) {
            qCInfo(lcBackend).noquote()
                << "orchestrator on" << node << "keeps" << m_backend.description()
                << "fresh: Topograph reads its rows and does not poll";
        } else if (keeper == FreshnessKeeper::Topograph && m_asksService) {
            qCInfo(lcBackend).noquote() << "no orchestrator service is active on"
                                        << m_backend.description() << ": Topograph polls";
        }
        m_engine.setPolling(keeper == FreshnessKeeper::Topograph);
        Q_EMIT keeperChanged();
    }
    if (keeper != FreshnessKeeper::Topograph && !first) {
        Q_EMIT rowsDue(); // the first rows were read just before start()
    }
}

} // namespace topograph
