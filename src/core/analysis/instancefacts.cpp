#include "analysis/instancefacts.h"

#include <QSet>

#include <utility>

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

// orchestrator's "last_checked <= last_seen": NULL (unknown) when either is missing.
bool checkedNoLaterThanSeen(const AnalysisInstance& i)
{
    return i.lastChecked.isValid() && i.lastSeen.isValid() && i.lastChecked <= i.lastSeen;
}

// LIKE '%error %connecting to master%' (LIKE ignores case on both backends).
bool failsToConnect(const AnalysisInstance& i)
{
    if (i.slaveIoRunning || !i.slaveSqlRunning) {
        return false;
    }
    const qsizetype error = i.lastIoError.indexOf(u"error "_s, 0, Qt::CaseInsensitive);
    return error >= 0
        && i.lastIoError.indexOf(u"connecting to master"_s, error + 6, Qt::CaseInsensitive) >= 0;
}

bool downtimed(const AnalysisInput& input, const InstanceKey& key)
{
    const auto end = input.downtimeEnds.constFind(key);
    // A NULL end counts as "now", which is not after now: no downtime.
    return end != input.downtimeEnds.cend() && end->isValid() && *end > input.now;
}

bool sameFormat(const QString& format, QLatin1StringView wanted)
{
    return format.compare(wanted, Qt::CaseInsensitive) == 0;
}

void ownFacts(InstanceFacts& f, const AnalysisInstance& i, const AnalysisInput& input,
    const AnalysisSettings& settings)
{
    f.key = i.key;
    f.masterKey = InstanceKey { i.masterHost, static_cast<quint16>(i.masterPort) };
    f.clusterName = i.clusterName;
    const bool noMaster = i.masterHost.isEmpty() || i.masterHost == u"_"_s || i.masterPort == 0
        || i.masterHost.startsWith(u"//"_s);
    f.isMaster = noMaster
        && (i.replicationGroupName.isEmpty() || i.replicationGroupMemberRole == u"PRIMARY"_s);
    f.isReplicationGroupMember
        = !i.replicationGroupName.isEmpty() && i.replicationGroupMemberState != u"OFFLINE"_s;
    f.isCoMaster = i.isCoMaster;
    f.isClusterMaster = i.key.toString() == i.clusterName;

    // Valid: checked no later than last seen, and the last attempt came within a poll interval
    // (plus a second) of being seen.
    const qint64 grace = static_cast<qint64>(settings.instancePollSeconds) + 1;
    const bool attemptKnown = i.lastAttemptedCheck.isValid() && i.lastSeen.isValid();
    const bool attemptInTime = attemptKnown && i.lastAttemptedCheck <= i.lastSeen.addSecs(grace);
    f.lastCheckValid = checkedNoLaterThanSeen(i) && attemptInTime;
    const bool checkedKnown = i.lastChecked.isValid() && i.lastSeen.isValid();
    f.lastCheckKnownInvalid
        = (checkedKnown && i.lastChecked > i.lastSeen) || (attemptKnown && !attemptInTime);

    f.lastCheckPartialSuccess = i.lastCheckPartialSuccess;
    f.isReadOnly = i.readOnly;
    f.isFailingToConnectToMaster = failsToConnect(i);
    f.isDowntimed = downtimed(input, i.key);
    f.isBinlogServer = i.binlogServer;
    f.replicationDepth = i.replicationDepth;
    f.pseudoGtidImmediateTopology = i.pseudoGtid;
    f.semiSyncMasterEnabled = i.semiSyncMasterEnabled;
    f.semiSyncMasterStatus = i.semiSyncMasterStatus;
    f.semiSyncMasterWaitForReplicaCount = i.semiSyncMasterWaitForReplicaCount;
    f.semiSyncMasterClients = i.semiSyncMasterClients;
    f.gtidMode = i.gtidMode;

    const auto stale = input.staleCoordinates.constFind(i.key);
    f.isStaleBinlogCoordinates = stale != input.staleCoordinates.cend()
        && stale->file == i.binaryLogFile && stale->pos == i.binaryLogPos
        && stale->firstSeen.isValid()
        && stale->firstSeen < input.now.addSecs(-settings.reasonableReplicationLagSeconds);
}

