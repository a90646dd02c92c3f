// Commands that show one instance and its tree: topology, which-*, status checks.
#include "commands.h"

#include <QHash>

#include "backend/instancestore.h"
#include "backend/tagstore.h"
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

Result<void> printTopology(CommandContext& ctx, TopologyPrinter::Style style)
{
    auto record = ctx.knownInstance();
    if (!record) {
        return record.error();
    }
    auto cluster = ctx.clusterOf(*record);
    if (!cluster) {
        return cluster.error();
    }
    TopologyPrinter::Options options = printerOptions(ctx, style);
    if (style == TopologyPrinter::Style::WithTags) {
        auto tags = TagStore(**ctx.backend()).all();
        if (!tags) {
            return tags.error();
        }
        for (const InstanceTag& tag : *tags) {
            options.instanceTags[tag.key] << tag.name + u'=' + tag.value;
        }
    }
    for (const QString& line : TopologyPrinter::ascii(*cluster, record->key, options)) {
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

Result<void> whichMaster(CommandContext& ctx)
{
    auto record = ctx.knownInstance();
    if (!record) {
        return record.error();
    }
    // orchestrator prints the empty key ":0" for an instance without a master.
    ctx.out << (record->masterKey ? record->masterKey->toString() : u":0"_s) << '\n';
    return {};
}

Result<void> whichReplicas(CommandContext& ctx)
{
    auto record = ctx.knownInstance();
    if (!record) {
        return record.error();
    }
    auto all = InstanceStore(**ctx.backend()).readAll();
    if (!all) {
        return all.error();
    }
    QList<InstanceKey> replicas;
    for (const InstanceRecord& r : *all) {
        if (r.masterKey == record->key) {
            replicas << r.key;
        }
    }
    ctx.printKeys(replicas);
    return {};
}

Result<void> instanceStatus(CommandContext& ctx)
{
    auto record = ctx.knownInstance();
    if (!record) {
        return record.error();
    }
    const InstanceStatus status = InstanceStatus::of(*record, QDateTime::currentDateTimeUtc(),
        { ctx.config.instancePollSeconds, ctx.config.reasonableReplicationLagSeconds });
    QStringList parts { status.lag, status.status };
    parts << status.tags;
    ctx.out << record->key.toString() << " [" << parts.join(u',') << "]\n";
    return {};
}

Result<void> isReplicating(CommandContext& ctx)
{
    auto record = ctx.knownInstance();
    if (!record) {
        return record.error();
    }
    if (record->isReplica() && record->isReplicating()) {
        ctx.out << record->key.toString() << '\n';
    }
    return {};
}

Result<void> isReplicationStopped(CommandContext& ctx)
{
    auto record = ctx.knownInstance();
    if (!record) {
        return record.error();
    }
    if (record->isReplica() && record->isReplicationStopped()) {
        ctx.out << record->key.toString() << '\n';
    }
    return {};
}

Result<void> canReplicateFrom(CommandContext& ctx)
{
    auto replica = ctx.knownInstance();
    if (!replica) {
        return replica.error();
    }
    auto destination = ctx.destinationKey();
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
        { u"which-master"_s, u"Print the master of -i (:0 when it has none)"_s, whichMaster },
        { u"which-replicas"_s, u"Print the direct replicas of -i"_s, whichReplicas },
        { u"instance-status"_s, u"Print the status line of -i"_s, instanceStatus },
        { u"is-replicating"_s, u"Print -i when it is a replica with both threads running"_s,
            isReplicating },
        { u"is-replication-stopped"_s, u"Print -i when it is a replica with both threads stopped"_s,
            isReplicationStopped },
        { u"can-replicate-from"_s,
            u"Print -d when -i could replicate from it (else the reason on stderr)"_s,
            canReplicateFrom },
    };
}

} // namespace topograph
