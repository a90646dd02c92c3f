// Commands that show one instance and its tree: topology, which-*, status checks.
#include "commands.h"

#include <QHash>

#include <algorithm>

#include "backend/instancestore.h"
#include "backend/tagstore.h"
#include "statusmarks.h"
#include "topology/instancestatus.h"
#include "topology/replicationrules.h"
#include "topology/topologyprinter.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

TopologyPrinter::Options printerOptions(const CommandContext& ctx, TopologyPrinter::Style style)
{
    TopologyPrinter::Options options;
    options.reasonableLagSeconds = ctx.config.reasonableReplicationLagSeconds;
    options.pollSeconds = ctx.config.instancePollSeconds;
    options.style = style;
    return options;
}

// orchestrator's IsReplica(): a master to name, and a position or GTID to replicate from.
bool replicatesFromSomewhere(const InstanceRecord& r)
{
    return r.masterKey && r.masterKey->host != u"_"_s
        && (!r.masterLogFile.isEmpty() || r.usesGtid());
}

// orchestrator's ASCIITopology of the cluster getClusterName finds; for none, an empty line.
Result<void> printTopology(CommandContext& ctx, TopologyPrinter::Style style)
{
    auto name = ctx.figuredClusterName();
    if (!name) {
        return name.error();
    }
    auto cluster = InstanceStore(**ctx.backend()).readCluster(*name);
    if (!cluster) {
        return cluster.error();
    }
    if (cluster->isEmpty()) {
        ctx.out << '\n';
        return {};
    }
    // Drawn from the instance whose master is not in the cluster (its root).
    InstanceKey root = cluster->constFirst().key;
    for (const InstanceRecord& r : std::as_const(*cluster)) {
        const bool masterInCluster = r.masterKey
            && std::any_of(cluster->cbegin(), cluster->cend(),
                [&r](const InstanceRecord& other) { return other.key == *r.masterKey; });
        if (!masterInCluster) {
            root = r.key;
        }
    }
    TopologyPrinter::Options options = printerOptions(ctx, style);
    auto marks = readStatusMarks(**ctx.backend(), *name);
    if (!marks) {
        return marks.error();
    }
    options.marks = *marks;
    if (style == TopologyPrinter::Style::WithTags) {
        auto tags = TagStore(**ctx.backend()).all();
        if (!tags) {
            return tags.error();
        }
        for (const InstanceRecord& r : std::as_const(*cluster)) {
            options.instanceTags.insert(r.key, {});
        }
        for (const InstanceTag& tag : *tags) {
            options.instanceTags[tag.key]
                << (tag.value.isEmpty() ? tag.name : tag.name + u'=' + tag.value);
        }
    }
    for (const QString& line : TopologyPrinter::ascii(*cluster, root, options)) {
        ctx.out << line << '\n';
    }
    return {};
}

Result<void> topology(CommandContext& ctx)
{
    return printTopology(ctx, TopologyPrinter::Style::Plain);
}

Result<void> topologyTabulated(CommandContext& ctx)
{
    return printTopology(ctx, TopologyPrinter::Style::Tabulated);
}

Result<void> topologyTags(CommandContext& ctx)
{
    return printTopology(ctx, TopologyPrinter::Style::WithTags);
}

// Prints nothing for an instance without a (valid) master, as orchestrator does.
Result<void> whichMaster(CommandContext& ctx)
{
    auto record = ctx.figuredInstance();
    if (!record) {
        return record.error();
    }
    const auto& master = record->masterKey;
    if (master && master->host != u"_"_s && !master->host.startsWith(u"//"_s)) {
        ctx.out << master->toString() << '\n';
    }
    return {};
}

// The instances that name -i as their master; -i itself need not be known.
Result<void> whichReplicas(CommandContext& ctx)
{
    auto key = ctx.figuredInstanceKey();
    if (!key) {
        return key.error();
    }
    auto all = InstanceStore(**ctx.backend()).readAll();
    if (!all) {
        return all.error();
    }
    for (const InstanceRecord& r : *all) {
        if (r.masterKey == *key) {
            ctx.out << r.key.toString() << '\n';
        }
    }
    return {};
}

