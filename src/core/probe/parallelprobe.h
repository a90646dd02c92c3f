#pragma once

#include <QList>

#include "db/connectionsettings.h"
#include "probe/instanceprobe.h"

namespace topograph {

// Probes several instances at once, each in a short session of its own on a thread of its own
// (QtSql connections belong to the thread that opened them), and answers when all have answered:
// the time of the slowest probe, not the sum, so a dead host costs one connect timeout in all.
// The caller's thread probes too. Results come in the order of settings.
class ParallelProbe final
{
public:
    static constexpr int maxThreads = 8;

    static QList<ProbeResult> probe(
        const QList<ConnectionSettings>& settings, const ProbeOptions& options);
};

} // namespace topograph
