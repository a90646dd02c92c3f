#pragma once

#include <QString>

#include "config/configuration.h"
#include "instancekey.h"
#include "result.h"

namespace topograph {

// Everything needed to open one MySQL connection. Holds a password: never log or print it.
struct ConnectionSettings
{
    InstanceKey key;
    QString user;
    QString password;
    QString database;
    int connectTimeoutSeconds = 2;
    int readTimeoutSeconds = 10;
    int writeTimeoutSeconds = 10;
    QString sslCa;
    QString sslCert;
    QString sslKey;

    // The QMYSQL connect options string (timeouts always set; TLS files when given).
    QString connectOptions() const;
};

// Settings for probing an instance as Topograph's topology user: user and password from the
// config, overridden by MySQLTopologyCredentialsConfigFile's [client] group when set (as
// orchestrator does), with the discovery read timeout.
Result<ConnectionSettings> topologyConnectionSettings(
    const Configuration& config, const InstanceKey& key);

} // namespace topograph
