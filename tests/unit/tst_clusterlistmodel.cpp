// The clusters list: the in-place ClusterListModel (minimal signals across polls) and
// ClusterFilterProxyModel (filter, sort), every model checked by QAbstractItemModelTester.
// ClusterSummary::fromRecords is tested in tst_clustersummary.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "models/clusterfilterproxymodel.h"
#include "models/clusterlistmodel.h"

using namespace Qt::StringLiterals;
using namespace topograph;

namespace {

InstanceKey key(const QString& text)
{
    return *InstanceKey::parse(text, 3306);
}

// "name" or "name|alias|instances|problems".
ClusterSummary summary(const QString& spec)
{
    const QStringList parts = spec.split(u'|');
    ClusterSummary s;
    s.name = parts.value(0);
    s.alias = parts.value(1);
    s.primary = InstanceKey::parse(s.name, 3306).valueOr(InstanceKey {});
    s.instances = parts.value(2, u"1"_s).toInt();
    s.problems = parts.value(3, u"0"_s).toInt();
    return s;
}

QList<ClusterSummary> summaries(const QStringList& specs)
{
    QList<ClusterSummary> list;
    for (const QString& spec : specs) {
        list << summary(spec);
    }
    return list;
}

QStringList names(const QAbstractItemModel& model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row) {
        result << model.index(row, 0).data(ClusterListModel::SummaryNameRole).toString();
    }
    return result;
}

} // namespace

class TestClusterListModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modelData()
    {
        ClusterListModel model;
        new QAbstractItemModelTester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        ClusterSummary ghost = summary(u"g:3306|ghosty|1|1"_s);
        ghost.ghost = true;
        ghost.ghostReason = u"g is what g.example.org resolved to"_s;
        ghost.unreachable = 1;
        model.setClusters({ summary(u"a:3306||3|2"_s), ghost });

        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(ClusterListModel::Column::Count));
        const auto cell = [&](int row, ClusterListModel::Column c, int role = Qt::DisplayRole) {
            return model.index(row, int(c)).data(role);
        };
        using C = ClusterListModel::Column;
        QCOMPARE(cell(0, C::Alias).toString(), u"a:3306"_s);
        QCOMPARE(cell(0, C::Primary).toString(), u"a:3306"_s);
        QCOMPARE(cell(0, C::Instances).toInt(), 3);
        QCOMPARE(cell(0, C::Problems).toInt(), 2);
        QCOMPARE(cell(0, C::Unreachable).toInt(), 0);
        QCOMPARE(cell(1, C::Alias).toString(), u"ghosty"_s);
        QCOMPARE(cell(1, C::Alias, ClusterListModel::SummaryNameRole).toString(), u"g:3306"_s);
        QCOMPARE(cell(1, C::Problems, ClusterListModel::GhostRole).toBool(), true);
        QCOMPARE(cell(1, C::Alias, ClusterListModel::GhostReasonRole).toString(),
            u"g is what g.example.org resolved to"_s);
        QVERIFY(cell(1, C::Alias, Qt::ToolTipRole).toString().contains(u"g.example.org"_s));
        QCOMPARE(cell(0, C::Alias, ClusterListModel::GhostReasonRole).toString(), QString());
        QCOMPARE(cell(0, C::Problems, ClusterListModel::GhostRole).toBool(), false);
        QCOMPARE(cell(0, C::Alias, ClusterListModel::ProblemsRole).toInt(), 2);
        QCOMPARE(cell(1, C::Alias, ClusterListModel::UnreachableRole).toInt(), 1);
        QVERIFY(cell(1, C::Alias, Qt::ToolTipRole).toString().contains(u"Ghost cluster"_s));
        QVERIFY(!cell(0, C::Alias, Qt::ToolTipRole).toString().contains(u"Ghost"_s));
        QVERIFY(cell(0, C::Alias, Qt::ToolTipRole).toString().contains(u"with problems"_s));

        QCOMPARE(model.headerData(int(C::Alias), Qt::Horizontal).toString(), u"Cluster"_s);
        QCOMPARE(model.headerData(int(C::Primary), Qt::Horizontal).toString(), u"Primary"_s);
        QCOMPARE(model.headerData(int(C::Unreachable), Qt::Horizontal).toString(), u"Down"_s);
        QVERIFY(!model.headerData(int(C::Problems), Qt::Horizontal, Qt::ToolTipRole)
                     .toString()
                     .isEmpty());

        QCOMPARE(model.rowOf(u"g:3306"_s), 1);
        QCOMPARE(model.rowOf(u"nope:3306"_s), -1);
        QCOMPARE(model.summaryAt(1), ghost);
        QCOMPARE(model.summaryAt(7).name, QString());
        QCOMPARE(model.roleNames().value(ClusterListModel::GhostRole), QByteArray("ghost"));
    }

    void setClustersUpdatesInPlace_data()
    {
        QTest::addColumn<QList<QStringList>>("steps");
        const QStringList abc { u"a"_s, u"b"_s, u"c"_s };
        QTest::newRow("fill, then empty") << QList<QStringList> { abc, {} };
        QTest::newRow("add at ends and middle") << QList<QStringList> { { u"b"_s, u"d"_s },
            { u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s, u"f"_s } };
        QTest::newRow("remove runs")
            << QList<QStringList> { { u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s, u"f"_s },
                   { u"c"_s, u"f"_s } };
        QTest::newRow("reverse") << QList<QStringList> { abc, { u"c"_s, u"b"_s, u"a"_s } };
        QTest::newRow("change values")
            << QList<QStringList> { abc, { u"a|x|2|1"_s, u"b"_s, u"c|y|5|0"_s } };
        QTest::newRow("everything at once")
            << QList<QStringList> { { u"a"_s, u"b"_s, u"c"_s, u"d"_s },
                   { u"e"_s, u"d|alias"_s, u"x"_s, u"b"_s, u"y"_s }, abc, abc };
    }

    void setClustersUpdatesInPlace()
    {
        QFETCH(QList<QStringList>, steps);
        ClusterListModel model;
        new QAbstractItemModelTester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        ClusterFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.sort(int(ClusterListModel::Column::Alias));
        new QAbstractItemModelTester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        for (const QStringList& step : std::as_const(steps)) {
            const QList<ClusterSummary> wanted = summaries(step);
            model.setClusters(wanted);
            QCOMPARE(model.clusters(), wanted);
            QStringList expected;
            for (const ClusterSummary& s : wanted) {
                expected << s.name;
            }
            QCOMPARE(names(model), expected);
            QCOMPARE(proxy.rowCount(), wanted.size());
            for (int row = 0; row < wanted.size(); ++row) {
                QCOMPARE(model.index(row, int(ClusterListModel::Column::Alias)).data().toString(),
                    wanted.at(row).displayName());
            }
        }
        QCOMPARE(resets.size(), 0);
    }

    void changedRowEmitsDataChanged()
    {
        ClusterListModel model;
        new QAbstractItemModelTester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        model.setClusters(summaries({ u"a"_s, u"b"_s, u"c"_s }));
        const QPersistentModelIndex b = model.index(1, int(ClusterListModel::Column::Problems));

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);

        model.setClusters(summaries({ u"a"_s, u"b||4|3"_s, u"c"_s }));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex(), model.index(1, 0));
        QCOMPARE(changed.at(0).at(1).toModelIndex(),
            model.index(1, int(ClusterListModel::Column::Count) - 1));
        QCOMPARE(resets.size() + inserted.size() + removed.size() + moved.size(), 0);
        QVERIFY(b.isValid());
        QCOMPARE(b.row(), 1);
        QCOMPARE(b.data().toInt(), 3);

        // The same list again: nothing to say.
        model.setClusters(summaries({ u"a"_s, u"b||4|3"_s, u"c"_s }));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(resets.size() + inserted.size() + removed.size() + moved.size(), 0);
    }

    void persistentIndexFollowsItsCluster()
    {
        ClusterListModel model;
        new QAbstractItemModelTester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        model.setClusters(summaries({ u"a"_s, u"b"_s, u"c"_s, u"d"_s }));
        const QPersistentModelIndex c = model.index(2, 0);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        // a is gone, z is new, c gained an alias that sorts it first.
        model.setClusters(summaries({ u"c|Aardvark"_s, u"b"_s, u"d"_s, u"z"_s }));
        QVERIFY(c.isValid());
        QCOMPARE(c.row(), 0);
        QCOMPARE(c.data(ClusterListModel::SummaryNameRole).toString(), u"c"_s);
        QCOMPARE(c.data().toString(), u"Aardvark"_s);

        model.setClusters(summaries({ u"b"_s }));
        QVERIFY(!c.isValid()); // its cluster was removed
        QCOMPARE(resets.size(), 0);
    }

    void proxyFilters_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("empty") << QString()
                               << QStringList { u"db1:3306"_s, u"db2:3306"_s, u"pc1008:3306"_s };
        QTest::newRow("alias, any case") << u"BILL"_s << QStringList { u"db1:3306"_s };
        QTest::newRow("name behind an alias") << u"db1"_s << QStringList { u"db1:3306"_s };
        QTest::newRow("primary") << u"moved-primary"_s << QStringList { u"db2:3306"_s };
        QTest::newRow("port, spaces trimmed")
            << u" :3306 "_s << QStringList { u"db1:3306"_s, u"db2:3306"_s, u"pc1008:3306"_s };
        QTest::newRow("nothing") << u"zzz"_s << QStringList {};
    }

    void proxyFilters()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        ClusterListModel model;
        ClusterFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        new QAbstractItemModelTester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        ClusterSummary moved = summary(u"db2:3306"_s);
        moved.primary = key(u"moved-primary:3306"_s);
        model.setClusters({ summary(u"db1:3306|billing"_s), moved, summary(u"pc1008:3306"_s) });

        proxy.setFilterText(text);
        QCOMPARE(proxy.filterText(), text.trimmed());
        QCOMPARE(names(proxy), expected);
    }

    void proxyFilterSurvivesUpdates()
    {
        ClusterListModel model;
        ClusterFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        new QAbstractItemModelTester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        proxy.setFilterText(u"shop"_s);
        model.setClusters(summaries({ u"a|shop-eu"_s, u"b"_s }));
        QCOMPARE(names(proxy), QStringList { u"a"_s });
        model.setClusters(summaries({ u"a|shop-eu"_s, u"b|shop-us"_s, u"c"_s }));
        QCOMPARE(names(proxy), (QStringList { u"a"_s, u"b"_s }));
        model.setClusters(summaries({ u"b|shop-us"_s, u"c|other"_s }));
        QCOMPARE(names(proxy), QStringList { u"b"_s });
    }

    void proxySortsNumerically_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QStringList>("ascending");
        using C = ClusterListModel::Column;
        // instances: a 10, b 2, c 9; problems: a 0, b 11, c 3.
        QTest::newRow("instances") << int(C::Instances) << QStringList { u"b"_s, u"c"_s, u"a"_s };
        QTest::newRow("problems") << int(C::Problems) << QStringList { u"a"_s, u"c"_s, u"b"_s };
        QTest::newRow("alias") << int(C::Alias) << QStringList { u"c"_s, u"a"_s, u"b"_s };
    }

    void proxySortsNumerically()
    {
        QFETCH(int, column);
        QFETCH(QStringList, ascending);
        ClusterListModel model;
        ClusterFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        new QAbstractItemModelTester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        model.setClusters(summaries({ u"a|beta|10|0"_s, u"b|Gamma|2|11"_s, u"c|ALPHA|9|3"_s }));

        proxy.sort(column, Qt::AscendingOrder);
        QCOMPARE(names(proxy), ascending);
        proxy.sort(column, Qt::DescendingOrder);
        QStringList descending = ascending;
        std::reverse(descending.begin(), descending.end());
        QCOMPARE(names(proxy), descending);
    }
};

QTEST_GUILESS_MAIN(TestClusterListModel)
#include "tst_clusterlistmodel.moc"
