// The fault matrix of issue 12: move-up, move-below, relocate (GTID and file:pos) and
// take-master, each with the target, the moved replica and the primary killed (SIGKILL) or
// frozen (SIGSTOP) right before the move's CHANGE MASTER. The server comes back (restarted, with
// replication started again as a DBA would on a server that died; or thawed) when recovery first
// reports it cannot reach it, or after the operation ended. Every case must end with:
//   - replication running where it ran before (both threads, no error) and no UNTIL pending,
//   - the operation's audit row written and closed, and no maintenance lock left,
//   - a report that accounts for every instance the plan touched,
//   - no rows lost: every instance holds the rows written before and after, same checksum.
// Two throwaway sandboxes (file:pos and GTID, shape 1>2,3;2>4), put back in shape before each case.
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include "backend/auditstore.h"
#include "backend/maintenancestore.h"
#include "faultsupport.h"
#include "ops/executor.h"
#include "ops/operationservice.h"
#include "throwawaysandbox.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

namespace {

const QMap<int, int> kShape { { 2, 1 }, { 3, 1 }, { 4, 2 } }; // replica -> master

} // namespace

class TestFaultMatrix final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ThrowawaySandbox> m_filepos;
    std::unique_ptr<ThrowawaySandbox> m_gtid;

    ThrowawaySandbox& box(const QString& mode) const
    {
        return mode == u"gtid"_s ? *m_gtid : *m_filepos;
    }

    static bool exec(const ThrowawaySandbox& b, int n, const QString& sql)
    {
        auto s = MySqlSession::open(b.sandbox.settings(b.sandbox.instance(n)), u"matrix"_s);
        return s && (*s)->execute(sql).ok();
    }

    static QString checksum(const ThrowawaySandbox& b, int n)
    {
        auto s = MySqlSession::open(b.sandbox.settings(b.sandbox.instance(n)), u"checksum"_s);
        if (!s) {
            return {};
        }
        auto row = (*s)->queryRow(u"CHECKSUM TABLE topograph_test.rows"_s);
        return row ? row->value(u"Checksum"_s).toString() : QString();
    }

    static int masterOf(const ThrowawaySandbox& b, int n)
    {
        const int port
            = replicaStatus(b.sandbox, b.sandbox.instance(n)).value(u"Master_Port"_s).toInt();
        for (const SandboxInstance& i : b.sandbox.instances) {
            if (i.key.port == port) {
                return i.number;
            }
        }
        return 0;
    }

    // Every replica replicates from its master of the shape again, moving back what is not.
    static void restoreShape(ThrowawaySandbox& b)
    {
        for (auto it = kShape.cbegin(); it != kShape.cend(); ++it) {
            if (masterOf(b, it.key()) == it.value()) {
                continue;
            }
            const OperationService service(b.config, *b.backend);
            auto plan = service.plan({ Operation::Relocate, b.key(it.key()), b.key(it.value()) });
            QVERIFY2(plan.ok(), qPrintable(plan ? QString() : plan.error().message));
            const ExecutionReport back = service.execute(*plan);
            QVERIFY2(back.succeeded, qPrintable(back.describe()));
        }
        for (auto it = kShape.cbegin(); it != kShape.cend(); ++it) {
            QTRY_VERIFY_WITH_TIMEOUT(
                replicatesCleanly(replicaStatus(b.sandbox, b.sandbox.instance(it.key()))), 60000);
            QCOMPARE(masterOf(b, it.key()), it.value());
        }
    }

    // Rows on the primary, and every instance caught up with the same checksum.
    static void writeAndCompare(const ThrowawaySandbox& b, int rows)
    {
        for (int i = 0; i < rows; ++i) {
            QVERIFY(exec(b, 1, u"INSERT INTO topograph_test.rows (v) VALUES (RAND())"_s));
        }
        QVERIFY(MarkerRow::bump(b.sandbox));
        const int marker = MarkerRow::valueOn(b.sandbox, b.sandbox.instance(1)).value_or(-1);
        const QString expected = checksum(b, 1);
        QVERIFY(!expected.isEmpty());
        for (int n = 2; n <= 4; ++n) {
            QTRY_COMPARE_WITH_TIMEOUT(
                MarkerRow::valueOn(b.sandbox, b.sandbox.instance(n)).value_or(-1), marker, 60000);
            QCOMPARE(checksum(b, n), expected);
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto filepos = ThrowawaySandbox::start(
            m_dir.filePath(u"filepos"_s), u"filepos"_s, u"1>2,3;2>4"_s, 400);
        if (!filepos && filepos.error().code == ErrorCode::NotFound) {
            QSKIP(qPrintable(filepos.error().message));
        }
        QVERIFY2(filepos.ok(), qPrintable(filepos ? QString() : filepos.error().message));
        m_filepos = std::move(filepos).value();
        auto gtid
            = ThrowawaySandbox::start(m_dir.filePath(u"gtid"_s), u"gtid"_s, u"1>2,3;2>4"_s, 410);
        QVERIFY2(gtid.ok(), qPrintable(gtid ? QString() : gtid.error().message));
        m_gtid = std::move(gtid).value();
        for (ThrowawaySandbox* b : { m_filepos.get(), m_gtid.get() }) {
            QVERIFY(exec(*b, 1,
                u"CREATE TABLE topograph_test.rows (id INT AUTO_INCREMENT PRIMARY KEY, v DOUBLE) "
                "ENGINE=InnoDB"_s));
            QVERIFY(MarkerRow::prepare(b->sandbox));
        }
    }

    void matrix_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<int>("operation");
        QTest::addColumn<int>("moved");
        QTest::addColumn<int>("destination"); // 0: none
        QTest::addColumn<int>("victim");
        QTest::addColumn<bool>("kill"); // else freeze
        struct Move
        {
            const char* name;
            const char* mode;
            Operation operation;
            int moved;
            int destination;
            int target;
        };
        const Move moves[] = {
            { "move-up", "filepos", Operation::MoveUp, 4, 0, 1 },
            { "move-below", "filepos", Operation::MoveBelow, 3, 2, 2 },
            { "relocate-filepos", "filepos", Operation::Relocate, 4, 3, 3 },
            { "relocate-gtid", "gtid", Operation::Relocate, 4, 3, 3 },
            { "take-master", "filepos", Operation::TakeMaster, 4, 0, 2 },
        };
        for (const Move& m : moves) {
            QList<std::pair<const char*, int>> victims { { "target", m.target },
                { "moved", m.moved } };
            if (m.target != 1) {
                victims.append({ "primary", 1 });
            }
            for (const auto& [role, victim] : victims) {
                for (bool kill : { true, false }) {
                    QTest::addRow("%s %s %s", m.name, role, kill ? "killed" : "frozen")
                        << QString::fromLatin1(m.mode) << static_cast<int>(m.operation) << m.moved
                        << m.destination << victim << kill;
                }
            }
        }
    }
    void matrix()
    {
        QFETCH(QString, mode);
        QFETCH(int, operation);
        QFETCH(int, moved);
        QFETCH(int, destination);
        QFETCH(int, victim);
        QFETCH(bool, kill);
        ThrowawaySandbox& b = box(mode);
        restoreShape(b);
        writeAndCompare(b, 20);

        Configuration config = b.config;
        config.mysqlTopologyReadTimeoutSeconds = 2;
        config.mysqlConnectTimeoutSeconds = 1;
        OperationRequest request { static_cast<Operation>(operation), b.key(moved), std::nullopt };
        if (destination) {
            request.destination = b.key(destination);
        }
        auto plan = OperationService(config, *b.backend).plan(request);
        QVERIFY2(plan.ok(), qPrintable(plan ? QString() : plan.error().message));
        const qsizetype change = firstStepOf(*plan, PlanStep::Kind::ChangeMaster);
        QVERIFY(change >= 0);

        const pid_t pid = static_cast<pid_t>(b.serverPid(victim));
        QVERIFY(pid > 0);
        bool faulted = false;
        bool healed = false;
        auto heal = [&] {
            healed = true;
            if (!kill) {
                ::kill(pid, SIGCONT);
                return;
            }
            QVERIFY(ThrowawaySandbox::runScript(
                { u"start"_s, u"--dir"_s, b.dir(), u"--instance"_s, QString::number(victim) }));
            // skip_slave_start: a DBA starts the replication of a server that died.
            if (kShape.contains(victim)) {
                QVERIFY(exec(b, victim, u"START SLAVE"_s));
            }
        };
        Executor executor(config, b.backend.get());
        executor.ioThreadWaitSeconds = 5;
        executor.recoveryWindowSeconds = 30;
        const ExecutionReport report = executor.run(*plan, [&](int step, int, const QString&) {
            if (step == change + 1 && !faulted) {
                faulted = true;
                ::kill(pid, kill ? SIGKILL : SIGSTOP);
                waitForProcessState(pid, kill ? u"gone"_s : u"T"_s);
            } else if (step == 0 && faulted && !healed) {
                heal(); // recovery cannot reach it: it comes back
            }
        });
        QVERIFY(faulted);
        if (!healed) {
            heal();
        }
        const QString told = report.describe();

        // The report accounts for every instance the plan touched.
        for (const InstanceKey& key : plan->touched) {
            QVERIFY2(std::any_of(report.standings.cbegin(), report.standings.cend(),
                         [&key](const InstanceStanding& s) { return s.key == key; }),
                qPrintable(key.toString() + u" missing from:\n"_s + told));
        }
        QVERIFY2(report.succeeded || !report.error.isEmpty(), qPrintable(told));
        // The audit row, closed.
        QVERIFY2(report.auditId > 0, qPrintable(told));
        auto audit = AuditStore(*b.backend).recent(1);
        QVERIFY(audit.ok() && !audit->isEmpty());
        QCOMPARE(audit->first().id, report.auditId);
        QVERIFY2(audit->first().message.contains(report.succeeded ? u"result: ok"_s : u"failed"_s),
            qPrintable(audit->first().message));
        auto locks = MaintenanceStore(*b.backend).allActive();
        QVERIFY(locks.ok());
        QVERIFY2(locks->isEmpty(), qPrintable(told));
        // Replication runs everywhere, no UNTIL pending, where the move left it or where it was.
        for (int n = 2; n <= 4; ++n) {
            QTRY_VERIFY2_WITH_TIMEOUT(
                replicatesCleanly(replicaStatus(b.sandbox, b.sandbox.instance(n))),
                qPrintable(u"instance %1 after:\n%2"_s.arg(n).arg(told)), 60000);
        }
        if (report.succeeded) {
            const int expectedMaster = destination       ? destination
                : request.operation == Operation::MoveUp ? 1
                                                         : kShape.value(kShape.value(moved));
            QCOMPARE(masterOf(b, moved), expectedMaster);
        }
        writeAndCompare(b, 20); // nothing lost, nothing doubled
    }

    void cleanupTestCase()
    {
        m_filepos.reset();
        m_gtid.reset();
    }
};

QTEST_GUILESS_MAIN(TestFaultMatrix)
#include "tst_fault_matrix.moc"
