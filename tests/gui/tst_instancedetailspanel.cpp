// The instance details dock: its styling proxy under QAbstractItemModelTester while polls update
// the instance and another instance replaces it, and Copy (Ctrl+C) giving the value, with times in
// ISO 8601. (Its buttons are the operation actions: tst_operationactions.)
#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

#include "models/instancedetailsmodel.h"
#include "panels/instancedetailspanel.h"
#include "timeformat.h"
#include "plannerfixture.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

class TestInstanceDetailsPanel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void proxyPassesTheTesterThroughUpdates()
    {
        InstanceDetailsPanel panel;
        auto* view = panel.findChild<QTreeView*>();
        QVERIFY(view);
        QAbstractItemModelTester tester(
            view->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        Topology t(u"m; r1<m"_s, Server::MariaDB1011, true);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        panel.setInstance(t.at(u"r1"_s), u"orders"_s, std::nullopt, now, {});
        QVERIFY(view->model()->rowCount() > 20);
        t.with(u"r1"_s, [](InstanceRecord& r) { r.secondsBehindMaster = 42; });
        panel.setInstance(t.at(u"r1"_s), u"orders"_s, std::nullopt, now.addSecs(5), {});
        panel.setInstance(t.at(u"m"_s), u"orders"_s, std::nullopt, now.addSecs(5), {});
        QCOMPARE(panel.instanceKey(), std::optional(key(u"m"_s)));
        panel.clear();
        QVERIFY(!panel.instanceKey());
    }

    void copyGivesTheValueAndTimesInIso()
    {
        InstanceDetailsPanel panel;
        auto* view = panel.findChild<QTreeView*>();
        const Topology t(u"m; r1<m"_s, Server::MariaDB1011, true);
        InstanceRecord r = t.records().at(1);
        r.lastChecked = QDateTime(QDate(2026, 12, 2), QTime(15, 35, 7), Qt::UTC);
        panel.setInstance(r, QString(), std::nullopt, r.lastChecked.addSecs(5), {});
        const int checked = panel.model()->rowOf(u"last_checked"_s);
        view->setCurrentIndex(view->model()->index(checked, 1));
        QCOMPARE(panel.copyCurrentValue(), TimeFormat::iso(r.lastChecked));
        QVERIFY(
            panel.model()->value(u"last_checked"_s).startsWith(TimeFormat::display(r.lastChecked)));
        view->setCurrentIndex(view->model()->index(panel.model()->rowOf(u"master"_s), 0));
        QCOMPARE(panel.copyCurrentValue(), u"m:3306"_s);
        QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), u"m:3306"_s);
    }
};

QTEST_MAIN(TestInstanceDetailsPanel)
#include "tst_instancedetailspanel.moc"
