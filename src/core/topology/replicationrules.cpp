#include "topology/replicationrules.h"

#include <QHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace topograph {

int ReplicationRules::compareVersions(const QString& a, const QString& b)
{
    const QStringList left = a.section(u'-', 0, 0).split(u'.');
    const QStringList right = b.section(u'-', 0, 0).split(u'.');
    for (qsizetype i = 0; i < std::max(left.size(), right.size()); ++i) {
        const int l = left.value(i).toInt();
        const int r = right.value(i).toInt();
        if (l != r) {
            return l < r ? -1 : 1;
        }
    }
    return 0;
}

int ReplicationRules::binlogFormatRank(const QString& format)
{
    const QString f = format.toUpper();
    return f == u"ROW"_s ? 3 : f == u"MIXED"_s ? 2 : f == u"STATEMENT"_s ? 1 : 0;
}

Verdict ReplicationRules::canReplicateFrom(
    const InstanceRecord& replica, const InstanceRecord& source, const Configuration& config)
{
    Q_UNUSED(config)
    const QString r = replica.key.toString();
    const QString s = source.key.toString();
    if (replica.key == source.key) {
        return Verdict::no(u"%1 cannot replicate from itself"_s.arg(r));
    }
    if (replica.serverId != 0 && replica.serverId == source.serverId) {
        return Verdict::no(
            u"%1 and %2 have the same server_id %3"_s.arg(r, s, QString::number(replica.serverId)));
    }
    if (!replica.serverUuid.isEmpty() && replica.serverUuid == source.serverUuid) {
        return Verdict::no(u"%1 and %2 have the same server_uuid"_s.arg(r, s));
    }
    if (!source.logBin) {
        return Verdict::no(u"%1 has no binary log (log_bin is off), so nothing can replicate "
                           "from it"_s.arg(s));
    }
    if (source.isReplica() && !source.logSlaveUpdates) {
        return Verdict::no(u"%1 has no log_slave_updates, so its replicas would miss the changes "
                           "it replicates"_s.arg(s));
    }
    if (compareVersions(replica.majorVersion(), source.majorVersion()) < 0) {
        return Verdict::no(u"%1 runs %2, older than %3 on %4: a replica must not be older than "
                           "its master"_s.arg(r, replica.version, source.version, s));
    }
    if (replica.logBin && replica.logSlaveUpdates
        && binlogFormatRank(replica.binlogFormat) < binlogFormatRank(source.binlogFormat)) {
        return Verdict::no(u"%1 logs %2 but %3 logs %4: a replica that writes its own binary "
                           "log needs a format at least as complete as its master's"_s.arg(
                               r, replica.binlogFormat, s, source.binlogFormat));
    }
    if (source.sqlDelay > replica.sqlDelay) {
        return Verdict::no(u"%1 is delayed by %2 s (SQL_Delay), more than %3"_s.arg(
            s, QString::number(source.sqlDelay), r));
    }
    return Verdict::yes();
}

std::optional<InstanceRecord> ReplicationRules::candidateReplica(
    const QList<InstanceRecord>& replicas, const QHash<InstanceKey, QString>& promotionRules)
{
    QList<InstanceRecord> eligible;
    for (const InstanceRecord& r : replicas) {
        if (r.reachable && r.logBin && r.logSlaveUpdates
            && promotionRules.value(r.key) != u"must_not"_s) {
            eligible << r;
        }
    }
    if (eligible.isEmpty()) {
        return std::nullopt;
    }
    auto rank = [&](const InstanceRecord& r) {
        const QString rule = promotionRules.value(r.key);
        return rule == u"must"_s ? 0 : rule == u"prefer"_s ? 1 : rule == u"prefer_not"_s ? 3 : 2;
    };
    std::sort(
        eligible.begin(), eligible.end(), [&](const InstanceRecord& a, const InstanceRecord& b) {
            const bool aNot = rank(a) == 3;
            const bool bNot = rank(b) == 3;
            if (aNot != bNot) {
                return !aNot;
            }
            if (a.isReplicating() != b.isReplicating()) {
                return a.isReplicating();
            }
            if (a.relayMasterLogFile != b.relayMasterLogFile) {
                return a.relayMasterLogFile > b.relayMasterLogFile;
            }
            if (a.execMasterLogPos != b.execMasterLogPos) {
                return a.execMasterLogPos > b.execMasterLogPos;
            }
            if (rank(a) != rank(b)) {
                return rank(a) < rank(b);
            }
            return a.key < b.key;
        });
    return eligible.first();
}

} // namespace topograph
