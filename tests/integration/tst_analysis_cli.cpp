// The replication analysis on real servers, through the real topograph-cli: a SIGKILLed primary
// is a DeadMaster after one discover of each replica; an intermediate master whose replicas' SQL
// threads are stopped is AllIntermediateMasterReplicasNotReplicating, until begin-downtime hides it
// and end-downtime shows it again. Throwaway sandboxes on
// TOPOGRAPH_TEST_SCRATCH_PORT_BASE+440..+479.
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include "analysis/analysisreader.h"
#include "analysis/replicationanalyzer.h"
#include "backend/instancestore.h"
#include "db/mysqlsession.h"
#include "throwawaysandbox.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

class TestAnalysisCli final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };

    static Run cli(const QString& config, const QStringList& args)
    {
        QProcess p;
        p.start(QStringLiteral(TOPOGRAPH_CLI_PATH), QStringList { u"--config"_s, config } + args);
        Run run;
        if (p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit) {
            run.code = p.exitCode();
        }
        run.out = QString::fromUtf8(p.readAllStandardOutput());
        run.err = QString::fromUtf8(p.readAllStandardError());
        return run;
    }

    // The sandbox's configuration, pointed at the backend the sandbox was discovered into.
    static QString writeConfig(const ThrowawaySandbox& box)
    {
        QFile in(box.dir() + u"/topograph.conf.json"_s);
        if (!in.open(QIODevice::ReadOnly)) {
            return {};
        }
        QJsonObject config = QJsonDocument::fromJson(in.readAll()).object();
        config[u"SQLite3DataFile"_s] = box.config.sqlite3DataFile;
        const QString path = box.dir() + u"/analysis.conf.json"_s;
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly)) {
            return {};
        }
        out.write(QJsonDocument(config).toJson());
        return path;
    }

    static bool execute(const Sandbox& sb, int n, const QString& sql)
    {
        auto s = MySqlSession::open(sb.settings(sb.instance(n)), u"analysis-test"_s);
        return s && (*s)->execute(sql);
    }

    static QString ioRunning(const Sandbox& sb, int n)
    {
        auto s = MySqlSession::open(sb.settings(sb.instance(n)), u"analysis-io"_s);
        if (!s) {
            return {};
        }
        auto row = (*s)->queryRow(u"SHOW SLAVE STATUS"_s);
        return row ? row->value(u"Slave_IO_Running"_s).toString() : QString();
    }

    static QString line(const InstanceKey& key, const InstanceKey& cluster, const QString& codes)
    {
        return key.toString() + u" (cluster "_s + cluster.toString() + u"): "_s + codes;
    }

