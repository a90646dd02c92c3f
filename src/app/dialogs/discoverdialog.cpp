#include "dialogs/discoverdialog.h"

#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QPushButton>

#include "probe/instancerecord.h"
#include "ui_discoverdialog.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

const QString kErrorStyle = u"QLabel { color: #c5221f; }"_s;

enum FoundColumn {
    KeyColumn,
    VersionColumn,
    StateColumn,
};

} // namespace

DiscoverDialog::DiscoverDialog(int defaultPort, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::DiscoverDialog>())
    , m_defaultPort(
          static_cast<quint16>(defaultPort > 0 && defaultPort <= 65535 ? defaultPort : 3306))
{
    m_ui->setupUi(this);
    m_ui->seedErrorLabel->setStyleSheet(kErrorStyle);
    m_ui->credentialsErrorLabel->setStyleSheet(kErrorStyle);
    m_ui->seedErrorLabel->hide();
    m_ui->credentialsErrorLabel->hide();
    m_ui->configuredDescription->setStyleSheet(u"QLabel { color: palette(mid); }"_s);
    m_ui->seedEdit->setToolTip(
        tr("host:port, host (port %1), [ipv6]:port or [ipv6]").arg(m_defaultPort));
    m_ui->foundList->header()->setStretchLastSection(true);
    m_ui->progressBar->hide();
    setConfiguredCredentialsDescription({});

    connect(m_ui->discoverButton, &QPushButton::clicked, this, &DiscoverDialog::discover);
    connect(m_ui->closeButton, &QPushButton::clicked, this, &DiscoverDialog::reject);
    connect(m_ui->browseButton, &QPushButton::clicked, this, &DiscoverDialog::browseOptionFile);
    connect(m_ui->seedEdit, &QLineEdit::textEdited, m_ui->seedErrorLabel, &QLabel::hide);
    for (QRadioButton* radio : { m_ui->configuredRadio, m_ui->optionFileRadio, m_ui->userRadio }) {
        connect(radio, &QRadioButton::toggled, this, &DiscoverDialog::updateCredentialFields);
    }
    updateCredentialFields();
    updateCount();
}

DiscoverDialog::~DiscoverDialog() = default;

void DiscoverDialog::setConfiguredCredentialsDescription(const QString& text)
{
    m_ui->configuredDescription->setText(
        text.isEmpty() ? tr("User and password from Topograph's configuration") : text);
}

void DiscoverDialog::setSeedText(const QString& text)
{
    m_ui->seedEdit->setText(text);
}

void DiscoverDialog::instanceFound(const InstanceRecord& record)
{
    const QString key = record.key.toString();
    QTreeWidgetItem* item = nullptr;
    for (int i = 0; i < m_ui->foundList->topLevelItemCount() && !item; ++i) {
        if (m_ui->foundList->topLevelItem(i)->text(KeyColumn) == key) {
            item = m_ui->foundList->topLevelItem(i);
        }
    }
    if (!item) {
        item = new QTreeWidgetItem(m_ui->foundList);
        item->setText(KeyColumn, key);
    }
    item->setText(VersionColumn, record.version);
    item->setText(StateColumn,
        record.reachable ? tr("reachable") : tr("unreachable: %1").arg(record.lastError));
    item->setData(StateColumn, Qt::UserRole, record.reachable);
    item->setToolTip(StateColumn, record.reachable ? QString() : record.lastError);
    item->setForeground(StateColumn,
        record.reachable ? m_ui->foundList->palette().text() : QBrush(QColor(0xc5, 0x22, 0x1f)));
    m_ui->foundList->scrollToItem(item);
    m_ui->foundList->resizeColumnToContents(KeyColumn);
    m_ui->foundList->resizeColumnToContents(VersionColumn);
    updateCount();
}

void DiscoverDialog::finished(int instances, const QString& error)
{
    setDiscovering(false);
    if (error.isEmpty()) {
        m_ui->resultLabel->setStyleSheet({});
        m_ui->resultLabel->setText(tr("Discovered %n instance(s).", nullptr, instances));
    } else {
        m_ui->resultLabel->setStyleSheet(kErrorStyle);
        m_ui->resultLabel->setText(tr("Discovery failed: %1").arg(error));
    }
}

