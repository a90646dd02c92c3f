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
//   topology-tabulated:  key|lag|status|version|ro|format|extras (every column padded,
//   the last one too; lag right-aligned)
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

    // What orchestrator's status line shows from backend columns an InstanceRecord does not keep.
    struct Marks
    {
        bool gtidErrant = false; // gtid_errant set: "GTID" reads "GTID:errant"
        bool semiSyncMaster = false; // semi_sync_master_status: "semi:master"
        bool semiSyncReplica = false; // semi_sync_replica_status: "semi:replica"
        bool downtimed = false; // an active downtime: "downtimed"
    };

    struct Options
    {
        int reasonableLagSeconds = 10;
        int pollSeconds = 5;
        QDateTime now = QDateTime::currentDateTimeUtc();
        Style style = Style::Plain;
        QHash<InstanceKey, QStringList> instanceTags; // for Style::WithTags
        QHash<InstanceKey, Marks> marks;
    };

    // orchestrator's tokens after the status, from InstanceStatus::tags: without "delayed" (which
    // orchestrator does not print), with "GTID" also for a server that supports Oracle GTID, and
    // the marks' tokens.
    static QStringList orchestratorTokens(
        const InstanceRecord& record, const QStringList& tags, const Marks& marks);

    // The tree that holds member; records not connected to it are left out.
    static QStringList ascii(
        const QList<InstanceRecord>& records, const InstanceKey& member, const Options& options);
    static QStringList ascii(const QList<InstanceRecord>& records, const InstanceKey& member)
    {
        return ascii(records, member, Options {});
    }
};

} // namespace topograph
