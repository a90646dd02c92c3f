#pragma once

#include <QString>

#include <optional>

#include "config/configuration.h"
#include "db/tlssettings.h"
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
    TlsSettings tls;
    // MySQLEnableCleartextPlugin: the server may ask for the password in clear.
    bool allowClearTextAuth = false;
    // When the caller already knows which server the key is (an operation on a probed
    // instance), the connection is refused unless @@server_id says the same.
    std::optional<quint32> expectedServerId;

    // The host handed to the client library: "localhost" means "the Unix socket" to it, which
    // ignores the port, so it is replaced by 127.0.0.1 to connect over TCP to the key's port.
    QString driverHost() const;

    // The QMYSQL connect options string (timeouts always set; TLS files when TLS is on).
    // QMYSQL splits the string on ';' and each option on '=': a file name containing either
    // would inject options, so it is refused.
    Result<QString> connectOptions() const;
};

// Settings for probing an instance as Topograph's topology user: user and password from the
// config, overridden by MySQLTopologyCredentialsConfigFile's [client] group when set (as
// orchestrator does), with the discovery read timeout.
Result<ConnectionSettings> topologyConnectionSettings(
    const Configuration& config, const InstanceKey& key);

// Settings for the shared MySQL backend (MySQLOrchestrator* keys and its option file).
Result<ConnectionSettings> backendConnectionSettings(const Configuration& config);

} // namespace topograph
