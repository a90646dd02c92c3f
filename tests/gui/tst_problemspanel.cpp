// The problems dock's parts without a fleet: ProblemTracker keeps "since" per finding,
// ProblemListModel updates in place (under QAbstractItemModelTester), the panel filters and
// hides structure warnings on request, a click asks for the instance, the clusters list gets
// its badges and the status bar its count.
#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

#include "fleet/problem.h"
#include "models/clusterlistmodel.h"
#include "models/clustersummary.h"
#include "models/problemlistmodel.h"
#include "panels/problemsdock.h"
#include "panels/problemspanel.h"

using namespace Qt::StringLiterals;
using namespace topograph;

namespace {

Problem problem(const QString& code, const QString& key, bool warning = false,
    const QString& cluster = u"db1:3306"_s)
{
    Problem p;
    p.code = code;
    p.key = InstanceKey::parse(key, 3306).valueOr(InstanceKey {});
    p.cluster = cluster;
    p.description = code + u" at "_s + key;
    p.structureWarning = warning;
    return p;
}

const QDateTime kT0 = QDateTime(QDate(2026, 12, 3), QTime(10, 0), Qt::UTC);

} // namespace

class TestProblemsPanel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void trackerKeepsSinceUntilAFindingGoes()
    {
        ProblemTracker tracker;
        auto first = tracker.update({ problem(u"DeadMaster"_s, u"db1:3306"_s) }, kT0);
        QCOMPARE(first.constFirst().since, kT0);
        auto second
            = tracker.update({ problem(u"DeadMaster"_s, u"db1:3306"_s),
                                 problem(u"ErrantGTIDStructureWarning"_s, u"db2:3306"_s, true) },
                kT0.addSecs(5));
        QCOMPARE(second.size(), 2);
        QCOMPARE(second.at(0).code, u"DeadMaster"_s); // failures before structure warnings
        QCOMPARE(second.at(0).since, kT0);
        QCOMPARE(second.at(1).since, kT0.addSecs(5));
        tracker.update({}, kT0.addSecs(10));
        auto back = tracker.update({ problem(u"DeadMaster"_s, u"db1:3306"_s) }, kT0.addSecs(15));
        QCOMPARE(back.constFirst().since, kT0.addSecs(15)); // went away, came back: afresh
    }

    void modelUpdatesInPlace()
    {
        ProblemListModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setProblems({ problem(u"A"_s, u"h1:1"_s), problem(u"B"_s, u"h2:1"_s),
            problem(u"C"_s, u"h3:1"_s, true) });
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.failures(), 2);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        Problem changed = problem(u"C"_s, u"h3:1"_s, true);
        changed.description = u"new words"_s;
        model.setProblems({ changed, problem(u"D"_s, u"h4:1"_s), problem(u"A"_s, u"h1:1"_s) });
        QCOMPARE(reset.count(), 0);
        QCOMPARE(removed.count(), 1); // B
        QCOMPARE(inserted.count(), 1); // D
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, ProblemListModel::CodeColumn).data().toString(), u"A"_s);
        QCOMPARE(
            model.index(1, ProblemListModel::DescriptionColumn).data().toString(), u"new words"_s);
        QCOMPARE(model.index(2, ProblemListModel::InstanceColumn).data().toString(), u"h4:1"_s);
    }

    void panelFiltersAndActivates()
    {
        ProblemsPanel panel;
        panel.resize(800, 300);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setProblems({ problem(u"DeadMaster"_s, u"db1:3306"_s),
            problem(u"UnreachableIntermediateMaster"_s, u"db2:3306"_s),
            problem(u"NoLoggingReplicasStructureWarning"_s, u"db1:3306"_s, true) });
        QCOMPARE(panel.summary(), u"2 problems, 1 structure warning"_s);
        QCOMPARE(panel.proxy()->rowCount(), 3);
        panel.warningsBox()->setChecked(false);
        QCOMPARE(panel.proxy()->rowCount(), 2);
        QTest::keyClicks(panel.filterEdit(), u"unreach"_s);
        QCOMPARE(panel.proxy()->rowCount(), 1);

        QSignalSpy activated(&panel, &ProblemsPanel::instanceActivated);
        QTreeView* view = panel.view();
        const QRect cell = view->visualRect(panel.proxy()->index(0, 0));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(activated.count(), 1);
        QCOMPARE(
            activated.constFirst().constFirst().value<InstanceKey>().toString(), u"db2:3306"_s);
    }

    void clustersGetBadges()
    {
        ClusterSummary a;
        a.name = u"db1:3306"_s;
        ClusterSummary b;
        b.name = u"other:3306"_s;
        QList<ClusterSummary> summaries { a, b };
        ClusterSummary::attachProblems(summaries,
            { problem(u"NoLoggingReplicasStructureWarning"_s, u"db1:3306"_s, true),
                problem(u"DeadMaster"_s, u"db1:3306"_s), problem(u"DeadMaster"_s, u"db2:3306"_s) });
        QCOMPARE(summaries.at(0).analysisCodes,
            QStringList({ u"DeadMaster"_s, u"NoLoggingReplicasStructureWarning"_s }));
        QCOMPARE(summaries.at(0).analysisLines.size(), 3);
        QVERIFY(summaries.at(1).analysisCodes.isEmpty());

        ClusterListModel model;
        model.setClusters(summaries);
        const QModelIndex badge = model.index(0, int(ClusterListModel::Column::Analysis));
        QVERIFY(badge.data().toString().contains(u"DeadMaster"_s));
        QVERIFY(badge.data(Qt::ToolTipRole).toString().contains(u"db2:3306: DeadMaster"_s));
    }

    void statusBarCountsFailures()
    {
        QMainWindow window;
        ProblemsDock dock(&window, nullptr);
        QVERIFY(!dock.statusLabel()->isVisibleTo(&window));
        dock.setProblems({ problem(u"ErrantGTIDStructureWarning"_s, u"db1:3306"_s, true) });
        QVERIFY(!dock.statusLabel()->isVisibleTo(&window)); // warnings alone: quiet
        dock.setProblems({ problem(u"DeadMaster"_s, u"db1:3306"_s),
            problem(u"ErrantGTIDStructureWarning"_s, u"db1:3306"_s, true) });
        QVERIFY(dock.statusLabel()->isVisibleTo(&window));
        QCOMPARE(dock.statusLabel()->text(), u"1 problem, 1 structure warning"_s);
        const auto lines = ProblemsDock::byInstance(dock.panel()->model()->problems());
        QCOMPARE(lines.value(InstanceKey { u"db1"_s, 3306 }).size(), 2);
    }
};

QTEST_MAIN(TestProblemsPanel)
#include "tst_problemspanel.moc"
