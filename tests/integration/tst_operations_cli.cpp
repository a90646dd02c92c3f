// Every topology operation through topograph-cli, on real replication in GTID and file:pos mode:
// each moves the sandbox as intended (checked on the servers), prints orchestrator's output,
// `topology` shows the result and an audit row is written. --noop changes nothing; read-only
// refuses. Each mode has a throwaway sandbox of its own (shape 1>2,3,4;4>5,6).
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

class TestOperationsCli final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::vector<std::unique_ptr<ThrowawaySandbox>> m_boxes;
    QString m_config;
    std::optional<Sandbox> m_sb;

    using Run = CliRun;

    Run cli(const QStringList& args) const { return runConfigured(m_config, args); }

    QString k(int n) const { return m_sb->instance(n).key.toString(); }

    // The port of the master that instance n replicates from now, 0 when none.
    int masterPortOf(int n) const
    {
        auto s = MySqlSession::open(m_sb->settings(m_sb->instance(n)), u"test"_s);
        if (!s) {
            return -1;
        }
        auto row = (*s)->queryRow(u"SHOW SLAVE STATUS"_s);
        return row && !row->isEmpty() ? row->value(u"Master_Port"_s).toInt() : 0;
    }
    int port(int n) const { return m_sb->instance(n).key.port; }

