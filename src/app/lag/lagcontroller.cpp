#include "lag/lagcontroller.h"

#include "canvas/clusterscene.h"
#include "lag/lagtargets.h"
#include "panels/lagchartpanel.h"

namespace topograph {

LagController::LagController(LagChartPanel* panel, ClusterScene* scene, QObject* parent)
    : QObject(parent)
    , m_panel(panel)
    , m_scene(scene)
{
    m_panel->setHistory(&m_history);
}

void LagController::setCluster(
    const QList<InstanceRecord>& records, const QHash<InstanceKey, QString>& names)
{
    QList<InstanceKey> replicas;
    m_shown.clear();
    for (const InstanceRecord& r : records) {
        m_shown << r.key;
        if (r.isReplica()) {
            replicas << r.key;
        }
    }
    m_panel->setInstances(replicas, names);
    if (QList<LagTarget> targets = LagTargets::forCluster(records); targets != m_targets) {
        m_targets = std::move(targets);
        Q_EMIT targetsChanged(m_targets);
    }
    QList<InstanceKey> wanted;
    for (const InstanceKey& key : std::as_const(m_shown)) {
        if (!m_historyAsked.contains(key)) {
            m_historyAsked.insert(key);
            wanted << key;
        }
    }
    if (!wanted.isEmpty()) {
        Q_EMIT historyWanted(wanted,
            QDateTime::currentDateTimeUtc().addSecs(
                -LagChartPanel::windowSeconds(LagChartPanel::Window::OneDay)));
    }
    redraw();
}

void LagController::setSelected(const std::optional<InstanceKey>& key)
{
    m_panel->setSelected(key);
}

void LagController::setThreshold(int seconds)
{
    m_panel->setThreshold(seconds);
}

void LagController::addSamples(const KeyedLagSamples& samples)
{
    m_history.append(samples);
    redraw();
}

void LagController::addHistory(const InstanceKey& key, const QList<LagSample>& samples)
{
    m_history.prepend(key, samples);
    redraw();
}

void LagController::setHeartbeatChecks(const QList<HeartbeatCheck>& checks)
{
    QList<HeartbeatCheck> shown;
    QSet<InstanceKey> fake = m_fakeLag;
    for (const HeartbeatCheck& check : checks) {
        if (m_shown.contains(check.instance)) {
            shown << check;
        }
        if (check.error.isEmpty()) { // a failed check leaves what is known as it was
            if (check.hasFakeLag()) {
                fake.insert(check.instance);
            } else {
                fake.remove(check.instance);
            }
        }
    }
    m_panel->setHeartbeatChecks(shown);
    m_scene->setFakeLag(fake);
    if (fake != m_fakeLag) {
        m_fakeLag = fake;
        Q_EMIT fakeLagChanged();
    }
}

void LagController::redraw()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QHash<InstanceKey, CardPainter::Sparkline> sparklines;
    for (const InstanceKey& key : std::as_const(m_shown)) {
        if (m_history.size(key) > 0) {
            sparklines.insert(key, m_history.sparkline(key, now));
        }
    }
    m_scene->setSparklines(sparklines);
    // A hidden dock costs nothing: it redraws when it is shown again (the next samples).
    if (m_panel->isVisible()) {
        m_panel->refresh(now);
    }
}

} // namespace topograph
