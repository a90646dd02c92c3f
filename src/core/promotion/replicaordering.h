#pragma once

#include <QList>
#include <QRegularExpression>
#include <QString>

#include "config/configuration.h"
#include "probe/instancerecord.h"
#include "promotion/promotionrule.h"
#include "result.h"

namespace topograph {

// Which replica of a (possibly dead) master is best placed to replace it, by orchestrator's
// rules (GetCandidateReplica): replicas sorted most advanced first, and among replicas at the
// same exec position: logging their replication updates, of the older major version, of the
// less complete binlog format, in the master's data centre, with the better promotion rule.
// The first that can serve the others (valid, binlogs with log_slave_updates, not banned, not of
// a newer major version or a more complete binlog format than most of its siblings) wins.
// Pure: works on records and rules read by the caller.
class ReplicaOrdering final
{
public:
    ReplicaOrdering(PromotionRuleMap rules, const Configuration& config);

    PromotionRule ruleOf(const InstanceKey& key) const;
    // A must_not rule, or a host:port matching RecoveryIgnoreHostnameFilters.
    bool isBanned(const InstanceRecord& record) const;
    // Last check valid, binlogs with log_slave_updates: could serve its siblings as master.
    static bool canServeAsMaster(const InstanceRecord& record);

    // Most suitable first; replicas that tie keep their order (the caller's, by host and port).
    QList<InstanceRecord> sorted(
        QList<InstanceRecord> replicas, const QString& dataCenterHint) const;
    // NotFound when there are no replicas, or none qualifies (both with orchestrator's words).
    Result<InstanceRecord> candidateReplica(const InstanceKey& master,
        const QList<InstanceRecord>& replicas, const QString& dataCenterHint) const;

private:
    PromotionRuleMap m_rules;
    QList<QRegularExpression> m_ignored;
};

} // namespace topograph
