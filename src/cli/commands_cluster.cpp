// Commands about whole clusters: the list, aliases, members, master, lag, search.
#include "commands.h"

#include <QMap>

#include <algorithm>

#include "backend/clusteraliasstore.h"
#include "backend/instancestore.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

// The cluster -i belongs to, or the one -alias names.
Result<QList<InstanceRecord>> selectedCluster(CommandContext& ctx)
{
    if (ctx.args.instance.isEmpty() && !ctx.args.alias.isEmpty()) {
        auto db = ctx.backend();
        if (!db) {
            return db.error();
        }
        auto name = ClusterAliasStore(**db, ctx.config).clusterFor(ctx.args.alias);
        if (!name) {
            return name.error();
        }
        return InstanceStore(**db).readCluster(*name);
    }
    auto record = ctx.knownInstance();
    if (!record) {
        return record.error();
    }
    return ctx.clusterOf(*record);
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
    for (const QString& name : names->keys()) {
        ctx.out << name << '\n';
    }
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

Result<void> whichClusterMaster(CommandContext& ctx)
{
    auto cluster = selectedCluster(ctx);
    if (!cluster) {
        return cluster.error();
    }
    for (const InstanceRecord& r : *cluster) {
        if (r.key.toString() == r.clusterName) {
            ctx.out << r.key.toString() << '\n';
            return {};
        }
    }
    return makeError(ErrorCode::NotFound, u"the cluster's master is not known"_s);
}

// The cluster's worst replication lag: what a runbook waits on before a change.
Result<void> clusterHeuristicLag(CommandContext& ctx)
{
    auto cluster = selectedCluster(ctx);
    if (!cluster) {
        return cluster.error();
    }
    qint64 worst = 0;
    for (const InstanceRecord& r : *cluster) {
        if (r.isReplica()) {
            worst = std::max(worst, r.replicationLagSeconds.value_or(0));
        }
    }
    ctx.out << worst << '\n';
    return {};
}

Result<void> search(CommandContext& ctx)
{
    const QString pattern = ctx.args.instance.isEmpty() ? ctx.args.pattern : ctx.args.instance;
    if (pattern.isEmpty()) {
        return makeError(ErrorCode::InvalidInput, u"-c search needs -i TEXT (part of a name)"_s);
    }
    auto db = ctx.backend();
    if (!db) {
        return db.error();
    }
    auto all = InstanceStore(**db).readAll();
    if (!all) {
        return all.error();
    }
    QList<InstanceKey> found;
    for (const InstanceRecord& r : *all) {
        if (r.key.toString().contains(pattern, Qt::CaseInsensitive)) {
            found << r.key;
        }
    }
    ctx.printKeys(found);
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
        { u"get-cluster-heuristic-lag"_s, u"Print the largest replica lag in the cluster of -i"_s,
            clusterHeuristicLag },
        { u"search"_s, u"List the instances whose name holds -i TEXT"_s, search },
    };
}

} // namespace topograph
