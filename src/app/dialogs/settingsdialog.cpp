#include "dialogs/settingsdialog.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QPushButton>
#include <QSpinBox>

#include "ui_settingsdialog.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

// Ranges are there to catch typing slips; a file that holds a value outside one still loads
// unchanged, so the range widens to take it.
void setSpin(QSpinBox* spin, int value)
{
    spin->setMinimum(qMin(spin->minimum(), value));
    spin->setMaximum(qMax(spin->maximum(), value));
    spin->setValue(value);
}

void addChoices(QComboBox* combo, const QList<std::pair<QString, QString>>& choices)
{
    for (const auto& [value, text] : choices) {
        combo->addItem(text, value);
    }
}

// Selects the item holding value; a value the list does not know (e.g. "sqlite3") is added as
// it is, so that saving without touching it writes it back unchanged.
void selectValue(QComboBox* combo, const QString& value)
{
    int index = combo->findData(value);
    if (index < 0) {
        combo->addItem(value, value);
        index = combo->count() - 1;
    }
    combo->setCurrentIndex(index);
}

QString valueOf(const QComboBox* combo)
{
    return combo->currentData().toString();
}

QString text(const QLineEdit* edit)
{
    return edit->text().trimmed();
}

} // namespace

SettingsDialog::SettingsDialog(const Configuration& config, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
    , m_original(config)
{
    m_ui->setupUi(this);
    addChoices(m_ui->hostnameResolveCombo,
        { { u"none"_s, tr("none — names and addresses as given") },
            { u"default"_s, tr("default — addresses reverse-resolved to names") },
            { u"cname"_s, tr("cname — the canonical name") },
            { u"ip"_s, tr("ip — addresses instead of names") } });
    m_ui->hostnameResolveCombo->setToolTip(u"HostnameResolveMethod"_s);
    addChoices(m_ui->backendPollingCombo,
        { { u"auto"_s, tr("auto — Topograph, unless orchestrator runs on this backend") },
            { u"always"_s, tr("always — Topograph, even beside orchestrator") },
            { u"never"_s, tr("never — nobody: show the backend's rows as they are") } });
    m_ui->backendPollingCombo->setToolTip(u"BackendPolling"_s);
    addChoices(m_ui->mysqlHostnameCombo,
        { { u"@@hostname"_s, tr("@@hostname — the server's host name") },
            { u"@@report_host"_s, tr("@@report_host — the name it reports") },
            { u"none"_s, tr("none — the name Topograph connected to") } });
    m_ui->mysqlHostnameCombo->setToolTip(u"MySQLHostnameResolveMethod"_s);
    addChoices(m_ui->backendCombo,
        { { u"sqlite"_s, tr("a SQLite file on this computer") },
            { u"mysql"_s, tr("orchestrator's MySQL database") } });
    m_ui->backendCombo->setToolTip(u"BackendDB"_s);
    m_ui->lagQueryEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_ui->validationLabel->setStyleSheet(u"QLabel { color: #c5221f; }"_s);

    connectBrowse(m_ui->sqliteBrowse, m_ui->sqliteEdit, tr("SQLite data file"), true);
    connectBrowse(m_ui->orchestratorCredentialsBrowse, m_ui->orchestratorCredentialsEdit,
        tr("MySQL option file for the backend"), false);
    connectBrowse(m_ui->optionFileBrowse, m_ui->optionFileEdit, tr("MySQL option file"), false);
    connectBrowse(m_ui->caBrowse, m_ui->caEdit, tr("CA certificate"), false);
    connectBrowse(m_ui->certBrowse, m_ui->certEdit, tr("Client certificate"), false);
    connectBrowse(m_ui->keyBrowse, m_ui->keyEdit, tr("Client key"), false);

    load(config);

    connect(m_ui->backendCombo, &QComboBox::currentIndexChanged, this,
        &SettingsDialog::updateBackendFields);
    for (QLineEdit* edit : { m_ui->orchestratorHostEdit, m_ui->orchestratorDatabaseEdit }) {
        connect(edit, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    }
    connect(m_ui->saveToFileCheck, &QCheckBox::toggled, m_ui->savePasswordCheck,
        &QCheckBox::setEnabled);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, [this] {
        if (validationError().isEmpty()) {
            accept();
        }
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    updateBackendFields();
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::load(const Configuration& c)
{
    setSpin(m_ui->pollSpin, c.instancePollSeconds);
    setSpin(m_ui->connectTimeoutSpin, c.mysqlConnectTimeoutSeconds);
    setSpin(m_ui->readTimeoutSpin, c.mysqlDiscoveryReadTimeoutSeconds);
    m_ui->showSlaveHostsCheck->setChecked(c.discoverByShowSlaveHosts);
    selectValue(m_ui->backendPollingCombo, c.backendPolling);

    setSpin(m_ui->lagSpin, c.reasonableReplicationLagSeconds);
    setSpin(m_ui->maintenanceLagSpin, c.reasonableMaintenanceReplicationLagSeconds);
    setSpin(m_ui->maintenanceExpireSpin, c.maintenanceExpireMinutes);
    m_ui->lagQueryEdit->setPlainText(c.replicationLagQuery);

    selectValue(m_ui->hostnameResolveCombo, c.hostnameResolveMethod);
    selectValue(m_ui->mysqlHostnameCombo, c.mysqlHostnameResolveMethod);
    setSpin(m_ui->resolveExpirySpin, c.expiryHostnameResolvesMinutes);

    // "sqlite3" is orchestrator's spelling of "sqlite": the same item (configuration() keeps it).
    selectValue(m_ui->backendCombo, c.backendDb == u"sqlite3"_s ? u"sqlite"_s : c.backendDb);
    m_ui->sqliteEdit->setText(c.sqlite3DataFile);
    m_ui->orchestratorHostEdit->setText(c.mysqlOrchestratorHost);
    setSpin(m_ui->orchestratorPortSpin, c.mysqlOrchestratorPort);
    m_ui->orchestratorDatabaseEdit->setText(c.mysqlOrchestratorDatabase);
    m_ui->orchestratorUserEdit->setText(c.mysqlOrchestratorUser);
    m_ui->orchestratorPasswordEdit->setText(c.mysqlOrchestratorPassword);
    m_ui->orchestratorCredentialsEdit->setText(c.mysqlOrchestratorCredentialsConfigFile);

    m_ui->optionFileEdit->setText(c.mysqlTopologyCredentialsConfigFile);
    m_ui->userEdit->setText(c.mysqlTopologyUser);
    m_ui->passwordEdit->setText(c.mysqlTopologyPassword);
    m_ui->caEdit->setText(c.mysqlTopologySslCaFile);
    m_ui->certEdit->setText(c.mysqlTopologySslCertFile);
    m_ui->keyEdit->setText(c.mysqlTopologySslPrivateKeyFile);
    m_ui->mutualTlsCheck->setChecked(c.mysqlTopologyUseMutualTls);
    m_ui->skipVerifyCheck->setChecked(c.mysqlTopologySslSkipVerify);

    m_ui->readOnlyCheck->setChecked(c.readOnly);

    const bool hasFile = !c.sourcePath.isEmpty();
    m_ui->saveToFileCheck->setEnabled(hasFile);
    m_ui->saveToFileCheck->setChecked(hasFile);
    m_ui->saveToFileCheck->setText(hasFile
            ? tr("Save to %1").arg(QDir::toNativeSeparators(c.sourcePath))
            : tr("Save to the configuration file"));
    m_ui->saveHintLabel->setText(hasFile
            ? tr("Settings Topograph does not know are kept in the file.")
            : tr("Topograph started without a configuration file: these settings last until "
                 "it closes. Start it with --config FILE to keep them."));
    m_ui->savePasswordCheck->setChecked(false);
    m_ui->savePasswordCheck->setEnabled(hasFile);
}

Configuration SettingsDialog::configuration() const
{
    Configuration c = m_original;
    c.instancePollSeconds = m_ui->pollSpin->value();
    c.mysqlConnectTimeoutSeconds = m_ui->connectTimeoutSpin->value();
    c.mysqlDiscoveryReadTimeoutSeconds = m_ui->readTimeoutSpin->value();
    c.discoverByShowSlaveHosts = m_ui->showSlaveHostsCheck->isChecked();
    c.backendPolling = valueOf(m_ui->backendPollingCombo);

    c.reasonableReplicationLagSeconds = m_ui->lagSpin->value();
    c.reasonableMaintenanceReplicationLagSeconds = m_ui->maintenanceLagSpin->value();
    c.maintenanceExpireMinutes = m_ui->maintenanceExpireSpin->value();
    c.replicationLagQuery = m_ui->lagQueryEdit->toPlainText();

    c.hostnameResolveMethod = valueOf(m_ui->hostnameResolveCombo);
    c.mysqlHostnameResolveMethod = valueOf(m_ui->mysqlHostnameCombo);
    c.expiryHostnameResolvesMinutes = m_ui->resolveExpirySpin->value();

    c.backendDb = valueOf(m_ui->backendCombo);
    if (c.backendDb == u"sqlite"_s && m_original.backendDb == u"sqlite3"_s) {
        c.backendDb = m_original.backendDb;
    }
    c.sqlite3DataFile = text(m_ui->sqliteEdit);
    c.mysqlOrchestratorHost = text(m_ui->orchestratorHostEdit);
    c.mysqlOrchestratorPort = m_ui->orchestratorPortSpin->value();
    c.mysqlOrchestratorDatabase = text(m_ui->orchestratorDatabaseEdit);
    c.mysqlOrchestratorUser = text(m_ui->orchestratorUserEdit);
    c.mysqlOrchestratorPassword = m_ui->orchestratorPasswordEdit->text(); // spaces may count
    c.mysqlOrchestratorCredentialsConfigFile = text(m_ui->orchestratorCredentialsEdit);

    c.mysqlTopologyCredentialsConfigFile = text(m_ui->optionFileEdit);
    c.mysqlTopologyUser = text(m_ui->userEdit);
    c.mysqlTopologyPassword = m_ui->passwordEdit->text();
    c.mysqlTopologySslCaFile = text(m_ui->caEdit);
    c.mysqlTopologySslCertFile = text(m_ui->certEdit);
    c.mysqlTopologySslPrivateKeyFile = text(m_ui->keyEdit);
    c.mysqlTopologyUseMutualTls = m_ui->mutualTlsCheck->isChecked();
    c.mysqlTopologySslSkipVerify = m_ui->skipVerifyCheck->isChecked();

    c.readOnly = m_ui->readOnlyCheck->isChecked();
    return c;
}

bool SettingsDialog::savePassword() const
{
    return saveToFile() && m_ui->savePasswordCheck->isChecked();
}

bool SettingsDialog::saveToFile() const
{
    return m_ui->saveToFileCheck->isEnabled() && m_ui->saveToFileCheck->isChecked();
}

QString SettingsDialog::validationError() const
{
    if (valueOf(m_ui->backendCombo) == u"mysql"_s) {
        if (text(m_ui->orchestratorHostEdit).isEmpty()) {
            return tr("The MySQL backend needs a host (Backend tab).");
        }
        if (text(m_ui->orchestratorDatabaseEdit).isEmpty()) {
            return tr("The MySQL backend needs a database name (Backend tab).");
        }
    }
    return {};
}

void SettingsDialog::validate()
{
    const QString error = validationError();
    m_ui->validationLabel->setText(error);
    m_ui->validationLabel->setVisible(!error.isEmpty());
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(error.isEmpty());
}

void SettingsDialog::updateBackendFields()
{
    const bool mysql = valueOf(m_ui->backendCombo) == u"mysql"_s;
    m_ui->sqliteGroup->setEnabled(!mysql);
    m_ui->orchestratorGroup->setEnabled(mysql);
    validate();
}

void SettingsDialog::connectBrowse(
    QToolButton* button, QLineEdit* edit, const QString& title, bool save)
{
    button->setToolTip(title);
    connect(button, &QToolButton::clicked, this, [this, edit, title, save] {
        const QString start = edit->text().isEmpty() ? QDir::homePath() : edit->text();
        const QString path = save ? QFileDialog::getSaveFileName(
                                 this, title, start, {}, nullptr, QFileDialog::DontConfirmOverwrite)
                                  : QFileDialog::getOpenFileName(this, title, start);
        if (!path.isEmpty()) {
            edit->setText(QDir::toNativeSeparators(path));
        }
    });
}

} // namespace topograph
