// The "Move to…" picker's model under QAbstractItemModelTester: acceptable destinations first,
// refused ones listed but not selectable, with the planner's reason; filtering on SearchRole.
#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QTest>

#include "models/destinationlistmodel.h"

using namespace Qt::StringLiterals;
using namespace topograph;

class TestDestinationListModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsAcceptableFirstAndFilters()
    {
        DestinationListModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        const InstanceKey a { u"db-a"_s, 3306 };
        const InstanceKey b { u"db-b"_s, 3306 };
        const InstanceKey c { u"db-c"_s, 3306 };
        QHash<InstanceKey, TargetVerdict> verdicts;
        verdicts.insert(a, { TargetVerdict::Kind::Refused, u"db-a is a replica of it"_s, {} });
        verdicts.insert(b, { TargetVerdict::Kind::Valid, {}, u"GTID"_s });
        verdicts.insert(c, { TargetVerdict::Kind::Warning, u"lag 30 s"_s, u"GTID"_s });
        model.setDestinations(verdicts, { { c, u"orders-c"_s } });
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.acceptableCount(), 2);
        QCOMPARE(model.index(0).data().toString(), u"db-b:3306"_s);
        QCOMPARE(model.index(1).data().toString(), u"db-c:3306 (orders-c)"_s);
        QCOMPARE(model.index(2).data(DestinationListModel::KeyRole).toString(), u"db-a:3306"_s);
        QVERIFY(!(model.flags(model.index(2)) & Qt::ItemIsSelectable));
        QVERIFY(model.index(2).data(Qt::ToolTipRole).toString().contains(u"replica of it"_s));
        QVERIFY(model.index(1).data(Qt::ToolTipRole).toString().contains(u"lag 30 s"_s));

        QSortFilterProxyModel filter;
        filter.setSourceModel(&model);
        filter.setFilterRole(DestinationListModel::SearchRole);
        filter.setFilterCaseSensitivity(Qt::CaseInsensitive);
        filter.setFilterFixedString(u"ORDERS"_s);
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, 0).data(DestinationListModel::KeyRole).toString(), u"db-c:3306"_s);
        model.setDestinations({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDestinationListModel)
#include "tst_destinationlistmodel.moc"
