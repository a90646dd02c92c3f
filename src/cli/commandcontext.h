#pragma once

#include <QList>
#include <QString>
#include <QTextStream>

#include <memory>
#include <optional>

#include "backend/backend.h"
#include "cliarguments.h"
#include "config/configuration.h"
#include "probe/instancerecord.h"
#include "result.h"

namespace topograph {

// What a command works with: its flags, the configuration, stdout, and the backend (opened on
// first use, so that commands that need none work without one).
class CommandContext final
{
public:
    CommandContext(const CliArguments& args, const Configuration& config, QTextStream& out);
    ~CommandContext();
    CommandContext(const CommandContext&) = delete;
    CommandContext& operator=(const CommandContext&) = delete;
    CommandContext(CommandContext&&) = delete;
    CommandContext& operator=(CommandContext&&) = delete;

    const CliArguments& args;
    const Configuration& config;
    QTextStream& out;

    Result<Backend*> backend(Backend::OpenMode mode = Backend::OpenMode::Normal);
    Result<InstanceKey> instanceKey() const; // -i, required
    Result<InstanceKey> destinationKey() const; // -d, required
    // The instance as the backend knows it; "unknown instance" when it does not.
    Result<InstanceRecord> knownInstance(const InstanceKey& key);
    Result<InstanceRecord> knownInstance(); // of -i
    // orchestrator's FigureInstanceKey: -i, or the one instance the backend knows whose host name
    // holds -i's host (same port); without -i, this machine's host name with DefaultInstancePort.
    // (commandcontext_figure.cpp)
    Result<InstanceKey> figuredInstanceKey();
    // The instance figuredInstanceKey() names, which the backend must know ("Instance not found").
    Result<InstanceRecord> figuredInstance();
    // -d, or the one instance the backend knows whose host name holds -d's host (same port).
    Result<InstanceKey> figuredDestinationKey();
    // orchestrator's getClusterName: -alias as a cluster name or alias, else the cluster of -i
    // (exact, then as figuredInstanceKey() widens it), else of this machine. Empty, with
    // orchestrator's "Unable to determine cluster name" on stderr, when none is found.
    Result<QString> figuredClusterName();
    Result<QList<InstanceRecord>> clusterOf(const InstanceRecord& record);
    // Refuses when the configuration or --read-only says so.
    Result<void> requireMutationsAllowed() const;
    // -i, for a command that changes state: refused first when mutations are not allowed.
    Result<InstanceKey> instanceToChange() const;
    // --owner, or the default owner of maintenance locks and downtimes.
    QString owner() const;

    void printKeys(const QList<InstanceKey>& keys);

private:
    // The one known instance whose host name holds key's host, on key's port (not for addresses).
    Result<std::optional<InstanceKey>> fuzzyKey(const InstanceKey& key);
    InstanceKey thisInstanceKey() const;
    Result<InstanceRecord> notFound(const InstanceKey& key) const;

    // On stderr: operations whose "started" audit row was never closed (their process died).
    void reportUnfinished() const;

    std::unique_ptr<Backend> m_backend;
};

} // namespace topograph
