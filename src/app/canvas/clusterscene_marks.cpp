// ClusterScene: what is drawn on the cards besides their records (fake lag, ghost clusters,
// replication analysis, promotion rules, lag sparklines), kept for cards made later.
#include "canvas/clusterscene.h"

#include "canvas/nodeitem.h"
#include "canvas/topologyitems.h"

namespace topograph {

void ClusterScene::setFakeLag(const QSet<InstanceKey>& keys)
{
    m_fakeLag = keys;
    for (NodeItem* node : m_items->nodes()) {
        node->setFakeLag(keys.contains(node->key()));
    }
}

void ClusterScene::setGhosts(const QHash<InstanceKey, QString>& reasons)
{
    if (reasons == m_ghosts) {
        return;
    }
    m_ghosts = reasons;
    for (NodeItem* node : m_items->nodes()) {
        node->setGhostReason(reasons.value(node->key()));
    }
}

void ClusterScene::setAnalysis(const QHash<InstanceKey, QStringList>& findings)
{
    if (findings == m_analysis) {
        return;
    }
    m_analysis = findings;
    for (NodeItem* node : m_items->nodes()) {
        node->setAnalysis(findings.value(node->key()));
    }
}

void ClusterScene::setPromotionRules(const PromotionRuleMap& rules)
{
    if (rules == m_promotionRules) {
        return;
    }
    m_promotionRules = rules;
    for (NodeItem* node : m_items->nodes()) {
        applyPromotionRule(node);
    }
}

void ClusterScene::applyPromotionRule(NodeItem* node) const
{
    const auto found = m_promotionRules.constFind(node->key());
    node->setPromotionRule(found == m_promotionRules.cend()
            ? std::nullopt
            : std::optional<PromotionRule>(found.value()));
}

void ClusterScene::setSparklines(const QHash<InstanceKey, CardPainter::Sparkline>& sparklines)
{
    for (auto it = sparklines.cbegin(); it != sparklines.cend(); ++it) {
        if (NodeItem* node = m_items->node(it.key())) {
            node->setSparkline(it.value());
        }
    }
}

} // namespace topograph
