// Topology operations on real replication, GTID and file:pos, with a writer inserting rows on the
// primary the whole time: every move lands where it should and is audited, and afterwards every
// instance holds exactly the acknowledged rows with the same checksum, replicating without error.
// Each mode gets a throwaway six-instance sandbox of its own (these tests reshape it).
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

#include <csignal>

#include "backend/auditstore.h"
#include "backend/maintenancestore.h"
#include "backend/backend.h"
#include "backend/topologywriter.h"
#include "db/mysqlsession.h"
#include "discovery/discoverer.h"
#include "ops/operationservice.h"
#include "sandboxfixture.h"
#include "throwawaysandbox.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

namespace {

// Inserts rows on the primary until stopped; counts the inserts the server acknowledged.
class Writer final
{
public:
    explicit Writer(ConnectionSettings settings)
        : m_thread(QThread::create([this, settings] { loop(settings); }))
    {
        m_thread->start();
    }
    ~Writer() { stop(); }
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    int stop()
    {
        m_stop.store(true);
        if (m_thread) {
            m_thread->wait();
            m_thread.reset();
        }
        return m_acknowledged.load();
    }
    int acknowledged() const { return m_acknowledged.load(); }

private:
    void loop(const ConnectionSettings& settings)
    {
        auto session = MySqlSession::open(settings, u"writer"_s);
        if (!session) {
            return;
        }
        while (!m_stop.load()) {
            if ((*session)->execute(u"INSERT INTO topograph_test.ops (v) VALUES (RAND())"_s)) {
                m_acknowledged.fetch_add(1);
            }
            QThread::msleep(5); // a steady trickle of writes, not a sync point
        }
    }

    std::atomic<bool> m_stop { false };
    std::atomic<int> m_acknowledged { 0 };
    std::unique_ptr<QThread> m_thread;
};

// Index of the last step of that kind, -1 when there is none.
qsizetype lastStepOf(const Plan& plan, PlanStep::Kind kind)
{
    for (qsizetype i = plan.steps.size() - 1; i >= 0; --i) {
        if (plan.steps[i].kind == kind) {
            return i;
        }
    }
    return -1;
}

// Waits (bounded) until process pid is in state ("T": stopped) or "gone": kill() only sends.
void waitForState(pid_t pid, const QString& state)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 10000) {
        QFile stat(u"/proc/%1/stat"_s.arg(pid));
        if (!stat.open(QIODevice::ReadOnly)) {
            if (state == u"gone"_s) {
                return;
            }
        } else {
            // "pid (comm) S ...": the state follows the closing parenthesis.
            const QString text = QString::fromLatin1(stat.readAll());
            const QString now = text.mid(text.lastIndexOf(u')') + 2, 1);
            if (now == state || (state == u"gone"_s && now == u"Z"_s)) {
                return;
            }
        }
        QThread::msleep(5);
    }
}

} // namespace

