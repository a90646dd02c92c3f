#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QStringList>

#include "probe/instancerecord.h"
#include "topology/instancestatus.h"

namespace topograph {

// Formats a topology as orchestrator's `-c topology` family prints it: the root master first, each
// replica indented two spaces below its master, "+ " for a replicating replica and "- " for one
// that is not (or that was not checked recently), then the instance's status:
//   topology:            key [lag,status,version,ro|rw,format|nobinlog,>>,GTID,...]
//   topology-tabulated:  key|lag|status|version|ro|format|extras (columns padded, lag
//   right-aligned)
//   topology-tags:       like topology, followed by " [tag,name=value,...]" (instanceTags, as
//   given; "[]" for an instance without tags)
class TopologyPrinter final
{
public:
    enum class Style {
        Plain,
        Tabulated,
        WithTags,
    };

    struct Options
    {
        int reasonableLagSeconds = 10;
        int pollSeconds = 5;
        QDateTime now = QDateTime::currentDateTimeUtc();
        Style style = Style::Plain;
        QHash<InstanceKey, QStringList> instanceTags; // for Style::WithTags
    };

    // InstanceStatus::tags without the tokens orchestrator does not print ("delayed").
    static QStringList orchestratorTokens(const QStringList& tags);

    // The tree that holds member; records not connected to it are left out.
    static QStringList ascii(
        const QList<InstanceRecord>& records, const InstanceKey& member, const Options& options);
    static QStringList ascii(const QList<InstanceRecord>& records, const InstanceKey& member)
    {
        return ascii(records, member, Options {});
    }
};

} // namespace topograph
