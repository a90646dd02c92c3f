// The hostname resolve cache (orchestrator's "Meta" resolve commands) and forgetting ghost
// clusters (DESIGN §6).
#include "commands.h"

#include <QDnsLookup>
#include <QEventLoop>
#include <QHostAddress>
#include <QTcpSocket>
#include <QTimer>

#include "backend/adminactions.h"
#include "backend/instancestore.h"
#include "backend/resolvestore.h"
#include "backend/unresolvestore.h"
#include "fleet/forgetcluster.h"
#include "ops/operationregistry.h"
#include "resolve/discoveryfilter.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

Result<void> showResolveHosts(CommandContext& ctx)
{
    auto db = ctx.backend();
    if (!db) {
        return db.error();
    }
    // orchestrator prints every row, expired or not: "hostname resolved_hostname".
    auto entries = ResolveStore(**db, ctx.config.expiryHostnameResolvesMinutes).everything();
    if (!entries) {
        return entries.error();
    }
    for (const ResolveEntry& e : *entries) {
        ctx.out << e.hostname << ' ' << e.resolvedHostname << '\n';
    }
    return {};
}

Result<void> showUnresolveHosts(CommandContext& ctx)
{
    auto db = ctx.backend();
    if (!db) {
        return db.error();
    }
    auto entries = UnresolveStore(**db).all();
    if (!entries) {
        return entries.error();
    }
    for (const UnresolveEntry& e : *entries) {
        ctx.out << e.hostname << ' ' << e.unresolvedHostname << '\n';
    }
    return {};
}

Result<void> resetResolveCache(CommandContext& ctx)
{
    auto allowed = ctx.requireMutationsAllowed();
    if (!allowed) {
        return allowed;
    }
    auto db = ctx.backend();
    if (!db) {
        return db.error();
    }
    auto removed = ResolveStore(**db, ctx.config.expiryHostnameResolvesMinutes).reset();
    if (!removed) {
        return removed.error();
    }
    ctx.out << "hostname resolve cache cleared\n";
    return {};
}

// The canonical name of host (its CNAME target), or host itself when it has none or is an
// address; DNS failures leave the name as given, as a lookup without a CNAME record does.
QString canonicalName(const QString& host, int timeoutMs)
{
    if (!QHostAddress(host).isNull()) {
        return host;
    }
    QDnsLookup lookup(QDnsLookup::CNAME, host);
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&lookup, &QDnsLookup::finished, &loop, &QEventLoop::quit);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    lookup.lookup();
    deadline.start(timeoutMs);
    if (!lookup.isFinished()) {
        loop.exec();
    }
    if (!lookup.isFinished() || lookup.error() != QDnsLookup::NoError
        || lookup.canonicalNameRecords().isEmpty()) {
        return host;
    }
    QString name = lookup.canonicalNameRecords().constLast().value();
    while (name.endsWith(u'.')) {
        name.chop(1);
    }
    return name.isEmpty() ? host : name;
}

// orchestrator's -c resolve: a TCP connection to -i must succeed, then -i is printed with its
// host replaced by its canonical name.
Result<void> resolve(CommandContext& ctx)
{
    auto key = ctx.instanceKey();
    if (!key) {
        return key.error();
    }
    const int timeoutMs = ctx.config.mysqlConnectTimeoutSeconds * 1000;
    QTcpSocket socket;
    socket.connectToHost(key->host, key->port);
    if (!socket.waitForConnected(timeoutMs)) {
        return makeError(ErrorCode::ConnectionFailed,
            u"dial tcp %1: %2"_s.arg(key->toString(), socket.errorString()));
    }
    socket.disconnectFromHost();
    InstanceKey resolved = *key;
    resolved.host = canonicalName(key->host, timeoutMs);
    ctx.out << resolved.toString() << '\n';
    return {};
}

Result<void> registerHostnameUnresolve(CommandContext& ctx)
{
    auto allowed = ctx.requireMutationsAllowed();
    auto key = ctx.instanceKey();
    if (!allowed || !key) {
        return !allowed ? allowed : key.error();
    }
    auto db = ctx.backend();
    if (!db) {
        return db.error();
    }
    const UnresolveStore store(**db);
    // As orchestrator does: registering an empty name deregisters.
    if (ctx.args.hostname.isEmpty()) {
        if (auto removed = store.deregister(*key); !removed) {
            return removed.error();
        }
    } else if (auto done = store.registerName(*key, ctx.args.hostname); !done) {
        return done;
    }
    ctx.out << key->toString() << '\n';
    return {};
}

