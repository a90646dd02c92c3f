#pragma once

#include <QDateTime>
#include <QList>

#include "backend/resolvestore.h"
#include "probe/instancerecord.h"
#include "topology/ghostcluster.h"
#include "topology/instancestatus.h"

namespace topograph {

// Finds ghost clusters (DESIGN §6) in the known instances, a pure function of the records, the
// resolve cache and the time; cheap enough to run on every poll snapshot. A cluster is a ghost
// when its master (the record the cluster is named after):
//  - is missing (a cluster named after a master nobody knows), or is a placeholder never validly
//    checked (no last_seen: it never answered; a live master that is down now was seen before);
//  - has a "ghost name": its host is the bare form of a known instance's FQDN in another cluster
//    (pc1008 next to pc1008.eqiad.wmnet, same port), or what a hostname_resolve entry resolved to
//    when that entry asked for a known instance's name or resolved an FQDN to its prefix;
// or when the cluster is a lone replica of a master no row is known for.
class GhostDetector final
{
public:
    static QList<GhostCluster> detect(const QList<InstanceRecord>& records,
        const QList<ResolveEntry>& resolves, const QDateTime& now,
        const InstanceStatus::Thresholds& thresholds);
};

} // namespace topograph
