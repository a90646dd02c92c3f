// MainWindow: the resolve cache dock with ghost clusters (DESIGN §6, §10), the problems dock
// (the replication analysis of each snapshot) and the audit dock. The
// resolve dock lists what the fleet worker's snapshot judged; its changes, and "Forget ghost
// cluster", go to the fleet worker, which answers with a new snapshot. The audit dock asks for
// the rows written since its newest one after every snapshot.
#include "mainwindow.h"

#include <QDockWidget>
#include <QMessageBox>

#include "canvas/clusterscene.h"
#include "fleet/fleetworker.h"
#include "fleet/workerthreads.h"
#include "lag/lagcontroller.h"
#include "models/auditlistmodel.h"
#include "operations/operationdispatcher.h"
#include "panels/auditpanel.h"
#include "panels/clusterlistpanel.h"
#include "panels/problemsdock.h"
#include "panels/resolvecachepanel.h"

using namespace Qt::StringLiterals;

namespace topograph {

void MainWindow::connectAudit(FleetWorker* fleet)
{
    // Another backend perhaps: read the log afresh. After every snapshot (a poll round, an
    // operation, a forget) the rows written since the newest one shown are asked for.
    m_auditPanel->model()->clear();
    m_auditAsked = false;
    m_auditError.clear();
    connect(fleet, &FleetWorker::snapshotReady, this, &MainWindow::readAudit);
    connect(fleet, &FleetWorker::auditRead, this,
        [this](const QList<AuditEntry>& entries, const QString& error) {
            m_auditAsked = false;
            if (!error.isEmpty()) {
                if (error != m_auditError) {
                    showMessage(error, true);
                }
                m_auditError = error;
                return;
            }
            m_auditError.clear();
            m_auditPanel->addEntries(entries);
        });
}

void MainWindow::readAudit()
{
    if (m_auditAsked || !m_workers) {
        return;
    }
    m_auditAsked = true;
    FleetWorker* fleet = m_workers->fleet();
    const qint64 after = m_auditPanel->model()->newestId();
    const int limit = m_auditPanel->model()->capacity();
    QMetaObject::invokeMethod(
        fleet, [fleet, after, limit] { fleet->readAudit(after, limit); }, Qt::QueuedConnection);
}

void MainWindow::createResolveDock()
{
    m_resolvePanel = new ResolveCachePanel(this);
    m_resolveDock = new QDockWidget(tr("Resolve cache"), this);
    m_resolveDock->setObjectName(u"resolveDock"_s);
    m_resolveDock->setWidget(m_resolvePanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_resolveDock);
    tabifyDockWidget(m_auditDock, m_resolveDock);
    m_problems = new ProblemsDock(this, m_auditDock);
    connect(m_problems, &ProblemsDock::instanceActivated, this, &MainWindow::findInstance);
    m_lagDock->raise();
    connect(
        m_resolvePanel, &ResolveCachePanel::instancesRequested, this, &MainWindow::selectInstances);
    connect(
        m_resolvePanel, &ResolveCachePanel::forgetRequested, this, &MainWindow::forgetInstances);
    connect(m_clusters, &ClusterListPanel::forgetGhostRequested, this,
        [this](const QString& name) { m_dispatcher->forgetCluster(name); });
}

void MainWindow::connectResolve(FleetWorker* fleet)
{
    connect(fleet, &FleetWorker::forgetClusterFinished, m_dispatcher,
        &OperationDispatcher::forgetClusterFinished);
    connect(m_resolvePanel, &ResolveCachePanel::deleteRequested, fleet,
        [this, fleet](ResolveKind kind, const QString& hostname) {
            if (!readOnlyReason().isEmpty()) {
                return; // the panel's actions are disabled; a shortcut may still fire
            }
            QMetaObject::invokeMethod(
                fleet,
                [fleet, kind, hostname] {
                    if (kind == ResolveKind::Resolve) {
                        fleet->deleteResolveEntry(hostname);
                    } else {
                        fleet->deleteUnresolveEntry(hostname);
                    }
                },
                Qt::QueuedConnection);
        });
    connect(m_resolvePanel, &ResolveCachePanel::resetRequested, fleet, [this, fleet] {
        if (readOnlyReason().isEmpty()) {
            QMetaObject::invokeMethod(fleet, &FleetWorker::resetResolveCache, Qt::QueuedConnection);
        }
    });
}

FleetWorker* MainWindow::fleetWorker() const
{
    return m_workers ? m_workers->fleet() : nullptr;
}

QList<ClusterSummary> MainWindow::clusterSummaries() const
{
    QList<ClusterSummary> summaries
        = ClusterSummary::fromRecords(m_snapshot.records, m_snapshot.aliases,
            QDateTime::currentDateTimeUtc(), thresholds(), m_lag->fakeLag(), &m_snapshot.ghosts);
    ClusterSummary::attachProblems(summaries, m_snapshot.problems);
    return summaries;
}

void MainWindow::applyGhosts()
{
    QHash<InstanceKey, QString> reasons;
    for (const GhostCluster& ghost : m_snapshot.ghosts) {
        for (const InstanceKey& key : ghost.keys) {
            reasons.insert(key, ghost.reason);
        }
    }
    m_scene->setGhosts(reasons);
    m_resolvePanel->setEntries(m_snapshot.resolveCache);
    m_problems->setProblems(m_snapshot.problems);
    m_scene->setAnalysis(ProblemsDock::byInstance(m_snapshot.problems));
    m_scene->setPromotionRules(m_snapshot.promotionRules);
}

void MainWindow::selectInstances(const QList<InstanceKey>& keys)
{
    QList<InstanceKey> known;
    QStringList names;
    for (const InstanceKey& key : keys) {
        if (m_snapshot.find(key)) {
            known << key;
            names << key.toString();
        }
    }
    if (known.isEmpty()) {
        showMessage(tr("No known instance uses these names"), true);
        return;
    }
    // The canvas selects one card: the first; the others are named.
    findInstance(known.constFirst());
    showMessage(tr("Used by %1").arg(names.join(u", "_s)));
}

void MainWindow::forgetInstances(const QList<InstanceKey>& keys, const QString& why)
{
    // The instances behind a flagged entry: when they are exactly a ghost cluster, forget it
    // as one (its resolve entries go too); otherwise one by one, each asked for.
    for (const GhostCluster& ghost : m_snapshot.ghosts) {
        bool all = !keys.isEmpty();
        for (const InstanceKey& key : keys) {
            all = all && ghost.keys.contains(key);
        }
        if (all) {
            m_dispatcher->forgetCluster(ghost.clusterName);
            return;
        }
    }
    QStringList names;
    for (const InstanceKey& key : keys) {
        names << key.toString();
    }
    if (keys.size() > 1) {
        const auto answer = QMessageBox::question(this, tr("Forget instances"),
            tr("%1\n\nForget %2? Each is asked for in turn.").arg(why, names.join(u", "_s)),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes) {
            return;
        }
    }
    for (const InstanceKey& key : keys) {
        m_dispatcher->dispatch(Operation::Forget, key);
    }
}

} // namespace topograph
