// The main window on a backend orchestrator 3.2.6 made (the shared SQLite schema), over a
// six-instance sandbox of its own: the first window discovers, polls and shows fresh rows; with
// BackendPolling auto and an orchestrator service whose active_node and node_health rows are
// recent, it does not poll, shows the rows orchestrator writes and says who keeps them fresh,
// and polls again once those rows go stale; a backend write that fails after a relocate is said
// in the operation's result and the status bar.
#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include "mainwindow.h"
#include "mainwindowfixture.h"
#include "orchestratorfixture.h"
#include "panels/statusmessage.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

namespace {

QString versionShown(const MainWindow& window, const InstanceKey& key)
{
    const InstanceRecord* record = window.snapshot().find(key);
    return record ? record->version : QString();
}

QString pollText(const MainWindow& window)
{
    auto* poll = window.findChild<QLabel*>(u"pollState"_s);
    return poll ? poll->text() : QString();
}

// What a running orchestrator's active node writes every HealthPollSeconds.
bool orchestratorBeats(const QString& file)
{
    return execSqlite(file,
        { u"REPLACE INTO active_node (anchor, hostname, token, last_seen_active, "
          "first_seen_active) VALUES (1, 'orc1', 'tok', datetime('now'), datetime('now'))"_s,
            u"REPLACE INTO node_health (hostname, token, last_seen_active, extra_info, command, "
            "app_version, first_seen_active, db_backend, incrementing_indicator) VALUES ('orc1', "
            "'tok', datetime('now'), '', '', '3.2.6', datetime('now'), '', 0)"_s });
}

} // namespace

class TestMainWindowOrchestrator final : public QObject
{
    Q_OBJECT

    MainWindowFixture m_fixture { 500 };
    QString m_backend;

