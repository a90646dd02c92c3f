// A refresh of one instance reaches the window as a change of that key, not the fleet, and is
// applied in place: the clusters list keeps its rows (persistent indexes survive) and the canvas
// keeps its cards, each showing the new row. Against the shared GTID sandbox, which it only reads.
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QTest>

#include "canvas/nodeitem.h"
#include "mainwindow.h"
#include "mainwindowfixture.h"
#include "models/clusterlistmodel.h"
#include "ops/operationregistry.h"
#include "panels/clusterlistpanel.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

class TestMainWindowRefresh final : public QObject
{
    Q_OBJECT

    MainWindowFixture m_fixture { 0 };

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_fixture.init()); }

    void refreshOfOneInstanceIsAppliedInPlace()
    {
        auto loaded = Sandbox::fromEnvironment(u"gtid"_s);
        if (!loaded) {
            QSKIP(qPrintable(loaded.error().message));
        }
        Configuration config = loaded->config;
        config.sqlite3DataFile = m_fixture.filePath(u"refresh.db"_s);
        config.instancePollSeconds = 3600; // no round after the first: only the refresh reads
        const InstanceKey leaf = loaded->deepest().key;
        MainWindow window(config, leaf);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE_WITH_TIMEOUT(window.scene()->keys().size(), loaded->instances.size(), kWaitMs);

        const ClusterListModel* clusters = window.clusterList()->model();
        QCOMPARE(clusters->rowCount(), 1);
        const QPersistentModelIndex row(clusters->index(0, 0));
        NodeItem* card = window.scene()->nodeItem(leaf);
        QVERIFY(card);
        const QDateTime before = window.snapshot().find(leaf)->lastAttemptedCheck;
        const int fleetSize = static_cast<int>(window.snapshot().records.size());
        QSignalSpy snapshots(&window, &MainWindow::snapshotApplied);
        QSignalSpy changes(&window, &MainWindow::changeApplied);

        // The backend keeps whole seconds: a refresh in a later second shows a later check.
        QTRY_VERIFY(QDateTime::currentSecsSinceEpoch() > before.toSecsSinceEpoch());
        window.requestOperation(Operation::Refresh, leaf);
        QVERIFY(changes.wait(kWaitMs));
        QCOMPARE(changes.first().at(1).toInt(), 1); // one row, not the fleet
        QCOMPARE(snapshots.count(), 0);
        QCOMPARE(window.snapshot().serial, changes.first().at(0).toULongLong());
        QCOMPARE(window.snapshot().records.size(), fleetSize);
        const QDateTime after = window.snapshot().find(leaf)->lastAttemptedCheck;
        QVERIFY2(after > before, qPrintable(after.toString(Qt::ISODateWithMs)));

        // In place: the same list row, the same card, showing the new row.
        QVERIFY(row.isValid());
        QCOMPARE(row.row(), 0);
        QCOMPARE(clusters->summaryAt(0).instances, fleetSize);
        QCOMPARE(window.scene()->nodeItem(leaf), card);
        QCOMPARE(card->record().lastAttemptedCheck, after);
        QCOMPARE(window.scene()->keys().size(), loaded->instances.size());
    }
};

QTEST_MAIN(TestMainWindowRefresh)
#include "tst_mainwindow_refresh.moc"
