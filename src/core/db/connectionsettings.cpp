#include "db/connectionsettings.h"

#include <QStringList>

#include "config/optionfile.h"

using namespace Qt::StringLiterals;

namespace topograph {

QString ConnectionSettings::connectOptions() const
{
    QStringList options {
        u"MYSQL_OPT_CONNECT_TIMEOUT=%1"_s.arg(connectTimeoutSeconds),
        u"MYSQL_OPT_READ_TIMEOUT=%1"_s.arg(readTimeoutSeconds),
        u"MYSQL_OPT_WRITE_TIMEOUT=%1"_s.arg(writeTimeoutSeconds),
    };
    if (!sslCa.isEmpty()) {
        options << u"SSL_CA=%1"_s.arg(sslCa);
    }
    if (!sslCert.isEmpty()) {
        options << u"SSL_CERT=%1"_s.arg(sslCert);
    }
    if (!sslKey.isEmpty()) {
        options << u"SSL_KEY=%1"_s.arg(sslKey);
    }
    return options.join(u';');
}

Result<ConnectionSettings> topologyConnectionSettings(
    const Configuration& config, const InstanceKey& key)
{
    ConnectionSettings settings;
    settings.key = key;
    settings.user = config.mysqlTopologyUser;
    settings.password = config.mysqlTopologyPassword;
    settings.connectTimeoutSeconds = config.mysqlConnectTimeoutSeconds;
    settings.readTimeoutSeconds = config.mysqlDiscoveryReadTimeoutSeconds;
    settings.writeTimeoutSeconds = config.mysqlDiscoveryReadTimeoutSeconds;
    settings.sslCa = config.mysqlTopologySslCaFile;
    settings.sslCert = config.mysqlTopologySslCertFile;
    settings.sslKey = config.mysqlTopologySslPrivateKeyFile;
    if (!config.mysqlTopologyCredentialsConfigFile.isEmpty()) {
        auto options = OptionFile::read(config.mysqlTopologyCredentialsConfigFile);
        if (!options) {
            return options.error();
        }
        settings.user = options->user.value_or(settings.user);
        settings.password = options->password.value_or(settings.password);
        settings.sslCa = options->sslCa.value_or(settings.sslCa);
        settings.sslCert = options->sslCert.value_or(settings.sslCert);
        settings.sslKey = options->sslKey.value_or(settings.sslKey);
    }
    if (settings.user.isEmpty()) {
        return makeError(ErrorCode::ConfigError,
            u"no user for the database instances: set MySQLTopologyUser or "
            "MySQLTopologyCredentialsConfigFile in the configuration"_s);
    }
    return settings;
}

} // namespace topograph
