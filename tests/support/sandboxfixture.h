#pragma once

#include <QList>
#include <QString>

#include <optional>

#include "config/configuration.h"
#include "db/connectionsettings.h"
#include "instancekey.h"
#include "result.h"

namespace topograph::test {

// A running scripts/sandbox, as its directory describes it (sandbox.conf, instances,
// topograph.conf.json). Tests find it through TOPOGRAPH_SANDBOX_GTID / TOPOGRAPH_SANDBOX_FILEPOS,
// which scripts/test sets.
struct SandboxInstance
{
    int number = 0;
    InstanceKey key;
    int master = 0; // instance number of its master, 0 for the primary
};

struct Sandbox
{
    QString dir;
    QString mode; // "gtid" or "filepos"
    bool heartbeat = false;
    QList<SandboxInstance> instances;
    Configuration config;

    static QString envVariable(const QString& mode);
    // The sandbox for mode, or an error saying why there is none (for QSKIP).
    static Result<Sandbox> fromEnvironment(const QString& mode);
    static Result<Sandbox> load(const QString& dir);

    const SandboxInstance& primary() const;
    const SandboxInstance& instance(int number) const;
    int depth(int number) const;
    // The replica with the longest chain to the primary (lowest number on ties).
    const SandboxInstance& deepest() const;
    ConnectionSettings settings(const SandboxInstance& instance) const;
};

} // namespace topograph::test
