// Sample plans, reports, records and settings for the dialog tests and for the dialog
// screenshots (dialogshots.cpp): plausible values, nothing read from a server.
#pragma once

#include <QWidget>

#include "config/configuration.h"
#include "ops/executor.h"
#include "ops/plan.h"
#include "probe/instancerecord.h"

namespace topograph::test {

using namespace Qt::StringLiterals;

inline InstanceKey key(const QString& text)
{
    return *InstanceKey::parse(text, 3306);
}

// Two steps on two instances, a warning, one instance that stops replicating.
inline Plan samplePlan()
{
    Plan plan;
    plan.operation = Operation::Relocate;
    plan.title = u"relocate db3:3306 below db2:3306"_s;
    plan.method = Method::Gtid;
    plan.methodDetail = u"GTID (MASTER_USE_GTID=slave_pos)"_s;
    PlanStep stop;
    stop.kind = PlanStep::Kind::StopReplica;
    stop.instance = key(u"db3:3306"_s);
    stop.description = u"stop replication on db3:3306"_s;
    stop.sql = { u"STOP SLAVE"_s };
    PlanStep change;
    change.kind = PlanStep::Kind::ChangeMaster;
    change.instance = key(u"db3:3306"_s);
    change.description = u"point db3:3306 at db2:3306 by GTID"_s;
    change.sql = { u"CHANGE MASTER TO MASTER_HOST='db2', MASTER_PORT=3306, "
                   "MASTER_USE_GTID=slave_pos"_s,
        u"START SLAVE"_s };
    change.newMaster = key(u"db2:3306"_s);
    change.gtid = true;
    PlanStep readOnly;
    readOnly.kind = PlanStep::Kind::SetReadOnly;
    readOnly.instance = key(u"db2:3306"_s);
    readOnly.description = u"make db2:3306 read-only"_s;
    readOnly.sql = { u"SET GLOBAL read_only = 1"_s };
    readOnly.readOnly = true;
    plan.steps = { stop, change, readOnly };
    plan.expected = { ExpectedState { key(u"db3:3306"_s), key(u"db2:3306"_s), true, {} } };
    plan.stopsReplication = { key(u"db3:3306"_s) };
    plan.touched = { key(u"db3:3306"_s), key(u"db2:3306"_s) };
    plan.warnings = { u"db2:3306 lags 25 s behind its master"_s };
    return plan;
}

inline ExecutionReport failedReport()
{
    ExecutionReport report;
    report.succeeded = false;
    report.error = u"START SLAVE on db3:3306 failed: Error 1236"_s;
    report.stepsRun = 2;
    report.log = { u"db3:3306: STOP SLAVE"_s, u"db3:3306: CHANGE MASTER TO ..."_s };
    InstanceStanding moved;
    moved.key = key(u"db3:3306"_s);
    moved.reachable = true;
    moved.master = key(u"db2:3306"_s);
    moved.ioRunning = false;
    moved.sqlRunning = true;
    moved.executed = Coordinates { u"db2-bin.000004"_s, 1234 };
    moved.error = u"Got fatal error 1236 from master"_s;
    InstanceStanding gone;
    gone.key = key(u"db2:3306"_s);
    gone.reachable = false;
    gone.error = u"Can't connect to MySQL server"_s;
    report.standings = { moved, gone };
    return report;
}

inline InstanceRecord sampleRecord()
{
    InstanceRecord r;
    r.key = key(u"db3.example.org:3306"_s);
    r.reachable = true;
    r.lastChecked = r.lastSeen = QDateTime::currentDateTimeUtc();
    r.flavor = Flavor::MariaDB;
    r.serverId = 3;
    r.version = u"10.11.6-MariaDB-log"_s;
    r.versionComment = u"Debian 12"_s;
    r.uptimeSeconds = 86400 * 12 + 3600 * 5;
    r.readOnly = true;
    r.logBin = r.logSlaveUpdates = true;
    r.binlogFormat = u"ROW"_s;
    r.binlogRowImage = u"FULL"_s;
    r.binaryLogFile = u"db3-bin.000012"_s;
    r.binaryLogPos = 884213;
    r.masterKey = key(u"db1.example.org:3306"_s);
    r.ioThreadRunning = r.sqlThreadRunning = true;
    r.masterLogFile = r.relayMasterLogFile = u"db1-bin.000044"_s;
    r.readMasterLogPos = r.execMasterLogPos = 1029384;
    r.relayLogFile = u"db3-relay.000002"_s;
    r.relayLogPos = 5521;
    r.secondsBehindMaster = 0;
    r.replicationLagSeconds = 1;
    r.usingGtid = u"Slave_Pos"_s;
    r.gtidCurrentPos = r.gtidSlavePos = u"0-1-88231,1-17-4410,2-3-19"_s;
    r.gtidBinlogPos = u"0-1-88231"_s;
    r.replicaKeys = { key(u"db5.example.org:3306"_s), key(u"db6.example.org:3306"_s) };
    r.clusterName = u"db1.example.org:3306"_s;
    r.dataCenter = u"eqiad"_s;
    r.replicationDepth = 1;
    return r;
}

inline Configuration editedConfiguration()
{
    Configuration c;
    c.mysqlTopologyUser = u"topo"_s;
    c.mysqlTopologyPassword = u"pw-in-memory"_s;
    c.mysqlTopologyCredentialsConfigFile = u"/etc/mysql/topo.cnf"_s;
    c.mysqlTopologySslCaFile = u"/etc/ssl/ca.pem"_s;
    c.mysqlTopologySslCertFile = u"/etc/ssl/client.pem"_s;
    c.mysqlTopologySslPrivateKeyFile = u"/etc/ssl/client.key"_s;
    c.mysqlTopologySslSkipVerify = true;
    c.mysqlTopologyUseMutualTls = true;
    c.mysqlConnectTimeoutSeconds = 7;
    c.mysqlDiscoveryReadTimeoutSeconds = 11;
    c.mysqlTopologyReadTimeoutSeconds = 45; // no field in the dialog: passes through
    c.defaultInstancePort = 3307;
    c.backendDb = u"sqlite3"_s; // orchestrator's spelling: shown as sqlite, kept as written
    c.sqlite3DataFile = u"/var/lib/topograph/backend.db"_s;
    c.mysqlOrchestratorHost = QString(); // empty, but not used by a SQLite backend
    c.mysqlOrchestratorPort = 3310;
    c.mysqlOrchestratorUser = u"orc"_s;
    c.mysqlOrchestratorPassword = u"orc-pw"_s;
    c.mysqlOrchestratorSslCaFile = u"/etc/ssl/orc-ca.pem"_s;
    c.instancePollSeconds = 100000; // beyond the spin box's usual range
    c.backendPolling = u"always"_s;
    c.discoverByShowSlaveHosts = true;
    c.hostnameResolveMethod = u"cname"_s;
    c.mysqlHostnameResolveMethod = u"@@report_host"_s;
    c.expiryHostnameResolvesMinutes = 13;
    c.unseenInstanceForgetHours = 48;
    c.detectClusterAliasQuery = u"SELECT 1"_s;
    c.clusterNameToAlias = { { u"db1:3306"_s, u"s1"_s } };
    c.replicationLagQuery = u"SELECT lag\nFROM heartbeat.heartbeat"_s;
    c.reasonableReplicationLagSeconds = 0;
    c.reasonableMaintenanceReplicationLagSeconds = 33;
    c.maintenanceExpireMinutes = 90;
    c.readOnly = true;
    c.sourcePath = u"/home/dba/.config/topograph/topograph.conf.json"_s;
    return c;
}

template <typename T> inline T* child(QWidget* parent, const char* name)
{
    T* widget = parent->findChild<T*>(QString::fromLatin1(name));
    Q_ASSERT(widget);
    return widget;
}

} // namespace topograph::test
