// ResolveCacheModel under QAbstractItemModelTester: columns, display text, raw sort values, the
// instance keys and flag reason roles, in-place updates, and sorting through a proxy.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

#include "ghostfixture.h"
#include "models/resolvecachemodel.h"
#include "resolve/resolveflagrules.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

namespace {

using C = ResolveCacheModel::Column;

QList<ResolveCacheEntry> judged(
    const QList<ResolveEntry>& entries, const QList<UnresolveEntry>& unresolves = {})
{
    return ResolveFlagRules::judge(entries, unresolves, runbookFleet(), kGhostNow, 60);
}

QVariant cell(const QAbstractItemModel& model, int row, C column, int role = Qt::DisplayRole)
{
    return model.data(model.index(row, static_cast<int>(column)), role);
}

} // namespace

class TestResolveCacheModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsEntriesWithRawValues()
    {
        ResolveCacheModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.columnCount(), static_cast<int>(C::Count));
        model.setEntries(judged({ resolveEntry(u"pc1008.eqiad.wmnet"_s, u"pc1008"_s, 5),
                                    resolveEntry(u"pc1011"_s, u"pc1011.eqiad.wmnet"_s, 90) },
                             { UnresolveEntry {
                                 u"pc1012.eqiad.wmnet"_s, u"pc-vip"_s, kGhostNow.addSecs(-30) } }),
            kGhostNow);
        QCOMPARE(model.rowCount(), 3);

        QCOMPARE(cell(model, 0, C::Kind).toString(), u"resolve"_s);
        QCOMPARE(cell(model, 0, C::Hostname).toString(), u"pc1008.eqiad.wmnet"_s);
        QCOMPARE(cell(model, 0, C::Resolved).toString(), u"pc1008"_s);
        QCOMPARE(cell(model, 0, C::Age).toString(), u"5m 0s"_s);
        QCOMPARE(cell(model, 0, C::Age, ResolveCacheModel::SortRole).toLongLong(), 300);
        QCOMPARE(cell(model, 0, C::ExpiresIn).toString(), u"55m 0s"_s);
        QCOMPARE(cell(model, 0, C::ExpiresIn, ResolveCacheModel::SortRole).toLongLong(), 3300);
        QCOMPARE(cell(model, 0, C::HostnameUsers).toInt(), 1);
        QCOMPARE(cell(model, 0, C::ResolvedUsers).toInt(), 2);
        QVERIFY(cell(model, 0, C::Flag).toString().contains(u"bare name"_s));
        QVERIFY(cell(model, 0, C::Hostname, ResolveCacheModel::FlaggedRole).toBool());
        QCOMPARE(cell(model, 0, C::Hostname, ResolveCacheModel::FlagReasonRole),
            cell(model, 0, C::Flag));
        QCOMPARE(cell(model, 0, C::Hostname, Qt::ToolTipRole), cell(model, 0, C::Flag));

        // The instances that use a name: per name column, both elsewhere.
        const auto keys = [&](C column) {
            return cell(model, 0, column, ResolveCacheModel::InstanceKeysRole)
                .value<QList<InstanceKey>>();
        };
        QCOMPARE(keys(C::Hostname), QList { ghostKey(u"pc1008.eqiad.wmnet:3306"_s) });
        QCOMPARE(keys(C::ResolvedUsers),
            (QList { ghostKey(u"pc1008:3306"_s), ghostKey(u"pc1008:3307"_s) }));
        QCOMPARE(keys(C::Flag).size(), 3);

        QCOMPARE(cell(model, 1, C::ExpiresIn).toString(), u"expired"_s);
        QCOMPARE(cell(model, 1, C::ExpiresIn, ResolveCacheModel::SortRole).toLongLong(), -1800);
        QCOMPARE(cell(model, 1, C::Age).toString(), u"1h 30m"_s);
        QCOMPARE(cell(model, 2, C::Kind).toString(), u"unresolve"_s);
        QCOMPARE(cell(model, 2, C::Kind, ResolveCacheModel::KindRole).toInt(),
            static_cast<int>(ResolveKind::Unresolve));
        QVERIFY(!cell(model, 2, C::Hostname, ResolveCacheModel::FlaggedRole).toBool());
        QCOMPARE(model.entryAt(2).resolvedHostname, u"pc-vip"_s);
        QCOMPARE(model.entryAt(7).hostname, QString());
        QCOMPARE(model.roleNames().value(ResolveCacheModel::InstanceKeysRole),
            QByteArray("instanceKeys"));
    }

    void updatesInPlaceAndResetsOnNewRows()
    {
        ResolveCacheModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto first
            = judged({ resolveEntry(u"a"_s, u"a.x"_s), resolveEntry(u"b"_s, u"b.x"_s) });
        model.setEntries(first, kGhostNow);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        model.setEntries(first, kGhostNow);
        QCOMPARE(changed.size(), 0);
        model.setNow(kGhostNow.addSecs(60));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(cell(model, 0, C::Age).toString(), u"2m 0s"_s);

        auto moved = first;
        moved[1].resolvedHostname = u"b.y"_s;
        model.setEntries(moved, kGhostNow.addSecs(60));
        QCOMPARE(changed.size(), 2);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(cell(model, 1, C::Resolved).toString(), u"b.y"_s);

        model.setEntries(judged({ resolveEntry(u"c"_s, u"c.x"_s) }), kGhostNow);
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), 1);
        model.setEntries({}, kGhostNow);
        QCOMPARE(model.rowCount(), 0);
    }

    void sortsByRawValuesInAProxy()
    {
        ResolveCacheModel model;
        model.setEntries(
            judged({ resolveEntry(u"a"_s, u"a.x"_s, 2), resolveEntry(u"b"_s, u"b.x"_s, 10),
                resolveEntry(u"c"_s, u"c.x"_s, 70) }),
            kGhostNow);
        QSortFilterProxyModel proxy;
        QAbstractItemModelTester tester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.setSortRole(ResolveCacheModel::SortRole);
        proxy.sort(static_cast<int>(C::Age), Qt::DescendingOrder);
        // "1h 10m" > "10m 0s" > "2m 0s" by seconds, not by text.
        QCOMPARE(cell(proxy, 0, C::Hostname).toString(), u"c"_s);
        QCOMPARE(cell(proxy, 1, C::Hostname).toString(), u"b"_s);
        QCOMPARE(cell(proxy, 2, C::Hostname).toString(), u"a"_s);
        proxy.setFilterKeyColumn(static_cast<int>(C::Hostname));
        proxy.setFilterFixedString(u"b"_s);
        QCOMPARE(proxy.rowCount(), 1);
    }

    void durations()
    {
        QCOMPARE(ResolveCacheModel::duration(0), u"0s"_s);
        QCOMPARE(ResolveCacheModel::duration(59), u"59s"_s);
        QCOMPARE(ResolveCacheModel::duration(3661), u"1h 1m"_s);
        QCOMPARE(ResolveCacheModel::duration(90000), u"1d 1h"_s);
        QCOMPARE(ResolveCacheModel::duration(-61), u"-1m 1s"_s);
    }
};

QTEST_GUILESS_MAIN(TestResolveCacheModel)
#include "tst_resolvecachemodel.moc"
