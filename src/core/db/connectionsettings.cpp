#include "db/connectionsettings.h"

#include <QStringList>

#include "config/optionfile.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

// Overrides user, password and TLS files from a MySQL option file's [client] group, as
// orchestrator does with its *CredentialsConfigFile keys.
Result<void> applyOptionFile(ConnectionSettings& settings, const QString& path)
{
    auto options = OptionFile::read(path);
    if (!options) {
        return options.error();
    }
    settings.user = options->user.value_or(settings.user);
    settings.password = options->password.value_or(settings.password);
    TlsSettings& tls = settings.tls;
    if (options->sslCa) {
        tls.caFile = *options->sslCa;
        tls.caOrigin = u"ssl-ca in %1"_s.arg(path);
    }
    if (options->sslCert) {
        tls.certFile = *options->sslCert;
        tls.certOrigin = u"ssl-cert in %1"_s.arg(path);
    }
    if (options->sslKey) {
        tls.keyFile = *options->sslKey;
        tls.keyOrigin = u"ssl-key in %1"_s.arg(path);
    }
    return {};
}

} // namespace

QString tlsStateName(TlsState state)
{
    switch (state) {
    case TlsState::Plain:
        return u"plain"_s;
    case TlsState::Encrypted:
        return u"encrypted"_s;
    case TlsState::Verified:
        return u"verified"_s;
    }
    return u"plain"_s;
}

QString ConnectionSettings::driverHost() const
{
    return key.host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0 ? u"127.0.0.1"_s : key.host;
}

Result<QString> ConnectionSettings::connectOptions() const
{
    QStringList options {
        u"MYSQL_OPT_CONNECT_TIMEOUT=%1"_s.arg(connectTimeoutSeconds),
        u"MYSQL_OPT_READ_TIMEOUT=%1"_s.arg(readTimeoutSeconds),
        u"MYSQL_OPT_WRITE_TIMEOUT=%1"_s.arg(writeTimeoutSeconds),
    };
    if (!tls.enabled()) {
        return options.join(u';');
    }
    const struct
    {
        const QString& file;
        const QString& origin;
        QString option;
    } files[] = {
        { tls.caFile, tls.caOrigin, u"SSL_CA"_s },
        { tls.certFile, tls.certOrigin, u"SSL_CERT"_s },
        { tls.keyFile, tls.keyOrigin, u"SSL_KEY"_s },
    };
    for (const auto& f : files) {
        if (f.file.isEmpty()) {
            continue;
        }
        if (f.file.contains(u';') || f.file.contains(u'=')) {
            return makeError(ErrorCode::ConfigError,
                u"the file name %1 (%2) contains ';' or '=', which the MySQL driver would read as "
                "further connect options: rename the file"_s.arg(f.file, f.origin));
        }
        options << f.option + u'=' + f.file;
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
    settings.tls.caFile = config.mysqlTopologySslCaFile;
    settings.tls.certFile = config.mysqlTopologySslCertFile;
    settings.tls.keyFile = config.mysqlTopologySslPrivateKeyFile;
    settings.tls.caOrigin = u"MySQLTopologySSLCAFile"_s;
    settings.tls.certOrigin = u"MySQLTopologySSLCertFile"_s;
    settings.tls.keyOrigin = u"MySQLTopologySSLPrivateKeyFile"_s;
    settings.tls.skipVerify = config.mysqlTopologySslSkipVerify;
    settings.tls.mutual = config.mysqlTopologyUseMutualTls;
    settings.tls.mixed = config.mysqlTopologyUseMixedTls;
    settings.allowClearTextAuth = config.mysqlEnableCleartextPlugin;
    if (!config.mysqlTopologyCredentialsConfigFile.isEmpty()) {
        if (auto applied = applyOptionFile(settings, config.mysqlTopologyCredentialsConfigFile);
            !applied) {
            return applied.error();
        }
    }
    if (settings.user.isEmpty()) {
        return makeError(ErrorCode::ConfigError,
            u"no user for the database instances: set MySQLTopologyUser or "
            "MySQLTopologyCredentialsConfigFile in the configuration"_s);
    }
    return settings;
}

Result<ConnectionSettings> backendConnectionSettings(const Configuration& config)
{
    ConnectionSettings settings;
    settings.key = InstanceKey { config.mysqlOrchestratorHost,
        static_cast<quint16>(config.mysqlOrchestratorPort) };
    settings.user = config.mysqlOrchestratorUser;
    settings.password = config.mysqlOrchestratorPassword;
    settings.database = config.mysqlOrchestratorDatabase;
    settings.connectTimeoutSeconds = config.mysqlConnectTimeoutSeconds;
    settings.readTimeoutSeconds = 30;
    settings.writeTimeoutSeconds = 30;
    settings.tls.caFile = config.mysqlOrchestratorSslCaFile;
    settings.tls.certFile = config.mysqlOrchestratorSslCertFile;
    settings.tls.keyFile = config.mysqlOrchestratorSslPrivateKeyFile;
    settings.tls.caOrigin = u"MySQLOrchestratorSSLCAFile"_s;
    settings.tls.certOrigin = u"MySQLOrchestratorSSLCertFile"_s;
    settings.tls.keyOrigin = u"MySQLOrchestratorSSLPrivateKeyFile"_s;
    settings.tls.skipVerify = config.mysqlOrchestratorSslSkipVerify;
    settings.tls.mutual = config.mysqlOrchestratorUseMutualTls;
    settings.allowClearTextAuth = config.mysqlEnableCleartextPlugin;
    if (!config.mysqlOrchestratorCredentialsConfigFile.isEmpty()) {
        if (auto applied = applyOptionFile(settings, config.mysqlOrchestratorCredentialsConfigFile);
            !applied) {
            return applied.error();
        }
    }
    return settings;
}

} // namespace topograph
