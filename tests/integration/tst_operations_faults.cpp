// Operations under faults on a throwaway file:pos sandbox 1>2;2>3 (and a GTID one 1>2,3,4): a
// START SLAVE UNTIL that times out (the replica is held behind by MASTER_DELAY) is cleared by
// recovery, which is verified and never starts a
// replica that was stopped before; waiting for a replica can be cancelled; the executor refuses
// a CHANGE MASTER when the instance's master changed since the plan was made; the maintenance
// locks of an operation end only if they are still its own.
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

#include "backend/auditstore.h"
#include "backend/maintenancestore.h"
#include "ops/operationservice.h"
#include "faultsupport.h"
#include "throwawaysandbox.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

class TestOperationsFaults final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ThrowawaySandbox> m_chain; // file:pos 1>2;2>3
    std::unique_ptr<ThrowawaySandbox> m_gtid; // GTID 1>2,3,4

    // Instance 3 of the chain applies what it receives `seconds` late (0: at once again).
    bool delayThree(int seconds) const
    {
        auto s = MySqlSession::open(chain().settings(chain().instance(3)), u"delay"_s);
        return s
            && (*s)->execute(
                       u"STOP SLAVE; CHANGE MASTER TO MASTER_DELAY=%1; START SLAVE"_s.arg(seconds))
                   .ok();
    }
    // 3 held behind 2: a change 2 has applied and 3 will apply only after its delay.
    bool holdThreeBehind(int& before) const
    {
        const Sandbox& sb = chain();
        before = MarkerRow::valueOn(sb, sb.instance(3)).value_or(-1);
        if (before < 0 || !delayThree(kDelaySeconds) || !MarkerRow::bump(sb)) {
            return false;
        }
        QElapsedTimer clock;
        clock.start();
        while (MarkerRow::valueOn(sb, sb.instance(2)).value_or(-1) != before + 1) {
            if (clock.elapsed() > 30000) {
                return false;
            }
            QThread::msleep(10); // replication delivers it to 2
        }
        return true;
    }
    static constexpr int kDelaySeconds = 8;

    const Sandbox& chain() const { return m_chain->sandbox; }

    // A move-up of 3 (below 1), whose START SLAVE UNTIL waits for 3 to catch up with 2: the plan,
    // with its UNTIL wait set to waitSeconds.
    Result<Plan> heldBackMoveUp(int waitSeconds) const
    {
        const OperationService service(m_chain->config, *m_chain->backend);
        auto planned = service.plan({ Operation::MoveUp, chain().instance(3).key, std::nullopt });
        if (!planned) {
            return planned;
        }
        Plan plan = std::move(planned).value();
        for (PlanStep& step : plan.steps) {
            if (step.kind == PlanStep::Kind::WaitUntil) {
                step.timeoutSeconds = waitSeconds;
            }
        }
        return plan;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto started
            = ThrowawaySandbox::start(m_dir.filePath(u"chain"_s), u"filepos"_s, u"1>2;2>3"_s, 360);
        if (!started && started.error().code == ErrorCode::NotFound) {
            QSKIP(qPrintable(started.error().message));
        }
        QVERIFY2(started.ok(), qPrintable(started ? QString() : started.error().message));
        m_chain = std::move(started).value();
        QVERIFY(MarkerRow::prepare(chain()));
        auto gtid
            = ThrowawaySandbox::start(m_dir.filePath(u"gtid"_s), u"gtid"_s, u"1>2,3,4"_s, 370);
        QVERIFY2(gtid.ok(), qPrintable(gtid ? QString() : gtid.error().message));
        m_gtid = std::move(gtid).value();
    }

    // Finding 1: the UNTIL wait times out; recovery must not leave the UNTIL in force (a plain
    // START SLAVE on the still running SQL thread would), and verifies where each one stands.
    void untilTimeoutLeavesNoPendingUntil()
    {
        const Sandbox& sb = chain();
        int before = 0;
        QVERIFY(holdThreeBehind(before));
        auto plan = heldBackMoveUp(1);
        QVERIFY2(plan.ok(), qPrintable(plan ? QString() : plan.error().message));
        QVERIFY(firstStepOf(*plan, PlanStep::Kind::WaitUntil) >= 0);
        const ExecutionReport report
            = OperationService(m_chain->config, *m_chain->backend).execute(*plan);
        QVERIFY(!report.succeeded);
        QVERIFY2(report.error.contains(u"did not reach"_s), qPrintable(report.error));
        QVERIFY2(report.notRestored.isEmpty(), qPrintable(report.describe()));
        for (const InstanceStanding& s : report.standings) {
            QVERIFY2(s.untilCondition.isEmpty(), qPrintable(s.describe()));
            QVERIFY2(s.sqlRunning, qPrintable(s.describe()));
        }
        QVERIFY2(report.log.join(u'\n').contains(u"recovery verified"_s),
            qPrintable(report.log.join(u'\n')));
        // 3 applies the change when its delay has passed, and must keep replicating after it.
        QTRY_COMPARE_WITH_TIMEOUT(*MarkerRow::valueOn(sb, sb.instance(3)), before + 1, 60000);
        QVERIFY(MarkerRow::bump(sb)); // one more: a pending UNTIL would have stopped 3 by now
        QTRY_COMPARE_WITH_TIMEOUT(*MarkerRow::valueOn(sb, sb.instance(3)), before + 2, 60000);
        QVERIFY(delayThree(0));
        for (int n : { 2, 3 }) {
            QTRY_VERIFY_WITH_TIMEOUT(replicatesCleanly(replicaStatus(sb, sb.instance(n))), 30000);
            QCOMPARE(replicaStatus(sb, sb.instance(n)).value(u"Master_Port"_s).toInt(),
                static_cast<int>(sb.instance(n - 1).key.port));
        }
        auto audit = AuditStore(*m_chain->backend).recent(1);
        QVERIFY(audit.ok() && !audit->isEmpty());
        QCOMPARE(audit->first().id, report.auditId);
        QVERIFY2(audit->first().message.contains(u"failed"_s), qPrintable(audit->first().message));
    }

    // Finding 8: Cancel while the executor waits for a held-back replica ends the wait at once
    // (not after the UNTIL timeout), then recovers as after any failure.
    void cancelEndsTheUntilWait()
    {
        const Sandbox& sb = chain();
        int before = 0;
        QVERIFY(holdThreeBehind(before));
        auto plan = heldBackMoveUp(240); // longer than the test may take
        QVERIFY(plan.ok());
        const qsizetype wait = firstStepOf(*plan, PlanStep::Kind::WaitUntil);
        std::atomic<bool> cancel { false };
        const ExecutionReport report = OperationService(m_chain->config, *m_chain->backend)
                                           .execute(
                                               *plan,
                                               [&](int step, int, const QString&) {
                                                   if (step == wait + 1) {
                                                       cancel.store(true); // Cancel pressed
                                                   }
                                               },
                                               &cancel);
        QVERIFY(!report.succeeded);
        QVERIFY2(report.error.contains(u"cancelled while"_s), qPrintable(report.error));
        QVERIFY2(report.notRestored.isEmpty(), qPrintable(report.describe()));
        for (int n : { 2, 3 }) {
            QTRY_VERIFY_WITH_TIMEOUT(replicatesCleanly(replicaStatus(sb, sb.instance(n))), 30000);
        }
        QTRY_COMPARE_WITH_TIMEOUT(*MarkerRow::valueOn(sb, sb.instance(3)), before + 1, 60000);
        QVERIFY(delayThree(0));
    }

    // Finding 1: recovery puts back what ran before, and only that: a replica a DBA had stopped
    // stays stopped after a failed operation.
    void recoveryLeavesStoppedReplicasStopped()
    {
        const Sandbox& sb = m_gtid->sandbox;
        auto four = MySqlSession::open(sb.settings(sb.instance(4)), u"test"_s);
        QVERIFY(four.ok());
        QVERIFY((*four)->execute(u"STOP SLAVE"_s).ok());
        const OperationService service(m_gtid->config, *m_gtid->backend);
        auto plan = service.plan({ Operation::Relocate, sb.instance(4).key, sb.instance(2).key });
        QVERIFY2(plan.ok(), qPrintable(plan ? QString() : plan.error().message));
        const qsizetype change = firstStepOf(*plan, PlanStep::Kind::ChangeMaster);
        QVERIFY(change > 0);
        std::atomic<bool> cancel { false };
        const ExecutionReport report = service.execute(
            *plan,
            [&](int step, int, const QString&) {
                if (step == change) {
                    cancel.store(true); // pressed during the step before the CHANGE MASTER
                }
            },
            &cancel);
        QVERIFY(!report.succeeded);
        QVERIFY2(report.notRestored.isEmpty(), qPrintable(report.describe()));
        const QVariantMap status = replicaStatus(sb, sb.instance(4));
        QCOMPARE(status.value(u"Slave_SQL_Running"_s).toString(), u"No"_s);
        QCOMPARE(status.value(u"Slave_IO_Running"_s).toString(), u"No"_s);
        QCOMPARE(status.value(u"Master_Port"_s).toInt(), static_cast<int>(sb.primary().key.port));
        QVERIFY((*four)->execute(u"START SLAVE"_s).ok());
        QTRY_VERIFY_WITH_TIMEOUT(replicatesCleanly(replicaStatus(sb, sb.instance(4))), 30000);
    }

    // Finding 4: the executor re-reads each instance's master right before its CHANGE MASTER
    // and refuses when someone moved it since the plan was made.
    void changeMasterRefusedWhenTheMasterChanged()
    {
        const Sandbox& sb = m_gtid->sandbox;
        const OperationService service(m_gtid->config, *m_gtid->backend);
        auto plan = service.plan({ Operation::Relocate, sb.instance(3).key, sb.instance(2).key });
        QVERIFY2(plan.ok(), qPrintable(plan ? QString() : plan.error().message));
        // Behind the plan's back, a DBA moves 3 below 4.
        auto three = MySqlSession::open(sb.settings(sb.instance(3)), u"test"_s);
        QVERIFY(three.ok());
        QVERIFY((*three)
                    ->execute(u"STOP SLAVE; CHANGE MASTER TO MASTER_PORT=%1, MASTER_USE_GTID="
                              "slave_pos; START SLAVE"_s.arg(sb.instance(4).key.port))
                    .ok());
        QTRY_VERIFY_WITH_TIMEOUT(replicatesCleanly(replicaStatus(sb, sb.instance(3))), 30000);

        const ExecutionReport report = service.execute(*plan);
        QVERIFY(!report.succeeded);
        QVERIFY2(report.error.contains(u"topology changed"_s), qPrintable(report.error));
        QVERIFY2(report.error.contains(sb.instance(4).key.toString()), qPrintable(report.error));
        QTRY_VERIFY_WITH_TIMEOUT(replicatesCleanly(replicaStatus(sb, sb.instance(3))), 30000);
        QCOMPARE(replicaStatus(sb, sb.instance(3)).value(u"Master_Port"_s).toInt(),
            static_cast<int>(sb.instance(4).key.port));
        // Put it back for the next test.
        QVERIFY((*three)
                    ->execute(u"STOP SLAVE; CHANGE MASTER TO MASTER_PORT=%1, MASTER_USE_GTID="
                              "slave_pos; START SLAVE"_s.arg(sb.instance(1).key.port))
                    .ok());
    }

    // Finding 7: an operation's maintenance lock that expired and was taken by someone else
    // while it ran is theirs: the operation ends only its own.
    void onlyOwnMaintenanceLocksAreEnded()
    {
        const Sandbox& sb = m_gtid->sandbox;
        const Backend& db = *m_gtid->backend;
        const OperationService service(m_gtid->config, db);
        const InstanceKey moved = sb.instance(3).key;
        auto plan = service.plan({ Operation::Relocate, moved, sb.instance(2).key });
        QVERIFY2(plan.ok(), qPrintable(plan ? QString() : plan.error().message));
        bool retaken = false;
        const ExecutionReport report = service.execute(*plan, [&](int step, int, const QString&) {
            if (step != 1) {
                return;
            }
            // Our lock runs out, and another DBA locks the instance.
            retaken = db.exec(u"UPDATE database_instance_maintenance SET end_timestamp = ? "
                              "WHERE hostname = ? AND port = ? AND maintenance_active = 1"_s,
                            { Backend::toDb(QDateTime::currentDateTimeUtc().addSecs(-60)),
                                moved.host, moved.port })
                          .ok()
                && MaintenanceStore(db).begin(moved, u"other-dba"_s, u"disk check"_s, 10).ok();
        });
        QVERIFY(retaken);
        QVERIFY2(report.succeeded, qPrintable(report.describe()));
        auto lock = MaintenanceStore(db).active(moved);
        QVERIFY(lock.ok());
        QVERIFY2(lock->has_value(), "the other DBA's lock was ended by the operation");
        QCOMPARE((*lock)->owner, u"other-dba"_s);
        QVERIFY(MaintenanceStore(db).end(moved).ok());
    }

    void cleanupTestCase()
    {
        m_chain.reset();
        m_gtid.reset();
    }
};

QTEST_GUILESS_MAIN(TestOperationsFaults)
#include "tst_operations_faults.moc"
