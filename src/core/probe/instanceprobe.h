#pragma once

#include <QString>

#include <memory>

#include "config/configuration.h"
#include "db/connectionsettings.h"
#include "probe/instancerecord.h"
#include "probe/locationsource.h"

namespace topograph {

class MySqlSession;

// What the server calls itself, per MySQLHostnameResolveMethod (DESIGN §6).
enum class ServerNameMethod {
    None, // "none"
    Hostname, // "@@hostname"
    ReportHost, // "@@report_host"
};

// Where a probe finds the replicas of an instance.
enum class ReplicaListing {
    ShowSlaveHosts, // SHOW SLAVE HOSTS / SHOW REPLICAS: report_host and report_port
    // Binlog dump threads in the processlist: the address the replica connects from, with the
    // configured DefaultInstancePort (the real port cannot be seen there). Several replicas on one
    // host, or replicas not listening on the default port, therefore give wrong keys.
    Processlist,
};

// How to probe, derived once from the configuration.
struct ProbeOptions
{
    ServerNameMethod nameMethod = ServerNameMethod::None;
    ReplicaListing replicaListing = ReplicaListing::ShowSlaveHosts;
    quint16 defaultPort = 3306; // for keys from the processlist
    QString replicationLagQuery; // ReplicationLagQuery: one number, the lag in seconds
    QString detectClusterAliasQuery; // DetectClusterAliasQuery: one string, the cluster's alias
    QString heartbeatQuery; // HeartbeatTable::selectRows(); empty: the table is not read
    QList<LocationSource> locationSources; // data centre, region, physical environment

    static ServerNameMethod parseNameMethod(const QString& configValue);
    static ProbeOptions fromConfiguration(const Configuration& config);
};

struct ProbeResult
{
    InstanceRecord record;
    // @@hostname or @@report_host as the server reports it; empty when the method is none, the
    // variable is unset or the probe failed before reading it.
    QString serverReportedHost;
};

// Reads one instance into an InstanceRecord in one short session, on the calling thread. Never
// fails: an instance that cannot be read comes back with reachable=false, lastError naming it (and
// never the password), lastAttemptedCheck and lastChecked set and lastSeen left invalid. When the
// connection worked but a statement failed (a missing privilege), the record holds what was read
// and lastCheckPartialSuccess is true.
class InstanceProbe final
{
public:
    // Replicas from SHOW SLAVE HOSTS, no server name.
    static InstanceRecord probe(const ConnectionSettings& settings);
    // method is MySQLHostnameResolveMethod's value ("@@hostname", "@@report_host", "none").
    static ProbeResult probeWithName(const ConnectionSettings& settings, const QString& method);
    static ProbeResult probe(const ConnectionSettings& settings, const ProbeOptions& options);

    // For callers that keep connections (probe workers): uses session when it is set, opens it
    // when it is not, and resets it when the connection failed (not after a partial success).
    // A kept session that fails on its first statement (server restarted, connection dropped or
    // left broken by a timeout) is reopened once within this probe.
    static ProbeResult probe(std::unique_ptr<MySqlSession>& session,
        const ConnectionSettings& settings, const ProbeOptions& options);
};

} // namespace topograph
