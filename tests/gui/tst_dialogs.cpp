// The desktop app's dialogs and the instance details panel, driven offscreen: the plan preview
// (what it shows, which buttons do what in each state), discovery input, and settings.
// With TOPOGRAPH_DIALOG_SHOTS=DIR set, screenshots() also renders each one into DIR as PNG.
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

using namespace Qt::StringLiterals;
using namespace topograph;

namespace {

InstanceKey key(const QString& text)
{
    return *InstanceKey::parse(text, 3306);
}

// Two steps on two instances, a warning, one instance that stops replicating.
Plan samplePlan()
{
    Plan plan;
    plan.operation = u"relocate"_s;
    plan.title = u"relocate db3:3306 below db2:3306"_s;
    plan.method = Method::Gtid;
    plan.methodDetail = u"GTID (MASTER_USE_GTID=slave_pos)"_s;
    PlanStep stop;
    stop.kind = PlanStep::Kind::StopReplica;
    stop.instance = key(u"db3:3306"_s);
    stop.description = u"stop replication on db3:3306"_s;
    stop.sql = { u"STOP SLAVE"_s };
    PlanStep change;
    change.kind = PlanStep::Kind::ChangeMaster;
    change.instance = key(u"db3:3306"_s);
    change.description = u"point db3:3306 at db2:3306 by GTID"_s;
    change.sql = { u"CHANGE MASTER TO MASTER_HOST='db2', MASTER_PORT=3306, "
                   "MASTER_USE_GTID=slave_pos"_s,
        u"START SLAVE"_s };
    change.newMaster = key(u"db2:3306"_s);
    change.gtid = true;
    PlanStep readOnly;
    readOnly.kind = PlanStep::Kind::SetReadOnly;
    readOnly.instance = key(u"db2:3306"_s);
    readOnly.description = u"make db2:3306 read-only"_s;
    readOnly.sql = { u"SET GLOBAL read_only = 1"_s };
    readOnly.readOnly = true;
    plan.steps = { stop, change, readOnly };
    plan.expected = { ExpectedState { key(u"db3:3306"_s), key(u"db2:3306"_s), true, {} } };
    plan.stopsReplication = { key(u"db3:3306"_s) };
    plan.touched = { key(u"db3:3306"_s), key(u"db2:3306"_s) };
    plan.warnings = { u"db2:3306 lags 25 s behind its master"_s };
    return plan;
}

ExecutionReport failedReport()
{
    ExecutionReport report;
    report.succeeded = false;
    report.error = u"START SLAVE on db3:3306 failed: Error 1236"_s;
    report.stepsRun = 2;
    report.log = { u"db3:3306: STOP SLAVE"_s, u"db3:3306: CHANGE MASTER TO ..."_s };
    InstanceStanding moved;
    moved.key = key(u"db3:3306"_s);
    moved.reachable = true;
    moved.master = key(u"db2:3306"_s);
    moved.ioRunning = false;
    moved.sqlRunning = true;
    moved.executed = Coordinates { u"db2-bin.000004"_s, 1234 };
    moved.error = u"Got fatal error 1236 from master"_s;
    InstanceStanding gone;
    gone.key = key(u"db2:3306"_s);
    gone.reachable = false;
    gone.error = u"Can't connect to MySQL server"_s;
    report.standings = { moved, gone };
    return report;
}

InstanceRecord sampleRecord()
{
    InstanceRecord r;
    r.key = key(u"db3.example.org:3306"_s);
    r.reachable = true;
    r.lastChecked = r.lastSeen = QDateTime::currentDateTimeUtc();
    r.flavor = Flavor::MariaDB;
    r.serverId = 3;
    r.version = u"10.11.6-MariaDB-log"_s;
    r.versionComment = u"Debian 12"_s;
    r.uptimeSeconds = 86400 * 12 + 3600 * 5;
    r.readOnly = true;
    r.logBin = r.logSlaveUpdates = true;
    r.binlogFormat = u"ROW"_s;
    r.binlogRowImage = u"FULL"_s;
    r.binaryLogFile = u"db3-bin.000012"_s;
    r.binaryLogPos = 884213;
    r.masterKey = key(u"db1.example.org:3306"_s);
    r.ioThreadRunning = r.sqlThreadRunning = true;
    r.masterLogFile = r.relayMasterLogFile = u"db1-bin.000044"_s;
    r.readMasterLogPos = r.execMasterLogPos = 1029384;
    r.relayLogFile = u"db3-relay.000002"_s;
    r.relayLogPos = 5521;
    r.secondsBehindMaster = 0;
    r.replicationLagSeconds = 1;
    r.usingGtid = u"Slave_Pos"_s;
    r.gtidCurrentPos = r.gtidSlavePos = u"0-1-88231,1-17-4410,2-3-19"_s;
    r.gtidBinlogPos = u"0-1-88231"_s;
    r.replicaKeys = { key(u"db5.example.org:3306"_s), key(u"db6.example.org:3306"_s) };
    r.clusterName = u"db1.example.org:3306"_s;
    r.dataCenter = u"eqiad"_s;
    r.replicationDepth = 1;
    return r;
}

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

Configuration editedConfiguration()
{
    Configuration c;
    c.mysqlTopologyUser = u"topo"_s;
    c.mysqlTopologyPassword = u"pw-in-memory"_s;
    c.mysqlTopologyCredentialsConfigFile = u"/etc/mysql/topo.cnf"_s;
    c.mysqlTopologySslCaFile = u"/etc/ssl/ca.pem"_s;
    c.mysqlTopologySslCertFile = u"/etc/ssl/client.pem"_s;
    c.mysqlTopologySslPrivateKeyFile = u"/etc/ssl/client.key"_s;
    c.mysqlTopologySslSkipVerify = true;
    c.mysqlTopologyUseMutualTls = true;
    c.mysqlConnectTimeoutSeconds = 7;
    c.mysqlDiscoveryReadTimeoutSeconds = 11;
    c.mysqlTopologyReadTimeoutSeconds = 45; // no field in the dialog: passes through
    c.defaultInstancePort = 3307;
    c.backendDb = u"sqlite3"_s; // orchestrator's spelling: shown as sqlite, kept as written
    c.sqlite3DataFile = u"/var/lib/topograph/backend.db"_s;
    c.mysqlOrchestratorHost = QString(); // empty, but not used by a SQLite backend
    c.mysqlOrchestratorPort = 3310;
    c.mysqlOrchestratorUser = u"orc"_s;
    c.mysqlOrchestratorPassword = u"orc-pw"_s;
    c.mysqlOrchestratorSslCaFile = u"/etc/ssl/orc-ca.pem"_s;
    c.instancePollSeconds = 100000; // beyond the spin box's usual range
    c.discoverByShowSlaveHosts = true;
    c.hostnameResolveMethod = u"cname"_s;
    c.mysqlHostnameResolveMethod = u"@@report_host"_s;
    c.expiryHostnameResolvesMinutes = 13;
    c.unseenInstanceForgetHours = 48;
    c.detectClusterAliasQuery = u"SELECT 1"_s;
    c.clusterNameToAlias = { { u"db1:3306"_s, u"s1"_s } };
    c.replicationLagQuery = u"SELECT lag\nFROM heartbeat.heartbeat"_s;
    c.reasonableReplicationLagSeconds = 0;
    c.reasonableMaintenanceReplicationLagSeconds = 33;
    c.maintenanceExpireMinutes = 90;
    c.readOnly = true;
    c.sourcePath = u"/home/dba/.config/topograph/topograph.conf.json"_s;
    return c;
}

template <typename T> T* child(QWidget* parent, const char* name)
{
    T* widget = parent->findChild<T*>(QString::fromLatin1(name));
    Q_ASSERT(widget);
    return widget;
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
        QVERIFY(text.contains(u"db3:3306 replicates from db2:3306"_s));
        QVERIFY(dialog.runButton()->isEnabled());
        // Enter must never run a replication change.
        QVERIFY(!dialog.runButton()->isDefault());
        QVERIFY(!dialog.runButton()->autoDefault());
        QVERIFY(dialog.closeButton()->isDefault());
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
        const Configuration edited = dialog.configuration();
        QCOMPARE(edited.instancePollSeconds, 30);
        QVERIFY(edited.readOnly);
        QCOMPARE(edited.hostnameResolveMethod, u"ip"_s);
        QCOMPARE(differences(edited, Configuration {}),
            QStringList({ u"instancePollSeconds"_s, u"hostnameResolveMethod"_s, u"readOnly"_s }));
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

    void detailsPanelActions()
    {
        InstanceDetailsPanel panel;
        QVERIFY(!panel.actionButton(u"refresh"_s)->isEnabled()); // nothing selected
        InstanceRecord r = sampleRecord();
        panel.setInstance(r, u"s1"_s, std::nullopt, QDateTime::currentDateTimeUtc(), {});
        QCOMPARE(panel.instanceKey(), r.key);
        QVERIFY(panel.model()->rowCount() > 0);
        QSignalSpy actions(&panel, &InstanceDetailsPanel::actionRequested);
        QPushButton* stop = panel.actionButton(u"stop-replica"_s);
        QVERIFY(stop);
        QVERIFY(!panel.actionButton(u"start-replica"_s));
        QTest::mouseClick(stop, Qt::LeftButton);
        QTest::mouseClick(panel.actionButton(u"begin-maintenance"_s), Qt::LeftButton);
        QCOMPARE(actions.count(), 2);
        QCOMPARE(actions.at(0).at(0).toString(), u"stop-replica"_s);
        QCOMPARE(actions.at(1).at(0).toString(), u"begin-maintenance"_s);

        panel.setActionEnabled(u"move-up"_s, false, u"read-only mode"_s);
        QVERIFY(!panel.actionButton(u"move-up"_s)->isEnabled());
        QCOMPARE(panel.actionButton(u"move-up"_s)->toolTip(), u"read-only mode"_s);
        panel.setActionEnabled(u"move-up"_s, true, {});
        QVERIFY(panel.actionButton(u"move-up"_s)->isEnabled());

        // Replication stopped and a maintenance lock: the toggles flip.
        r.ioThreadRunning = r.sqlThreadRunning = false;
        MaintenanceLock lock;
        lock.key = r.key;
        lock.owner = u"alice"_s;
        lock.end = QDateTime::currentDateTimeUtc().addSecs(600);
        panel.setInstance(r, u"s1"_s, lock, QDateTime::currentDateTimeUtc(), {});
        QVERIFY(panel.actionButton(u"start-replica"_s));
        QVERIFY(panel.actionButton(u"end-maintenance"_s));

        // A primary cannot move up or stop replicating.
        r.masterKey.reset();
        panel.setInstance(r, u"s1"_s, std::nullopt, QDateTime::currentDateTimeUtc(), {});
        QVERIFY(!panel.actionButton(u"move-up"_s)->isEnabled());
        QVERIFY(!panel.actionButton(u"move-up"_s)->toolTip().isEmpty());
        QVERIFY(!panel.actionButton(u"start-replica"_s)->isEnabled());
        QVERIFY(panel.actionButton(u"refresh"_s)->isEnabled());
        panel.clear();
        QVERIFY(!panel.instanceKey());
        QVERIFY(!panel.actionButton(u"refresh"_s)->isEnabled());
    }

    void screenshots()
    {
        const QString dir = qEnvironmentVariable("TOPOGRAPH_DIALOG_SHOTS");
        if (dir.isEmpty()) {
            QSKIP("set TOPOGRAPH_DIALOG_SHOTS=DIR to render the dialogs into DIR");
        }
        const auto shoot = [&](QWidget* widget, const QString& name) {
            widget->show();
            QVERIFY(QTest::qWaitForWindowExposed(widget));
            QVERIFY(widget->grab().save(dir + u'/' + name));
        };
        PlanPreviewDialog plan;
        plan.setRunBlocked({});
        plan.setPlan(samplePlan());
        shoot(&plan, u"dlg-plan.png"_s);
        plan.setRunning();
        plan.setProgress(2, 3, u"point db3:3306 at db2:3306 by GTID"_s);
        shoot(&plan, u"dlg-plan-running.png"_s);
        plan.setReport(failedReport(), false);
        shoot(&plan, u"dlg-plan-failed.png"_s);
        PlanPreviewDialog blocked;
        blocked.setRunBlocked(u"read-only mode (ReadOnly in the configuration)"_s);
        blocked.setPlan(samplePlan());
        shoot(&blocked, u"dlg-plan-blocked.png"_s);

        DiscoverDialog discover(3306);
        discover.setConfiguredCredentialsDescription(u"option file ~/.my.cnf"_s);
        discover.setSeedText(u"db1103.eqiad.wmnet:3306"_s);
        child<QRadioButton>(&discover, "userRadio")->setChecked(true);
        shoot(&discover, u"dlg-discover-idle.png"_s);
        child<QLineEdit>(&discover, "userEdit")->setText(u"topograph"_s);
        QTest::mouseClick(child<QPushButton>(&discover, "discoverButton"), Qt::LeftButton);
        InstanceRecord r = sampleRecord();
        discover.instanceFound(r);
        r.key = key(u"db1104.eqiad.wmnet:3306"_s);
        r.reachable = false;
        r.lastError = u"Can't connect to MySQL server on 'db1104.eqiad.wmnet' (110)"_s;
        discover.instanceFound(r);
        shoot(&discover, u"dlg-discover.png"_s);

        SettingsDialog settings(editedConfiguration());
        shoot(&settings, u"dlg-settings.png"_s);
        auto* tabs = child<QTabWidget>(&settings, "tabs");
        for (int i = 1; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            shoot(&settings, u"dlg-settings-%1.png"_s.arg(i));
        }

        InstanceDetailsPanel panel;
        panel.resize(380, 900);
        MaintenanceLock lock;
        lock.id = 3;
        lock.owner = u"alice"_s;
        lock.reason = u"kernel upgrade"_s;
        lock.end = QDateTime::currentDateTimeUtc().addSecs(1200);
        panel.setInstance(sampleRecord(), u"s1"_s, lock, QDateTime::currentDateTimeUtc(), {});
        shoot(&panel, u"panel-details.png"_s);
    }
};

QTEST_MAIN(TestDialogs)
#include "tst_dialogs.moc"
