#include "promotion/promotionrule.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

struct NamedRule
{
    PromotionRule rule;
    QStringView name;
};

constexpr NamedRule kNames[] = {
    { PromotionRule::Must, u"must" },
    { PromotionRule::Prefer, u"prefer" },
    { PromotionRule::Neutral, u"neutral" },
    { PromotionRule::PreferNot, u"prefer_not" },
    { PromotionRule::MustNot, u"must_not" },
};

} // namespace

QString PromotionRules::name(PromotionRule rule)
{
    for (const NamedRule& named : kNames) {
        if (named.rule == rule) {
            return named.name.toString();
        }
    }
    return u"neutral"_s;
}

std::optional<PromotionRule> PromotionRules::fromName(QStringView name)
{
    const QStringView trimmed = name.trimmed();
    for (const NamedRule& named : kNames) {
        if (named.name == trimmed) {
            return named.rule;
        }
    }
    return std::nullopt;
}

QStringList PromotionRules::registrableNames()
{
    return { u"prefer"_s, u"neutral"_s, u"prefer_not"_s, u"must_not"_s };
}

Result<PromotionRule> PromotionRules::parseForRegistration(const QString& name)
{
    const auto rule = fromName(name);
    if (rule == PromotionRule::Must) {
        return makeError(ErrorCode::InvalidInput,
            u"promotion rule \"must\" is not supported yet (as in orchestrator); use one of: %1"_s
                .arg(registrableNames().join(u", "_s)));
    }
    if (!rule) {
        return makeError(ErrorCode::InvalidInput,
            u"invalid promotion rule \"%1\"; use one of: %2"_s.arg(
                name, registrableNames().join(u", "_s)));
    }
    return *rule;
}

} // namespace topograph
