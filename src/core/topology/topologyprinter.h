#pragma once

#include <QList>
#include <QStringList>

#include "probe/instancerecord.h"

namespace topograph {

// Formats a topology as orchestrator's `-c topology` prints it: the root master first, each
// replica indented two spaces below its master, "+ " for a replicating replica and "- " for one
// that is not, then [lag,status,version,ro|rw,binlog format|nobinlog,>>,GTID].
class TopologyPrinter final
{
public:
    struct Options
    {
        int reasonableLagSeconds = 10;
    };

    // The tree that holds member; records not connected to it are left out.
    static QStringList ascii(
        const QList<InstanceRecord>& records, const InstanceKey& member, const Options& options);
    static QStringList ascii(const QList<InstanceRecord>& records, const InstanceKey& member)
    {
        return ascii(records, member, Options {});
    }
};

} // namespace topograph
