// topograph-cli killed in the middle of a move (finding 2 of issue 12), on a throwaway file:pos
// sandbox 1>2;2>3 whose instance 3 is held behind by MASTER_DELAY so that a move-up of 3 waits in
// its START SLAVE UNTIL step: SIGTERM and SIGINT stop the move like Cancel (recovery, verified,
// audited, locks released); after SIGKILL the next command reports the unfinished operation, and
// recover-unfinished restarts what it left stopped and closes its audit row.
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "clirun.h"

#include <csignal>

#include "backend/auditstore.h"
#include "backend/maintenancestore.h"
#include "faultsupport.h"
#include "throwawaysandbox.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

class TestOperationsSignals final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ThrowawaySandbox> m_box;
    QString m_config;
    std::unique_ptr<Backend> m_backend; // the CLI's backend, read by the test

    using Run = CliRun;

    const Sandbox& sb() const { return m_box->sandbox; }
    QString k(int n) const { return sb().instance(n).key.toString(); }

    Run cli(const QStringList& args) const { return runConfigured(m_config, args, false); }

    bool delayThree(int seconds) const
    {
        auto s = MySqlSession::open(sb().settings(sb().instance(3)), u"delay"_s);
        return s
            && (*s)->execute(
                       u"STOP SLAVE; CHANGE MASTER TO MASTER_DELAY=%1; START SLAVE"_s.arg(seconds))
                   .ok();
    }

    // Starts `move-up -i 3` with 3 held behind, and returns once it waits for 3 to catch up.
    bool startHeldMove(QProcess& p, QString& err) const
    {
        const int before = MarkerRow::valueOn(sb(), sb().instance(2)).value_or(-1);
        QElapsedTimer clock;
        clock.start();
        while (MarkerRow::valueOn(sb(), sb().instance(3)).value_or(-1) != before) {
            if (clock.elapsed() > 60000) {
                return false;
            }
            QThread::msleep(10); // 3 catches up with 2 first
        }
        if (before < 0 || !delayThree(60) || !MarkerRow::bump(sb())) {
            return false;
        }
        clock.restart();
        while (MarkerRow::valueOn(sb(), sb().instance(2)).value_or(-1) != before + 1) {
            if (clock.elapsed() > 30000) {
                return false;
            }
            QThread::msleep(10); // replication delivers it to 2
        }
        p.setReadChannel(QProcess::StandardError);
        p.start(QStringLiteral(TOPOGRAPH_CLI_PATH),
            { u"--config"_s, m_config, u"-c"_s, u"move-up"_s, u"-i"_s, k(3) });
        while (!err.contains(u": wait at most"_s)) {
            if (!p.waitForReadyRead(60000) && p.state() != QProcess::Running) {
                return false;
            }
            err += QString::fromUtf8(p.readAllStandardError());
        }
        return true;
    }

    // Every replica replicates again, from the master it had, with no UNTIL pending.
    void verifyAsBefore() const
    {
        for (int n : { 2, 3 }) {
            QTRY_VERIFY_WITH_TIMEOUT(
                replicatesCleanly(replicaStatus(sb(), sb().instance(n))), 30000);
            QCOMPARE(replicaStatus(sb(), sb().instance(n)).value(u"Master_Port"_s).toInt(),
                static_cast<int>(sb().instance(n - 1).key.port));
        }
        auto locks = MaintenanceStore(*m_backend).allActive();
        QVERIFY(locks.ok());
        QVERIFY2(locks->isEmpty(), "a maintenance lock outlived the operation");
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString dir = m_dir.filePath(u"chain"_s);
        auto started = ThrowawaySandbox::start(dir, u"filepos"_s, u"1>2;2>3"_s, 380);
        if (!started && started.error().code == ErrorCode::NotFound) {
            QSKIP(qPrintable(started.error().message));
        }
        QVERIFY2(started.ok(), qPrintable(started ? QString() : started.error().message));
        m_box = std::move(started).value();
        QVERIFY(MarkerRow::prepare(sb()));
        QFile in(dir + u"/topograph.conf.json"_s);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QJsonObject config = QJsonDocument::fromJson(in.readAll()).object();
        config[u"SQLite3DataFile"_s] = m_dir.filePath(u"cli.sqlite3"_s);
        m_config = m_dir.filePath(u"cli.json"_s);
        QFile out(m_config);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(config).toJson());
        out.close();
        QCOMPARE(cli({ u"-c"_s, u"discover"_s, u"-i"_s, k(1) }).exitCode, 0);
        Configuration backendConfig = m_box->config;
        backendConfig.sqlite3DataFile = m_dir.filePath(u"cli.sqlite3"_s);
        auto opened = Backend::open(backendConfig);
        QVERIFY(opened.ok());
        m_backend = std::move(opened).value();
    }

    void stoppedLikeCancel_data()
    {
        QTest::addColumn<int>("signal");
        QTest::addColumn<QString>("name");
        QTest::newRow("SIGTERM") << int(SIGTERM) << u"SIGTERM"_s;
        QTest::newRow("SIGINT") << int(SIGINT) << u"SIGINT"_s;
    }
    void stoppedLikeCancel()
    {
        QFETCH(int, signal);
        QFETCH(QString, name);
        QProcess p;
        QString err;
        QVERIFY2(startHeldMove(p, err), qPrintable(err));
        ::kill(static_cast<pid_t>(p.processId()), signal);
        QVERIFY(p.waitForFinished(120000));
        err += QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QVERIFY(p.exitCode() != 0);
        QVERIFY2(err.contains(u"interrupted by "_s + name), qPrintable(err));
        QVERIFY2(err.contains(u"recovery verified"_s) || err.contains(u"where each instance"_s),
            qPrintable(err));
        QVERIFY(delayThree(0));
        verifyAsBefore();
        auto audit = AuditStore(*m_backend).recent(1);
        QVERIFY(audit.ok() && !audit->isEmpty());
        QVERIFY2(audit->first().message.contains(u"failed: cancelled"_s),
            qPrintable(audit->first().message));
        QCOMPARE(cli({ u"-c"_s, u"unfinished-operations"_s }).out, QString());
    }

    void killedOperationIsReportedAndRecovered()
    {
        QProcess p;
        QString err;
        QVERIFY2(startHeldMove(p, err), qPrintable(err));
        p.kill(); // SIGKILL: nothing of it runs any more
        QVERIFY(p.waitForFinished(30000));
        // 2 was stopped by the move, and 3 has its START SLAVE UNTIL pending.
        QCOMPARE(replicaStatus(sb(), sb().instance(2)).value(u"Slave_SQL_Running"_s).toString(),
            u"No"_s);
        QCOMPARE(replicaStatus(sb(), sb().instance(3)).value(u"Until_Condition"_s).toString(),
            u"Master"_s);

        const Run any = cli({ u"-c"_s, u"clusters"_s });
        QCOMPARE(any.exitCode, 0);
        QVERIFY2(any.err.contains(u"unfinished operation: move "_s + k(3) + u" up"_s),
            qPrintable(any.err));
        QVERIFY2(any.err.contains(k(2)), qPrintable(any.err));
        QVERIFY2(any.err.contains(u"recover-unfinished"_s), qPrintable(any.err));
        const Run listed = cli({ u"-c"_s, u"unfinished-operations"_s });
        QCOMPARE(listed.exitCode, 0);
        QVERIFY2(listed.out.startsWith(u"unfinished: move "_s), qPrintable(listed.out));

        const Run recovered = cli({ u"-c"_s, u"recover-unfinished"_s });
        QVERIFY2(recovered.exitCode == 0, qPrintable(recovered.out + recovered.err));
        QVERIFY2(recovered.out.contains(u"restarted and verified"_s), qPrintable(recovered.out));
        QVERIFY2(recovered.out.contains(u"closed as interrupted"_s), qPrintable(recovered.out));
        verifyAsBefore();
        QVERIFY(delayThree(0));
        auto audit = AuditStore(*m_backend).recent(5);
        QVERIFY(audit.ok());
        bool interrupted = false;
        for (const AuditEntry& e : *audit) {
            interrupted = interrupted || e.message.startsWith(u"INTERRUPTED: move "_s);
            QVERIFY2(!e.message.startsWith(u"STARTED"_s), qPrintable(e.message));
        }
        QVERIFY(interrupted);
        const Run after = cli({ u"-c"_s, u"clusters"_s });
        QVERIFY2(!after.err.contains(u"unfinished"_s), qPrintable(after.err));
    }

    void cleanupTestCase()
    {
        m_backend.reset();
        m_box.reset();
    }
};

QTEST_GUILESS_MAIN(TestOperationsSignals)
#include "tst_operations_signals.moc"
