// Discovery, forgetting, maintenance and the backend's schema.
#include "commands.h"

#include <algorithm>

#include "backend/adminactions.h"
#include "backend/auditstore.h"
#include "backend/instancestore.h"
#include "backend/maintenancestore.h"
#include "backend/resolvestore.h"
#include "backend/topologywriter.h"
#include "discovery/discoverer.h"
#include "fleet/fleetengine.h"
#include "fleet/freshnesswatch.h"
#include "ops/operationregistry.h"
#include "resolve/hostnameresolver.h"
#include "stopsignal.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

// Keeps polling every known instance of the discovered topology (and what the answers name) until
// Ctrl-C, on the same FleetEngine as the app's; each round and each failed write goes to stderr.
// Like the app, it leaves the polling to a running orchestrator service (BackendPolling: auto).
Result<void> pollForever(
    const CommandContext& ctx, Backend& backend, const QList<InstanceRecord>& records)
{
    FleetEngine engine(ctx.config, backend, static_cast<int>(records.size()), 2);
    QList<InstanceKey> keys;
    for (const InstanceRecord& r : records) {
        keys << r.key;
    }
    engine.setKeys(keys);
    QObject::connect(&engine, &FleetEngine::failed, &engine, [](const QString& message) {
        QTextStream(stderr) << "topograph-cli: " << message << '\n';
    });
    QObject::connect(
        &engine, &FleetEngine::pollStateChanged, &engine, [&engine, last = quint64(0)]() mutable {
            const PollState state = engine.pollState();
            if (state.round != last) {
                last = state.round;
                QTextStream(stderr) << "topograph-cli: poll round " << state.round << ": "
                                    << state.probed << " probed, " << state.unreachable
                                    << " unreachable, " << state.elapsedMs << " ms\n";
            }
        });
    // BackendPolling: a running orchestrator service may keep the rows fresh instead.
    FreshnessWatch freshness(ctx.config, backend, engine);
    QObject::connect(&freshness, &FreshnessWatch::failed, &engine, [](const QString& message) {
        QTextStream(stderr) << "topograph-cli: " << message << '\n';
    });
    QObject::connect(&freshness, &FreshnessWatch::keeperChanged, &engine, [&freshness] {
        QTextStream err(stderr);
        switch (freshness.keeper()) {
        case FreshnessKeeper::Orchestrator:
            err << "topograph-cli: not polling: orchestrator on " << freshness.keeperNode()
                << " keeps the backend fresh (BackendPolling: always polls anyway)\n";
            break;
        case FreshnessKeeper::Nobody:
            err << "topograph-cli: not polling (BackendPolling: never)\n";
            break;
        case FreshnessKeeper::Topograph:
            break;
        }
    });
    {
        StopSignal stop;
        freshness.start();
        stop.exec();
    }
    if (!engine.stop()) {
        return makeError(ErrorCode::QueryFailed, u"the last poll round could not be written"_s);
    }
    return {};
}

// Probes the topology of -i until it is complete, records it, and prints -i. Host names are
// resolved per HostnameResolveMethod first; resolutions are written to hostname_resolve at once.
Result<void> discover(CommandContext& ctx)
{
    // Discovery writes to the backend that read-only users share: a read-only Topograph only
    // reads what others discovered.
    if (auto allowed = ctx.requireMutationsAllowed(); !allowed) {
        return allowed;
    }
    auto asked = ctx.instanceKey();
    if (!asked) {
        return asked.error();
    }
    auto db = ctx.backend();
    if (!db) {
        return db.error();
    }
    if (auto writable = (*db)->requireWritable(); !writable) {
        return writable;
    }
    HostnameResolver resolver(ctx.config);
    const InstanceKey seed = resolver.resolve(*asked);
    const ResolveStore resolves(**db, ctx.config.expiryHostnameResolvesMinutes);
    if (auto done = resolves.recordDiscovery(resolver.takeNewResolutions(), {}); !done) {
        return done;
    }
    const int timeoutMs = std::max(60, ctx.config.mysqlDiscoveryReadTimeoutSeconds * 6) * 1000;
    QList<std::pair<InstanceKey, QString>> reported;
    auto records = Discoverer::discoverBlocking(
        ctx.config, seed, timeoutMs,
        [&resolver](const InstanceKey& key) { return resolver.resolve(key); }, &reported);
    if (!records) {
        return records.error();
    }
    // Names that resolved differently, and servers that call themselves something else than
    // the name they were reached by: into hostname_resolve, before anything else can fail.
    if (auto done = resolves.recordDiscovery(resolver.takeNewResolutions(), reported); !done) {
        return done;
    }
    if (auto done = TopologyWriter(**db, ctx.config).record(*records); !done) {
        return done;
    }
    ctx.out << asked->toString() << '\n';
    ctx.out.flush();
    if (ctx.args.poll) {
        return pollForever(ctx, **db, *records);
    }
    return {};
}