void replicaFacts(InstanceFacts& f, const QList<int>& replicas, const AnalysisInput& input,
    const AnalysisSettings& settings)
{
    int validOracle = 0;
    int validMariaDb = 0;
    int validBinlogServers = 0;
    bool anyGtidMode = false;
    QSet<QString> majorVersions;
    for (int index : replicas) {
        const AnalysisInstance& r = input.instances.at(index);
        ++f.countReplicas;
        const bool valid = checkedNoLaterThanSeen(r);
        if (valid) {
            ++f.countValidReplicas;
            f.countValidReplicatingReplicas += r.slaveIoRunning && r.slaveSqlRunning ? 1 : 0;
            f.countReplicasFailingToConnectToMaster += failsToConnect(r) ? 1 : 0;
            validOracle += r.oracleGtid ? 1 : 0;
            validMariaDb += r.mariadbGtid ? 1 : 0;
            validBinlogServers += r.binlogServer ? 1 : 0;
        }
        const bool replicaDowntimed = downtimed(input, r.key);
        f.countDowntimedReplicas += replicaDowntimed ? 1 : 0;
        f.isCoMaster = f.isCoMaster || r.isCoMaster;
        f.countSemiSyncReplicas += r.semiSyncReplicaEnabled ? 1 : 0;
        if (r.logBin && r.logSlaveUpdates) {
            ++f.countLoggingReplicas;
            f.countStatementBasedLoggingReplicas += sameFormat(r.binlogFormat, "STATEMENT"_L1);
            f.countMixedBasedLoggingReplicas += sameFormat(r.binlogFormat, "MIXED"_L1);
            f.countRowBasedLoggingReplicas += sameFormat(r.binlogFormat, "ROW"_L1);
            majorVersions.insert(r.majorVersion);
        }
        f.countDelayedReplicas += r.sqlDelay > 0 ? 1 : 0;
        f.countLaggingReplicas
            += r.slaveLagSeconds && *r.slaveLagSeconds > settings.reasonableReplicationLagSeconds
            ? 1
            : 0;
        if (!anyGtidMode || r.gtidMode < f.minReplicaGtidMode) {
            f.minReplicaGtidMode = r.gtidMode;
        }
        if (!anyGtidMode || r.gtidMode > f.maxReplicaGtidMode) {
            f.maxReplicaGtidMode = r.gtidMode;
        }
        anyGtidMode = true;
        f.hasErrantReplica = f.hasErrantReplica || (!replicaDowntimed && !r.gtidErrant.isEmpty());
    }
    f.countDistinctMajorVersionsLoggingReplicas = static_cast<int>(majorVersions.size());
    const bool anyValid = f.countValidReplicas > 0;
    f.oracleGtidImmediateTopology = anyValid && validOracle == f.countValidReplicas;
    f.mariaDbGtidImmediateTopology = anyValid && validMariaDb == f.countValidReplicas;
    f.binlogServerImmediateTopology = anyValid && validBinlogServers == f.countValidReplicas;
}

} // namespace

QList<InstanceFacts> aggregateFacts(const AnalysisInput& input, const AnalysisSettings& settings)
{
    // Replicas by the master they name: one pass, then one lookup per instance.
    QHash<std::pair<QString, int>, QList<int>> byMaster;
    byMaster.reserve(input.instances.size());
    for (int index = 0; index < input.instances.size(); ++index) {
        const AnalysisInstance& i = input.instances.at(index);
        byMaster[{ i.masterHost, i.masterPort }].append(index);
    }
    QList<InstanceFacts> facts;
    facts.reserve(input.instances.size());
    for (const AnalysisInstance& i : input.instances) {
        if (input.inMaintenance.contains(i.key)) {
            continue;
        }
        InstanceFacts f;
        ownFacts(f, i, input, settings);
        // Replicas name the master as resolved (hostname_resolve), else as recorded.
        const QString host = input.resolvedHostnames.value(i.key.host, i.key.host);
        const auto replicas = byMaster.constFind({ host, static_cast<int>(i.key.port) });
        if (replicas != byMaster.cend()) {
            replicaFacts(f, *replicas, input, settings);
        }
        facts << f;
    }
    return facts;
}

bool worthAnalysing(const InstanceFacts& f)
{
    return f.lastCheckKnownInvalid || f.countReplicasFailingToConnectToMaster > 0
        || f.countValidReplicas < f.countReplicas
        || f.countValidReplicatingReplicas < f.countReplicas || f.isFailingToConnectToMaster
        || f.countReplicas > 0;
}

} // namespace topograph
