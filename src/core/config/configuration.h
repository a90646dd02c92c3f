#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace topograph {

// Topograph's settings, with orchestrator's key names where orchestrator has one (DESIGN §11).
// Defaults here are what an empty or missing configuration file means.
struct Configuration
{
    // Credentials and TLS for the database instances.
    QString mysqlTopologyUser;
    QString mysqlTopologyPassword;
    QString mysqlTopologyCredentialsConfigFile;
    QString mysqlTopologySslCaFile;
    QString mysqlTopologySslCertFile;
    QString mysqlTopologySslPrivateKeyFile;
    bool mysqlTopologySslSkipVerify = false;
    bool mysqlTopologyUseMutualTls = false;
    // TLS configured but the server offers none: plain session (true) or refuse (false).
    // orchestrator defaults this to true; Topograph refuses unless asked (DESIGN §11).
    bool mysqlTopologyUseMixedTls = false;
    // Let the client library send a password in clear when a server asks (PAM, LDAP). Off:
    // such servers are refused (ClientAuthPlugins).
    bool mysqlEnableCleartextPlugin = false;
    int mysqlConnectTimeoutSeconds = 2;
    int mysqlDiscoveryReadTimeoutSeconds = 10;
    int mysqlTopologyReadTimeoutSeconds = 30; // operations: one statement, never a wait
    int defaultInstancePort = 3306;

    // Backend store.
    QString backendDb = QStringLiteral("sqlite");
    QString sqlite3DataFile; // empty: the user's data directory
    QString mysqlOrchestratorHost = QStringLiteral("127.0.0.1");
    int mysqlOrchestratorPort = 3306;
    QString mysqlOrchestratorDatabase = QStringLiteral("orchestrator");
    QString mysqlOrchestratorUser;
    QString mysqlOrchestratorPassword;
    QString mysqlOrchestratorCredentialsConfigFile;
    QString mysqlOrchestratorSslCaFile;
    QString mysqlOrchestratorSslCertFile;
    QString mysqlOrchestratorSslPrivateKeyFile;
    bool mysqlOrchestratorSslSkipVerify = false;
    bool mysqlOrchestratorUseMutualTls = false;

    // Discovery, polling, names.
    int instancePollSeconds = 5;
    // Who keeps the backend's instance rows fresh: "auto" polls unless an orchestrator service
    // is active on this backend (its active_node and node_health rows are recent), and then
    // reads orchestrator's rows; "always" polls anyway; "never" only reads the backend.
    QString backendPolling = QStringLiteral("auto");
    bool discoverByShowSlaveHosts = false;
    QString hostnameResolveMethod = QStringLiteral("default");
    QString mysqlHostnameResolveMethod = QStringLiteral("@@hostname");
    int expiryHostnameResolvesMinutes = 60;
    int unseenInstanceForgetHours = 240;
    QString detectClusterAliasQuery;
    QHash<QString, QString> clusterNameToAlias;
    // Regular expressions matched against "host:port": a key that matches is never discovered,
    // polled or written (orchestrator's DiscoveryIgnoreHostnameFilters).
    QStringList discoveryIgnoreHostnameFilters;

    // Lag and operations.
    QString replicationLagQuery;
    int lagSampleMilliseconds = 1000; // how often the lag sampler reads every instance in view
    QString heartbeatTable = QStringLiteral("heartbeat.heartbeat"); // pt-heartbeat's; empty: none
    bool heartbeatUtc = true; // pt-heartbeat --utc: ts is UTC, else the server's local time
    int lagHistoryDays = 7; // persisted lag history (coarse); 0 keeps none
    int reasonableReplicationLagSeconds = 10;
    int reasonableMaintenanceReplicationLagSeconds = 20;
    int maintenanceExpireMinutes = 10;
    bool readOnly = false;

    // Replication analysis (orchestrator's keys and defaults).
    bool reduceReplicationAnalysisCount = true; // leave out instances with nothing to report
    bool recoverNonWriteableMaster = false; // report NoWriteableMaster
    // Regular expressions matched against "host:port": matching instances are never offered for
    // promotion (orchestrator's RecoveryIgnoreHostnameFilters).
    QStringList recoveryIgnoreHostnameFilters;

    // Promotion candidates: where an instance lives, and for how long a registration holds.
    QString detectDataCenterQuery;
    QString dataCenterPattern;
    QString detectRegionQuery;
    QString regionPattern;
    QString detectPhysicalEnvironmentQuery;
    QString physicalEnvironmentPattern;
    QString detectPromotionRuleQuery;
    int candidateInstanceExpireMinutes = 60;
    bool preventCrossDataCenterMasterFailover = false;
    bool preventCrossRegionMasterFailover = false;

    // Where this configuration was read from; empty when built from defaults.
    QString sourcePath;
};

} // namespace topograph
