// Promotion candidates: registering a rule, and the choices orchestrator makes when a master dies.
#include "commands.h"

#include "backend/adminactions.h"
#include "backend/candidatestore.h"
#include "backend/instancestore.h"
#include "ops/operationregistry.h"
#include "promotion/promotedreplacement.h"
#include "promotion/replicaordering.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

Result<ReplicaOrdering> ordering(CommandContext& ctx)
{
    auto db = ctx.backend();
    if (!db) {
        return db.error();
    }
    auto rules = CandidateStore(**db, ctx.config.candidateInstanceExpireMinutes).rules();
    if (!rules) {
        return rules.error();
    }
    return ReplicaOrdering(*rules, ctx.config);
}

// orchestrator's register-candidate: the instance need not be known yet; prints -i.
Result<void> registerCandidate(CommandContext& ctx)
{
    if (auto allowed = ctx.requireMutationsAllowed(); !allowed) {
        return allowed;
    }
    auto key = ctx.instanceKey();
    if (!key) {
        return key.error();
    }
    auto rule = PromotionRules::parseForRegistration(ctx.args.promotionRule);
    if (!rule) {
        return rule.error();
    }
    auto db = ctx.backend();
    if (!db) {
        return db.error();
    }
    auto known = InstanceStore(**db).read(*key);
    if (!known) {
        return known.error();
    }
    const QString cluster = *known ? (*known)->clusterName : QString();
    auto expires = AdminActions(**db).registerCandidate(
        *key, cluster, *rule, ctx.config.candidateInstanceExpireMinutes);
    if (!expires) {
        return expires.error();
    }
    ctx.out << key->toString() << '\n';
    return {};
}

// orchestrator's GetCandidateReplica on the backend's records (no server is touched).
Result<void> candidateReplica(CommandContext& ctx)
{
    auto record = ctx.knownInstance();
    if (!record) {
        return record.error();
    }
    auto order = ordering(ctx);
    if (!order) {
        return order.error();
    }
    auto all = InstanceStore(**ctx.backend()).readAll();
    if (!all) {
        return all.error();
    }
    QList<InstanceRecord> replicas;
    for (const InstanceRecord& r : *all) {
        if (r.masterKey == record->key) {
            replicas << r;
        }
    }
    auto best = order->candidateReplica(record->key, replicas, record->dataCenter);
    if (!best) {
        return best.error();
    }
    ctx.out << best->key.toString() << '\n';
    return {};
}

// -i the dead master, -d the replica promoted in its place: prints the server that should
// replace -d, or -d itself.
Result<void> suggestPromotedReplacement(CommandContext& ctx)
{
    auto deadKey = ctx.instanceKey();
    if (!deadKey) {
        return deadKey.error();
    }
    auto promotedKey = ctx.destinationKey();
    if (!promotedKey) {
        return promotedKey.error();
    }
    auto promoted = ctx.knownInstance(*promotedKey);
    if (!promoted) {
        return promoted.error();
    }
    auto order = ordering(ctx);
    if (!order) {
        return order.error();
    }
    auto cluster = ctx.clusterOf(*promoted);
    if (!cluster) {
        return cluster.error();
    }
    QList<InstanceRecord> instances = *cluster;
    auto dead = InstanceStore(**ctx.backend()).read(*deadKey);
    if (!dead) {
        return dead.error();
    }
    if (*dead && (*dead)->clusterName != promoted->clusterName) {
        instances << **dead; // its location still counts; it is no candidate of this cluster
    }
    const ReplacementSuggestion suggestion
        = PromotedReplacement::suggest(*deadKey, *promoted, instances, *order, ctx.config);
    if (ctx.args.debug) {
        for (const QString& step : suggestion.trail) {
            QTextStream(stderr) << "topograph-cli: " << step << '\n';
        }
    }
    ctx.out << suggestion.replacement.key.toString() << '\n';
    return {};
}

} // namespace

QList<Command> promotionCommands()
{
    const OperationInfo& reg = OperationRegistry::info(Operation::RegisterCandidate);
    return {
        { QString::fromLatin1(reg.cliName), QString::fromUtf8(reg.summary), registerCandidate },
        { u"get-candidate-replica"_s,
            u"Print the replica of -i best placed to replace it (orchestrator's ordering)"_s,
            candidateReplica },
        { u"internal-suggest-promoted-replacement"_s,
            u"Print the server that should replace -d, promoted after -i died (or -d)"_s,
            suggestPromotedReplacement },
    };
}

} // namespace topograph
