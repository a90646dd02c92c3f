#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>

#include <optional>

#include "lag/heartbeatrow.h"
#include "lag/laghistory.h"
#include "lag/lagsample.h"
#include "lag/lagtarget.h"
#include "probe/instancerecord.h"

namespace topograph {

class ClusterScene;
class LagChartPanel;

// Keeps the app's lag history (DESIGN §8, §10) and shows it: the samples the lag worker sends go
// into one LagHistory on the GUI thread, the lag chart dock redraws from it (while it is shown)
// and the cards of the open cluster get their sparklines. When a cluster is opened, the history
// it has not seen yet is asked for (historyWanted), so a 24 h window opens at once after a
// restart. It runs no SQL: the main window connects its signals to the lag worker.
class LagController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LagController)

public:
    LagController(LagChartPanel* panel, ClusterScene* scene, QObject* parent = nullptr);

    // The open cluster: its replicas are charted, its cards get sparklines.
    void setCluster(const QList<InstanceRecord>& records, const QHash<InstanceKey, QString>& names);
    void setSelected(const std::optional<InstanceKey>& key);
    void setThreshold(int seconds);
    const LagHistory& history() const { return m_history; }
    // What the lag worker should sample: every instance of the open cluster, measured from its
    // current primary's heartbeat row (LagTargets::forCluster).
    const QList<LagTarget>& targets() const { return m_targets; }
    // Instances whose last heartbeat check found stale rows (or a stopped pt-heartbeat).
    const QSet<InstanceKey>& fakeLag() const { return m_fakeLag; }

public Q_SLOTS:
    void addSamples(const topograph::KeyedLagSamples& samples);
    void addHistory(const topograph::InstanceKey& key, const QList<topograph::LagSample>& samples);
    void setHeartbeatChecks(const QList<topograph::HeartbeatCheck>& checks);

Q_SIGNALS:
    // Persisted samples of these instances since from are wanted (LagWorker::loadHistory).
    void historyWanted(const QList<topograph::InstanceKey>& keys, const QDateTime& from);
    void fakeLagChanged();
    // The open cluster (or its primary) changed: LagWorker::setTargets.
    void targetsChanged(const QList<topograph::LagTarget>& targets);

private:
    void redraw();

    LagChartPanel* m_panel;
    ClusterScene* m_scene;
    LagHistory m_history;
    QList<InstanceKey> m_shown; // every instance of the open cluster
    QList<LagTarget> m_targets;
    QSet<InstanceKey> m_historyAsked;
    QSet<InstanceKey> m_fakeLag;
};

} // namespace topograph