Result<void> deregisterHostnameUnresolve(CommandContext& ctx)
{
    auto allowed = ctx.requireMutationsAllowed();
    auto key = ctx.instanceKey();
    if (!allowed || !key) {
        return !allowed ? allowed : key.error();
    }
    auto db = ctx.backend();
    if (!db) {
        return db.error();
    }
    if (auto removed = UnresolveStore(**db).deregister(*key); !removed) {
        return removed.error();
    }
    ctx.out << key->toString() << '\n';
    return {};
}

// Forgets the cluster of -i when it is a ghost (or with --force), with --ignore also adding its
// instances to DiscoveryIgnoreHostnameFilters; --noop prints what would go.
Result<void> forgetCluster(CommandContext& ctx)
{
    auto allowed = ctx.requireMutationsAllowed();
    auto record = allowed ? ctx.knownInstance() : Result<InstanceRecord>(allowed.error());
    if (!record) {
        return record.error();
    }
    Backend& db = **ctx.backend();
    auto records = InstanceStore(db).readAll();
    if (!records) {
        return records.error();
    }
    auto resolves = ResolveStore(db, ctx.config.expiryHostnameResolvesMinutes).everything();
    if (!resolves) {
        return resolves.error();
    }
    InstanceStatus::Thresholds thresholds;
    thresholds.pollSeconds = ctx.config.instancePollSeconds;
    thresholds.reasonableLagSeconds = ctx.config.reasonableReplicationLagSeconds;
    const auto decision = ForgetClusterPlanner::decide(ForgetClusterPlanner::clusterOf(*record),
        *records, *resolves, QDateTime::currentDateTimeUtc(), thresholds, ctx.args.force);
    if (decision.refusal != ForgetClusterPlanner::Refusal::None) {
        const bool forceable = decision.refusal != ForgetClusterPlanner::Refusal::UnknownCluster;
        return makeError(ErrorCode::Refused,
            decision.message + (forceable ? u" (--force forgets it anyway)"_s : QString()));
    }
    if (ctx.args.noop) {
        ForgetClusterReport plan;
        plan.clusterName = decision.request.clusterName;
        plan.instances = decision.request.keys;
        plan.resolveEntries = decision.request.resolveHostnames;
        ctx.out << "would forget " << plan.clusterName << ": instances";
        for (const InstanceKey& key : plan.instances) {
            ctx.out << ' ' << key.toString();
        }
        ctx.out << "; resolve entries";
        for (const QString& name : plan.resolveEntries) {
            ctx.out << ' ' << name;
        }
        ctx.out << '\n';
        return {};
    }
    if (ctx.args.ignore) {
        Configuration config = ctx.config;
        for (const InstanceKey& key : decision.request.keys) {
            if (auto added = DiscoveryFilter::addAndSave(config, key); !added) {
                return added.error();
            }
        }
    }
    auto report = AdminActions(db).forgetCluster(decision.request);
    if (!report) {
        return report.error();
    }
    ctx.out << report->summary() << '\n';
    return {};
}

} // namespace

QList<Command> resolveCommands()
{
    return {
        { u"show-resolve-hosts"_s,
            u"Show the content of the hostname_resolve table (hostname resolved)"_s,
            showResolveHosts },
        { u"show-unresolve-hosts"_s,
            u"Show the content of the hostname_unresolve table (hostname unresolved)"_s,
            showUnresolveHosts },
        { u"reset-hostname-resolve-cache"_s, u"Clear the hostname resolve cache"_s,
            resetResolveCache },
        { u"resolve"_s, u"Check a TCP connection to -i and print it with its canonical host name"_s,
            resolve },
        { u"register-hostname-unresolve"_s,
            u"Assign -i a virtual (\"unresolved\") name: --hostname NAME"_s,
            registerHostnameUnresolve },
        { u"deregister-hostname-unresolve"_s, u"Remove the virtual name registered for -i"_s,
            deregisterHostnameUnresolve },
        { OperationRegistry::cliName(Operation::ForgetCluster),
            QString::fromUtf8(OperationRegistry::info(Operation::ForgetCluster).summary),
            forgetCluster },
    };
}

} // namespace topograph