void DiscoverDialog::discover()
{
    if (m_discovering) {
        return;
    }
    m_ui->seedErrorLabel->hide();
    m_ui->credentialsErrorLabel->hide();
    const QString text = m_ui->seedEdit->text().trimmed();
    if (text.isEmpty()) {
        showError(m_ui->seedEdit, tr("Type the instance to start from, as host:port."));
        return;
    }
    const auto seed = InstanceKey::parse(text, m_defaultPort);
    if (!seed) {
        showError(m_ui->seedEdit, tr("Not an instance: %1").arg(seed.error().message));
        return;
    }
    DiscoverRequest request;
    request.seed = *seed;
    request.useConfiguredCredentials = m_ui->configuredRadio->isChecked();
    if (m_ui->optionFileRadio->isChecked()) {
        request.optionFile = QDir::fromNativeSeparators(m_ui->optionFileEdit->text().trimmed());
        if (request.optionFile.isEmpty()) {
            showError(m_ui->optionFileEdit, tr("Choose the MySQL option file to read."));
            return;
        }
        if (request.optionFile.startsWith(u"~/"_s)) {
            request.optionFile.replace(0, 1, QDir::homePath());
        }
    } else if (m_ui->userRadio->isChecked()) {
        request.user = m_ui->userEdit->text().trimmed();
        request.password = m_ui->passwordEdit->text();
        if (request.user.isEmpty()) {
            showError(m_ui->userEdit, tr("Type the user to connect as."));
            return;
        }
    }
    m_ui->foundList->clear();
    m_ui->resultLabel->setStyleSheet({});
    m_ui->resultLabel->setText(tr("Discovering from %1…").arg(request.seed.toString()));
    setDiscovering(true);
    updateCount();
    Q_EMIT discoverRequested(request);
}

void DiscoverDialog::browseOptionFile()
{
    const QString start
        = m_ui->optionFileEdit->text().isEmpty() ? QDir::homePath() : m_ui->optionFileEdit->text();
    const QString path = QFileDialog::getOpenFileName(this, tr("MySQL option file"), start,
        tr("MySQL option files (*.cnf *.ini);;All files (*)"), nullptr,
        QFileDialog::DontResolveSymlinks);
    if (!path.isEmpty()) {
        m_ui->optionFileEdit->setText(QDir::toNativeSeparators(path));
    }
}

void DiscoverDialog::updateCredentialFields()
{
    const bool inputs = !m_discovering;
    const bool file = m_ui->optionFileRadio->isChecked();
    const bool user = m_ui->userRadio->isChecked();
    m_ui->optionFileEdit->setEnabled(inputs && file);
    m_ui->browseButton->setEnabled(inputs && file);
    for (QWidget* widget : std::initializer_list<QWidget*> {
             m_ui->userLabel, m_ui->userEdit, m_ui->passwordLabel, m_ui->passwordEdit }) {
        widget->setEnabled(inputs && user);
    }
    m_ui->configuredDescription->setEnabled(m_ui->configuredRadio->isChecked());
    m_ui->credentialsErrorLabel->hide();
}

void DiscoverDialog::setDiscovering(bool discovering)
{
    m_discovering = discovering;
    m_ui->seedEdit->setEnabled(!discovering);
    for (QRadioButton* radio : { m_ui->configuredRadio, m_ui->optionFileRadio, m_ui->userRadio }) {
        radio->setEnabled(!discovering);
    }
    updateCredentialFields();
    m_ui->discoverButton->setEnabled(!discovering);
    m_ui->progressBar->setVisible(discovering);
    m_ui->progressBar->setRange(0, discovering ? 0 : 1); // busy while discovering
    if (!discovering) {
        m_ui->discoverButton->setDefault(true);
    }
}

void DiscoverDialog::showError(QWidget* field, const QString& message)
{
    QLabel* label = field == m_ui->seedEdit ? m_ui->seedErrorLabel : m_ui->credentialsErrorLabel;
    label->setText(message);
    label->show();
    field->setFocus();
}

void DiscoverDialog::updateCount()
{
    const int found = m_ui->foundList->topLevelItemCount();
    int unreachable = 0;
    for (int i = 0; i < found; ++i) {
        unreachable
            += m_ui->foundList->topLevelItem(i)->data(StateColumn, Qt::UserRole).toBool() ? 0 : 1;
    }
    QString text = tr("Found instances: %1").arg(found);
    if (unreachable > 0) {
        text += tr(" (%n unreachable)", nullptr, unreachable);
    }
    m_ui->countLabel->setText(text);
}

} // namespace topograph