    Configuration config(ThrowawaySandbox& sb, const QString& file, const QString& polling) const
    {
        Configuration c = sb.config;
        c.sqlite3DataFile = file;
        c.instancePollSeconds = 1;
        c.backendPolling = polling;
        return c;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_fixture.init()); }

    void firstWindowDiscoversAndPolls()
    {
        ThrowawaySandbox* sb = m_fixture.throwaway();
        if (!sb) {
            QSKIP("no throwaway sandbox (run through scripts/test)");
        }
        m_backend = m_fixture.filePath(u"orchestrator.sqlite3"_s);
        QVERIFY(makeOrchestratorBackend(m_backend).isEmpty());
        const QStringList schema = orchestratorSchemaDump(m_backend);
        {
            MainWindow window(config(*sb, m_backend, u"auto"_s), sb->key(5));
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QTRY_COMPARE_WITH_TIMEOUT(window.scene()->keys().size(), 6, kWaitMs);
            QTRY_VERIFY_WITH_TIMEOUT(pollText(window).contains(u"last round"_s), kWaitMs);
            // Rounds keep landing in orchestrator's table: the rows are fresh.
            QSignalSpy applied(&window, &MainWindow::snapshotApplied);
            QVERIFY(applied.wait(kWaitMs));
            QVERIFY(
                !window.statusMessage()->isError() || window.statusMessage()->message().isEmpty());
            const QDateTime checked = Backend::fromDb(
                orchestratorColumn(m_backend, sb->key(6).host, sb->key(6).port, u"last_checked"_s));
            QVERIFY(checked.secsTo(QDateTime::currentDateTimeUtc()) < 60);
        }
        QCOMPARE(orchestratorSchemaDump(m_backend), schema);
    }

    void activeOrchestratorKeepsTheRows()
    {
        ThrowawaySandbox* sb = m_fixture.throwaway();
        if (!sb || m_backend.isEmpty()) {
            QSKIP("needs the backend of firstWindowDiscoversAndPolls");
        }
        const InstanceKey marked = sb->key(6);
        const auto mark = [&](const QString& version) {
            return execSqlite(m_backend,
                { u"UPDATE database_instance SET version = '%1' WHERE hostname = '%2' AND "
                  "port = %3"_s.arg(version, marked.host, QString::number(marked.port)) });
        };
        QVERIFY(orchestratorBeats(m_backend));
        QVERIFY(mark(u"written-by-orchestrator-1"_s));
        QTimer beats;
        bool beating = true;
        connect(&beats, &QTimer::timeout, this, [&] {
            if (beating) {
                QVERIFY(orchestratorBeats(m_backend));
            }
        });
        beats.start(500);

        MainWindow window(config(*sb, m_backend, u"auto"_s), std::nullopt);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(pollText(window).contains(u"orchestrator on orc1"_s), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(
            versionShown(window, marked), u"written-by-orchestrator-1"_s, kWaitMs);
        // What orchestrator writes next shows up, and Topograph writes nothing over it.
        QVERIFY(mark(u"written-by-orchestrator-2"_s));
        QTRY_COMPARE_WITH_TIMEOUT(
            versionShown(window, marked), u"written-by-orchestrator-2"_s, kWaitMs);
        QSignalSpy applied(&window, &MainWindow::snapshotApplied);
        QVERIFY(applied.wait(kWaitMs));
        QVERIFY(applied.wait(kWaitMs));
        QCOMPARE(versionShown(window, marked), u"written-by-orchestrator-2"_s);
        QVERIFY(pollText(window).startsWith(u"Not polling"_s));

        // The service stops: its rows go stale, Topograph polls and the probe's answer replaces
        // the mark.
        beating = false;
        QTRY_VERIFY_WITH_TIMEOUT(pollText(window).startsWith(u"Polling"_s), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(
            versionShown(window, marked).contains(u"MariaDB"_s, Qt::CaseInsensitive), kWaitMs);
    }

    void failedBackendWriteAfterRelocate()
    {
        ThrowawaySandbox* sb = m_fixture.throwaway();
        if (!sb) {
            QSKIP("no throwaway sandbox (run through scripts/test)");
        }
        const QString file = m_fixture.filePath(u"refusing.sqlite3"_s);
        QVERIFY(makeOrchestratorBackend(file).isEmpty());
        // Not polling: only the operation writes to the backend.
        MainWindow window(config(*sb, file, u"never"_s), sb->key(1));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.scene()->setAnimationDuration(0);
        QTRY_COMPARE_WITH_TIMEOUT(window.scene()->keys().size(), 6, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(pollText(window).contains(u"never"_s), kWaitMs);
        window.canvas()->zoomToFit();
        QVERIFY(execSqlite(file,
            { u"CREATE TRIGGER refuse_insert BEFORE INSERT ON database_instance BEGIN "
              "SELECT RAISE(ABORT, 'refused by the test'); END"_s,
                u"CREATE TRIGGER refuse_update BEFORE UPDATE ON database_instance BEGIN "
                "SELECT RAISE(ABORT, 'refused by the test'); END"_s }));

        dragCard(window, sb->key(3), sb->key(2));
        ExecutionReport report;
        runPreviewedPlan(window, report);
        if (QTest::currentTestFailed()) {
            return;
        }
        QVERIFY2(report.succeeded, qPrintable(report.describe()));
        QVERIFY2(report.backendError.contains(u"refused by the test"_s),
            qPrintable(report.backendError));
        QCOMPARE(masterPortOf(*sb, 3), static_cast<int>(sb->key(2).port));
        // Both facts, in the status bar, marked as an error.
        const QString message = window.statusMessage()->message();
        QVERIFY2(message.contains(u"done on the servers and verified"_s), qPrintable(message));
        QVERIFY2(message.contains(u"the backend could not be updated"_s), qPrintable(message));
        QVERIFY(window.statusMessage()->isError());
        QCOMPARE(
            orchestratorColumn(file, sb->key(3).host, sb->key(3).port, u"master_port"_s).toInt(),
            static_cast<int>(sb->key(1).port));
    }
};

QTEST_MAIN(TestMainWindowOrchestrator)
#include "tst_mainwindow_orchestrator.moc"
