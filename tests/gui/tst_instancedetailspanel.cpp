// The instance details dock: its styling proxy under QAbstractItemModelTester while polls update
// the instance and another instance replaces it, and the action buttons (applicable or not,
// blocked with a reason, asking by orchestrator's command names).
#include <QAbstractItemModelTester>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

#include "models/instancedetailsmodel.h"
#include "panels/instancedetailspanel.h"
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

    void buttonsAskAndShowWhyTheyAreDisabled()
    {
        InstanceDetailsPanel panel;
        const Topology t(u"m; r1<m"_s, Server::MariaDB1011, true);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        panel.setInstance(t.records().at(1), QString(), std::nullopt, now, {});
        QSignalSpy asked(&panel, &InstanceDetailsPanel::actionRequested);
        QPushButton* moveUp = panel.actionButton(u"move-up"_s);
        QVERIFY(moveUp && moveUp->isEnabled());
        moveUp->click();
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().first().toString(), u"move-up"_s);

        panel.setActionEnabled(u"move-up"_s, false, u"Read-only mode"_s);
        QVERIFY(!moveUp->isEnabled());
        QCOMPARE(moveUp->toolTip(), u"Read-only mode"_s);
        panel.setActionEnabled(u"move-up"_s, true, QString());
        QVERIFY(moveUp->isEnabled());

        // A primary cannot move up: the panel says why on its own.
        panel.setInstance(t.records().at(0), QString(), std::nullopt, now, {});
        QVERIFY(!panel.actionButton(u"move-up"_s)->isEnabled());
        QVERIFY(!panel.actionButton(u"move-up"_s)->toolTip().isEmpty());
    }
};

QTEST_MAIN(TestInstanceDetailsPanel)
#include "tst_instancedetailspanel.moc"
