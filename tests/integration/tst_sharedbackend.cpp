// One MySQL backend shared by several processes (issue 14, deliverable 6): two
// `topograph-cli -c discover --poll` (what two DBAs' apps do) and a third process relocating a
// replica back and forth, all writing the same database_instance rows, for 60 poll rounds of one
// second each. Writers lock rows in key order and run a transaction that lost a deadlock or a lock
// wait again; so no backend write may fail, and every row is there at the end.
//
// The pollers are followed by their own output (one "poll round N: ..." line per round on
// stderr), never by sleeping; the relocations run one after another in between.
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <array>
#include <csignal>

#include "backend/backend.h"
#include "backend/instancestore.h"
#include "config/configloader.h"
#include "db/mysqlsession.h"
#include "throwawaysandbox.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

namespace {

// The acceptance asks for 60 s of two pollers and a relocation at InstancePollSeconds = 1.
constexpr int kRounds = 60;

struct PollerProcess
{
    std::unique_ptr<QProcess> process;
    QString err;
    int rounds = 0;

    PollerProcess() = default;
    PollerProcess(const PollerProcess&) = delete;
    PollerProcess& operator=(const PollerProcess&) = delete;
    ~PollerProcess() // a test that failed half-way leaves no poller behind
    {
        if (process && process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(30000);
        }
    }

    // Takes in what the poller wrote so far without waiting for the event loop to say so.
    void drain()
    {
        while (process->waitForReadyRead(0)) { }
        read();
    }
    void read()
    {
        const QString text = QString::fromUtf8(process->readAllStandardError());
        err += text;
        rounds += static_cast<int>(text.count(u": poll round "_s));
    }
};

// Lines a failed or retried-to-death backend write leaves on stderr.
QStringList failureLines(const QString& err)
{
    QStringList lines;
    for (const QString& line : err.split(u'\n', Qt::SkipEmptyParts)) {
        if (line.contains(u"failed"_s, Qt::CaseInsensitive)
            || line.contains(u"Deadlock"_s, Qt::CaseInsensitive)
            || line.contains(u"Lock wait timeout"_s, Qt::CaseInsensitive)) {
            lines << line;
        }
    }
    return lines;
}

} // namespace

class TestSharedBackend final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ThrowawaySandbox> m_box;
    std::unique_ptr<MySqlSession> m_admin;
    QString m_database;
    QString m_config;

    static QString cli() { return QStringLiteral(TOPOGRAPH_CLI_PATH); }

    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };
    Run run(const QStringList& args) const
    {
        QProcess p;
        p.start(cli(), QStringList { u"--config"_s, m_config } + args);
        p.waitForFinished(120000);
        return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError()) };
    }
    QString k(int number) const { return m_box->key(number).toString(); }

