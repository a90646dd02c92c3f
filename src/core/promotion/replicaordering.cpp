#include "promotion/replicaordering.h"

#include <QHash>

#include <algorithm>

#include "topology/replicationrules.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

// orchestrator compares binlog coordinates as (file name, position).
int compareExec(const InstanceRecord& a, const InstanceRecord& b)
{
    if (a.relayMasterLogFile != b.relayMasterLogFile) {
        return a.relayMasterLogFile < b.relayMasterLogFile ? -1 : 1;
    }
    if (a.execMasterLogPos != b.execMasterLogPos) {
        return a.execMasterLogPos < b.execMasterLogPos ? -1 : 1;
    }
    return 0;
}

// The value most replicas share; among equally common ones the smallest, which the others can
// replicate from.
template <typename Less> QString mostCommon(const QStringList& values, Less less)
{
    QHash<QString, int> counts;
    for (const QString& v : values) {
        ++counts[v];
    }
    QString best;
    int bestCount = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > bestCount || (it.value() == bestCount && less(it.key(), best))) {
            best = it.key();
            bestCount = it.value();
        }
    }
    return best;
}

bool smallerVersion(const QString& a, const QString& b)
{
    return ReplicationRules::compareVersions(a, b) < 0;
}

bool smallerFormat(const QString& a, const QString& b)
{
    return ReplicationRules::binlogFormatRank(a) < ReplicationRules::binlogFormatRank(b);
}

} // namespace

ReplicaOrdering::ReplicaOrdering(PromotionRuleMap rules, const Configuration& config)
    : m_rules(std::move(rules))
{
    for (const QString& filter : config.recoveryIgnoreHostnameFilters) {
        QRegularExpression re(filter);
        if (re.isValid()) {
            m_ignored << re;
        }
    }
}

PromotionRule ReplicaOrdering::ruleOf(const InstanceKey& key) const
{
    return PromotionRules::of(m_rules, key);
}

bool ReplicaOrdering::isBanned(const InstanceRecord& record) const
{
    if (ruleOf(record.key) == PromotionRule::MustNot) {
        return true;
    }
    const QString key = record.key.toString();
    return std::any_of(m_ignored.cbegin(), m_ignored.cend(),
        [&key](const QRegularExpression& re) { return re.match(key).hasMatch(); });
}

bool ReplicaOrdering::canServeAsMaster(const InstanceRecord& record)
{
    return record.reachable && record.logBin && record.logSlaveUpdates;
}

QList<InstanceRecord> ReplicaOrdering::sorted(
    QList<InstanceRecord> replicas, const QString& dataCenterHint) const
{
    // Each criterion decides only between replicas at the same exec position, in this order.
    auto better = [&](const InstanceRecord& a, const InstanceRecord& b) {
        if (const int exec = compareExec(a, b); exec != 0) {
            return exec > 0;
        }
        if (a.logSlaveUpdates != b.logSlaveUpdates) {
            return a.logSlaveUpdates;
        }
        if (const int v = ReplicationRules::compareVersions(a.majorVersion(), b.majorVersion());
            v != 0) {
            return v < 0;
        }
        if (const int f = ReplicationRules::binlogFormatRank(a.binlogFormat)
                - ReplicationRules::binlogFormatRank(b.binlogFormat);
            f != 0) {
            return f < 0;
        }
        const bool aLocal = a.dataCenter == dataCenterHint;
        const bool bLocal = b.dataCenter == dataCenterHint;
        if (aLocal != bLocal) {
            return aLocal;
        }
        return PromotionRules::betterThan(ruleOf(a.key), ruleOf(b.key));
    };
    std::stable_sort(replicas.begin(), replicas.end(), better);
    return replicas;
}

Result<InstanceRecord> ReplicaOrdering::candidateReplica(const InstanceKey& master,
    const QList<InstanceRecord>& replicas, const QString& dataCenterHint) const
{
    if (replicas.isEmpty()) {
        return makeError(ErrorCode::NotFound, u"No replicas found for %1"_s.arg(master.toString()));
    }
    const QList<InstanceRecord> ordered = sorted(replicas, dataCenterHint);
    QStringList versions;
    QStringList formats;
    for (const InstanceRecord& r : ordered) {
        versions << r.majorVersion();
        formats << r.binlogFormat;
    }
    const QString priorityVersion = mostCommon(versions, smallerVersion);
    const QString priorityFormat = mostCommon(formats, smallerFormat);
    for (const InstanceRecord& r : ordered) {
        if (canServeAsMaster(r) && !isBanned(r)
            && !smallerVersion(priorityVersion, r.majorVersion())
            && !smallerFormat(priorityFormat, r.binlogFormat)) {
            return r;
        }
    }
    return makeError(ErrorCode::NotFound,
        u"chooseCandidateReplica: no candidate replica found (no replica of %1 is valid, writes "
        "binary logs with log_slave_updates, is not banned by its promotion rule or "
        "RecoveryIgnoreHostnameFilters, and is not newer than most of its siblings)"_s.arg(
            master.toString()));
}

} // namespace topograph
