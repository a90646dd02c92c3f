// Ghost clusters and the resolve cache in the app (issue 11), offscreen, polling the GTID
// sandbox every second: a backend seeded as the runbook tells (hostname_resolve maps
// pc1008.eqiad.wmnet to the bare "pc1008", and instances under the bare name form a cluster of
// their own) shows exactly one ghost in the clusters list, with the reason, on its cards and in
// the resolve dock; "Forget ghost cluster" in the clusters list removes it and its resolve entry
// after a confirmation; ten further poll rounds do not bring it back and the live cluster keeps
// its instances and masters. The resolve dock's Delete removes an entry from the backend.
#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QMessageBox>
#include <QSet>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "backend/backend.h"
#include "backend/resolvestore.h"
#include "canvas/clusterscene.h"
#include "canvas/nodeitem.h"
#include "fleet/fleetworker.h"
#include "ghostfixture.h"
#include "mainwindow.h"
#include "mainwindowfixture.h"
#include "models/clusterlistmodel.h"
#include "models/resolvecachemodel.h"
#include "panels/clusterlistpanel.h"
#include "panels/resolvecachepanel.h"
#include "sandboxfixture.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

namespace {

const QString kGhost = u"pc1008:3306"_s;
const QString kGhostReplica = u"pc1008:3307"_s;
const QString kFqdn = u"pc1008.eqiad.wmnet"_s;

// Answers the next modal question box with `button` once it is shown.
void answerNextQuestion(QMessageBox::StandardButton button)
{
    QTimer::singleShot(0, qApp, [button] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box) {
            answerNextQuestion(button); // not shown yet: the next turn of the event loop
            return;
        }
        box->button(button)->click();
    });
}

QStringList resolveHostnames(const Configuration& config)
{
    auto db = Backend::open(config);
    if (!db) {
        return { u"cannot open: "_s + db.error().message };
    }
    auto all = ResolveStore(**db, config.expiryHostnameResolvesMinutes).everything();
    QStringList names;
    for (const ResolveEntry& e : all ? *all : QList<ResolveEntry> {}) {
        names << e.hostname;
    }
    return names;
}

int ghostRows(const ClusterListModel* model)
{
    int ghosts = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        ghosts += model->index(row, 0).data(ClusterListModel::GhostRole).toBool() ? 1 : 0;
    }
    return ghosts;
}

} // namespace

class TestMainWindowGhosts final : public QObject
{
    Q_OBJECT