private Q_SLOTS:
    void everyOperation_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<int>("offset");
        QTest::newRow("gtid") << u"gtid"_s << 60;
        QTest::newRow("filepos") << u"filepos"_s << 70;
    }
    void everyOperation()
    {
        QFETCH(QString, mode);
        QFETCH(int, offset);
        const QString dir = m_dir.filePath(mode);
        auto started = ThrowawaySandbox::start(dir, mode, u"1>2,3,4;4>5,6"_s, offset);
        if (!started && started.error().code == ErrorCode::NotFound) {
            QSKIP(qPrintable(started.error().message));
        }
        QVERIFY2(started.ok(), qPrintable(started ? QString() : started.error().message));
        m_boxes.push_back(std::move(started).value());
        m_sb = m_boxes.back()->sandbox;
        QFile in(dir + u"/topograph.conf.json"_s);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QJsonObject config = QJsonDocument::fromJson(in.readAll()).object();
        config[u"SQLite3DataFile"_s] = m_dir.filePath(mode + u".sqlite3"_s);
        m_config = m_dir.filePath(mode + u".json"_s);
        QFile out(m_config);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(config).toJson());
        out.close();
        QCOMPARE(cli({ u"-c"_s, u"discover"_s, u"-i"_s, k(1) }).exitCode, 0);

        // --noop shows the plan and changes nothing.
        Run noop = cli({ u"-c"_s, u"move-up"_s, u"-i"_s, k(5), u"--noop"_s });
        QCOMPARE(noop.exitCode, 0);
        QVERIFY2(noop.out.contains(u"STOP SLAVE"_s), qPrintable(noop.out));
        QCOMPARE(masterPortOf(5), port(4));
        // Read-only refuses, with the reason.
        Run refused = cli({ u"-c"_s, u"move-up"_s, u"-i"_s, k(5), u"--read-only"_s });
        QCOMPARE(refused.exitCode, 1);
        QVERIFY(refused.err.contains(u"read-only"_s));
        QCOMPARE(masterPortOf(5), port(4));

        struct Step
        {
            QStringList args;
            QString output;
            int instance;
            int expectedMaster;
        };
        const QList<Step> steps {
            { { u"move-up"_s, u"-i"_s, k(5) }, k(5) + u'<' + k(1), 5, 1 },
            { { u"move-below"_s, u"-i"_s, k(5), u"-d"_s, k(2) }, k(5) + u'<' + k(2), 5, 2 },
            { { u"repoint"_s, u"-i"_s, k(5) }, k(5) + u'<' + k(2), 5, 2 },
            { { u"move-up-replicas"_s, u"-i"_s, k(4) }, k(6), 6, 1 },
            { { u"repoint-replicas"_s, u"-i"_s, k(2) }, k(5), 5, 2 },
            { { u"relocate-replicas"_s, u"-i"_s, k(2), u"-d"_s, k(4) }, k(5), 5, 4 },
            { { u"relocate"_s, u"-i"_s, k(6), u"-d"_s, k(4) }, k(6) + u'<' + k(4), 6, 4 },
        };
        int audited = 0;
        for (const Step& step : steps) {
            const Run run = cli(QStringList { u"-c"_s } + step.args);
            QVERIFY2(run.exitCode == 0, qPrintable(step.args.join(u' ') + u": "_s + run.err));
            QCOMPARE(run.out, step.output);
            QCOMPARE(masterPortOf(step.instance), port(step.expectedMaster));
            ++audited;
        }
        const QString topology = cli({ u"-c"_s, u"topology"_s, u"-i"_s, k(1) }).out;
        QVERIFY2(topology.contains(u"  + "_s + k(5)) && topology.contains(u"  + "_s + k(6)),
            qPrintable(topology));

        // stop/start replication and read_only.
        QCOMPARE(cli({ u"-c"_s, u"stop-replica"_s, u"-i"_s, k(3) }).out, k(3));
        QCOMPARE(cli({ u"-c"_s, u"is-replication-stopped"_s, u"-i"_s, k(3) }).out, k(3));
        QCOMPARE(cli({ u"-c"_s, u"start-replica"_s, u"-i"_s, k(3) }).out, k(3));
        QCOMPARE(cli({ u"-c"_s, u"is-replicating"_s, u"-i"_s, k(3) }).out, k(3));
        QCOMPARE(cli({ u"-c"_s, u"set-read-only"_s, u"-i"_s, k(1) }).out, k(1));
        QVERIFY(cli({ u"-c"_s, u"instance-status"_s, u"-i"_s, k(1) }).out.contains(u",ro,"_s));
        QCOMPARE(cli({ u"-c"_s, u"set-writeable"_s, u"-i"_s, k(1) }).out, k(1));
        QVERIFY(cli({ u"-c"_s, u"instance-status"_s, u"-i"_s, k(1) }).out.contains(u",rw,"_s));
        audited += 4;

        // make-co-master: the master needs a replication account first (plans never carry
        // credentials), which a DBA sets up once; then 1 and 2 replicate from each other.
        QProcess root;
        root.start(u"mariadb"_s,
            { u"--no-defaults"_s, u"--socket="_s + dir + u"/n1/mysqld.sock"_s, u"-uroot"_s, u"-e"_s,
                u"CHANGE MASTER TO MASTER_USER='repl', MASTER_PASSWORD='repl-sandbox'"_s });
        QVERIFY(root.waitForFinished(30000) && root.exitCode() == 0);
        const Run coMaster = cli({ u"-c"_s, u"make-co-master"_s, u"-i"_s, k(2) });
        QVERIFY2(coMaster.exitCode == 0, qPrintable(coMaster.err));
        QCOMPARE(masterPortOf(1), port(2));
        QCOMPARE(masterPortOf(2), port(1));
        const QStringList tree = cli({ u"-c"_s, u"topology"_s, u"-i"_s, k(2) }).out.split(u'\n');
        QVERIFY2(tree.first().startsWith(k(1) + u' '), qPrintable(tree.join(u'\n')));
        ++audited;

        const QStringList audit = cli({ u"-c"_s, u"audit"_s }).out.split(u'\n');
        QCOMPARE(audit.size(), audited);
        for (const QString& line : audit) {
            QVERIFY2(line.contains(u"result: ok"_s), qPrintable(line));
        }
    }

    void cleanupTestCase() { m_boxes.clear(); }
};

QTEST_GUILESS_MAIN(TestOperationsCli)
#include "tst_operations_cli.moc"