// Starts a throwaway sandbox or skips (no scratch ports) or fails the test.
#define START_THROWAWAY(var, name, mode, shape, offset)                                            \
    auto var##Started = ThrowawaySandbox::start(m_dir.filePath(name), mode, shape, offset);        \
    if (!var##Started && var##Started.error().code == ErrorCode::NotFound) {                       \
        QSKIP(qPrintable(var##Started.error().message));                                           \
    }                                                                                              \
    QVERIFY2(                                                                                      \
        var##Started.ok(), qPrintable(var##Started ? QString() : var##Started.error().message));

class TestOperations final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ThrowawaySandbox> m_frozen; // shared by the tests after targetFreezesMidMove

private Q_SLOTS:
    void nothingIsLost_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<int>("offset");
        QTest::newRow("gtid") << u"gtid"_s << 30;
        QTest::newRow("filepos") << u"filepos"_s << 40;
    }
    void nothingIsLost()
    {
        QFETCH(QString, mode);
        QFETCH(int, offset);
        START_THROWAWAY(box, mode, mode, u"1>2,3,4;4>5,6"_s, offset)
        const ThrowawaySandbox& tb = **boxStarted;
        const Sandbox& sb = tb.sandbox;
        const Configuration& config = tb.config;
        const Backend& db = *tb.backend;

        auto primary = MySqlSession::open(sb.settings(sb.primary()), u"test"_s);
        QVERIFY(primary.ok());
        QVERIFY((*primary)
                    ->execute(u"CREATE TABLE topograph_test.ops (id INT AUTO_INCREMENT PRIMARY "
                              "KEY, v DOUBLE) ENGINE=InnoDB"_s)
                    .ok());
        Writer writer(sb.settings(sb.primary()));

        // Shape 1>2,3,4;4>5,6: sibling, grandparent, uncle, cousin two levels away,
        // take-master, relocate-replicas, and back again.
        auto k = [&](int n) { return sb.instance(n).key; };
        const OperationService service(config, db);
        const QList<OperationRequest> moves {
            { Operation::Relocate, k(5), k(6) }, // below a sibling
            { Operation::Relocate, k(5), k(4) }, // up to its grandparent
            { Operation::Relocate, k(6), k(2) }, // below an uncle
            { Operation::Relocate, k(5), k(6) }, // below a cousin, two levels up and two down
            { Operation::TakeMaster, k(6), std::nullopt }, // 6 becomes 2's master
            { Operation::RelocateReplicas, k(6), k(4) }, // 2 and 5 (now below 6) move below 4
            { Operation::Relocate, k(2), k(1) }, // back again to 1>2,3,4;4>5,6
            { Operation::Relocate, k(6), k(4) },
            { Operation::Relocate, k(5), k(4) },
        };
        int done = 0;
        for (const OperationRequest& move : moves) {
            auto plan = service.plan(move);
            QVERIFY2(plan.ok(),
                qPrintable(OperationRegistry::cliName(move.operation) + u": "_s
                    + (plan ? QString() : plan.error().message)));
            const ExecutionReport report = service.execute(*plan);
            QVERIFY2(report.succeeded, qPrintable(plan->title + u": "_s + report.describe()));
            ++done;
        }
        QVERIFY(writer.acknowledged() > 0);
        const int acknowledged = writer.stop();

        auto audit = AuditStore(db).recent(100);
        QVERIFY(audit.ok());
        QCOMPARE(audit->size(), done);
        // file:pos moves record which coordinates on the old and new masters are the same point.
        auto equivalences = db.select(u"SELECT COUNT(*) AS n FROM master_position_equivalence"_s);
        QVERIFY(equivalences.ok());
        const int recorded = equivalences->first().value(u"n"_s).toInt();
        QVERIFY2(mode == u"gtid"_s ? recorded == 0 : recorded > 0,
            qPrintable(QString::number(recorded)));

        // Everyone catches up with every acknowledged row and the same checksum.
        auto checksum = [](const MySqlSession& s) {
            auto row = s.queryRow(u"CHECKSUM TABLE topograph_test.ops"_s);
            return row ? row->value(u"Checksum"_s).toString() : QString();
        };
        const QString expected = checksum(**primary);
        for (const SandboxInstance& instance : sb.instances) {
            auto s = MySqlSession::open(sb.settings(instance), u"test"_s);
            QVERIFY(s.ok());
            QTRY_COMPARE_WITH_TIMEOUT(
                (*s)->queryRow(u"SELECT COUNT(*) AS n FROM topograph_test.ops"_s)
                    .valueOr({})
                    .value(u"n"_s)
                    .toInt(),
                acknowledged, 60000);
            QCOMPARE(checksum(**s), expected);
            if (instance.master != 0 || instance.number != sb.primary().number) {
                auto status = (*s)->queryRow(u"SHOW SLAVE STATUS"_s);
                QVERIFY(status.ok());
                if (!status->isEmpty()) {
                    QCOMPARE(status->value(u"Slave_SQL_Running"_s).toString(), u"Yes"_s);
                    QCOMPARE(status->value(u"Slave_IO_Running"_s).toString(), u"Yes"_s);
                    QCOMPARE(status->value(u"Last_SQL_Error"_s).toString(), QString());
                    QCOMPARE(status->value(u"Using_Gtid"_s).toString(),
                        mode == u"gtid"_s ? u"Slave_Pos"_s : u"No"_s);
                }
            }
        }
    }

    // The target's server dies in the middle of a file:pos move-below: the executor fails at the
    // step that needs it, restarts the replication it stopped, and reports where each instance
    // stands; the moved replica is back replicating from its old master.
    void targetDiesMidMove()
    {
        START_THROWAWAY(box, u"fault"_s, u"filepos"_s, u"1>2,3"_s, 50)
        const ThrowawaySandbox& tb = **boxStarted;
        const Sandbox& sb = tb.sandbox;
        const Backend& db = *tb.backend;
        Configuration config = tb.config;
        config.mysqlTopologyReadTimeoutSeconds = 3;
        config.mysqlConnectTimeoutSeconds = 1;
        const OperationService service(config, db);
        const InstanceKey moved = sb.instance(3).key;
        const InstanceKey target = sb.instance(2).key;
        auto plan = service.plan({ Operation::MoveBelow, moved, target });
        QVERIFY2(plan.ok(), qPrintable(plan ? QString() : plan.error().message));
        const qsizetype change = lastStepOf(*plan, PlanStep::Kind::ChangeMaster);
        QVERIFY(change > 0);

        const pid_t pid = static_cast<pid_t>(tb.serverPid(2));
        QVERIFY(pid > 0);
        const ExecutionReport report = service.execute(*plan, [&](int step, int, const QString&) {
            if (step == change + 1) {
                ::kill(pid, SIGKILL); // the target dies just before it is needed
                waitForState(pid, u"gone"_s);
            }
        });
        QVERIFY(!report.succeeded);
        QVERIFY(!report.changedNothing);
        QVERIFY2(report.error.contains(target.toString()), qPrintable(report.error));
        bool targetReported = false;
        for (const InstanceStanding& s : report.standings) {
            if (s.key == target) {
                targetReported = !s.reachable;
            }
            if (s.key == moved) {
                QVERIFY(s.reachable);
                QCOMPARE(s.master, std::optional<InstanceKey>(sb.primary().key));
                QVERIFY2(s.ioRunning && s.sqlRunning, qPrintable(s.describe()));
            }
        }
        QVERIFY(targetReported);
        auto audit = AuditStore(db).recent(1);
        QVERIFY(audit.ok() && !audit->isEmpty());
        QVERIFY(audit->first().message.contains(u"failed"_s));
        // No maintenance lock outlives the operation.
        auto locks = MaintenanceStore(db).allActive();
        QVERIFY(locks.ok());
        QVERIFY(locks->isEmpty());
    }

    // The target freezes (SIGSTOP) in the middle of a file:pos move-below, after both replicas
    // were stopped: the statement that needs it times out, recovery restarts the moved replica at
    // once and keeps trying on the frozen one until it answers again (the test thaws it when
    // recovery reports its first failed attempt), so no replication is left stopped.
    void targetFreezesMidMove()
    {
        auto started
            = ThrowawaySandbox::start(m_dir.filePath(u"frozen"_s), u"filepos"_s, u"1>2,3"_s, 80);
        if (!started && started.error().code == ErrorCode::NotFound) {
            QSKIP(qPrintable(started.error().message));
        }
        QVERIFY2(started.ok(), qPrintable(started ? QString() : started.error().message));
        m_frozen = std::move(started).value();
        const ThrowawaySandbox& tb = *m_frozen;
        const Sandbox& sb = tb.sandbox;
        const Backend& db = *tb.backend;
        Configuration config = tb.config;
        config.mysqlTopologyReadTimeoutSeconds = 2;
        config.mysqlConnectTimeoutSeconds = 1;
        const OperationService service(config, db);
        const InstanceKey moved = sb.instance(3).key;
        const InstanceKey target = sb.instance(2).key;
        auto plan = service.plan({ Operation::MoveBelow, moved, target });
        QVERIFY2(plan.ok(), qPrintable(plan ? QString() : plan.error().message));
        const qsizetype change = lastStepOf(*plan, PlanStep::Kind::ChangeMaster);
        QVERIFY(change > 0);
        const pid_t pid = static_cast<pid_t>(tb.serverPid(2));
        QVERIFY(pid > 0);
        bool frozen = false;
        const ExecutionReport report = service.execute(*plan, [&](int step, int, const QString&) {
            if (step == change + 1) {
                ::kill(pid, SIGSTOP);
                waitForState(pid, u"T"_s); // signals arrive asynchronously
                frozen = true;
            } else if (step == 0 && frozen) {
                ::kill(pid, SIGCONT); // recovery is waiting for it
                frozen = false;
            }
        });
        if (frozen) {
            ::kill(pid, SIGCONT);
        }
        QVERIFY(!report.succeeded);
        QVERIFY2(report.error.contains(target.toString()), qPrintable(report.error));
        QVERIFY2(
            report.log.join(u'\n').contains(u"recovery"_s), qPrintable(report.log.join(u'\n')));
        // Nothing that replicated before is left stopped, and nothing moved.
        for (int n : { 2, 3 }) {
            auto s = MySqlSession::open(sb.settings(sb.instance(n)), u"test"_s);
            QVERIFY(s.ok());
            QTRY_VERIFY_WITH_TIMEOUT(
                [&] {
                    auto row = (*s)->queryRow(u"SHOW SLAVE STATUS"_s);
                    return row && row->value(u"Slave_SQL_Running"_s).toString() == u"Yes"_s
                        && row->value(u"Slave_IO_Running"_s).toString() == u"Yes"_s;
                }(),
                30000);
            auto row = (*s)->queryRow(u"SHOW SLAVE STATUS"_s);
            QCOMPARE(
                row->value(u"Master_Port"_s).toUInt(), static_cast<uint>(sb.primary().key.port));
        }
    }

    // One instance stops accepting Topograph's credentials between planning and execution: the
    // executor refuses before it changes anything.
    void wrongCredentialsOnOneInstanceChangeNothing()
    {
        if (!m_frozen) {
            QSKIP("needs the sandbox of targetFreezesMidMove");
        }
        const Sandbox& sb = m_frozen->sandbox;
        const Configuration& config = m_frozen->config;
        const QString dir = m_dir.filePath(u"frozen"_s);
        const OperationService service(config, *m_frozen->backend);
        auto plan = service.plan({ Operation::MoveBelow, sb.instance(3).key, sb.instance(2).key });
        QVERIFY2(plan.ok(), qPrintable(plan ? QString() : plan.error().message));

        auto asRoot = [&](const QString& sql) {
            QProcess p;
            p.start(u"mariadb"_s,
                { u"--no-defaults"_s, u"--socket="_s + dir + u"/n2/mysqld.sock"_s, u"-uroot"_s,
                    u"-e"_s, u"SET sql_log_bin=0; "_s + sql });
            return p.waitForFinished(30000) && p.exitCode() == 0;
        };
        QVERIFY(asRoot(u"ALTER USER 'topograph'@'127.0.0.1' IDENTIFIED BY 'changed-4711'"_s));
        const ExecutionReport report = service.execute(*plan);
        QVERIFY(asRoot(u"ALTER USER 'topograph'@'127.0.0.1' IDENTIFIED BY 'topograph-sandbox'"_s));

        QVERIFY(!report.succeeded);
        QVERIFY(report.changedNothing);
        QCOMPARE(report.stepsRun, 0);
        QVERIFY2(report.error.contains(u"refused before any change"_s), qPrintable(report.error));
        QVERIFY(!report.error.contains(u"4711"_s));
        auto s = MySqlSession::open(sb.settings(sb.instance(3)), u"test"_s);
        QVERIFY(s.ok());
        auto row = (*s)->queryRow(u"SHOW SLAVE STATUS"_s);
        QVERIFY(row.ok());
        QCOMPARE(row->value(u"Master_Port"_s).toUInt(), static_cast<uint>(sb.primary().key.port));
        QCOMPARE(row->value(u"Slave_SQL_Running"_s).toString(), u"Yes"_s);
    }

    // Cancelled between steps: the executor stops, restarts what it stopped, and reports it.
    void cancelledMidMove()
    {
        if (!m_frozen) {
            QSKIP("needs the sandbox of targetFreezesMidMove");
        }
        const Sandbox& sb = m_frozen->sandbox;
        const Configuration& config = m_frozen->config;
        const QString dir = m_dir.filePath(u"frozen"_s);
        const OperationService service(config, *m_frozen->backend);
        auto plan = service.plan({ Operation::MoveBelow, sb.instance(3).key, sb.instance(2).key });
        QVERIFY2(plan.ok(), qPrintable(plan ? QString() : plan.error().message));
        std::atomic<bool> cancel { false };
        const ExecutionReport report = service.execute(
            *plan,
            [&cancel](int step, int, const QString&) {
                if (step == 3) {
                    cancel.store(true); // the user presses Cancel while step 3 runs
                }
            },
            &cancel);
        QVERIFY(!report.succeeded);
        QVERIFY2(report.error.contains(u"cancelled"_s), qPrintable(report.error));
        QCOMPARE(report.stepsRun, 3);
        for (const InstanceStanding& s : report.standings) {
            QCOMPARE(s.master, std::optional<InstanceKey>(sb.primary().key));
            QVERIFY2(s.sqlRunning, qPrintable(s.describe()));
        }
        // The IO threads reconnect on their own, shortly after the restart.
        for (int n : { 2, 3 }) {
            auto s = MySqlSession::open(sb.settings(sb.instance(n)), u"test"_s);
            QVERIFY(s.ok());
            QTRY_VERIFY_WITH_TIMEOUT(
                [&] {
                    auto row = (*s)->queryRow(u"SHOW SLAVE STATUS"_s);
                    return row && row->value(u"Slave_IO_Running"_s).toString() == u"Yes"_s
                        && row->value(u"Slave_SQL_Running"_s).toString() == u"Yes"_s;
                }(),
                30000);
        }
    }

    // A refused move changes nothing; wrong credentials are refused before any change.
    void refusalsChangeNothing()
    {
        auto loaded = Sandbox::fromEnvironment(u"gtid"_s);
        if (!loaded) {
            QSKIP(qPrintable(loaded.error().message));
        }
        const Sandbox& sb = *loaded;
        Configuration config = sb.config;
        config.sqlite3DataFile = m_dir.filePath(u"refusals.sqlite3"_s);
        auto backend = Backend::open(config);
        QVERIFY(backend.ok());
        auto found = Discoverer::discoverBlocking(config, sb.primary().key, 60000);
        QVERIFY(found.ok());
        QVERIFY(TopologyWriter(**backend, config).record(*found).ok());
        const OperationService service(config, **backend);

        // Below its own descendant (taken from the live topology, whatever shape it has now).
        std::optional<InstanceRecord> child;
        for (const InstanceRecord& r : *found) {
            if (r.masterKey && *r.masterKey != sb.primary().key) {
                child = r;
            }
        }
        QVERIFY2(child, "the sandbox needs a replica below a replica");
        const SandboxInstance leaf { 0, child->key, 0 };
        auto plan = service.plan({ Operation::Relocate, *child->masterKey, child->key });
        QVERIFY(!plan.ok());
        QVERIFY2(plan.error().message.contains(u"descendant"_s)
                || plan.error().message.contains(u"below"_s),
            qPrintable(plan.error().message));

        // Read-only.
        OperationRequest readOnly { Operation::Relocate, leaf.key, sb.primary().key, true };
        auto refused = service.plan(readOnly);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(u"read-only"_s, Qt::CaseInsensitive),
            qPrintable(refused.error().message));

        // Wrong credentials: the fresh probe fails, so nothing is planned, nothing runs.
        Configuration wrong = config;
        wrong.mysqlTopologyCredentialsConfigFile.clear();
        wrong.mysqlTopologyUser = u"topograph"_s;
        wrong.mysqlTopologyPassword = u"wrong-password-4711"_s;
        const OperationService denied(wrong, **backend);
        auto deniedPlan = denied.plan({ Operation::Relocate, leaf.key, sb.primary().key });
        QVERIFY(!deniedPlan.ok());
        QVERIFY(!deniedPlan.error().message.contains(u"4711"_s));

        // The sandbox is as it was.
        for (const InstanceRecord& before : *found) {
            auto s = MySqlSession::open(sb.settings({ 0, before.key, 0 }), u"test"_s);
            QVERIFY(s.ok());
            auto status = (*s)->queryRow(u"SHOW SLAVE STATUS"_s);
            QVERIFY(status.ok());
            if (before.masterKey) {
                QCOMPARE(status->value(u"Master_Port"_s).toUInt(),
                    static_cast<uint>(before.masterKey->port));
                QCOMPARE(status->value(u"Slave_SQL_Running"_s).toString(), u"Yes"_s);
            }
        }
    }

    void cleanupTestCase() { m_frozen.reset(); }
};

QTEST_GUILESS_MAIN(TestOperations)
#include "tst_operations.moc"
