// Records and resolve entries for the resolve cache and ghost cluster tests (DESIGN §6): a live
// cluster under FQDNs and the runbook's ghost (pc1008.eqiad.wmnet resolved to "pc1008").
#pragma once

#include <QDateTime>

#include "backend/instancestore.h"
#include "backend/resolvestore.h"
#include "probe/instancerecord.h"
#include "topology/instancestatus.h"

namespace topograph::test {

using namespace Qt::StringLiterals;

inline const QDateTime kGhostNow = QDateTime(QDate(2024, 6, 1), QTime(10, 0, 0), Qt::UTC);
inline const InstanceStatus::Thresholds kGhostThresholds;

inline InstanceKey ghostKey(const QString& text)
{
    return *InstanceKey::parse(text, 3306);
}

// A healthy instance checked a second ago; a replicating replica when master is given.
inline InstanceRecord liveRecord(
    const QString& k, const QString& cluster, const QString& master = {})
{
    InstanceRecord r;
    r.key = ghostKey(k);
    r.clusterName = cluster;
    r.reachable = true;
    r.lastChecked = r.lastSeen = kGhostNow.addSecs(-1);
    r.version = u"10.11.6-MariaDB-log"_s;
    if (!master.isEmpty()) {
        r.masterKey = ghostKey(master);
        r.ioThreadRunning = r.sqlThreadRunning = true;
        r.secondsBehindMaster = 0;
    }
    return r;
}

// A row that was tried but never answered: last_checked set, last_seen never.
inline InstanceRecord placeholder(
    const QString& k, const QString& cluster, const QString& master = {})
{
    InstanceRecord r = liveRecord(k, cluster, master);
    r.reachable = false;
    r.lastSeen = {};
    r.ioThreadRunning = r.sqlThreadRunning = false;
    return r;
}

inline ResolveEntry resolveEntry(const QString& name, const QString& resolved, int ageMinutes = 1)
{
    return { name, resolved, kGhostNow.addSecs(-60 * ageMinutes) };
}

// s1: pc1008.eqiad.wmnet with two replicas; the ghost pc1008:3306 (never checked) with a
// replica pc1008:3307 of its own, both under the bare name.
inline QList<InstanceRecord> runbookFleet()
{
    const QString live = u"pc1008.eqiad.wmnet:3306"_s;
    return { liveRecord(live, live), liveRecord(u"pc1011.eqiad.wmnet:3306"_s, live, live),
        liveRecord(u"pc1012.eqiad.wmnet:3306"_s, live, live),
        placeholder(u"pc1008:3306"_s, u"pc1008:3306"_s),
        placeholder(u"pc1008:3307"_s, u"pc1008:3306"_s, u"pc1008:3306"_s) };
}

// Writes records as rows, placeholders included (InstanceStore writes a failed probe only onto a
// row that exists): each is written whole, then a never-seen one loses its last_seen.
inline Result<void> writeRows(const Backend& backend, const QList<InstanceRecord>& records)
{
    for (InstanceRecord r : records) {
        const bool seen = r.lastSeen.isValid();
        r.reachable = true;
        if (!seen) {
            r.lastSeen = r.lastChecked;
        }
        if (auto done = InstanceStore(backend).write({ r }); !done) {
            return done;
        }
        if (!seen) {
            auto cleared = backend.exec(
                u"UPDATE database_instance SET last_seen = NULL WHERE hostname = ? AND port = ?"_s,
                { r.key.host, r.key.port });
            if (!cleared) {
                return cleared.error();
            }
        }
    }
    return {};
}

} // namespace topograph::test
