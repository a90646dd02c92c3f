// The desktop app's dialogs and the instance details panel, driven offscreen: the plan preview
// (what it shows, which buttons do what in each state), discovery input, and settings.
// (dialogshots.cpp renders the same samples into PNG files for the README.)
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

#include "dialogs/discoverdialog.h"
#include "dialogs/planpreviewdialog.h"
#include "dialogs/settingsdialog.h"
#include "models/instancedetailsmodel.h"
#include "ops/executor.h"
#include "ops/plan.h"
#include "panels/instancedetailspanel.h"
#include "panels/statusmessage.h"
#include "dialogsamples.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

namespace {

// Every field SettingsDialog passes through, by name, that differs between a and b.
QStringList differences(const Configuration& a, const Configuration& b)
{
    QStringList out;
#define TOPOGRAPH_COMPARE_FIELD(f)                                                                 \
    if (!(a.f == b.f)) {                                                                           \
        out << QString::fromLatin1(#f);                                                            \
    }
    TOPOGRAPH_COMPARE_FIELD(mysqlTopologyUser)
    TOPOGRAPH_COMPARE_FIELD(mysqlTopologyPassword)
    TOPOGRAPH_COMPARE_FIELD(mysqlTopologyCredentialsConfigFile)
    TOPOGRAPH_COMPARE_FIELD(mysqlTopologySslCaFile)
    TOPOGRAPH_COMPARE_FIELD(mysqlTopologySslCertFile)
    TOPOGRAPH_COMPARE_FIELD(mysqlTopologySslPrivateKeyFile)
    TOPOGRAPH_COMPARE_FIELD(mysqlTopologySslSkipVerify)
    TOPOGRAPH_COMPARE_FIELD(mysqlTopologyUseMutualTls)
    TOPOGRAPH_COMPARE_FIELD(mysqlConnectTimeoutSeconds)
    TOPOGRAPH_COMPARE_FIELD(mysqlDiscoveryReadTimeoutSeconds)
    TOPOGRAPH_COMPARE_FIELD(mysqlTopologyReadTimeoutSeconds)
    TOPOGRAPH_COMPARE_FIELD(defaultInstancePort)
    TOPOGRAPH_COMPARE_FIELD(backendDb)
    TOPOGRAPH_COMPARE_FIELD(sqlite3DataFile)
    TOPOGRAPH_COMPARE_FIELD(mysqlOrchestratorHost)
    TOPOGRAPH_COMPARE_FIELD(mysqlOrchestratorPort)
    TOPOGRAPH_COMPARE_FIELD(mysqlOrchestratorDatabase)
    TOPOGRAPH_COMPARE_FIELD(mysqlOrchestratorUser)
    TOPOGRAPH_COMPARE_FIELD(mysqlOrchestratorPassword)
    TOPOGRAPH_COMPARE_FIELD(mysqlOrchestratorCredentialsConfigFile)
    TOPOGRAPH_COMPARE_FIELD(mysqlOrchestratorSslCaFile)
    TOPOGRAPH_COMPARE_FIELD(mysqlOrchestratorSslCertFile)
    TOPOGRAPH_COMPARE_FIELD(mysqlOrchestratorSslPrivateKeyFile)
    TOPOGRAPH_COMPARE_FIELD(instancePollSeconds)
    TOPOGRAPH_COMPARE_FIELD(backendPolling)
    TOPOGRAPH_COMPARE_FIELD(discoverByShowSlaveHosts)
    TOPOGRAPH_COMPARE_FIELD(hostnameResolveMethod)
    TOPOGRAPH_COMPARE_FIELD(mysqlHostnameResolveMethod)
    TOPOGRAPH_COMPARE_FIELD(expiryHostnameResolvesMinutes)
    TOPOGRAPH_COMPARE_FIELD(unseenInstanceForgetHours)
    TOPOGRAPH_COMPARE_FIELD(detectClusterAliasQuery)
    TOPOGRAPH_COMPARE_FIELD(clusterNameToAlias)
    TOPOGRAPH_COMPARE_FIELD(replicationLagQuery)
    TOPOGRAPH_COMPARE_FIELD(reasonableReplicationLagSeconds)
    TOPOGRAPH_COMPARE_FIELD(reasonableMaintenanceReplicationLagSeconds)
    TOPOGRAPH_COMPARE_FIELD(maintenanceExpireMinutes)
    TOPOGRAPH_COMPARE_FIELD(readOnly)
    TOPOGRAPH_COMPARE_FIELD(sourcePath)
#undef TOPOGRAPH_COMPARE_FIELD
    return out;
}

} // namespace

class TestDialogs final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<DiscoverRequest>(); }

    void planPreviewShowsThePlan()
    {
        PlanPreviewDialog dialog;
        dialog.setPlan(samplePlan());
        const QString text = dialog.planText();
        QVERIFY2(text.contains(u"GTID (MASTER_USE_GTID=slave_pos)"_s), qPrintable(text));
        for (const PlanStep& step : samplePlan().steps) {
            for (const QString& sql : step.sql) {
                QVERIFY2(text.contains(sql), qPrintable(sql));
            }
            QVERIFY(text.contains(step.description));
        }
        QVERIFY(text.contains(u"db2:3306 lags 25 s behind its master"_s));
        QVERIFY(text.contains(u"SQL per instance"_s));
        const qsizetype stops = text.indexOf(u"Stops replication on"_s);
        QVERIFY(stops >= 0);
        QVERIFY(text.indexOf(u"db3:3306"_s, stops) > stops);
        QVERIFY(text.contains(u"db3:3306 (restarted by the plan, or on failure)"_s));
        QVERIFY(text.contains(u"db3:3306 replicates from db2:3306"_s));
        QVERIFY(dialog.runButton()->isEnabled());
        // Enter must never run a replication change.
        QVERIFY(!dialog.runButton()->isDefault());
        QVERIFY(!dialog.runButton()->autoDefault());
        QVERIFY(dialog.closeButton()->isDefault());
    }

    void statusMessageElidesAndKeepsTheWholeText()
    {
        StatusMessage message;
        message.resize(240, 24);
        message.show();
        QVERIFY(QTest::qWaitForWindowExposed(&message));
        const QString text = u"Discovery from db1103.eqiad.wmnet:3306 failed: cannot connect to "
                             "db1104.eqiad.wmnet:3306 (Can't connect to MySQL server, 110)"_s;
        message.showMessage(text, true);
        QCOMPARE(message.message(), text);
        QCOMPARE(message.toolTip(), text);
        QVERIFY(message.isError());
        QVERIFY(message.text().endsWith(u'…'));
        QVERIFY(message.fontMetrics().horizontalAdvance(message.text()) <= message.width());
        QVERIFY(message.minimumSizeHint().width() == 0); // it gives way to the poll state
        message.resize(2000, 24);
        QVERIFY(!message.text().endsWith(u'…'));
        message.showMessage({});
        QVERIFY(message.text().isEmpty());
    }

    void planPreviewSaysWhatStaysStopped()
    {
        // stop-replica: its end state is "stopped", so the stop list must not promise a restart.
        Plan plan;
        plan.operation = Operation::StopReplica;
        plan.title = u"stop replication on db3:3306"_s;
        PlanStep stop;
        stop.kind = PlanStep::Kind::StopReplica;
        stop.instance = key(u"db3:3306"_s);
        stop.description = u"stop replication on db3:3306"_s;
        stop.sql = { u"STOP SLAVE"_s };
        plan.steps = { stop };
        plan.stopsReplication = { key(u"db3:3306"_s) };
        plan.expected = { ExpectedState { key(u"db3:3306"_s), key(u"db1:3306"_s), false, {} } };
        PlanPreviewDialog dialog;
        dialog.setPlan(plan);
        const QString text = dialog.planText();
        QVERIFY2(text.contains(u"db3:3306 (stays stopped"_s), qPrintable(text));
        QVERIFY2(!text.contains(u"restarted by the plan"_s), qPrintable(text));
    }

    void planPreviewRunBlocked()
    {
        PlanPreviewDialog dialog;
        dialog.setRunBlocked(u"read-only mode (ReadOnly in the configuration)"_s);
        dialog.setPlan(samplePlan());
        QVERIFY(!dialog.runButton()->isEnabled());
        QVERIFY(dialog.runButton()->toolTip().contains(u"read-only mode"_s));
        auto* blocked = child<QLabel>(&dialog, "blockedLabel");
        QVERIFY(blocked->isVisibleTo(&dialog));
        QVERIFY(blocked->text().contains(u"read-only mode"_s));
        QSignalSpy run(&dialog, &PlanPreviewDialog::runRequested);
        QTest::mouseClick(dialog.runButton(), Qt::LeftButton);
        QCOMPARE(run.count(), 0);
        dialog.setRunBlocked({});
        QVERIFY(dialog.runButton()->isEnabled());
    }

    void planPreviewRunsOnClickOnly()
    {
        PlanPreviewDialog dialog;
        dialog.setPlan(samplePlan());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy run(&dialog, &PlanPreviewDialog::runRequested);
        dialog.runButton()->setFocus();
        QTest::keyClick(&dialog, Qt::Key_Return);
        QTest::keyClick(dialog.runButton(), Qt::Key_Enter);
        QCOMPARE(run.count(), 0);
        QVERIFY(dialog.isVisible());
        QTest::mouseClick(dialog.runButton(), Qt::LeftButton);
        QCOMPARE(run.count(), 1);
        QVERIFY(!dialog.runButton()->isEnabled()); // a double click cannot ask twice
        QTest::mouseClick(dialog.runButton(), Qt::LeftButton);
        QCOMPARE(run.count(), 1);
    }

    void planPreviewWhileRunning()
    {
        PlanPreviewDialog dialog;
        dialog.setPlan(samplePlan());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.setRunning();
        QVERIFY(dialog.isRunning());
        QVERIFY(!dialog.runButton()->isEnabled());
        QVERIFY(!dialog.closeButton()->isEnabled());
        QVERIFY(dialog.cancelButton()->isVisible());
        QVERIFY(dialog.cancelButton()->isEnabled());
        auto* bar = child<QProgressBar>(&dialog, "progressBar");
        dialog.setProgress(2, 3, u"point db3:3306 at db2:3306 by GTID"_s);
        QCOMPARE(bar->maximum(), 3);
        QCOMPARE(bar->value(), 1);
        dialog.setProgress(0, 3, u"restarting replication on db3:3306"_s);
        QCOMPARE(bar->value(), 1);
        QVERIFY(dialog.logText().contains(u"Recovery: restarting replication on db3:3306"_s));

        QSignalSpy cancel(&dialog, &PlanPreviewDialog::cancelRequested);
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QCOMPARE(cancel.count(), 1);
        QVERIFY(dialog.isVisible());
        QVERIFY(!dialog.close()); // the window's close button asks too, and does not close
        QVERIFY(dialog.isVisible());
        QCOMPARE(cancel.count(), 1); // asked once
        QVERIFY(!dialog.cancelButton()->isEnabled());

        // A second run in the same dialog starts with Cancel available again.
        dialog.setRunning();
        QTest::mouseClick(dialog.cancelButton(), Qt::LeftButton);
        QCOMPARE(cancel.count(), 2);
    }

    void planPreviewSuccess()
    {
        PlanPreviewDialog dialog;
        dialog.setPlan(samplePlan());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.setRunning();
        ExecutionReport report;
        report.succeeded = true;
        report.stepsRun = 3;
        report.log = { u"db3:3306: STOP SLAVE"_s };
        dialog.setReport(report, true);
        QVERIFY(!dialog.isRunning());
        QVERIFY(dialog.moveBackButton()->isVisible());
        QVERIFY(dialog.moveBackButton()->isEnabled());
        QVERIFY(dialog.closeButton()->isEnabled());
        QVERIFY(dialog.closeButton()->isDefault());
        QVERIFY(!dialog.runButton()->isVisible());
        QVERIFY(child<QLabel>(&dialog, "resultLabel")->text().contains(u"verified"_s));
        // One result area and one way out: no full progress bar, no second status line.
        QVERIFY(!child<QProgressBar>(&dialog, "progressBar")->isVisible());
        QVERIFY(!child<QLabel>(&dialog, "statusLabel")->isVisible());
        QVERIFY(child<QLabel>(&dialog, "resultLabel")->isVisible());
        QVERIFY(dialog.logText().contains(u"db3:3306: STOP SLAVE"_s));
        QSignalSpy back(&dialog, &PlanPreviewDialog::moveBackRequested);
        QTest::mouseClick(dialog.moveBackButton(), Qt::LeftButton);
        QCOMPARE(back.count(), 1);
        // Not running: Escape closes.
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }

    void planPreviewFailure()
    {
        PlanPreviewDialog dialog;
        dialog.setPlan(samplePlan());
        dialog.setRunning();
        dialog.setReport(failedReport(), false);
        QVERIFY(!dialog.moveBackButton()->isVisibleTo(&dialog));
        QVERIFY(child<QLabel>(&dialog, "resultLabel")->text().contains(u"Error 1236"_s));
        auto* table = child<QTableWidget>(&dialog, "standingsTable");
        QCOMPARE(table->rowCount(), 2);
        QStringList cells;
        for (int row = 0; row < table->rowCount(); ++row) {
            for (int column = 0; column < table->columnCount(); ++column) {
                cells << table->item(row, column)->text();
            }
        }
        for (const QString& expected : { u"db3:3306"_s, u"db2:3306"_s, u"db2-bin.000004:1234"_s,
                 u"Got fatal error 1236 from master"_s, u"Can't connect to MySQL server"_s,
                 u"stopped"_s, u"running"_s }) {
            QVERIFY2(cells.contains(expected), qPrintable(expected));
        }
        QCOMPARE(table->item(1, 0)->toolTip(), failedReport().standings.at(1).describe());
    }

    void planPreviewPreparingAndError()
    {
        PlanPreviewDialog dialog;
        dialog.showPreparing(u"move up db3:3306"_s);
        auto* bar = child<QProgressBar>(&dialog, "progressBar");
        QCOMPARE(bar->maximum(), 0); // busy
        QVERIFY(!dialog.runButton()->isEnabled());
        dialog.setPlanError(u"db1:3306 has no log_slave_updates"_s);
        QVERIFY(!dialog.runButton()->isVisibleTo(&dialog));
        QVERIFY(dialog.closeButton()->isEnabled());
        QVERIFY(child<QLabel>(&dialog, "resultLabel")->text().contains(u"log_slave_updates"_s));
    }

    void discoverRejectsBadInput()
    {
        DiscoverDialog dialog(3307);
        QSignalSpy requested(&dialog, &DiscoverDialog::discoverRequested);
        auto* discover = child<QPushButton>(&dialog, "discoverButton");
        auto* error = child<QLabel>(&dialog, "seedErrorLabel");
        for (const QString& bad : { QString(), u"db1:notaport"_s, u"db1:70000"_s }) {
            dialog.setSeedText(bad);
            QTest::mouseClick(discover, Qt::LeftButton);
            QCOMPARE(requested.count(), 0);
            QVERIFY2(error->isVisibleTo(&dialog), qPrintable(bad));
            QVERIFY(!error->text().isEmpty());
        }
        // Option file chosen but not named: an error too.
        dialog.setSeedText(u"db1"_s);
        child<QRadioButton>(&dialog, "optionFileRadio")->setChecked(true);
        QTest::mouseClick(discover, Qt::LeftButton);
        QCOMPARE(requested.count(), 0);
        QVERIFY(child<QLabel>(&dialog, "credentialsErrorLabel")->isVisibleTo(&dialog));
    }

    void discoverEmitsRequests()
    {
        DiscoverDialog dialog(3307);
        dialog.setConfiguredCredentialsDescription(u"option file ~/.my.cnf"_s);
        QSignalSpy requested(&dialog, &DiscoverDialog::discoverRequested);
        auto* discover = child<QPushButton>(&dialog, "discoverButton");

        dialog.setSeedText(u" db1.example.org "_s);
        QTest::mouseClick(discover, Qt::LeftButton);
        QCOMPARE(requested.count(), 1);
        auto request = requested.takeFirst().at(0).value<DiscoverRequest>();
        QCOMPARE(request.seed, key(u"db1.example.org:3307"_s));
        QVERIFY(request.useConfiguredCredentials);
        QVERIFY(dialog.isDiscovering());
        QVERIFY(!discover->isEnabled());

        InstanceRecord up;
        up.key = key(u"db1.example.org:3307"_s);
        up.reachable = true;
        up.version = u"10.11.6-MariaDB"_s;
        InstanceRecord down;
        down.key = key(u"db2.example.org:3307"_s);
        down.lastError = u"connection refused"_s;
        dialog.instanceFound(up);
        dialog.instanceFound(down);
        dialog.instanceFound(up); // again: updated, not listed twice
        auto* list = child<QTreeWidget>(&dialog, "foundList");
        QCOMPARE(list->topLevelItemCount(), 2);
        QVERIFY(list->topLevelItem(1)->text(2).contains(u"connection refused"_s));
        QVERIFY(child<QLabel>(&dialog, "countLabel")->text().contains(u"2"_s));
        dialog.finished(2, {});
        QVERIFY(!dialog.isDiscovering());
        QVERIFY(discover->isEnabled());
        QVERIFY(child<QLabel>(&dialog, "resultLabel")->text().contains(u"Discovered 2"_s));

        child<QRadioButton>(&dialog, "optionFileRadio")->setChecked(true);
        child<QLineEdit>(&dialog, "optionFileEdit")->setText(u"/etc/mysql/topo.cnf"_s);
        dialog.setSeedText(u"[::1]:3310"_s);
        QTest::mouseClick(discover, Qt::LeftButton);
        request = requested.takeFirst().at(0).value<DiscoverRequest>();
        QCOMPARE(request.seed.port, quint16(3310));
        QVERIFY(!request.useConfiguredCredentials);
        QCOMPARE(request.optionFile, u"/etc/mysql/topo.cnf"_s);
        QVERIFY(request.user.isEmpty());
        dialog.finished(0, u"cannot connect to [::1]:3310"_s);
        QVERIFY(child<QLabel>(&dialog, "resultLabel")->text().contains(u"cannot connect"_s));

        child<QRadioButton>(&dialog, "userRadio")->setChecked(true);
        auto* password = child<QLineEdit>(&dialog, "passwordEdit");
        QCOMPARE(password->echoMode(), QLineEdit::Password);
        child<QLineEdit>(&dialog, "userEdit")->setText(u"alice"_s);
        password->setText(u"s3cret"_s);
        QTest::mouseClick(discover, Qt::LeftButton);
        request = requested.takeFirst().at(0).value<DiscoverRequest>();
        QVERIFY(!request.useConfiguredCredentials);
        QCOMPARE(request.user, u"alice"_s);
        QCOMPARE(request.password, u"s3cret"_s);
        QVERIFY(request.optionFile.isEmpty());
    }

    void settingsRoundTrip()
    {
        const Configuration original = editedConfiguration();
        SettingsDialog dialog(original);
        QCOMPARE(differences(dialog.configuration(), original), QStringList());
        QVERIFY(dialog.saveToFile());
        QVERIFY(!dialog.savePassword());
        QVERIFY(child<QDialogButtonBox>(&dialog, "buttonBox")
                    ->button(QDialogButtonBox::Ok)
                    ->isEnabled());

        SettingsDialog defaults { Configuration {} };
        QCOMPARE(differences(defaults.configuration(), Configuration {}), QStringList());
        // No file to save to: the choice is disabled and explained.
        QVERIFY(!defaults.saveToFile());
        QVERIFY(!child<QCheckBox>(&defaults, "saveToFileCheck")->isEnabled());
        QVERIFY(!child<QLabel>(&defaults, "saveHintLabel")->text().isEmpty());
    }

    void settingsEdits()
    {
        SettingsDialog dialog { Configuration {} };
        child<QSpinBox>(&dialog, "pollSpin")->setValue(30);
        child<QCheckBox>(&dialog, "readOnlyCheck")->setChecked(true);
        auto* combo = child<QComboBox>(&dialog, "hostnameResolveCombo");
        combo->setCurrentIndex(combo->findData(u"ip"_s));
        auto* polling = child<QComboBox>(&dialog, "backendPollingCombo");
        QCOMPARE(polling->currentData().toString(), u"auto"_s);
        polling->setCurrentIndex(polling->findData(u"never"_s));
        const Configuration edited = dialog.configuration();
        QCOMPARE(edited.instancePollSeconds, 30);
        QVERIFY(edited.readOnly);
        QCOMPARE(edited.hostnameResolveMethod, u"ip"_s);
        QCOMPARE(edited.backendPolling, u"never"_s);
        QCOMPARE(differences(edited, Configuration {}),
            QStringList({ u"instancePollSeconds"_s, u"backendPolling"_s, u"hostnameResolveMethod"_s,
                u"readOnly"_s }));
    }

    void settingsMysqlBackendNeedsHost()
    {
        SettingsDialog dialog { Configuration {} };
        QPushButton* ok
            = child<QDialogButtonBox>(&dialog, "buttonBox")->button(QDialogButtonBox::Ok);
        auto* backend = child<QComboBox>(&dialog, "backendCombo");
        auto* host = child<QLineEdit>(&dialog, "orchestratorHostEdit");
        QVERIFY(!host->isEnabled()); // SQLite: the MySQL fields do not apply
        backend->setCurrentIndex(backend->findData(u"mysql"_s));
        QVERIFY(host->isEnabled());
        QVERIFY(ok->isEnabled()); // the default host
        host->clear();
        QVERIFY(!ok->isEnabled());
        QVERIFY(child<QLabel>(&dialog, "validationLabel")->text().contains(u"host"_s));
        host->setText(u"orc-db.example.org"_s);
        QVERIFY(ok->isEnabled());
        QCOMPARE(dialog.configuration().backendDb, u"mysql"_s);
        QCOMPARE(dialog.configuration().mysqlOrchestratorHost, u"orc-db.example.org"_s);
    }
};

QTEST_MAIN(TestDialogs)
#include "tst_dialogs.moc"