// orchestrator's HumanReadableDescription: "[lag,status,version,...]", without the key.
Result<void> instanceStatus(CommandContext& ctx)
{
    auto record = ctx.figuredInstance();
    if (!record) {
        return record.error();
    }
    const InstanceStatus status = InstanceStatus::of(*record, QDateTime::currentDateTimeUtc(),
        { ctx.config.instancePollSeconds, ctx.config.reasonableReplicationLagSeconds });
    auto marks = readStatusMarks(**ctx.backend(), record->clusterName);
    if (!marks) {
        return marks.error();
    }
    QStringList parts { status.lag, status.status };
    parts << TopologyPrinter::orchestratorTokens(*record, status.tags, marks->value(record->key));
    parts.removeAll(QString());
    ctx.out << '[' << parts.join(u',') << "]\n";
    return {};
}

Result<void> isReplicating(CommandContext& ctx)
{
    auto record = ctx.figuredInstance();
    if (!record) {
        return record.error();
    }
    if (replicatesFromSomewhere(*record) && record->isReplicating()) {
        ctx.out << record->key.toString() << '\n';
    }
    return {};
}

// Both thread states stopped (0), as orchestrator reads them; a master has none (-1).
Result<void> isReplicationStopped(CommandContext& ctx)
{
    auto record = ctx.figuredInstance();
    if (!record) {
        return record.error();
    }
    auto rows = (*ctx.backend())
                    ->select(u"SELECT replication_sql_thread_state AS s, "
                             "replication_io_thread_state AS i FROM database_instance "
                             "WHERE hostname = ? AND port = ?"_s,
                        { record->key.host, record->key.port });
    if (!rows) {
        return rows.error();
    }
    if (!rows->isEmpty() && rows->first().value(u"s"_s).toInt() == 0
        && rows->first().value(u"i"_s).toInt() == 0) {
        ctx.out << record->key.toString() << '\n';
    }
    return {};
}

Result<void> canReplicateFrom(CommandContext& ctx)
{
    auto replica = ctx.figuredInstance();
    if (!replica) {
        return replica.error();
    }
    auto destination = ctx.figuredDestinationKey();
    if (!destination) {
        return destination.error();
    }
    auto source = ctx.knownInstance(*destination);
    if (!source) {
        return source.error();
    }
    const Verdict verdict = ReplicationRules::canReplicateFrom(*replica, *source, ctx.config);
    if (verdict.allowed) {
        ctx.out << source->key.toString() << '\n';
    } else {
        QTextStream(stderr) << "topograph-cli: " << verdict.reason << '\n';
    }
    return {};
}

} // namespace

QList<Command> readCommands()
{
    return {
        { u"topology"_s, u"Show the replication tree that holds -i"_s, topology },
        { u"topology-tabulated"_s, u"Show the tree as aligned columns"_s, topologyTabulated },
        { u"topology-tags"_s, u"Show the tree with each instance's tags"_s, topologyTags },
        { u"which-master"_s, u"Print the master of -i (nothing when it has none)"_s, whichMaster },
        { u"which-replicas"_s, u"Print the direct replicas of -i"_s, whichReplicas },
        { u"instance-status"_s, u"Print the status of -i: [lag,status,version,...]"_s,
            instanceStatus },
        { u"is-replicating"_s, u"Print -i when it is a replica with both threads running"_s,
            isReplicating },
        { u"is-replication-stopped"_s, u"Print -i when both its replication threads are stopped"_s,
            isReplicationStopped },
        { u"can-replicate-from"_s,
            u"Print -d when -i could replicate from it (else the reason on stderr)"_s,
            canReplicateFrom },
    };
}

} // namespace topograph
