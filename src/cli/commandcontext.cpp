#include "commandcontext.h"

#include <algorithm>

#include "backend/adminactions.h"
#include "backend/instancestore.h"
#include "logging.h"
#include "ops/operationjournal.h"

using namespace Qt::StringLiterals;

namespace topograph {

CommandContext::CommandContext(
    const CliArguments& arguments, const Configuration& configuration, QTextStream& stream)
    : args(arguments)
    , config(configuration)
    , out(stream)
{ }

CommandContext::~CommandContext() = default;

Result<Backend*> CommandContext::backend(Backend::OpenMode mode)
{
    if (!m_backend) {
        auto opened = Backend::open(config, mode);
        if (!opened) {
            return opened.error();
        }
        m_backend = std::move(opened).value();
        reportUnfinished();
    }
    return m_backend.get();
}

void CommandContext::reportUnfinished() const
{
    // The commands that deal with them print them themselves.
    if (args.command == u"unfinished-operations"_s || args.command == u"recover-unfinished"_s) {
        return;
    }
    auto found = OperationJournal(*m_backend).unfinished();
    if (!found) {
        qCWarning(lcCli).noquote()
            << "cannot look for unfinished operations:" << found.error().message;
        return;
    }
    QTextStream err(stderr);
    for (const UnfinishedOperation& op : *found) {
        if (!op.stillRunning) {
            err << "topograph-cli: WARNING: unfinished operation: " << op.describe()
                << " To restart the replication it left stopped: topograph-cli -c "
                   "recover-unfinished\n";
        }
    }
}

Result<InstanceKey> CommandContext::instanceKey() const
{
    if (args.instance.isEmpty()) {
        return makeError(ErrorCode::InvalidInput, u"-c %1 needs -i HOST:PORT"_s.arg(args.command));
    }
    return InstanceKey::parse(args.instance, static_cast<quint16>(config.defaultInstancePort));
}

Result<InstanceKey> CommandContext::destinationKey() const
{
    if (args.destination.isEmpty()) {
        return makeError(ErrorCode::InvalidInput, u"-c %1 needs -d HOST:PORT"_s.arg(args.command));
    }
    return InstanceKey::parse(args.destination, static_cast<quint16>(config.defaultInstancePort));
}

Result<InstanceRecord> CommandContext::knownInstance(const InstanceKey& key)
{
    auto db = backend();
    if (!db) {
        return db.error();
    }
    auto record = InstanceStore(**db).read(key);
    if (!record) {
        return record.error();
    }
    if (!*record) {
        return notFound(key);
    }
    return **record;
}

Result<InstanceRecord> CommandContext::knownInstance()
{
    auto key = instanceKey();
    if (!key) {
        return key.error();
    }
    return knownInstance(*key);
}

Result<QList<InstanceRecord>> CommandContext::clusterOf(const InstanceRecord& record)
{
    auto db = backend();
    if (!db) {
        return db.error();
    }
    return InstanceStore(**db).readCluster(record.clusterName);
}

Result<void> CommandContext::requireMutationsAllowed() const
{
    if (config.readOnly || args.readOnly) {
        return makeError(ErrorCode::Refused,
            u"-c %1 changes state, and Topograph runs read-only (%2)"_s.arg(args.command,
                args.readOnly ? u"--read-only"_s : u"ReadOnly in the configuration"_s));
    }
    return {};
}

Result<InstanceKey> CommandContext::instanceToChange() const
{
    if (auto allowed = requireMutationsAllowed(); !allowed) {
        return allowed.error();
    }
    return instanceKey();
}

QString CommandContext::owner() const
{
    return args.owner.isEmpty() ? AdminActions::defaultOwner() : args.owner;
}

void CommandContext::printKeys(const QList<InstanceKey>& keys)
{
    QList<InstanceKey> sorted = keys;
    std::sort(sorted.begin(), sorted.end());
    for (const InstanceKey& key : sorted) {
        out << key.toString() << '\n';
    }
}

} // namespace topograph
