// The app's lag, end to end on a throwaway sandbox with pt-heartbeat: the lag worker samples the
// open cluster on its own thread, the lag dock charts one series per replica from heartbeat
// samples and the cards get sparklines; a stale heartbeat row shows as fake lag (dock warning,
// card glyph) and the warning's button cleans it on every instance after the plan preview.
#include <QPushButton>
#include <QSignalSpy>

#include "dialogs/planpreviewdialog.h"
#include "lag/lagcontroller.h"
#include "mainwindowfixture.h"
#include "operations/operationcontroller.h"
#include "panels/lagchartpanel.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

class TestMainWindowLag final : public QObject
{
    Q_OBJECT

    MainWindowFixture m_fixture { 140 };
    std::unique_ptr<ThrowawaySandbox> m_box;

    QList<quint32> heartbeatIds(int n) const
    {
        QList<quint32> ids;
        auto s = MySqlSession::open(m_box->sandbox.settings(m_box->sandbox.instance(n)), u"t"_s);
        if (!s) {
            return ids;
        }
        for (const SqlRow& row :
            (*s)->query(u"SELECT server_id FROM heartbeat.heartbeat"_s).valueOr({})) {
            ids << row.value(u"server_id"_s).toUInt();
        }
        std::sort(ids.begin(), ids.end());
        return ids;
    }

    Configuration config() const
    {
        Configuration config = m_box->config;
        config.sqlite3DataFile = m_fixture.filePath(u"lag.db"_s);
        return config;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_fixture.init());
        auto started = ThrowawaySandbox::start(
            m_fixture.filePath(u"sb"_s), u"gtid"_s, u"1>2,3"_s, 140, true);
        if (!started && started.error().code == ErrorCode::NotFound) {
            QSKIP(qPrintable(started.error().message));
        }
        QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
        m_box = std::move(started).value();
    }

    void samplesReachTheDockAndTheCards()
    {
        MainWindow window(config(), m_box->key(1));
        MainWindowFixture::showTheOnlyCluster(window, 3);
        const QList<InstanceKey> replicas { m_box->key(2), m_box->key(3) };
        QTRY_COMPARE_WITH_TIMEOUT(window.lagPanel()->shownInstances(), replicas, kWaitMs);
        for (const InstanceKey& key : replicas) {
            // Samples arrive round after round, measured with pt-heartbeat's row.
            QTRY_VERIFY_WITH_TIMEOUT(window.lag()->history().size(key) >= 3, kWaitMs);
            const std::optional<LagSample> latest = window.lag()->history().latest(key);
            QVERIFY(latest);
            QCOMPARE(latest->source, LagSource::Heartbeat);
            QVERIFY(latest->lag);
            QVERIFY2(*latest->lag >= 0 && *latest->lag < 30, qPrintable(key.toString()));
            // The dock charts them, and the card has its sparkline.
            QTRY_VERIFY_WITH_TIMEOUT(!window.lagPanel()->points(key).isEmpty(), kWaitMs);
            QTRY_VERIFY_WITH_TIMEOUT(
                window.scene()->nodeItem(key)->sparkline().size() >= 2, kWaitMs);
        }
        // The primary is sampled for its row, but not charted as lagging.
        QVERIFY(!window.lagPanel()->shownInstances().contains(m_box->key(1)));
    }

    void fakeLagIsShownAndCleanedFromTheDock()
    {
        if (!m_box) {
            QSKIP("no sandbox");
        }
        auto primary
            = MySqlSession::open(m_box->sandbox.settings(m_box->sandbox.primary()), u"t"_s);
        QVERIFY(primary);
        QVERIFY((*primary)->execute(u"INSERT INTO heartbeat.heartbeat (ts, server_id) VALUES "
                                    "('2026-01-01T00:00:00.000000', 7777)"_s));
        for (const int n : { 1, 2, 3 }) {
            QTRY_COMPARE_WITH_TIMEOUT(heartbeatIds(n), (QList<quint32> { 1, 7777 }), kWaitMs);
        }
        MainWindow window(config(), m_box->key(1));
        MainWindowFixture::showTheOnlyCluster(window, 3);
        // The lag worker's heartbeat check finds the stale row: the dock warns, the cards and
        // the clusters list show it.
        QTRY_VERIFY_WITH_TIMEOUT(window.lagPanel()->fakeLagText().contains(u"7777"_s), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(window.scene()->nodeItem(m_box->key(2))->hasFakeLag(), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(window.clusterList()->model()->summaryAt(0).fakeLag, 3, kWaitMs);

        auto* clean = window.lagPanel()->findChild<QPushButton*>(u"cleanHeartbeatButton"_s);
        QVERIFY(clean);
        QVERIFY(clean->isVisible());
        QSignalSpy finished(window.operations(), &OperationController::operationFinished);
        clean->click();
        PlanPreviewDialog* dialog = window.operations()->dialog();
        QVERIFY2(dialog, "the button opens the plan preview");
        QTRY_VERIFY_WITH_TIMEOUT(dialog->runButton()->isEnabled(), kWaitMs);
        // The exact statements, on every instance, unlogged.
        const QString plan = dialog->planText();
        for (const int n : { 1, 2, 3 }) {
            const QString block = m_box->key(n).toString()
                + u" — delete the stale rows of heartbeat.heartbeat on %1 only, unlogged "_s.arg(
                    m_box->key(n).toString());
            const qsizetype at = plan.indexOf(block);
            QVERIFY2(at >= 0, qPrintable(plan));
            const QString statements = plan.mid(plan.indexOf(u'\n', at) + 1).section(u'\n', 0, 2);
            QCOMPARE(statements,
                u"SET SESSION sql_log_bin = 0\n"
                "DELETE FROM `heartbeat`.`heartbeat` WHERE server_id IN (7777) AND server_id <> 1\n"
                "SET SESSION sql_log_bin = 1"_s);
        }
        QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
        QVERIFY(finished.wait(kWaitMs));
        const auto report = finished.first().at(1).value<ExecutionReport>();
        QVERIFY2(report.succeeded, qPrintable(report.describe()));
        for (const int n : { 1, 2, 3 }) {
            QCOMPARE(heartbeatIds(n), QList<quint32> { 1 });
        }
        // The next check finds nothing stale: the warning and the glyphs go.
        QTRY_VERIFY_WITH_TIMEOUT(window.lagPanel()->fakeLagText().isEmpty(), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!window.scene()->nodeItem(m_box->key(2))->hasFakeLag(), kWaitMs);
        dialog->closeButton()->click();
    }

    void cleanupTestCase() { m_box.reset(); }
};

QTEST_MAIN(TestMainWindowLag)
#include "tst_mainwindow_lag.moc"
