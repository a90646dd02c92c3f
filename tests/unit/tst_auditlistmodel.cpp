// The audit dock's model under QAbstractItemModelTester: newest first, new rows inserted at the
// top (rows already held skipped), a capacity that drops the oldest, and the roles the dock's
// proxy sorts and filters on.
#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QTest>

#include "models/auditlistmodel.h"

using namespace Qt::StringLiterals;
using namespace topograph;

namespace {

AuditEntry entry(qint64 id, const QString& type, const QString& host, const QString& owner = {})
{
    return { id, QDateTime(QDate(2026, 12, 3), QTime(8, 0).addSecs(int(id)), Qt::UTC), type,
        InstanceKey { host, 3306 }, u"c1"_s, u"message %1"_s.arg(id), owner };
}

} // namespace

class TestAuditListModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newestFirstAndOnlyNewRowsAdded()
    {
        AuditListModel model(nullptr, 5);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(model.columnCount(), int(AuditListModel::ColumnCount));
        model.addEntries(
            { entry(2, u"relocate"_s, u"r1"_s, u"alice"_s), entry(1, u"forget"_s, u"r2"_s) });
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.newestId(), 2);
        QCOMPARE(model.index(0, AuditListModel::ActionColumn).data().toString(), u"relocate"_s);
        QCOMPARE(model.index(0, AuditListModel::InstanceColumn).data().toString(), u"r1:3306"_s);
        QCOMPARE(model.index(0, AuditListModel::OwnerColumn).data().toString(), u"alice"_s);
        QCOMPARE(model.index(0, AuditListModel::ClusterColumn).data().toString(), u"c1"_s);
        QCOMPARE(model.index(0, AuditListModel::MessageColumn).data().toString(), u"message 2"_s);
        QVERIFY(!model.index(0, AuditListModel::TimeColumn).data().toString().isEmpty());
        QCOMPARE(model.index(1, 0).data(AuditListModel::KeyRole).value<InstanceKey>(),
            (InstanceKey { u"r2"_s, 3306 }));

        // Rows after the newest: at the top, in id order; ones already held are skipped.
        model.addEntries({ entry(2, u"relocate"_s, u"r1"_s), entry(3, u"move-up"_s, u"r3"_s),
            entry(4, u"take-master"_s, u"r4"_s) });
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.entryAt(0).id, 4);
        QCOMPARE(model.entryAt(1).id, 3);
        QCOMPARE(model.entryAt(3).id, 1);

        // Past the capacity the oldest go.
        model.addEntries({ entry(5, u"a"_s, u"r5"_s), entry(6, u"b"_s, u"r6"_s) });
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.entryAt(0).id, 6);
        QCOMPARE(model.entryAt(4).id, 2);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.newestId(), 0);
    }

    void sortsOnItsSortRole()
    {
        AuditListModel model;
        model.addEntries({ entry(10, u"relocate"_s, u"b"_s), entry(9, u"forget"_s, u"c"_s),
            entry(11, u"begin-maintenance"_s, u"a"_s) });
        QSortFilterProxyModel proxy;
        QAbstractItemModelTester tester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        proxy.setSourceModel(&model);
        proxy.setSortRole(AuditListModel::SortRole);
        proxy.sort(AuditListModel::TimeColumn, Qt::AscendingOrder);
        QCOMPARE(
            proxy.index(0, AuditListModel::TimeColumn).data(AuditListModel::IdRole).toLongLong(),
            9);
        proxy.sort(AuditListModel::ActionColumn, Qt::AscendingOrder);
        QCOMPARE(
            proxy.index(0, AuditListModel::ActionColumn).data().toString(), u"begin-maintenance"_s);
        proxy.sort(AuditListModel::InstanceColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, AuditListModel::InstanceColumn).data().toString(), u"c:3306"_s);
    }
};

QTEST_GUILESS_MAIN(TestAuditListModel)
#include "tst_auditlistmodel.moc"
