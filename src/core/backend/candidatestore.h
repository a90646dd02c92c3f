#pragma once

#include <QDateTime>

#include "backend/backend.h"
#include "instancekey.h"
#include "promotion/promotionrule.h"

namespace topograph {

// orchestrator's candidate_database_instance: one promotion rule per instance, registered at
// last_suggested and honoured for CandidateInstanceExpireMinutes after it. A row without a time
// (written by hand or by a tool that left it empty) counts as current; a row with a rule name
// Topograph does not know is ignored.
class CandidateStore final
{
public:
    CandidateStore(const Backend& backend, int expireMinutes);

    // Inserts or replaces the instance's rule, registered now; answers when it expires.
    Result<QDateTime> registerCandidate(const InstanceKey& key, PromotionRule rule) const;
    // The rules that have not expired at now.
    Result<PromotionRuleMap> rules(const QDateTime& now = QDateTime::currentDateTimeUtc()) const;

private:
    const Backend& m_backend;
    int m_expireMinutes;
};

} // namespace topograph
