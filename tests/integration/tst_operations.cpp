// Topology operations on real replication, GTID and file:pos, with a writer inserting rows on the
// primary the whole time: every move lands where it should and is audited, and afterwards every
// instance holds exactly the acknowledged rows with the same checksum, replicating without error.
// Each mode gets a throwaway six-instance sandbox of its own (these tests reshape it).
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

#include "backend/auditstore.h"
#include "backend/backend.h"
#include "backend/topologywriter.h"
#include "db/mysqlsession.h"
#include "discovery/discoverer.h"
#include "ops/operationservice.h"
#include "sandboxfixture.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

namespace {

bool sandboxScript(const QStringList& args)
{
    QProcess p;
    p.start(qEnvironmentVariable("TOPOGRAPH_SOURCE_DIR") + u"/scripts/sandbox"_s, args);
    return p.waitForFinished(120000) && p.exitCode() == 0;
}

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

} // namespace

class TestOperations final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QStringList m_sandboxes;

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
        const int scratch = qEnvironmentVariableIntValue("TOPOGRAPH_TEST_SCRATCH_PORT_BASE");
        if (scratch == 0) {
            QSKIP("TOPOGRAPH_TEST_SCRATCH_PORT_BASE is not set: run the suite with scripts/test");
        }
        const QString dir = m_dir.filePath(mode);
        QVERIFY(sandboxScript({ u"up"_s, u"--dir"_s, dir, u"--"_s + mode, u"--port-base"_s,
            QString::number(scratch + offset) }));
        m_sandboxes << dir;
        auto loaded = Sandbox::load(dir);
        QVERIFY(loaded.ok());
        const Sandbox& sb = *loaded;
        Configuration config = sb.config;
        config.sqlite3DataFile = m_dir.filePath(mode + u".sqlite3"_s);
        auto backend = Backend::open(config);
        QVERIFY(backend.ok());
        auto found = Discoverer::discoverBlocking(config, sb.primary().key, 60000);
        QVERIFY(found.ok());
        QVERIFY(TopologyWriter(**backend, config).record(*found).ok());

        auto primary = MySqlSession::open(sb.settings(sb.primary()), u"test"_s);
        QVERIFY(primary.ok());
        QVERIFY((*primary)
                    ->execute(u"CREATE TABLE topograph_test.ops (id INT AUTO_INCREMENT PRIMARY "
                              "KEY, v DOUBLE) ENGINE=InnoDB"_s)
                    .ok());
        Writer writer(sb.settings(sb.primary()));

        // Shape 1>2,3,4;4>5,6: sibling, grandparent, cousin two levels away, take-master,
        // relocate-replicas, and back again.
        auto k = [&](int n) { return sb.instance(n).key; };
        const OperationService service(config, **backend);
        const QList<OperationRequest> moves {
            { u"relocate"_s, k(5), k(6) }, // below a sibling
            { u"relocate"_s, k(5), k(1) }, // up to its grandparent
            { u"relocate"_s, k(6), k(2) }, // to a cousin two levels away
            { u"take-master"_s, k(6), std::nullopt }, // 6 becomes 2's master
            { u"relocate-replicas"_s, k(6), k(4) }, // 2 (now below 6) moves below 4
            { u"relocate"_s, k(2), k(1) }, // back again
            { u"relocate"_s, k(6), k(4) },
            { u"relocate"_s, k(5), k(4) },
        };
        int done = 0;
        for (const OperationRequest& move : moves) {
            auto plan = service.plan(move);
            QVERIFY2(plan.ok(),
                qPrintable(move.operation + u": "_s + (plan ? QString() : plan.error().message)));
            const ExecutionReport report = service.execute(*plan);
            QVERIFY2(report.succeeded, qPrintable(plan->title + u": "_s + report.describe()));
            ++done;
        }
        QVERIFY(writer.acknowledged() > 0);
        const int acknowledged = writer.stop();

        auto audit = AuditStore(**backend).recent(100);
        QVERIFY(audit.ok());
        QCOMPARE(audit->size(), done);

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

    void cleanupTestCase()
    {
        for (const QString& dir : m_sandboxes) {
            sandboxScript({ u"down"_s, u"--dir"_s, dir, u"--purge"_s });
        }
    }
};

QTEST_GUILESS_MAIN(TestOperations)
#include "tst_operations.moc"
