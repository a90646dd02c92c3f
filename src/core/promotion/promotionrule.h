#pragma once

#include <QHash>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

#include "instancekey.h"
#include "result.h"

namespace topograph {

// How much a DBA wants an instance promoted when its master dies (orchestrator's
// candidate_database_instance.promotion_rule), best first. An instance without a row is Neutral.
enum class PromotionRule {
    Must,
    Prefer,
    Neutral,
    PreferNot,
    MustNot,
};

// The promotion rules of a fleet: the unexpired rows of candidate_database_instance.
using PromotionRuleMap = QHash<InstanceKey, PromotionRule>;

// Names, parsing and ranking of promotion rules. orchestrator 3.2.6 reads all five names from
// its table but registers only four: "must" is refused as "not supported yet", and Topograph
// does the same so that both tools agree on what a registration can hold.
class PromotionRules final
{
public:
    static QString name(PromotionRule rule);
    // Any of the five names, as a row may hold them; std::nullopt for anything else.
    static std::optional<PromotionRule> fromName(QStringView name);
    // The rule register-candidate takes; the error lists the valid names.
    static Result<PromotionRule> parseForRegistration(const QString& name);
    static QStringList registrableNames(); // prefer, neutral, prefer_not, must_not
    static bool betterThan(PromotionRule rule, PromotionRule other)
    {
        return static_cast<int>(rule) < static_cast<int>(other);
    }
    // Must and Prefer: orchestrator's "is_candidate".
    static bool isCandidate(PromotionRule rule)
    {
        return rule == PromotionRule::Must || rule == PromotionRule::Prefer;
    }
    static PromotionRule of(const PromotionRuleMap& rules, const InstanceKey& key)
    {
        return rules.value(key, PromotionRule::Neutral);
    }
};

} // namespace topograph

Q_DECLARE_METATYPE(topograph::PromotionRule)