Result<void> forget(CommandContext& ctx)
{
    auto key = ctx.instanceToChange();
    if (!key) {
        return key.error();
    }
    auto db = ctx.backend();
    if (!db) {
        return db.error();
    }
    auto existed = AdminActions(**db).forget(*key);
    if (!existed) {
        return existed.error();
    }
    if (!*existed) {
        return makeError(ErrorCode::NotFound, u"unknown instance %1"_s.arg(key->toString()));
    }
    ctx.out << key->toString() << '\n';
    return {};
}

Result<void> beginMaintenance(CommandContext& ctx)
{
    auto allowed = ctx.requireMutationsAllowed();
    auto record = allowed ? ctx.knownInstance() : Result<InstanceRecord>(allowed.error());
    if (!record) {
        return record.error();
    }
    const QString owner = ctx.owner();
    auto lock = AdminActions(**ctx.backend())
                    .beginMaintenance(record->key, record->clusterName, owner, ctx.args.reason,
                        ctx.config.maintenanceExpireMinutes);
    if (!lock) {
        return lock.error();
    }
    ctx.out << record->key.toString() << '\n';
    return {};
}

Result<void> endMaintenance(CommandContext& ctx)
{
    auto key = ctx.instanceToChange();
    if (!key) {
        return key.error();
    }
    auto db = ctx.backend();
    if (!db) {
        return db.error();
    }
    auto ended = AdminActions(**db).endMaintenance(*key);
    if (!ended) {
        return ended.error();
    }
    if (!*ended) {
        return makeError(ErrorCode::NotFound, u"%1 is not in maintenance"_s.arg(key->toString()));
    }
    ctx.out << key->toString() << '\n';
    return {};
}

Result<void> inMaintenance(CommandContext& ctx)
{
    auto key = ctx.figuredInstanceKey();
    if (!key) {
        return key.error();
    }
    auto db = ctx.backend();
    if (!db) {
        return db.error();
    }
    auto lock = MaintenanceStore(**db).active(*key);
    if (!lock) {
        return lock.error();
    }
    if (*lock) {
        ctx.out << key->toString() << '\n';
    }
    return {};
}

Result<void> audit(CommandContext& ctx)
{
    std::optional<InstanceKey> key;
    if (!ctx.args.instance.isEmpty()) {
        auto parsed = ctx.instanceKey();
        if (!parsed) {
            return parsed.error();
        }
        key = *parsed;
    }
    auto db = ctx.backend();
    if (!db) {
        return db.error();
    }
    auto entries = AuditStore(**db).recent(50, key);
    if (!entries) {
        return entries.error();
    }
    for (const AuditEntry& e : *entries) {
        ctx.out << e.when.toString(u"yyyy-MM-dd HH:mm:ss"_s) << '\t' << e.type << '\t'
                << e.key.toString() << '\t' << e.clusterName << '\t' << e.message << '\n';
    }
    return {};
}

Result<void> redeployInternalDb(CommandContext& ctx)
{
    if (auto allowed = ctx.requireMutationsAllowed(); !allowed) {
        return allowed;
    }
    auto db = ctx.backend(Backend::OpenMode::NoMigration);
    if (!db) {
        return db.error();
    }
    return (*db)->deploy();
}

Result<void> upgradeBackend(CommandContext& ctx)
{
    if (auto allowed = ctx.requireMutationsAllowed(); !allowed) {
        return allowed;
    }
    auto db = ctx.backend(Backend::OpenMode::NoMigration);
    if (!db) {
        return db.error();
    }
    const int before = (*db)->schemaVersion();
    if (auto done = (*db)->upgrade(ctx.args.backupFile); !done) {
        return done;
    }
    ctx.out << "backend " << (*db)->description() << ": schema version " << before << " -> "
            << (*db)->schemaVersion() << '\n';
    return {};
}

// A command of the operation registry: its name and help line come from there.
Command registered(Operation operation, std::function<Result<void>(CommandContext&)> run)
{
    const OperationInfo& info = OperationRegistry::info(operation);
    return { QString::fromLatin1(info.cliName), QString::fromUtf8(info.summary), std::move(run) };
}

} // namespace

QList<Command> adminCommands()
{
    return {
        { u"discover"_s,
            u"Probe the topology of -i and record every instance found (--poll: keep polling)"_s,
            discover },
        registered(Operation::Forget, forget),
        registered(Operation::BeginMaintenance, beginMaintenance),
        registered(Operation::EndMaintenance, endMaintenance),
        { u"in-maintenance"_s, u"Print -i when it is in maintenance"_s, inMaintenance },
        { u"audit"_s, u"List the 50 most recent audit rows (of -i, when given)"_s, audit },
        { u"redeploy-internal-db"_s, u"Create the backend tables that are missing"_s,
            redeployInternalDb },
        { u"upgrade-backend"_s, u"Migrate the backend schema (--backup FILE first)"_s,
            upgradeBackend },
    };
}

} // namespace topograph
