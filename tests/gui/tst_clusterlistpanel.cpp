// The clusters list panel: its decoration proxy under QAbstractItemModelTester (icons and
// colours by state), the filter box, and a selection that survives in-place updates.
#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QIcon>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

#include "models/clusterlistmodel.h"
#include "panels/clusterdecorationproxymodel.h"
#include "panels/clusterlistpanel.h"
#include "panels/keyelidedelegate.h"

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

    void columnsStayInView()
    {
        ClusterListPanel panel;
        panel.setClusters({ summary(u"db1103.eqiad.wmnet:3306"_s, 2, 1),
            summary(u"db2204.codfw.wmnet:3306"_s), summary(u"pc1011.eqiad.wmnet:3306"_s) });
        panel.resize(900, 300);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTreeView* view = panel.view();
        const QAbstractItemView* items = view; // QTreeView hides sizeHintForColumn()
        QHeaderView* header = view->header();
        const int alias = static_cast<int>(ClusterListModel::Column::Alias);
        const int primary = static_cast<int>(ClusterListModel::Column::Primary);
        const auto lastRight = [header] {
            return header->sectionViewportPosition(header->count() - 1)
                + header->sectionSize(header->count() - 1);
        };
        // Wide: whole names.
        QTRY_COMPARE(header->sectionSize(alias), items->sizeHintForColumn(alias));
        QVERIFY(lastRight() <= view->viewport()->width());

        // A narrow dock: the names share what the counts leave, the cluster's the larger part,
        // and are elided; every column stays in view.
        panel.resize(340, 300);
        QTRY_VERIFY(header->sectionSize(alias) < items->sizeHintForColumn(alias));
        QTRY_VERIFY(lastRight() <= view->viewport()->width());
        QVERIFY(header->sectionSize(alias) > header->sectionSize(primary));
        QCOMPARE(view->horizontalScrollBar()->maximum(), 0);
        // The names keep what tells them apart: the host's first label and the port.
        auto* delegate = qobject_cast<KeyElideDelegate*>(view->itemDelegateForColumn(alias));
        QVERIFY(delegate);
        QStyleOptionViewItem option;
        option.initFrom(view);
        option.widget = view;
        const QModelIndex first = view->model()->index(0, alias);
        option.rect = view->visualRect(first);
        const QString shown = delegate->displayedText(option, first);
        QVERIFY2(shown.startsWith(u"db1103"_s) && shown.endsWith(u"…:3306"_s), qPrintable(shown));

        // Narrower than the counts and two minimal names: it scrolls sideways to the last one.
        panel.resize(160, 300);
        QTRY_COMPARE(header->sectionSize(alias), ClusterListPanel::minimumClusterWidth);
        QTRY_COMPARE(header->sectionSize(primary), ClusterListPanel::minimumPrimaryWidth);
        QTRY_VERIFY(view->horizontalScrollBar()->maximum() > 0);
        QVERIFY(lastRight() <= view->viewport()->width() + view->horizontalScrollBar()->maximum());
    }
};

QTEST_MAIN(TestClusterListPanel)
#include "tst_clusterlistpanel.moc"
