// Lag sampling on the GTID sandbox with pt-heartbeat (read only: it changes nothing there):
// a sample of every replica in every round, from the heartbeat of the current primary; dead and
// frozen instances give gaps without holding up the others; the probe reads the heartbeat rows;
// the lag worker checks them for fake lag and keeps a coarse history that loadHistory reads back
// after a restart; topograph-cli's replication-lag and its --watch.
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include "backend/laghistorystore.h"
#include "backend/topologywriter.h"
#include "discovery/discoverer.h"
#include "lag/lagsampler.h"
#include "lag/lagtargets.h"
#include "lag/lagworker.h"
#include "probe/instanceprobe.h"
#include "sandboxfixture.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

class TestLag final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<Sandbox> m_sb;
    QList<InstanceRecord> m_records;

    QList<LagTarget> targets() const { return LagTargets::forCluster(m_records); }
    QList<InstanceKey> replicas() const
    {
        QList<InstanceKey> keys;
        for (const SandboxInstance& i : m_sb->instances) {
            if (i.master != 0) {
                keys << i.key;
            }
        }
        return keys;
    }
    Configuration config(const QString& name) const
    {
        Configuration c = m_sb->config;
        c.sqlite3DataFile = m_dir.filePath(name + u".sqlite3"_s);
        return c;
    }
    // The sandbox's configuration with its own backend file, as a file for topograph-cli.
    QString configFile(const QString& name) const
    {
        QFile in(m_sb->dir + u"/topograph.conf.json"_s);
        in.open(QIODevice::ReadOnly);
        QJsonObject json = QJsonDocument::fromJson(in.readAll()).object();
        json[u"SQLite3DataFile"_s] = m_dir.filePath(name + u".sqlite3"_s);
        const QString path = m_dir.filePath(name + u".json"_s);
        QFile out(path);
        out.open(QIODevice::WriteOnly);
        out.write(QJsonDocument(json).toJson());
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto loaded = Sandbox::fromEnvironment(u"gtid"_s);
        if (!loaded) {
            QSKIP(qPrintable(loaded.error().message));
        }
        if (!loaded->heartbeat) {
            QSKIP("the GTID sandbox runs without pt-heartbeat");
        }
        m_sb = *loaded;
        auto found = Discoverer::discoverBlocking(m_sb->config, m_sb->primary().key, 60000);
        QVERIFY2(found, qPrintable(found ? QString() : found.error().message));
        m_records = *found;
        QCOMPARE(m_records.size(), m_sb->instances.size());
    }

    void everyReplicaIsSampledEveryRound()
    {
        LagSampler sampler(m_sb->config);
        QVERIFY(!sampler.configurationError());
        sampler.setTargets(targets());
        QSignalSpy rounds(&sampler, &LagSampler::sampled);
        sampler.start();
        while (rounds.size() < 4) {
            QVERIFY(rounds.wait(10000));
        }
        sampler.stop();
        QHash<InstanceKey, QList<LagSample>> byKey;
        for (const QList<QVariant>& round : std::as_const(rounds)) {
            const auto readings = round.first().value<QList<LagReading>>();
            QCOMPARE(readings.size(), m_sb->instances.size()); // one of each, every round
            for (const LagReading& r : readings) {
                QVERIFY2(r.reachable, qPrintable(r.error));
                byKey[r.target.instance] << r.sample;
            }
        }
        for (const InstanceKey& key : replicas()) {
            const QList<LagSample> samples = byKey.value(key);
            QCOMPARE(samples.size(), 4);
            for (qsizetype i = 0; i < samples.size(); ++i) {
                const LagSample& s = samples.at(i);
                QCOMPARE(s.source, LagSource::Heartbeat);
                QVERIFY(s.lag && s.heartbeat && *s.lag == *s.heartbeat);
                QVERIFY2(*s.lag >= -0.5 && *s.lag < 5, qPrintable(QString::number(*s.lag)));
                QCOMPARE(s.secondsBehindMaster, std::optional<qint64>(0));
                QVERIFY(i == 0 || s.at > samples.at(i - 1).at);
            }
        }
        // The primary is read for its own row, and has no lag.
        const QList<LagSample> primary = byKey.value(m_sb->primary().key);
        QCOMPARE(primary.size(), 4);
        QVERIFY(!primary.first().lag);
        QVERIFY(sampler.primaryOwnAge(1));
    }

    void deadAndFrozenInstancesAreGapsAndHoldUpNoOne()
    {
        QTcpServer frozen; // accepts connections and never answers: a hung server
        QVERIFY(frozen.listen(QHostAddress::LocalHost));
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 refusedPort = closed.serverPort();
        closed.close(); // nothing listens there any more: connections are refused
        const InstanceKey frozenKey { u"127.0.0.1"_s, frozen.serverPort() };
        const InstanceKey refusedKey { u"127.0.0.1"_s, refusedPort };
        Configuration c = m_sb->config;
        c.lagSampleMilliseconds = 200;
        c.mysqlConnectTimeoutSeconds = 2;
        LagSampler sampler(c);
        QList<LagTarget> all = targets();
        all << LagTarget { frozenKey, 1u, true } << LagTarget { refusedKey, 1u, true };
        sampler.setTargets(all);

        QHash<InstanceKey, QList<LagReading>> byKey;
        connect(&sampler, &LagSampler::sampled, this, [&](const QList<LagReading>& round) {
            for (const LagReading& r : round) {
                byKey[r.target.instance] << r;
            }
        });
        sampler.start();
        QTRY_VERIFY_WITH_TIMEOUT(!byKey.value(frozenKey).isEmpty(), 30000);
        const QDateTime frozenAnswered = byKey.value(frozenKey).first().sample.at;
        QTRY_VERIFY_WITH_TIMEOUT(byKey.value(refusedKey).size() >= 3, 30000);
        sampler.stop();
        sampler.shutdown();

        // While the frozen one was being waited for, the live replicas went on being sampled.
        for (const InstanceKey& key : replicas()) {
            qsizetype before = 0;
            for (const LagReading& r : byKey.value(key)) {
                before += r.sample.at < frozenAnswered ? 1 : 0;
                QVERIFY(r.sample.lag);
            }
            QVERIFY2(before >= 3,
                qPrintable(u"%1 had %2 samples before the frozen instance "
                           "timed out"_s.arg(key.toString())
                               .arg(before)));
        }
        // Dead instances are gaps, never zeros, with the reason.
        for (const InstanceKey& key : { frozenKey, refusedKey }) {
            for (const LagReading& r : byKey.value(key)) {
                QVERIFY(!r.reachable);
                QVERIFY(!r.sample.lag);
                QVERIFY2(r.error.contains(key.toString()), qPrintable(r.error));
            }
        }
    }

    void probeReadsTheHeartbeatRows()
    {
        const SandboxInstance replica = m_sb->deepest();
        const ProbeResult probed = InstanceProbe::probe(
            m_sb->settings(replica), ProbeOptions::fromConfiguration(m_sb->config));
        QVERIFY2(probed.record.reachable, qPrintable(probed.record.lastError));
        QVERIFY(!probed.record.lastCheckPartialSuccess);
        QVERIFY(probed.record.heartbeatRows);
        QCOMPARE(probed.record.heartbeatRows->size(), 1);
        QCOMPARE(probed.record.heartbeatRows->first().serverId, 1u);
        QVERIFY(probed.record.heartbeatRows->first().ts.isValid());

        Configuration other = m_sb->config;
        other.heartbeatTable = u"heartbeat.no_such_table"_s;
        const ProbeResult missing
            = InstanceProbe::probe(m_sb->settings(replica), ProbeOptions::fromConfiguration(other));
        QVERIFY(missing.record.reachable);
        QVERIFY(!missing.record.lastCheckPartialSuccess); // no table is no failure
        QVERIFY(!missing.record.heartbeatRows);
        QVERIFY(missing.record.heartbeatError.isEmpty());
    }

    void workerChecksHeartbeatsAndKeepsHistoryAcrossRestarts()
    {
        const Configuration c = config(u"history"_s);
        {
            auto backend = Backend::open(c); // the fleet worker creates the schema in the app
            QVERIFY(backend);
        }
        // The worker runs on this thread here (the app gives it one of its own); its sampler
        // and history writer have their own threads either way.
        LagWorker worker(c);
        QSignalSpy sampled(&worker, &LagWorker::sampled);
        QSignalSpy checked(&worker, &LagWorker::heartbeatChecked);
        QSignalSpy failed(&worker, &LagWorker::failed);
        worker.start();
        worker.setTargets(targets());
        while (sampled.size() < 3) {
            QVERIFY(sampled.wait(10000));
        }
        QVERIFY(!checked.isEmpty() || checked.wait(10000));
        const auto checks = checked.first().first().value<QList<HeartbeatCheck>>();
        QCOMPARE(checks.size(), m_sb->instances.size());
        for (const HeartbeatCheck& check : checks) {
            QVERIFY2(check.error.isEmpty(), qPrintable(check.error));
            QVERIFY(check.tableFound);
            QVERIFY(!check.hasFakeLag());
            QCOMPARE(check.rows.size(), 1);
            QCOMPARE(check.rows.first().state, HeartbeatRow::State::CurrentPrimary);
        }
        const auto round = sampled.first().first().value<KeyedLagSamples>();
        QCOMPARE(round.size(), replicas().size()); // replicas only: a primary has no lag
        worker.stop(); // writes the open steps
        QVERIFY2(failed.isEmpty(),
            qPrintable(failed.isEmpty() ? QString() : failed.first().first().toString()));
        {
            auto backend = Backend::open(c);
            QVERIFY(backend);
            for (const InstanceKey& key : replicas()) {
                auto rows = LagHistoryStore(**backend).read(
                    key, QDateTime::currentDateTimeUtc().addSecs(-3600));
                QVERIFY(rows && !rows->isEmpty() && rows->size() <= 3); // steps, not samples
            }
        }

        // A new worker (the app restarted) reads the coarse steps back.
        LagWorker restarted(c);
        QSignalSpy loaded(&restarted, &LagWorker::historyLoaded);
        const QList<InstanceKey> keys = replicas();
        restarted.loadHistory(keys, QDateTime::currentDateTimeUtc().addSecs(-3600));
        while (loaded.size() < keys.size()) {
            QVERIFY(loaded.wait(10000));
        }
        for (const QList<QVariant>& answer : std::as_const(loaded)) {
            QVERIFY(keys.contains(answer.at(0).value<InstanceKey>()));
            const auto samples = answer.at(1).value<QList<LagSample>>();
            QVERIFY(!samples.isEmpty());
            for (const LagSample& s : samples) {
                QCOMPARE(s.at.toSecsSinceEpoch() % 10, 0); // the coarse step
                QCOMPARE(s.source, LagSource::Heartbeat);
                QVERIFY(s.lag);
            }
        }
        restarted.stop();
    }

    void replicationLagPrintsEveryInstance()
    {
        const QString cfg = configFile(u"cli"_s);
        QProcess discover;
        discover.start(QStringLiteral(TOPOGRAPH_CLI_PATH),
            { u"--config"_s, cfg, u"-c"_s, u"discover"_s, u"-i"_s,
                m_sb->primary().key.toString() });
        QVERIFY(discover.waitForFinished(60000));
        QCOMPARE(discover.exitCode(), 0);

        QProcess once;
        once.start(QStringLiteral(TOPOGRAPH_CLI_PATH),
            { u"--config"_s, cfg, u"-c"_s, u"replication-lag"_s, u"-i"_s,
                m_sb->deepest().key.toString() });
        QVERIFY(once.waitForFinished(60000));
        QCOMPARE(once.exitCode(), 0);
        const QStringList lines
            = QString::fromUtf8(once.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), m_sb->instances.size() + 1);
        QVERIFY(lines.first().startsWith(u"instance"_s));
        QVERIFY(lines.at(1).startsWith(m_sb->primary().key.toString() + u"  primary"_s));
        static const QRegularExpression replicaLine(
            u"^(\\S+)\\s+replica\\s+-?\\d+\\.\\d{3}\\s+-?\\d+\\.\\d{3}\\s+0\\s+heartbeat$"_s);
        QStringList shown;
        for (const QString& line : lines.mid(2)) {
            const auto match = replicaLine.match(line);
            QVERIFY2(match.hasMatch(), qPrintable(line));
            shown << match.captured(1);
        }
        for (const InstanceKey& key : replicas()) {
            QVERIFY(shown.contains(key.toString()));
        }

        QProcess watch;
        watch.start(QStringLiteral(TOPOGRAPH_CLI_PATH),
            { u"--config"_s, cfg, u"-c"_s, u"replication-lag"_s, u"-i"_s,
                m_sb->primary().key.toString(), u"--watch"_s });
        QVERIFY(watch.waitForStarted());
        QStringList watched;
        const qsizetype wanted = 2 * m_sb->instances.size();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                while (watch.canReadLine()) {
                    watched << QString::fromUtf8(watch.readLine()).trimmed();
                }
                return watched.size() >= wanted || watch.state() != QProcess::Running;
            }(),
            30000);
        QVERIFY(watched.size() >= wanted);
        static const QRegularExpression watchLine(
            u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z \\S+ (replica "
            u"lag=-?\\d+\\.\\d{3} "
            "heartbeat=-?\\d+\\.\\d{3} sbm=0 source=heartbeat|primary lag=- .*)$"_s);
        for (const QString& line : std::as_const(watched)) {
            QVERIFY2(watchLine.match(line).hasMatch(), qPrintable(line));
        }
        ::kill(static_cast<pid_t>(watch.processId()), SIGINT);
        QVERIFY(watch.waitForFinished(30000));
        QCOMPARE(watch.exitStatus(), QProcess::NormalExit);
        QCOMPARE(watch.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestLag)
#include "tst_lag.moc"
