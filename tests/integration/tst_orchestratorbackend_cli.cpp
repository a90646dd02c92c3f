// topograph-cli on a backend orchestrator 3.2.6 made (SQLite, from the shared schema file), over
// a throwaway GTID sandbox: discover, relocate, begin-maintenance and tag succeed, the rows read
// back as orchestrator reads them, and no orchestrator table's definition changes.
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "orchestratorfixture.h"
#include "clirun.h"
#include "sandboxfixture.h"
#include "throwawaysandbox.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

class TestOrchestratorBackendCli final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ThrowawaySandbox> m_box;
    QString m_config;
    QString m_backend;
    QStringList m_schemaBefore;

    using Run = CliRun;

    Run cli(const QStringList& args) const { return runConfigured(m_config, args); }

    InstanceKey key(int n) const { return m_box->sandbox.instance(n).key; }
    QVariant column(int n, const QString& name) const
    {
        return orchestratorColumn(m_backend, key(n).host, key(n).port, name);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_backend = m_dir.filePath(u"orchestrator.sqlite3"_s);
        if (const QString error = makeOrchestratorBackend(m_backend); !error.isEmpty()) {
            QSKIP(qPrintable(u"no orchestrator-made backend: "_s + error));
        }
        m_schemaBefore = orchestratorSchemaDump(m_backend);
        const QString dir = m_dir.filePath(u"gtid"_s);
        auto started = ThrowawaySandbox::start(dir, u"gtid"_s, u"1>2,3"_s, 490);
        if (!started && started.error().code == ErrorCode::NotFound) {
            QSKIP(qPrintable(started.error().message));
        }
        QVERIFY2(started.ok(), qPrintable(started ? QString() : started.error().message));
        m_box = std::move(started).value();
        QFile in(dir + u"/topograph.conf.json"_s);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QJsonObject config = QJsonDocument::fromJson(in.readAll()).object();
        config[u"SQLite3DataFile"_s] = m_backend;
        m_config = m_dir.filePath(u"topograph.json"_s);
        QFile out(m_config);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(config).toJson());
    }

    void discoverWritesOrchestratorsRows()
    {
        const Run run = cli({ u"-c"_s, u"discover"_s, u"-i"_s, key(1).toString() });
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        for (int n : { 1, 2, 3 }) {
            QCOMPARE(column(n, u"cluster_name"_s).toString(), key(1).toString());
        }
        QCOMPARE(column(3, u"master_port"_s).toInt(), key(1).port);
        QCOMPARE(column(3, u"slave_io_running"_s).toInt(), 1);
        QCOMPARE(orchestratorSchemaDump(m_backend), m_schemaBefore);
    }

    void relocateIsRecorded()
    {
        const Run run = cli(
            { u"-c"_s, u"relocate"_s, u"-i"_s, key(3).toString(), u"-d"_s, key(2).toString() });
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(column(3, u"master_port"_s).toInt(), key(2).port);
        QCOMPARE(column(3, u"replication_depth"_s).toInt(), 2);
        const Run topology = cli({ u"-c"_s, u"topology"_s, u"-i"_s, key(1).toString() });
        QVERIFY2(topology.out.contains(u"\n  + "_s + key(3).toString()), qPrintable(topology.out));
        QCOMPARE(orchestratorSchemaDump(m_backend), m_schemaBefore);
    }

    void maintenanceAndTagsAreRecorded()
    {
        Run run = cli({ u"-c"_s, u"begin-maintenance"_s, u"-i"_s, key(2).toString(), u"--reason"_s,
            u"disk swap"_s });
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        run = cli({ u"-c"_s, u"in-maintenance"_s, u"-i"_s, key(2).toString() });
        QCOMPARE(run.out, key(2).toString());
        run = cli({ u"-c"_s, u"tag"_s, u"-i"_s, key(1).toString(), u"--tag"_s, u"role=primary"_s });
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        run = cli({ u"-c"_s, u"tagged"_s, u"--tag"_s, u"role=primary"_s });
        QCOMPARE(run.out, key(1).toString());
        QCOMPARE(orchestratorSchemaDump(m_backend), m_schemaBefore);
    }
};

QTEST_GUILESS_MAIN(TestOrchestratorBackendCli)
#include "tst_orchestratorbackend_cli.moc"
