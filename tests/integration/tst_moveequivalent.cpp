// move-equivalent on real file:pos replication (issue 13): refused with the reason while no
// equivalence is recorded; a file:pos move records one; move-equivalent then moves the replica
// to the recorded server at the recorded position, verified (its data keeps flowing) and audited;
// once the replica has moved past the recorded position it is refused again, and nothing changes.
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "db/mysqlsession.h"
#include "clirun.h"
#include "sandboxfixture.h"
#include "throwawaysandbox.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

class TestMoveEquivalent final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ThrowawaySandbox> m_box;
    QString m_config;
    std::optional<Sandbox> m_sb;

    using Run = CliRun;

    Run cli(const QStringList& args) const { return runConfigured(m_config, args); }

    QString k(int n) const { return m_sb->instance(n).key.toString(); }
    int port(int n) const { return m_sb->instance(n).key.port; }

    std::unique_ptr<MySqlSession> session(int n) const
    {
        auto s = MySqlSession::open(m_sb->settings(m_sb->instance(n)), u"test"_s);
        return s ? std::move(s).value() : nullptr;
    }

    SqlRow replicaStatus(int n) const
    {
        auto s = session(n);
        if (!s) {
            return {};
        }
        auto row = s->queryRow(u"SHOW SLAVE STATUS"_s);
        return row ? *row : SqlRow {};
    }

    // A write on the master, and instance n has executed it (MASTER_POS_WAIT on the server: no
    // sleeping here). True when it arrived.
    bool writeArrives(int master, int n, const QString& value) const
    {
        auto m = session(master);
        if (!m) {
            return false;
        }
        for (const QString& sql : { u"CREATE DATABASE IF NOT EXISTS equiv"_s,
                 u"CREATE TABLE IF NOT EXISTS equiv.t (v varchar(32))"_s,
                 u"INSERT INTO equiv.t VALUES ('%1')"_s.arg(value) }) {
            if (!m->execute(sql)) {
                return false;
            }
        }
        auto status = m->queryRow(u"SHOW MASTER STATUS"_s);
        auto r = session(n);
        if (!status || !r) {
            return false;
        }
        auto waited = r->queryRow(u"SELECT MASTER_POS_WAIT('%1', %2, 60) AS w"_s.arg(
            status->value(u"File"_s).toString(), status->value(u"Position"_s).toString()));
        if (!waited || waited->value(u"w"_s).isNull() || waited->value(u"w"_s).toInt() < 0) {
            return false;
        }
        auto seen = r->queryRow(u"SELECT COUNT(*) AS c FROM equiv.t WHERE v = '%1'"_s.arg(value));
        return seen && seen->value(u"c"_s).toInt() == 1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString dir = m_dir.filePath(u"filepos"_s);
        auto started = ThrowawaySandbox::start(dir, u"filepos"_s, u"1>2,3"_s, 460);
        if (!started && started.error().code == ErrorCode::NotFound) {
            QSKIP(qPrintable(started.error().message));
        }
        QVERIFY2(started.ok(), qPrintable(started ? QString() : started.error().message));
        m_box = std::move(started).value();
        m_sb = m_box->sandbox;
        QFile in(dir + u"/topograph.conf.json"_s);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QJsonObject config = QJsonDocument::fromJson(in.readAll()).object();
        config[u"SQLite3DataFile"_s] = m_dir.filePath(u"backend.sqlite3"_s);
        m_config = m_dir.filePath(u"topograph.json"_s);
        QFile out(m_config);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(config).toJson());
        out.close();
        QCOMPARE(cli({ u"-c"_s, u"discover"_s, u"-i"_s, k(1) }).exitCode, 0);
    }

    void refusedWithoutEquivalence()
    {
        const Run run = cli({ u"-c"_s, u"move-equivalent"_s, u"-i"_s, k(3), u"-d"_s, k(2) });
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"no equivalent position is known for "_s + k(3)),
            qPrintable(run.err));
        QVERIFY2(run.err.contains(u"master_position_equivalence"_s), qPrintable(run.err));
        QCOMPARE(replicaStatus(3).value(u"Master_Port"_s).toInt(), port(1));
    }

    void movesToTheRecordedServer()
    {
        // A file:pos move records (1's position) = (2's position) for the moved replica.
        const Run below = cli({ u"-c"_s, u"move-below"_s, u"-i"_s, k(3), u"-d"_s, k(2) });
        QVERIFY2(below.exitCode == 0, qPrintable(below.err));
        QCOMPARE(replicaStatus(3).value(u"Master_Port"_s).toInt(), port(2));

        // The plan names the recorded position and checks the replica still stands there.
        const Run noop
            = cli({ u"-c"_s, u"move-equivalent"_s, u"-i"_s, k(3), u"-d"_s, k(1), u"--noop"_s });
        QVERIFY2(noop.exitCode == 0, qPrintable(noop.err));
        QVERIFY2(noop.out.contains(u"recorded equivalent position"_s), qPrintable(noop.out));
        QVERIFY2(noop.out.contains(u"MASTER_LOG_POS="_s), qPrintable(noop.out));
        QCOMPARE(replicaStatus(3).value(u"Master_Port"_s).toInt(), port(2));

        const Run moved = cli({ u"-c"_s, u"move-equivalent"_s, u"-i"_s, k(3), u"-d"_s, k(1) });
        QVERIFY2(moved.exitCode == 0, qPrintable(moved.err));
        QCOMPARE(moved.out, k(3) + u'<' + k(1));
        const SqlRow status = replicaStatus(3);
        QCOMPARE(status.value(u"Master_Port"_s).toInt(), port(1));
        QCOMPARE(status.value(u"Slave_IO_Running"_s).toString(), u"Yes"_s);
        QCOMPARE(status.value(u"Slave_SQL_Running"_s).toString(), u"Yes"_s);
        // Replication goes on from the right place: a new write on 1 arrives on 3.
        QVERIFY(writeArrives(1, 3, u"after-equivalent"_s));

        const Run audit = cli({ u"-c"_s, u"audit"_s, u"-i"_s, k(3) });
        QVERIFY2(audit.out.contains(u"\tmove-equivalent\t"_s + k(3)), qPrintable(audit.out));
        QVERIFY2(audit.out.contains(u"result: ok"_s), qPrintable(audit.out));
    }

    void refusedOnceMovedPastThePosition()
    {
        // 3 replicates from 1 past the recorded position now (the write above): no row says
        // where that is on 2.
        const Run run = cli({ u"-c"_s, u"move-equivalent"_s, u"-i"_s, k(3), u"-d"_s, k(2) });
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"no equivalent position is known"_s), qPrintable(run.err));
        QCOMPARE(replicaStatus(3).value(u"Master_Port"_s).toInt(), port(1));
    }

    void refusedBelowItselfAndWithoutDestination()
    {
        const Run self = cli({ u"-c"_s, u"move-equivalent"_s, u"-i"_s, k(3), u"-d"_s, k(3) });
        QCOMPARE(self.exitCode, 1);
        QVERIFY2(self.err.contains(u"below itself"_s), qPrintable(self.err));
        const Run noDestination = cli({ u"-c"_s, u"move-equivalent"_s, u"-i"_s, k(3) });
        QCOMPARE(noDestination.exitCode, 1);
        QVERIFY2(noDestination.err.contains(u"needs -d"_s), qPrintable(noDestination.err));
    }
};

QTEST_GUILESS_MAIN(TestMoveEquivalent)
#include "tst_moveequivalent.moc"
