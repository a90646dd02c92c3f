#include "config/configfields.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

constexpr int kMaxPort = 65535;

// The keys Topograph understands. Anything else in the file is ignored.
const ConfigField kConfigFields[] = {
    { u"MySQLTopologyUser", &Configuration::mysqlTopologyUser },
    { u"MySQLTopologyPassword", &Configuration::mysqlTopologyPassword, nullptr, 0, kNoMaximum,
        true },
    { u"MySQLTopologyCredentialsConfigFile", &Configuration::mysqlTopologyCredentialsConfigFile },
    { u"MySQLTopologySSLCAFile", &Configuration::mysqlTopologySslCaFile },
    { u"MySQLTopologySSLCertFile", &Configuration::mysqlTopologySslCertFile },
    { u"MySQLTopologySSLPrivateKeyFile", &Configuration::mysqlTopologySslPrivateKeyFile },
    { u"MySQLTopologySSLSkipVerify", &Configuration::mysqlTopologySslSkipVerify },
    { u"MySQLTopologyUseMutualTLS", &Configuration::mysqlTopologyUseMutualTls },
    { u"MySQLTopologyUseMixedTLS", &Configuration::mysqlTopologyUseMixedTls },
    { u"MySQLEnableCleartextPlugin", &Configuration::mysqlEnableCleartextPlugin },
    { u"MySQLConnectTimeoutSeconds", &Configuration::mysqlConnectTimeoutSeconds, nullptr, 1 },
    { u"MySQLDiscoveryReadTimeoutSeconds", &Configuration::mysqlDiscoveryReadTimeoutSeconds,
        nullptr, 1 },
    { u"MySQLTopologyReadTimeoutSeconds", &Configuration::mysqlTopologyReadTimeoutSeconds, nullptr,
        1 },
    { u"DefaultInstancePort", &Configuration::defaultInstancePort, nullptr, 1, kMaxPort },
    { u"BackendDB", &Configuration::backendDb, u"sqlite|sqlite3|mysql" },
    { u"SQLite3DataFile", &Configuration::sqlite3DataFile },
    { u"MySQLOrchestratorHost", &Configuration::mysqlOrchestratorHost },
    { u"MySQLOrchestratorPort", &Configuration::mysqlOrchestratorPort, nullptr, 1, kMaxPort },
    { u"MySQLOrchestratorDatabase", &Configuration::mysqlOrchestratorDatabase },
    { u"MySQLOrchestratorUser", &Configuration::mysqlOrchestratorUser },
    { u"MySQLOrchestratorPassword", &Configuration::mysqlOrchestratorPassword, nullptr, 0,
        kNoMaximum, true },
    { u"MySQLOrchestratorCredentialsConfigFile",
        &Configuration::mysqlOrchestratorCredentialsConfigFile },
    { u"MySQLOrchestratorSSLCAFile", &Configuration::mysqlOrchestratorSslCaFile },
    { u"MySQLOrchestratorSSLCertFile", &Configuration::mysqlOrchestratorSslCertFile },
    { u"MySQLOrchestratorSSLPrivateKeyFile", &Configuration::mysqlOrchestratorSslPrivateKeyFile },
    { u"MySQLOrchestratorSSLSkipVerify", &Configuration::mysqlOrchestratorSslSkipVerify },
    { u"MySQLOrchestratorUseMutualTLS", &Configuration::mysqlOrchestratorUseMutualTls },
    { u"InstancePollSeconds", &Configuration::instancePollSeconds, nullptr, 1 },
    { u"BackendPolling", &Configuration::backendPolling, u"auto|always|never" },
    { u"DiscoverByShowSlaveHosts", &Configuration::discoverByShowSlaveHosts },
    { u"HostnameResolveMethod", &Configuration::hostnameResolveMethod, u"none|default|cname|ip" },
    { u"MySQLHostnameResolveMethod", &Configuration::mysqlHostnameResolveMethod,
        u"@@hostname|@@report_host|none" },
    { u"ExpiryHostnameResolvesMinutes", &Configuration::expiryHostnameResolvesMinutes, nullptr, 1 },
    { u"UnseenInstanceForgetHours", &Configuration::unseenInstanceForgetHours, nullptr, 1 },
    { u"DetectClusterAliasQuery", &Configuration::detectClusterAliasQuery },
    { u"ClusterNameToAlias", &Configuration::clusterNameToAlias },
    { u"DiscoveryIgnoreHostnameFilters", &Configuration::discoveryIgnoreHostnameFilters },
    { u"ReplicationLagQuery", &Configuration::replicationLagQuery },
    { u"LagSampleMilliseconds", &Configuration::lagSampleMilliseconds, nullptr, 100, 3600000 },
    { u"HeartbeatTable", &Configuration::heartbeatTable },
    { u"HeartbeatUtc", &Configuration::heartbeatUtc },
    { u"LagHistoryDays", &Configuration::lagHistoryDays, nullptr, 0, 3650 },
    { u"ReasonableReplicationLagSeconds", &Configuration::reasonableReplicationLagSeconds },
    { u"ReasonableMaintenanceReplicationLagSeconds",
        &Configuration::reasonableMaintenanceReplicationLagSeconds },
    { u"MaintenanceExpireMinutes", &Configuration::maintenanceExpireMinutes, nullptr, 1 },
    { u"ReadOnly", &Configuration::readOnly },
    { u"ReduceReplicationAnalysisCount", &Configuration::reduceReplicationAnalysisCount },
    { u"RecoverNonWriteableMaster", &Configuration::recoverNonWriteableMaster },
    { u"RecoveryIgnoreHostnameFilters", &Configuration::recoveryIgnoreHostnameFilters },
    { u"DetectDataCenterQuery", &Configuration::detectDataCenterQuery },
    { u"DataCenterPattern", &Configuration::dataCenterPattern },
    { u"DetectRegionQuery", &Configuration::detectRegionQuery },
    { u"RegionPattern", &Configuration::regionPattern },
    { u"DetectPhysicalEnvironmentQuery", &Configuration::detectPhysicalEnvironmentQuery },
    { u"PhysicalEnvironmentPattern", &Configuration::physicalEnvironmentPattern },
    { u"DetectPromotionRuleQuery", &Configuration::detectPromotionRuleQuery },
    { u"CandidateInstanceExpireMinutes", &Configuration::candidateInstanceExpireMinutes, nullptr,
        1 },
    { u"PreventCrossDataCenterMasterFailover",
        &Configuration::preventCrossDataCenterMasterFailover },
    { u"PreventCrossRegionMasterFailover", &Configuration::preventCrossRegionMasterFailover },
};

} // namespace

std::span<const ConfigField> configFields()
{
    return kConfigFields;
}

} // namespace topograph