    MainWindowFixture m_fixture { 170 };

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_fixture.init()); }

    void forgetGhostClusterFromTheListAndItStaysForgotten()
    {
        auto sb = Sandbox::fromEnvironment(u"gtid"_s);
        if (!sb) {
            QSKIP(qPrintable(sb.error().message));
        }
        Configuration config = sb->config;
        config.sqlite3DataFile = m_fixture.filePath(u"ghosts.db"_s);
        config.instancePollSeconds = 1;
        {
            auto opened = Backend::open(config);
            QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
            const QDateTime tried = QDateTime::currentDateTimeUtc().addSecs(-30);
            InstanceRecord master = placeholder(kGhost, kGhost);
            InstanceRecord replica = placeholder(kGhostReplica, kGhost, kGhost);
            master.lastChecked = replica.lastChecked = tried;
            QVERIFY(writeRows(**opened, { master, replica }));
            const ResolveStore resolves(**opened, config.expiryHostnameResolvesMinutes);
            QVERIFY(resolves.record(kFqdn, u"pc1008"_s));
            QVERIFY(resolves.record(u"db-old.example"_s, u"db-new.example"_s));
        }
        const QString live = sb->primary().key.toString();
        const int n = static_cast<int>(sb->instances.size());

        MainWindow window(config, sb->primary().key);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.scene()->setAnimationDuration(0);
        ClusterListModel* clusters = window.clusterList()->model();
        QTRY_COMPARE_WITH_TIMEOUT(clusters->rowCount(), 2, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(
            window.clusterList()->model()->summaryAt(clusters->rowOf(live)).instances, n, kWaitMs);

        // Exactly one ghost, with its reason in the list, on its cards and in the resolve dock.
        QCOMPARE(ghostRows(clusters), 1);
        const QModelIndex ghostRow = clusters->index(clusters->rowOf(kGhost), 0);
        QVERIFY(ghostRow.data(ClusterListModel::GhostRole).toBool());
        QVERIFY2(ghostRow.data(ClusterListModel::GhostReasonRole).toString().contains(kFqdn),
            qPrintable(ghostRow.data(ClusterListModel::GhostReasonRole).toString()));
        window.openCluster(kGhost);
        QTRY_COMPARE_WITH_TIMEOUT(window.scene()->keys().size(), 2, kWaitMs);
        const NodeItem* ghostCard = window.scene()->nodeItem(*InstanceKey::parse(kGhost, 3306));
        QVERIFY(ghostCard);
        QVERIFY(!ghostCard->ghostReason().isEmpty());
        QVERIFY(ghostCard->toolTip().startsWith(u"Ghost cluster: "_s));
        ResolveCachePanel* resolve = window.resolvePanel();
        QTRY_VERIFY_WITH_TIMEOUT(resolve->selectEntry(ResolveKind::Resolve, kFqdn), kWaitMs);
        QVERIFY(resolve->currentEntry()->flagged());
        QVERIFY(resolve->forgetAction()->isEnabled());
        // The filter box matches any column.
        const int entries = resolve->proxy()->rowCount();
        QVERIFY(entries >= 2);
        resolve->filterEdit()->setText(u"EQIAD"_s);
        QCOMPARE(resolve->proxy()->rowCount(), 1);
        resolve->filterEdit()->clear();
        QCOMPARE(resolve->proxy()->rowCount(), entries);

        // Remember the live cluster's shape.
        window.openCluster(live);
        QMap<QString, QString> liveShape;
        for (const InstanceKey& key : window.scene()->keys()) {
            const auto parent = window.scene()->parentOf(key);
            liveShape.insert(key.toString(), parent ? parent->toString() : QString());
        }
        QCOMPARE(liveShape.size(), n);

        // Forget ghost cluster, from the clusters list's menu, after a confirmation.
        window.clusterList()->selectCluster(live);
        QVERIFY(!window.clusterList()->forgetGhostAction()->isEnabled()); // a live cluster: no
        window.clusterList()->selectCluster(kGhost);
        QVERIFY(window.clusterList()->forgetGhostAction()->isEnabled());
        FleetWorker* fleet = window.fleetWorker();
        QVERIFY(fleet);
        QSignalSpy finished(fleet, &FleetWorker::forgetClusterFinished);
        QSignalSpy polls(fleet, &FleetWorker::pollStateChanged);
        answerNextQuestion(QMessageBox::Yes);
        window.clusterList()->forgetGhostAction()->trigger();
        QVERIFY(finished.wait(kWaitMs));
        const auto outcome = finished.first().first().value<ForgetClusterOutcome>();
        QVERIFY2(outcome.ok, qPrintable(outcome.error.message));
        QTRY_COMPARE_WITH_TIMEOUT(clusters->rowOf(kGhost), -1, kWaitMs);
        QVERIFY(!resolveHostnames(config).contains(kFqdn));
        QVERIFY(resolveHostnames(config).contains(u"db-old.example"_s));

        // Ten further poll rounds: the ghost does not come back, the live cluster is the same.
        const qsizetype from = polls.size();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                QSet<quint64> rounds;
                for (qsizetype i = from; i < polls.size(); ++i) {
                    rounds.insert(polls.at(i).first().value<PollState>().round);
                }
                return rounds.size() >= 11; // the round running at `from`, then ten more
            }(),
            3 * kWaitMs);
        QCOMPARE(clusters->rowOf(kGhost), -1);
        QCOMPARE(ghostRows(clusters), 0);
        QCOMPARE(clusters->rowCount(), 1);
        QVERIFY(!resolveHostnames(config).contains(kFqdn));
        window.openCluster(live);
        QTRY_COMPARE_WITH_TIMEOUT(window.scene()->keys().size(), qsizetype(n), kWaitMs);
        QMap<QString, QString> after;
        for (const InstanceKey& key : window.scene()->keys()) {
            const auto parent = window.scene()->parentOf(key);
            after.insert(key.toString(), parent ? parent->toString() : QString());
        }
        QCOMPARE(after, liveShape);

        // The resolve dock's Delete removes an entry from the backend.
        QTRY_VERIFY_WITH_TIMEOUT(
            resolve->selectEntry(ResolveKind::Resolve, u"db-old.example"_s), kWaitMs);
        QVERIFY(resolve->deleteAction()->isEnabled());
        resolve->deleteAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!resolveHostnames(config).contains(u"db-old.example"_s), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(
            !resolve->selectEntry(ResolveKind::Resolve, u"db-old.example"_s), kWaitMs);

        // Read-only mode: nothing in the dock or the list changes the backend.
        window.setReadOnly(true);
        QVERIFY(!resolve->deleteAction()->isEnabled());
        QVERIFY(!resolve->resetAction()->isEnabled());
        QVERIFY(!window.clusterList()->forgetGhostAction()->isEnabled());
    }

    void cleanupTestCase() { m_fixture.reset(); }
};

QTEST_MAIN(TestMainWindowGhosts)
#include "tst_mainwindow_ghosts.moc"
