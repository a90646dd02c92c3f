#pragma once

#include <QDialog>

#include <memory>

#include "config/configuration.h"

class QLineEdit;
class QToolButton;

namespace Ui {
class SettingsDialog;
}

namespace topograph {

// Edits a copy of the Configuration, one tab per concern (polling, thresholds and lag, names,
// backend, credentials, safety). Settings without a field here (DefaultInstancePort,
// ClusterNameToAlias, ...) pass through unchanged. The dialog writes nothing: the caller reads
// configuration(), savePassword() and saveToFile() after exec() and saves with ConfigWriter.
// Passwords shown here stay in memory unless the user asks to save them.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    explicit SettingsDialog(const Configuration& config, QWidget* parent = nullptr);
    ~SettingsDialog() override;

    // The edited copy (passwords included).
    Configuration configuration() const;
    bool savePassword() const;
    bool saveToFile() const;

    // Why OK is disabled; empty when everything is valid.
    QString validationError() const;

private:
    void load(const Configuration& config);
    void validate();
    void updateBackendFields();
    void connectBrowse(QToolButton* button, QLineEdit* edit, const QString& title, bool save);

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    Configuration m_original;
};

} // namespace topograph
