// The app at start reports an operation whose process died (its "started" audit row was never
// closed) with what it may have left behind, and on request restarts the replication it left
// stopped and closes its row (issue 12, finding 2). On a throwaway GTID sandbox; offscreen.
#include <QPushButton>
#include <QRegularExpression>
#include <QTest>

#include "backend/auditstore.h"
#include "mainwindowfixture.h"
#include "operations/unfinishednotice.h"
#include "ops/operationjournal.h"
#include "ops/operationservice.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

class TestMainWindowUnfinished final : public QObject
{
    Q_OBJECT

    MainWindowFixture m_fixture { 390 };

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_fixture.init()); }

    void unfinishedOperationIsReportedAndRecovered()
    {
        ThrowawaySandbox* box = m_fixture.throwaway();
        if (!box && ThrowawaySandbox::scratchPortBase() == 0) {
            QSKIP("TOPOGRAPH_TEST_SCRATCH_PORT_BASE is not set: run the suite with scripts/test");
        }
        QVERIFY(box);
        const Backend& db = *box->backend;
        const InstanceKey moved = box->key(5);
        // A relocate of 5 below 6 whose process was killed after it stopped 5.
        auto plan
            = OperationService(box->config, db).plan({ Operation::Relocate, moved, box->key(6) });
        QVERIFY2(plan.ok(), qPrintable(plan ? QString() : plan.error().message));
        QVERIFY(plan->stopsReplication.contains(moved));
        QString started = OperationJournal::startedMessage(*plan);
        started.replace(QRegularExpression(u"; pid \\d+ on "_s), u"; pid 999999999 on "_s);
        auto row = AuditStore(db).append(u"relocate"_s, moved, u"sandbox"_s, started);
        QVERIFY(row.ok());
        QVERIFY(execOn(*box, 5, u"STOP SLAVE"_s));
        QCOMPARE(masterPortOfInstance(box->sandbox, moved), 0);

        MainWindow window(box->config, box->key(1));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        UnfinishedNotice* notice = window.unfinishedNotice();
        QTRY_VERIFY_WITH_TIMEOUT(notice->box(), kWaitMs);
        QCOMPARE(notice->box()->objectName(), u"unfinishedOperationsBox"_s);
        QVERIFY2(notice->box()->informativeText().contains(moved.toString()),
            qPrintable(notice->box()->informativeText()));
        QVERIFY2(notice->box()->informativeText().contains(u"never finished"_s),
            qPrintable(notice->box()->informativeText()));
        auto* restart = notice->box()->findChild<QPushButton*>(u"restartUnfinished"_s);
        QVERIFY(restart);
        restart->click();

        QTRY_VERIFY_WITH_TIMEOUT(
            notice->box() && notice->box()->objectName() == u"unfinishedRecoveredBox"_s, kWaitMs);
        QVERIFY2(notice->box()->informativeText().contains(u"restarted and verified"_s),
            qPrintable(notice->box()->informativeText()));
        QTRY_COMPARE_WITH_TIMEOUT(
            masterPortOfInstance(box->sandbox, moved), static_cast<int>(box->key(4).port), kWaitMs);
        auto audit = AuditStore(db).recent(20);
        QVERIFY(audit.ok());
        bool closed = false;
        for (const AuditEntry& e : *audit) {
            if (e.id == *row) {
                closed = e.message.startsWith(u"INTERRUPTED: "_s);
            }
        }
        QVERIFY(closed);
    }

    void cleanupTestCase() { m_fixture.reset(); }
};

QTEST_MAIN(TestMainWindowUnfinished)
#include "tst_mainwindow_unfinished.moc"
