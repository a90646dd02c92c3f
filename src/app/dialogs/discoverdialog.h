#pragma once

#include <QDialog>
#include <QMetaType>
#include <QString>

#include <memory>

#include "instancekey.h"

namespace Ui {
class DiscoverDialog;
}

namespace topograph {

struct InstanceRecord;

// What the user asked to discover, and with which credentials. The password lives only in memory
// (this value, the dialog's field): it is never written anywhere.
struct DiscoverRequest
{
    InstanceKey seed;
    bool useConfiguredCredentials = true;
    QString optionFile; // set when the user chose a MySQL option file
    QString user; // set when the user typed a user (and password)
    QString password;
};

// Asks for a seed host:port and the credentials to probe it with, then shows the instances as
// discovery finds them. Discovery itself runs elsewhere: this dialog emits discoverRequested and
// is fed instanceFound() and finished().
class DiscoverDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiscoverDialog)

public:
    explicit DiscoverDialog(int defaultPort, QWidget* parent = nullptr);
    ~DiscoverDialog() override;

    // Describes "From the configuration" (e.g. "option file ~/.my.cnf"); never a password.
    void setConfiguredCredentialsDescription(const QString& text);
    void setSeedText(const QString& text);

    // Adds (or updates, for a key already listed) one instance in the live list.
    void instanceFound(const InstanceRecord& record);
    // Discovery ended: error empty means success. Discover can be used again.
    void finished(int instances, const QString& error);

    bool isDiscovering() const { return m_discovering; }

Q_SIGNALS:
    void discoverRequested(const DiscoverRequest& request);

private:
    void discover();
    void browseOptionFile();
    void updateCredentialFields();
    void setDiscovering(bool discovering);
    void showError(QWidget* field, const QString& message);
    void updateCount();

    std::unique_ptr<Ui::DiscoverDialog> m_ui;
    quint16 m_defaultPort;
    bool m_discovering = false;
};

} // namespace topograph

Q_DECLARE_METATYPE(topograph::DiscoverRequest)
