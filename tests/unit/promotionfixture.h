// Records for the promotion tests: a healthy MariaDB 10.11 replica of m:3306 with binlogs and
// log_slave_updates at one exec position, changed by a lambda.
#pragma once

#include <functional>

#include "probe/instancerecord.h"
#include "promotion/promotionrule.h"

namespace topograph::test {

using namespace Qt::StringLiterals;

using RecordChange = std::function<void(InstanceRecord&)>;

inline InstanceRecord promotionReplica(
    const QString& name, const QString& master = u"m"_s, const RecordChange& change = {})
{
    static quint32 nextServerId = 100;
    InstanceRecord r;
    r.key = *InstanceKey::parse(name, 3306);
    r.reachable = true;
    r.serverId = ++nextServerId;
    r.version = u"10.11.6-MariaDB-log"_s;
    r.logBin = true;
    r.logSlaveUpdates = true;
    r.binlogFormat = u"ROW"_s;
    r.binaryLogFile = u"bin.000001"_s;
    r.binaryLogPos = 4;
    if (!master.isEmpty()) {
        r.masterKey = *InstanceKey::parse(master, 3306);
        r.ioThreadRunning = r.sqlThreadRunning = true;
        r.relayMasterLogFile = u"bin.000010"_s;
        r.execMasterLogPos = 100;
    }
    r.clusterName = u"m:3306"_s;
    r.dataCenter = u"dc1"_s;
    r.region = u"r1"_s;
    r.physicalEnvironment = u"prod"_s;
    if (change) {
        change(r);
    }
    return r;
}

// "host=rule" entries, as the data-driven tests write them.
inline PromotionRuleMap promotionRules(const QStringList& entries)
{
    PromotionRuleMap rules;
    for (const QString& entry : entries) {
        rules.insert(*InstanceKey::parse(entry.section(u'=', 0, 0), 3306),
            *PromotionRules::fromName(entry.section(u'=', 1)));
    }
    return rules;
}

} // namespace topograph::test
