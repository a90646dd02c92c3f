// The clusters list panel: its decoration proxy under QAbstractItemModelTester (icons and
// colours by state), the filter box, and a selection that survives in-place updates.
#include <QAbstractItemModelTester>
#include <QIcon>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

#include "models/clusterlistmodel.h"
#include "panels/clusterdecorationproxymodel.h"
#include "panels/clusterlistpanel.h"

using namespace Qt::StringLiterals;
using namespace topograph;

namespace {

ClusterSummary summary(
    const QString& name, int problems = 0, int unreachable = 0, bool ghost = false)
{
    ClusterSummary s;
    s.name = name;
    s.primary = InstanceKey::parse(name, 3306).valueOr(InstanceKey {});
    s.instances = 3;
    s.problems = problems;
    s.unreachable = unreachable;
    s.ghost = ghost;
    return s;
}

} // namespace

class TestClusterListPanel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decorationProxyPassesTheTester()
    {
        ClusterListModel model;
        ClusterDecorationProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setClusters(
            { summary(u"a:3306"_s), summary(u"b:3306"_s, 2, 1), summary(u"c:3306"_s, 1, 0, true) });
        model.setClusters({ summary(u"b:3306"_s, 0, 0), summary(u"d:3306"_s) });
        QCOMPARE(proxy.rowCount(), 2);
    }

    void iconsAndColoursFollowTheState()
    {
        ClusterListModel model;
        ClusterDecorationProxyModel proxy;
        proxy.setSourceModel(&model);
        model.setClusters({ summary(u"a:3306"_s), summary(u"b:3306"_s, 2, 1) });
        const auto column = [](ClusterListModel::Column c) { return static_cast<int>(c); };
        const QModelIndex healthy = proxy.index(0, column(ClusterListModel::Column::Alias));
        const QModelIndex broken = proxy.index(1, column(ClusterListModel::Column::Alias));
        QVERIFY(!healthy.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(healthy.data(Qt::DecorationRole).value<QIcon>().cacheKey()
            != broken.data(Qt::DecorationRole).value<QIcon>().cacheKey());
        QVERIFY(!proxy.index(0, column(ClusterListModel::Column::Problems))
                     .data(Qt::ForegroundRole)
                     .isValid());
        QVERIFY(proxy.index(1, column(ClusterListModel::Column::Problems))
                    .data(Qt::ForegroundRole)
                    .isValid());
        QCOMPARE(proxy.index(1, column(ClusterListModel::Column::Problems)).data().toInt(), 2);
    }

    void filterAndSelectionSurviveUpdates()
    {
        ClusterListPanel panel;
        QAbstractItemModelTester tester(
            panel.view()->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy activated(&panel, &ClusterListPanel::clusterActivated);
        panel.setClusters({ summary(u"alpha:3306"_s), summary(u"beta:3306"_s) });
        panel.view()->setCurrentIndex(panel.view()->model()->index(1, 0));
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().first().toString(), u"beta:3306"_s);
        // A poll that adds a cluster before it keeps beta selected and emits nothing.
        panel.setClusters(
            { summary(u"alpha:3306"_s), summary(u"aaa:3306"_s), summary(u"beta:3306"_s, 1) });
        QCOMPARE(panel.selectedCluster(), u"beta:3306"_s);
        QCOMPARE(activated.size(), 1);
        QTest::keyClicks(panel.filterEdit(), u"alp"_s);
        QCOMPARE(panel.view()->model()->rowCount(), 1);
        panel.filterEdit()->clear();
        QCOMPARE(panel.view()->model()->rowCount(), 3);
    }
};

QTEST_MAIN(TestClusterListPanel)
#include "tst_clusterlistpanel.moc"
