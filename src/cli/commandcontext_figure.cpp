// How orchestrator's command line finds the instance and the cluster a command is about
// (go/app/cli.go: FigureInstanceKey, validateInstanceIsFound, getClusterName).
#include <QHostAddress>
#include <QSysInfo>
#include <QTextStream>

#include <cstdio>

#include "backend/clusteraliasstore.h"
#include "backend/instancestore.h"
#include "commandcontext.h"

using namespace Qt::StringLiterals;

namespace topograph {

InstanceKey CommandContext::thisInstanceKey() const
{
    return InstanceKey { QSysInfo::machineHostName(),
        static_cast<quint16>(config.defaultInstancePort) };
}

// orchestrator prints the key as Go's %+v does, {Hostname:h Port:p}.
Result<InstanceRecord> CommandContext::notFound(const InstanceKey& key) const
{
    const QString assumed
        = args.instance.isEmpty() ? u" (no -i given: assumed this machine)"_s : QString();
    return makeError(ErrorCode::NotFound,
        u"Instance not found: {Hostname:%1 Port:%2}%3; unknown instance %4: discover it first "
        "(-c discover -i %4)"_s.arg(key.host)
            .arg(key.port)
            .arg(assumed, key.toString()));
}

Result<std::optional<InstanceKey>> CommandContext::fuzzyKey(const InstanceKey& key)
{
    QHostAddress address;
    if (key.host.isEmpty()
        || (address.setAddress(key.host) && address.protocol() == QHostAddress::IPv4Protocol)) {
        return std::optional<InstanceKey> {}; // 10.0.0.1 must not find 10.0.0.15
    }
    auto db = backend();
    if (!db) {
        return db.error();
    }
    auto rows = (*db)->select(u"SELECT hostname, port FROM database_instance "
                              "WHERE hostname LIKE ? AND port = ?"_s,
        { QString(u'%' + key.host + u'%'), key.port });
    if (!rows) {
        return rows.error();
    }
    if (rows->size() != 1) {
        return std::optional<InstanceKey> {};
    }
    const SqlRow& row = rows->constFirst();
    InstanceKey found;
    found.host = row.value(u"hostname"_s).toString();
    found.port = static_cast<quint16>(row.value(u"port"_s).toUInt());
    return std::optional<InstanceKey> { found };
}

Result<InstanceKey> CommandContext::figuredInstanceKey()
{
    if (args.instance.isEmpty()) {
        const InstanceKey here = thisInstanceKey();
        if (here.host.isEmpty()) {
            return makeError(ErrorCode::InvalidInput,
                u"Cannot deduce instance: -c %1 needs -i HOST:PORT"_s.arg(args.command));
        }
        return here;
    }
    auto key = instanceKey();
    if (!key) {
        return key.error();
    }
    auto fuzzy = fuzzyKey(*key);
    if (!fuzzy) {
        return fuzzy.error();
    }
    return fuzzy->value_or(*key);
}

Result<InstanceKey> CommandContext::figuredDestinationKey()
{
    auto key = destinationKey();
    if (!key) {
        return key.error();
    }
    auto fuzzy = fuzzyKey(*key);
    if (!fuzzy) {
        return fuzzy.error();
    }
    return fuzzy->value_or(*key);
}

Result<InstanceRecord> CommandContext::figuredInstance()
{
    auto key = figuredInstanceKey();
    if (!key) {
        return key.error();
    }
    return knownInstance(*key);
}

Result<QString> CommandContext::figuredClusterName()
{
    auto db = backend();
    if (!db) {
        return db.error();
    }
    if (!args.alias.isEmpty()) {
        if (auto name = ClusterAliasStore(**db, config).clusterFor(args.alias)) {
            return *name;
        } else if (name.error().code != ErrorCode::NotFound) {
            return name.error();
        }
    }
    QList<InstanceKey> candidates;
    if (!args.instance.isEmpty()) {
        auto key = instanceKey();
        if (!key) {
            return key.error();
        }
        candidates << *key;
        auto fuzzy = fuzzyKey(*key);
        if (!fuzzy) {
            return fuzzy.error();
        }
        if (*fuzzy) {
            candidates << **fuzzy;
        }
    }
    candidates << thisInstanceKey();
    for (const InstanceKey& key : std::as_const(candidates)) {
        auto record = InstanceStore(**db).read(key);
        if (!record) {
            return record.error();
        }
        if (*record) {
            if ((*record)->clusterName.isEmpty()) {
                QTextStream(stderr)
                    << "topograph-cli: ERROR Unable to determine cluster name for "
                    << key.toString() << ", empty cluster name. clusterHint=" << args.alias << '\n';
            }
            return (*record)->clusterName;
        }
    }
    QTextStream(stderr)
        << "topograph-cli: ERROR Unable to determine cluster name. clusterHint=" << args.alias
        << (args.instance.isEmpty() ? QString() : u" (unknown instance "_s + args.instance + u')')
        << '\n';
    return QString();
}

} // namespace topograph