private Q_SLOTS:
    void killedPrimaryIsDeadMaster()
    {
        auto started
            = ThrowawaySandbox::start(m_dir.filePath(u"dead"_s), u"gtid"_s, u"1>2,3"_s, 440);
        if (!started && started.error().code == ErrorCode::NotFound) {
            QSKIP(qPrintable(started.error().message));
        }
        QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
        ThrowawaySandbox& box = **started;
        const QString config = writeConfig(box);
        QVERIFY(!config.isEmpty());
        QCOMPARE(cli(config, { u"-c"_s, u"replication-analysis"_s }).out, QString());

        // The backend keeps whole seconds: a failed check in the same second as the last good
        // one reads as valid (as in orchestrator). Kill only once that second is over.
        auto before = InstanceStore(*box.backend).read(box.key(1));
        QVERIFY(before && *before);
        const QDateTime lastSeen = (*before)->lastSeen;
        QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentDateTimeUtc() >= lastSeen.addSecs(1), 5000);

        const qint64 pid = box.serverPid(1);
        QVERIFY(pid > 0);
        QCOMPARE(::kill(static_cast<pid_t>(pid), SIGKILL), 0);
        // The replicas notice the lost connection (their IO threads leave "Yes").
        QTRY_VERIFY_WITH_TIMEOUT(ioRunning(box.sandbox, 2) != u"Yes"_s
                && !ioRunning(box.sandbox, 2).isEmpty() && ioRunning(box.sandbox, 3) != u"Yes"_s
                && !ioRunning(box.sandbox, 3).isEmpty(),
            60000);

        // One discover from each replica (a dead master names none): the primary's check
        // fails, the replicas are seen not replicating.
        for (int replica : { 2, 3 }) {
            const Run discover
                = cli(config, { u"-c"_s, u"discover"_s, u"-i"_s, box.key(replica).toString() });
            QVERIFY2(discover.code == 0, qPrintable(discover.err));
        }
        const Run analysis = cli(config, { u"-c"_s, u"replication-analysis"_s });
        QVERIFY2(analysis.code == 0, qPrintable(analysis.err));
        const QStringList lines = analysis.out.split(u'\n', Qt::SkipEmptyParts);
        QVERIFY(!lines.isEmpty());
        QCOMPARE(lines.first(), line(box.key(1), box.key(1), u"DeadMaster"_s));
        // Once a replica's reconnect has failed it says so too, as orchestrator does.
        for (const QString& other : lines.mid(1)) {
            QVERIFY2(
                other == line(box.key(2), box.key(1), u"FirstTierReplicaFailingToConnectToMaster"_s)
                    || other
                        == line(
                            box.key(3), box.key(1), u"FirstTierReplicaFailingToConnectToMaster"_s),
                qPrintable(analysis.out));
        }

        auto input = AnalysisReader(*box.backend).read(QDateTime::currentDateTimeUtc());
        QVERIFY(input);
        const auto entries
            = ReplicationAnalyzer::analyze(*input, AnalysisSettings::fromConfig(box.config));
        QVERIFY(!entries.isEmpty());
        QCOMPARE(entries.first().analysis, AnalysisCode::DeadMaster);
        QCOMPARE(entries.first().countReplicas, 2);
        QCOMPARE(entries.first().countValidReplicas, 2);
        QCOMPARE(entries.first().countValidReplicatingReplicas, 0);
    }

    void stoppedReplicasOfAnIntermediateMasterAndDowntime()
    {
        auto started
            = ThrowawaySandbox::start(m_dir.filePath(u"im"_s), u"gtid"_s, u"1>2;2>3,4"_s, 460);
        if (!started && started.error().code == ErrorCode::NotFound) {
            QSKIP(qPrintable(started.error().message));
        }
        QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
        ThrowawaySandbox& box = **started;
        const QString config = writeConfig(box);
        QVERIFY(!config.isEmpty());
        QVERIFY(execute(box.sandbox, 3, u"STOP SLAVE SQL_THREAD"_s));
        QVERIFY(execute(box.sandbox, 4, u"STOP SLAVE SQL_THREAD"_s));

        const QString im = box.key(2).toString();
        const QString expected
            = line(box.key(2), box.key(1), u"AllIntermediateMasterReplicasNotReplicating"_s);
        QCOMPARE(cli(config, { u"-c"_s, u"discover"_s, u"-i"_s, im }).code, 0);
        QCOMPARE(cli(config, { u"-c"_s, u"replication-analysis"_s }).out.trimmed(), expected);

        // Read-only mode refuses it and writes nothing.
        const Run refused = cli(config,
            { u"-c"_s, u"begin-downtime"_s, u"-i"_s, im, u"--reason"_s, u"test"_s,
                u"--read-only"_s });
        QVERIFY(refused.code != 0);
        QVERIFY2(refused.err.contains(u"read-only"_s), qPrintable(refused.err));
        QCOMPARE(cli(config, { u"-c"_s, u"replication-analysis"_s }).out.trimmed(), expected);

        const Run begun = cli(config,
            { u"-c"_s, u"begin-downtime"_s, u"-i"_s, im, u"--duration"_s, u"10m"_s, u"--reason"_s,
                u"replicas being rebuilt"_s, u"--owner"_s, u"dba"_s });
        QVERIFY2(begun.code == 0, qPrintable(begun.err));
        QCOMPARE(begun.out.trimmed(), im);
        QCOMPARE(cli(config, { u"-c"_s, u"replication-analysis"_s }).out, QString());
        const Run audit = cli(config, { u"-c"_s, u"audit"_s, u"-i"_s, im });
        QVERIFY2(audit.out.contains(u"begin-downtime"_s), qPrintable(audit.out));

        const Run ended = cli(config, { u"-c"_s, u"end-downtime"_s, u"-i"_s, im });
        QVERIFY2(ended.code == 0, qPrintable(ended.err));
        QCOMPARE(cli(config, { u"-c"_s, u"replication-analysis"_s }).out.trimmed(), expected);

        QVERIFY(execute(box.sandbox, 3, u"START SLAVE SQL_THREAD"_s));
        QVERIFY(execute(box.sandbox, 4, u"START SLAVE SQL_THREAD"_s));
        QCOMPARE(cli(config, { u"-c"_s, u"discover"_s, u"-i"_s, im }).code, 0);
        QCOMPARE(cli(config, { u"-c"_s, u"replication-analysis"_s }).out, QString());
    }
};

QTEST_GUILESS_MAIN(TestAnalysisCli)
#include "tst_analysis_cli.moc"
