#pragma once

#include <QString>
#include <QStringList>

#include "result.h"

namespace topograph {

// orchestrator's command line: Go-style flags with one or two dashes, values after a space or '='
// (-c topology, --c=topology, -i host:port, --config FILE, --debug, --noop, ...).
struct CliArguments
{
    QString command;
    QString instance;
    QString destination;
    QString configPath;
    QString pattern;
    QString alias;
    QString reason;
    QString owner;
    QString tag;
    QString backupFile;
    QString hostname; // --hostname (register-hostname-unresolve)
    QString duration; // --duration (begin-downtime): 30, 90s, 10m, 2h, 1d
    QString promotionRule = QStringLiteral("prefer"); // --promotion-rule (register-candidate)
    bool debug = false;
    bool stack = false;
    bool noop = false;
    bool readOnly = false;
    bool version = false;
    bool help = false;
    bool poll = false;
    bool watch = false;
    bool force = false; // --force (forget-cluster on a cluster that is not a ghost)
    bool ignore = false; // --ignore (forget-cluster: also add to DiscoveryIgnoreHostnameFilters)

    static Result<CliArguments> parse(const QStringList& arguments); // without argv[0]
};

} // namespace topograph