private Q_SLOTS:
    void initTestCase()
    {
        if (ThrowawaySandbox::scratchPortBase() == 0) {
            QSKIP("TOPOGRAPH_TEST_SCRATCH_PORT_BASE is not set: run the suite with scripts/test");
        }
        auto started
            = ThrowawaySandbox::start(m_dir.filePath(u"sb"_s), u"gtid"_s, u"1>2,3;3>4,5"_s, 100);
        if (!started && started.error().code == ErrorCode::NotFound) {
            QSKIP(qPrintable(started.error().message));
        }
        QVERIFY2(started.ok(), qPrintable(started ? QString() : started.error().message));
        m_box = std::move(started).value();

        // The backend: a database of its own on the sandbox's primary.
        auto admin = MySqlSession::open(
            m_box->sandbox.settings(m_box->sandbox.primary()), u"shared-admin"_s);
        QVERIFY2(admin.ok(), qPrintable(admin.ok() ? QString() : admin.error().message));
        m_admin = std::move(admin).value();
        m_database
            = u"topograph_sb_%1"_s.arg(QRandomGenerator::global()->generate(), 8, 16, QChar(u'0'));
        QVERIFY(m_admin->execute(u"CREATE DATABASE "_s + m_database).ok());

        QFile in(m_box->dir() + u"/topograph.conf.json"_s);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QJsonObject config = QJsonDocument::fromJson(in.readAll()).object();
        const InstanceKey primary = m_box->key(1);
        config[u"BackendDB"_s] = u"mysql"_s;
        config[u"MySQLOrchestratorHost"_s] = primary.host;
        config[u"MySQLOrchestratorPort"_s] = primary.port;
        config[u"MySQLOrchestratorDatabase"_s] = m_database;
        config[u"MySQLOrchestratorCredentialsConfigFile"_s]
            = config.value(u"MySQLTopologyCredentialsConfigFile"_s);
        config[u"InstancePollSeconds"_s] = 1;
        m_config = m_dir.filePath(u"shared.json"_s);
        QFile out(m_config);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(config).toJson());
        out.close();

        const Run deployed = run({ u"-c"_s, u"redeploy-internal-db"_s });
        QVERIFY2(deployed.code == 0, qPrintable(deployed.err));
        const Run discovered = run({ u"-c"_s, u"discover"_s, u"-i"_s, k(1) });
        QVERIFY2(discovered.code == 0, qPrintable(discovered.err));
    }

    void twoPollersAndARelocationLoseNoWrite()
    {
        std::array<PollerProcess, 2> pollers;
        const QStringList seeds { k(1), k(5) };
        for (std::size_t i = 0; i < pollers.size(); ++i) {
            PollerProcess& p = pollers[i];
            p.process = std::make_unique<QProcess>();
            p.process->setReadChannel(QProcess::StandardError);
            connect(p.process.get(), &QProcess::readyReadStandardError, this, [&p] { p.read(); });
            p.process->start(cli(),
                { u"--config"_s, m_config, u"-c"_s, u"discover"_s, u"-i"_s,
                    seeds.at(static_cast<qsizetype>(i)), u"--poll"_s });
            QVERIFY(p.process->waitForStarted());
        }
        auto running = [&] {
            for (const PollerProcess& p : pollers) {
                if (p.process->state() != QProcess::Running) {
                    return false;
                }
            }
            return true;
        };
        auto roundsDone = [&] {
            int fewest = kRounds;
            for (PollerProcess& p : pollers) {
                p.drain();
                fewest = std::min(fewest, p.rounds);
            }
            return fewest;
        };
        // Both pollers are polling before the first relocation.
        QTRY_VERIFY_WITH_TIMEOUT(roundsDone() >= 1 || !running(), 60000);
        QVERIFY2(running(), qPrintable(pollers[0].err + pollers[1].err));

        // Instance 5 moves between 3 (its master in the shape) and 1 until both pollers have
        // done their rounds; each relocation writes its own rows into the same backend.
        int relocations = 0;
        while (roundsDone() < kRounds && running()) {
            const int to = relocations % 2 == 0 ? 1 : 3;
            const Run moved = run({ u"-c"_s, u"relocate"_s, u"-i"_s, k(5), u"-d"_s, k(to) });
            QVERIFY2(moved.code == 0, qPrintable(moved.err));
            QCOMPARE(moved.out.trimmed(), k(5) + u'<' + k(to));
            QVERIFY2(failureLines(moved.err).isEmpty(), qPrintable(moved.err));
            ++relocations;
        }
        QVERIFY2(running(), qPrintable(pollers[0].err + pollers[1].err));
        QVERIFY(relocations >= 2);
        // A round that began before the last relocation may write after it: two more rounds of
        // each poller write what the servers say now.
        auto roundsOf = [&](std::size_t i) {
            pollers[i].drain();
            return pollers[i].rounds;
        };
        const std::array<int, 2> after { roundsOf(0), roundsOf(1) };
        QTRY_VERIFY_WITH_TIMEOUT(
            (roundsOf(0) >= after[0] + 2 && roundsOf(1) >= after[1] + 2) || !running(), 60000);
        const int lastMaster = relocations % 2 == 1 ? 1 : 3;

        for (PollerProcess& p : pollers) {
            ::kill(static_cast<pid_t>(p.process->processId()), SIGINT);
        }
        for (PollerProcess& p : pollers) {
            QVERIFY(p.process->waitForFinished(30000));
            p.read();
            QCOMPARE(p.process->exitStatus(), QProcess::NormalExit);
            QVERIFY2(p.process->exitCode() == 0, qPrintable(p.err));
            QVERIFY2(failureLines(p.err).isEmpty(), qPrintable(failureLines(p.err).join(u'\n')));
            QVERIFY(p.rounds >= kRounds);
        }
        qInfo("%d relocations while the pollers ran %d and %d rounds", relocations,
            pollers[0].rounds, pollers[1].rounds);

        // Every instance's row is there, seen, in the one cluster, with 5 where it was moved.
        auto parsed = ConfigLoader::fromFile(m_config);
        QVERIFY(parsed.ok());
        auto db = Backend::open(*parsed);
        QVERIFY2(db.ok(), qPrintable(db ? QString() : db.error().message));
        auto all = InstanceStore(**db).readAll();
        QVERIFY(all.ok());
        QCOMPARE(all->size(), m_box->sandbox.instances.size());
        for (const InstanceRecord& r : *all) {
            QVERIFY2(r.reachable, qPrintable(r.key.toString()));
            QCOMPARE(r.clusterName, k(1));
            if (r.key == m_box->key(5)) {
                QVERIFY(r.masterKey);
                QCOMPARE(r.masterKey->toString(), k(lastMaster));
            }
        }
    }

    void cleanupTestCase()
    {
        if (m_admin && !m_database.isEmpty()) {
            QVERIFY(m_admin->execute(u"DROP DATABASE IF EXISTS "_s + m_database).ok());
        }
        m_admin.reset();
        m_box.reset();
    }
};

QTEST_GUILESS_MAIN(TestSharedBackend)
#include "tst_sharedbackend.moc"
