// Fake lag, end to end through topograph-cli on a throwaway sandbox with pt-heartbeat: a
// heartbeat row of another server_id, inserted on the primary, replicates everywhere;
// heartbeat-check reports it as stale on every instance; heartbeat-clean --noop prints the
// statements and changes nothing, read-only refuses; heartbeat-clean run on each instance
// removes it there and only there, never the primary's row, never through a binary log, with an
// audit row each. When pt-heartbeat stops, the primary's row shows as not advancing.
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "clirun.h"

#include <csignal>

#include "db/mysqlsession.h"
#include "throwawaysandbox.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

class TestFakeLag final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ThrowawaySandbox> m_box;
    QString m_config;

    using Run = CliRun;

    Run cli(const QStringList& args) const { return runConfigured(m_config, args, false); }

    QList<QList<QVariant>> rows(int n, const QString& sql) const
    {
        QList<QList<QVariant>> out;
        auto s = MySqlSession::open(m_box->sandbox.settings(m_box->sandbox.instance(n)), u"t"_s);
        if (!s) {
            return out;
        }
        auto result = (*s)->query(sql);
        for (const SqlRow& row : result.valueOr({})) {
            out << row.values();
        }
        return out;
    }

    QList<quint32> heartbeatIds(int n) const
    {
        QList<quint32> ids;
        for (const auto& row : rows(n, u"SELECT server_id FROM heartbeat.heartbeat"_s)) {
            ids << row.first().toUInt();
        }
        std::sort(ids.begin(), ids.end());
        return ids;
    }

    // Row deletions in every binary log of instance n: a DELETE that reached a binlog would
    // add one (pt-heartbeat only updates its row).
    int deleteEvents(int n) const
    {
        int count = 0;
        auto s = MySqlSession::open(m_box->sandbox.settings(m_box->sandbox.instance(n)), u"t"_s);
        if (!s) {
            return -1;
        }
        auto logs = (*s)->query(u"SHOW BINARY LOGS"_s);
        for (const SqlRow& log : logs.valueOr({})) {
            auto events = (*s)->query(
                u"SHOW BINLOG EVENTS IN '%1'"_s.arg(log.value(u"Log_name"_s).toString()));
            for (const SqlRow& event : events.valueOr({})) {
                count += event.value(u"Event_type"_s).toString().startsWith(u"Delete_rows"_s);
            }
        }
        return count;
    }

    QList<int> numbers() const
    {
        QList<int> out;
        for (const SandboxInstance& i : m_box->sandbox.instances) {
            out << i.number;
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto started = ThrowawaySandbox::start(
            m_dir.filePath(u"sb"_s), u"gtid"_s, u"1>2,3;3>4"_s, 120, true);
        if (!started && started.error().code == ErrorCode::NotFound) {
            QSKIP(qPrintable(started.error().message));
        }
        QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
        m_box = std::move(started).value();
        QFile in(m_box->dir() + u"/topograph.conf.json"_s);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QJsonObject json = QJsonDocument::fromJson(in.readAll()).object();
        json[u"SQLite3DataFile"_s] = m_box->config.sqlite3DataFile; // already discovered
        m_config = m_dir.filePath(u"fakelag.json"_s);
        QFile out(m_config);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(json).toJson());
    }

    void staleRowIsFoundAndCleanedOnEachInstance()
    {
        // pt-heartbeat has written the primary's row (server_id 1) everywhere.
        for (const int n : numbers()) {
            QTRY_COMPARE_WITH_TIMEOUT(heartbeatIds(n), QList<quint32> { 1 }, 30000);
        }
        auto primary
            = MySqlSession::open(m_box->sandbox.settings(m_box->sandbox.primary()), u"t"_s);
        QVERIFY(primary);
        QVERIFY((*primary)->execute(u"INSERT INTO heartbeat.heartbeat (ts, server_id) VALUES "
                                    "('2026-01-01T00:00:00.000000', 9999)"_s));
        for (const int n : numbers()) {
            QTRY_COMPARE_WITH_TIMEOUT(heartbeatIds(n), (QList<quint32> { 1, 9999 }), 30000);
        }
        QHash<int, int> deletesBefore;
        for (const int n : numbers()) {
            deletesBefore[n] = deleteEvents(n);
            QVERIFY(deletesBefore[n] >= 0);
        }

        // heartbeat-check: every row, with what it is, on every instance; exit 0.
        for (const int n : numbers()) {
            const Run check
                = cli({ u"-c"_s, u"heartbeat-check"_s, u"-i"_s, m_box->key(n).toString() });
            QCOMPARE(check.exitCode, 0);
            const QStringList lines = check.out.split(u'\n', Qt::SkipEmptyParts);
            QCOMPARE(lines.size(), 3);
            QVERIFY(lines.at(0).startsWith(u"server_id"_s));
            QVERIFY2(lines.at(1).startsWith(u"1 "_s) && lines.at(1).endsWith(u"current-primary"_s),
                qPrintable(check.out));
            QVERIFY2(lines.at(2).startsWith(u"9999 "_s) && lines.at(2).endsWith(u"stale"_s),
                qPrintable(check.out));
            QVERIFY(lines.at(2).contains(u"2026-01-01T00:00:00.000Z"_s));
        }

        // --noop: the exact statements, nothing changed.
        const QString replica = m_box->key(4).toString();
        const Run noop = cli({ u"-c"_s, u"heartbeat-clean"_s, u"-i"_s, replica, u"--noop"_s });
        QCOMPARE(noop.exitCode, 0);
        QVERIFY2(noop.out.contains(u"SET SESSION sql_log_bin = 0"_s), qPrintable(noop.out));
        QVERIFY2(noop.out.contains(u"DELETE FROM `heartbeat`.`heartbeat` WHERE server_id IN "
                                   "(9999) AND server_id <> 1"_s),
            qPrintable(noop.out));
        QCOMPARE(heartbeatIds(4), (QList<quint32> { 1, 9999 }));
        // Read-only: refused, nothing changed.
        const Run refused
            = cli({ u"-c"_s, u"heartbeat-clean"_s, u"-i"_s, replica, u"--read-only"_s });
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(u"read-only"_s), qPrintable(refused.err));
        QCOMPARE(heartbeatIds(4), (QList<quint32> { 1, 9999 }));

        // heartbeat-clean on each instance: there, and only there.
        const QList<int> order { 4, 2, 1, 3 };
        for (qsizetype i = 0; i < order.size(); ++i) {
            const int n = order.at(i);
            const Run clean
                = cli({ u"-c"_s, u"heartbeat-clean"_s, u"-i"_s, m_box->key(n).toString() });
            QVERIFY2(clean.exitCode == 0, qPrintable(clean.err));
            QVERIFY2(clean.out.contains(u"9999 "_s) && clean.out.contains(u"stale"_s),
                qPrintable(clean.out));
            QCOMPARE(heartbeatIds(n), QList<quint32> { 1 });
            for (const int other : order.mid(i + 1)) {
                QCOMPARE(heartbeatIds(other), (QList<quint32> { 1, 9999 }));
            }
        }
        for (const int n : numbers()) {
            QCOMPARE(heartbeatIds(n), QList<quint32> { 1 }); // the primary's row survives
            QCOMPARE(deleteEvents(n), deletesBefore.value(n)); // no binlog got the DELETE
        }
        // Replication runs on (pt-heartbeat's updates still arrive) and each clean is audited.
        for (const int n : { 2, 3, 4 }) {
            auto s
                = MySqlSession::open(m_box->sandbox.settings(m_box->sandbox.instance(n)), u"t"_s);
            QVERIFY(s);
            auto status = (*s)->queryRow(u"SHOW SLAVE STATUS"_s);
            QVERIFY(status);
            QCOMPARE(status->value(u"Slave_SQL_Running"_s).toString(), u"Yes"_s);
            QCOMPARE(status->value(u"Slave_IO_Running"_s).toString(), u"Yes"_s);
        }
        auto audit = m_box->backend->select(
            u"SELECT COUNT(*) AS n FROM audit WHERE audit_type = 'heartbeat-clean'"_s);
        QVERIFY(audit);
        QCOMPARE(audit->first().value(u"n"_s).toInt(), order.size());
        // Nothing stale any more: a clean is refused, with the reason.
        const Run again = cli({ u"-c"_s, u"heartbeat-clean"_s, u"-i"_s, replica });
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(u"no stale heartbeat rows"_s), qPrintable(again.err));
    }

    void clusterCleanRemovesEveryCopyAtOnce()
    {
        if (!m_box) {
            QSKIP("no sandbox");
        }
        auto primary
            = MySqlSession::open(m_box->sandbox.settings(m_box->sandbox.primary()), u"t"_s);
        QVERIFY(primary);
        QVERIFY((*primary)->execute(u"INSERT INTO heartbeat.heartbeat (ts, server_id) VALUES "
                                    "('2026-02-01T00:00:00.000000', 8888)"_s));
        for (const int n : numbers()) {
            QTRY_COMPARE_WITH_TIMEOUT(heartbeatIds(n), (QList<quint32> { 1, 8888 }), 30000);
        }
        QHash<int, int> deletesBefore;
        for (const int n : numbers()) {
            deletesBefore[n] = deleteEvents(n);
        }
        const QString any = m_box->key(3).toString();
        const Run noop = cli({ u"-c"_s, u"heartbeat-clean-cluster"_s, u"-i"_s, any, u"--noop"_s });
        QVERIFY2(noop.exitCode == 0, qPrintable(noop.err));
        for (const int n : numbers()) {
            QVERIFY2(noop.out.contains(
                         u"on %1: SET SESSION sql_log_bin = 0"_s.arg(m_box->key(n).toString())),
                qPrintable(noop.out));
            QCOMPARE(heartbeatIds(n), (QList<quint32> { 1, 8888 }));
        }
        const Run clean = cli({ u"-c"_s, u"heartbeat-clean-cluster"_s, u"-i"_s, any });
        QVERIFY2(clean.exitCode == 0, qPrintable(clean.err));
        for (const int n : numbers()) {
            QVERIFY2(
                clean.out.contains(m_box->key(n).toString() + u" 8888 "_s), qPrintable(clean.out));
            QCOMPARE(heartbeatIds(n), QList<quint32> { 1 });
            QCOMPARE(deleteEvents(n), deletesBefore.value(n));
        }
        const Run again = cli({ u"-c"_s, u"heartbeat-clean-cluster"_s, u"-i"_s, any });
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(u"no instance of"_s), qPrintable(again.err));
    }

    void stoppedPtHeartbeatIsNotAdvancing()
    {
        if (!m_box) {
            QSKIP("no sandbox");
        }
        const qint64 pid = m_box->heartbeatPid();
        QVERIFY(pid > 0);
        QCOMPARE(::kill(static_cast<pid_t>(pid), SIGTERM), 0);
        const QString replica = m_box->key(4).toString();
        // Its row ages on the primary; past LagRules::notAdvancingSeconds it is reported.
        QTRY_VERIFY_WITH_TIMEOUT(cli({ u"-c"_s, u"heartbeat-check"_s, u"-i"_s, replica })
                                     .out.contains(u"not-advancing"_s),
            60000);
        const Run check = cli({ u"-c"_s, u"heartbeat-check"_s, u"-i"_s, replica });
        QCOMPARE(check.exitCode, 0);
        QVERIFY(check.out.split(u'\n', Qt::SkipEmptyParts).at(1).startsWith(u"1 "_s));
        // It is still the current primary's row: never offered for deletion.
        const Run clean = cli({ u"-c"_s, u"heartbeat-clean"_s, u"-i"_s, replica });
        QCOMPARE(clean.exitCode, 1);
        QCOMPARE(heartbeatIds(4), QList<quint32> { 1 });
    }

    void cleanupTestCase() { m_box.reset(); }
};

QTEST_GUILESS_MAIN(TestFakeLag)
#include "tst_fakelag.moc"
