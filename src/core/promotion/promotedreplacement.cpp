#include "promotion/promotedreplacement.h"

#include <functional>

#include "topology/replicationrules.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

bool sameSite(const InstanceRecord& a, const InstanceRecord& b)
{
    return a.dataCenter == b.dataCenter && a.physicalEnvironment == b.physicalEnvironment;
}

class Search final
{
public:
    Search(const InstanceKey& deadKey, const InstanceRecord& promoted,
        const QList<InstanceRecord>& cluster, const ReplicaOrdering& ordering,
        const Configuration& config)
        : m_promoted(promoted)
        , m_ordering(ordering)
        , m_config(config)
    {
        for (const InstanceRecord& r : cluster) {
            if (r.key == deadKey) {
                m_dead = r;
            }
            const PromotionRule rule = ordering.ruleOf(r.key);
            if (PromotionRules::isCandidate(rule) && r.key != deadKey) {
                m_candidates << r;
            } else if (rule == PromotionRule::Neutral) {
                m_neutrals << r;
            }
        }
    }

    ReplacementSuggestion run()
    {
        if (m_dead && isCandidate(m_promoted) && sameSite(m_promoted, *m_dead)) {
            return keep(u"%1 is a candidate in the dead master's data centre and environment"_s);
        }
        if (m_dead) {
            pick(
                m_candidates, [&](const InstanceRecord& r) { return sameSite(r, *m_dead); },
                u"candidate in the dead master's data centre and environment"_s);
        }
        if (!m_chosen && isCandidate(m_promoted)) {
            const auto refusal
                = PromotedReplacement::geographicRefusal(m_promoted, m_dead, m_config);
            if (!refusal) {
                return keep(u"%1 is a candidate"_s);
            }
            m_trail << *refusal;
        }
        pick(
            m_candidates, [&](const InstanceRecord& r) { return sameSite(r, m_promoted); },
            u"candidate in the promoted replica's data centre and environment"_s);
        pick(
            m_candidates, [&](const InstanceRecord& r) { return allowedGeographically(r); },
            u"candidate"_s);

        QString keepSearching;
        if (const auto refusal
            = PromotedReplacement::geographicRefusal(m_promoted, m_dead, m_config)) {
            keepSearching = *refusal;
        } else if (m_ordering.ruleOf(m_promoted.key) == PromotionRule::PreferNot) {
            keepSearching = u"%1 has the prefer_not promotion rule"_s.arg(key(m_promoted));
        }
        if (!keepSearching.isEmpty()) {
            m_trail << u"searching neutral servers: "_s + keepSearching;
            if (m_dead) {
                pick(
                    m_neutrals, [&](const InstanceRecord& r) { return sameSite(r, *m_dead); },
                    u"neutral server in the dead master's data centre and environment"_s);
            }
            pick(
                m_neutrals, [&](const InstanceRecord& r) { return sameSite(r, m_promoted); },
                u"neutral server in the promoted replica's data centre and environment"_s);
            pick(
                m_neutrals, [&](const InstanceRecord& r) { return allowedGeographically(r); },
                u"neutral server"_s);
        }
        if (!m_chosen || m_chosen->key == m_promoted.key) {
            return keep(u"found no better server than %1"_s);
        }
        m_trail << u"suggesting %1 over %2"_s.arg(key(*m_chosen), key(m_promoted));
        return { *m_chosen, true, m_trail };
    }

private:
    static QString key(const InstanceRecord& r) { return r.key.toString(); }

    bool isCandidate(const InstanceRecord& r) const
    {
        return PromotionRules::isCandidate(m_ordering.ruleOf(r.key));
    }

    ReplacementSuggestion keep(const QString& why)
    {
        m_trail << why.arg(key(m_promoted));
        return { m_promoted, false, m_trail };
    }

    bool allowedGeographically(const InstanceRecord& r)
    {
        const auto refusal = PromotedReplacement::geographicRefusal(r, m_dead, m_config);
        if (refusal) {
            m_trail << u"skipping %1: %2"_s.arg(key(r), *refusal);
        }
        return !refusal;
    }

    // orchestrator's canTakeOverPromotedServerAsMaster.
    bool canTakeOver(const InstanceRecord& r) const
    {
        return ReplicaOrdering::canServeAsMaster(r) && !m_ordering.isBanned(r)
            && r.masterKey == m_promoted.key
            && ReplicationRules::canReplicateFrom(m_promoted, r, m_config).allowed;
    }

    // Like orchestrator, the last match of a step wins; later steps run only without a match.
    void pick(const QList<InstanceRecord>& pool,
        const std::function<bool(const InstanceRecord&)>& where, const QString& what)
    {
        if (m_chosen) {
            return;
        }
        for (const InstanceRecord& r : pool) {
            if (canTakeOver(r) && where(r)) {
                m_chosen = r;
            }
        }
        if (m_chosen) {
            m_trail << u"picked %1: %2"_s.arg(key(*m_chosen), what);
        }
    }

    const InstanceRecord& m_promoted;
    const ReplicaOrdering& m_ordering;
    const Configuration& m_config;
    std::optional<InstanceRecord> m_dead;
    QList<InstanceRecord> m_candidates;
    QList<InstanceRecord> m_neutrals;
    std::optional<InstanceRecord> m_chosen;
    QStringList m_trail;
};

} // namespace

ReplacementSuggestion PromotedReplacement::suggest(const InstanceKey& deadKey,
    const InstanceRecord& promoted, const QList<InstanceRecord>& cluster,
    const ReplicaOrdering& ordering, const Configuration& config)
{
    return Search(deadKey, promoted, cluster, ordering, config).run();
}

std::optional<QString> PromotedReplacement::geographicRefusal(const InstanceRecord& suggested,
    const std::optional<InstanceRecord>& dead, const Configuration& config)
{
    const QString deadDataCenter = dead ? dead->dataCenter : QString();
    const QString deadRegion = dead ? dead->region : QString();
    if (config.preventCrossDataCenterMasterFailover && suggested.dataCenter != deadDataCenter) {
        return u"PreventCrossDataCenterMasterFailover: will not promote %1 in data centre \"%2\" "
               "when the failed master is in \"%3\""_s.arg(
                   suggested.key.toString(), suggested.dataCenter, deadDataCenter);
    }
    if (config.preventCrossRegionMasterFailover && suggested.region != deadRegion) {
        return u"PreventCrossRegionMasterFailover: will not promote %1 in region \"%2\" when the "
               "failed master is in \"%3\""_s.arg(
                   suggested.key.toString(), suggested.region, deadRegion);
    }
    return std::nullopt;
}

} // namespace topograph
