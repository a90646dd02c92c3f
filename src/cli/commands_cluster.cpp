// Commands about whole clusters: the list, aliases, members, master, lag, search.
#include "commands.h"

#include <QMap>

#include <algorithm>
#include <tuple>
#include <utility>

#include "backend/clusteraliasstore.h"
#include "backend/instancestore.h"
#include "topology/clusteroscreplicas.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

// The cluster getClusterName finds (-alias, -i, this machine), or none: empty.
Result<QList<InstanceRecord>> selectedCluster(CommandContext& ctx)
{
    auto name = ctx.figuredClusterName();
    if (!name) {
        return name.error();
    }
    return InstanceStore(**ctx.backend()).readCluster(*name);
}

Result<QMap<QString, int>> clusterNames(CommandContext& ctx)
{
    auto db = ctx.backend();
    if (!db) {
        return db.error();
    }
    auto rows = (*db)->select(u"SELECT cluster_name, COUNT(*) AS n FROM database_instance "
                              "WHERE cluster_name <> '' GROUP BY cluster_name"_s);
    if (!rows) {
        return rows.error();
    }
    QMap<QString, int> names;
    for (const SqlRow& row : *rows) {
        names.insert(row.value(u"cluster_name"_s).toString(), row.value(u"n"_s).toInt());
    }
    return names;
}

Result<void> clusters(CommandContext& ctx)
{
    auto names = clusterNames(ctx);
    if (!names) {
        return names.error();
    }
    // orchestrator prints the names joined by newlines, so no clusters make an empty line.
    ctx.out << names->keys().join(u'\n') << '\n';
    return {};
}

Result<void> clustersAlias(CommandContext& ctx)
{
    auto names = clusterNames(ctx);
    if (!names) {
        return names.error();
    }
    auto aliases = ClusterAliasStore(**ctx.backend(), ctx.config).aliases();
    if (!aliases) {
        return aliases.error();
    }
    for (const QString& name : names->keys()) {
        ctx.out << name << '\t' << aliases->value(name, name) << '\n';
    }
    return {};
}

Result<void> whichClusterInstances(CommandContext& ctx)
{
    auto cluster = selectedCluster(ctx);
    if (!cluster) {
        return cluster.error();
    }
    QList<InstanceKey> keys;
    for (const InstanceRecord& r : *cluster) {
        keys << r.key;
    }
    ctx.printKeys(keys);
    return {};
}

// orchestrator's ReadClusterMaster: a depth-0 instance or a co-master, writable ones first.
Result<void> whichClusterMaster(CommandContext& ctx)
{
    auto name = ctx.figuredClusterName();
    if (!name) {
        return name.error();
    }
    auto cluster = InstanceStore(**ctx.backend()).readCluster(*name);
    if (!cluster) {
        return cluster.error();
    }
    QList<InstanceRecord> masters;
    for (const InstanceRecord& r : std::as_const(*cluster)) {
        if (r.replicationDepth == 0 || r.isCoMaster) {
            masters << r;
        }
    }
    std::stable_sort(masters.begin(), masters.end(), [](const auto& a, const auto& b) {
        return std::pair(a.readOnly, a.replicationDepth)
            < std::pair(b.readOnly, b.replicationDepth);
    });
    if (masters.isEmpty()) {
        return makeError(
            ErrorCode::NotFound, u"No writeable masters found for cluster %1"_s.arg(*name));
    }
    ctx.out << masters.constFirst().key.toString() << '\n';
    return {};
}

// orchestrator's GetClusterHeuristicLag: the largest lag among the cluster's
// pt-online-schema-change control replicas (ClusterOscReplicas), an error when it has none.
Result<void> clusterHeuristicLag(CommandContext& ctx)
{
    auto cluster = selectedCluster(ctx);
    if (!cluster) {
        return cluster.error();
    }
    const QList<InstanceRecord> replicas = ClusterOscReplicas::of(*cluster);
    if (replicas.isEmpty()) {
        return makeError(ErrorCode::NotFound, u"No instances found in GetInstancesMaxLag"_s);
    }
    qint64 worst = 0;
    for (const InstanceRecord& r : replicas) {
        worst = std::max(worst, r.replicationLagSeconds.value_or(0));
    }
    ctx.out << worst << '\n';
    return {};
}

// orchestrator's SearchInstances: -pattern in a host name, cluster name, version, version
// comment, host:port or cluster alias, or equal to a server id or port; shallowest first.
Result<void> search(CommandContext& ctx)
{
    const QString pattern = ctx.args.pattern.trimmed();
    if (pattern.isEmpty()) {
        return makeError(ErrorCode::InvalidInput, u"No pattern given (-c search -pattern TEXT)"_s);
    }
    auto db = ctx.backend();
    if (!db) {
        return db.error();
    }
    auto all = InstanceStore(**db).readAll();
    if (!all) {
        return all.error();
    }
    QList<InstanceRecord> found;
    for (const InstanceRecord& r : *all) {
        const QStringList fields { r.key.host, r.clusterName, r.version, r.versionComment,
            r.key.host + u':' + QString::number(r.key.port), r.suggestedClusterAlias };
        const bool holds = std::any_of(fields.cbegin(), fields.cend(),
            [&pattern](const QString& f) { return f.contains(pattern, Qt::CaseInsensitive); });
        if (holds || QString::number(r.serverId) == pattern
            || QString::number(r.key.port) == pattern) {
            found << r;
        }
    }
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        return std::tuple(a.replicationDepth, -a.replicaKeys.size(), a.clusterName, a.key)
            < std::tuple(b.replicationDepth, -b.replicaKeys.size(), b.clusterName, b.key);
    });
    for (const InstanceRecord& r : std::as_const(found)) {
        ctx.out << r.key.toString() << '\n';
    }
    return {};
}

} // namespace

QList<Command> clusterCommands()
{
    return {
        { u"clusters"_s, u"List the known clusters"_s, clusters },
        { u"clusters-alias"_s, u"List the clusters with their aliases"_s, clustersAlias },
        { u"which-cluster-instances"_s, u"List the instances of the cluster of -i (or -alias)"_s,
            whichClusterInstances },
        { u"which-cluster-master"_s, u"Print the master of the cluster of -i (or -alias)"_s,
            whichClusterMaster },
        { u"get-cluster-heuristic-lag"_s,
            u"Print the cluster's heuristic lag (its largest OSC control replica lag)"_s,
            clusterHeuristicLag },
        { u"search"_s, u"List the instances whose name, version or cluster holds -pattern TEXT"_s,
            search },
    };
}

} // namespace topograph
