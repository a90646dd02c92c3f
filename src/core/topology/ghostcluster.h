#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include "backend/resolvestore.h"
#include "instancekey.h"

namespace topograph {

// A cluster that exists only because a name failed to match (DESIGN §6), as GhostDetector finds
// it: what to forget, why, and the resolve cache entries that produced it.
struct GhostCluster
{
    QString clusterName;
    QList<InstanceKey> keys; // every instance of the cluster, by key
    QString reason; // for a DBA, translated (context "GhostDetector")
    QList<ResolveEntry> resolveEntries; // hostname_resolve rows naming one of its hosts

    // The names of resolveEntries (hostname_resolve.hostname), for ResolveStore::remove.
    QStringList resolveHostnames() const;
    friend bool operator==(const GhostCluster&, const GhostCluster&) = default;
};

} // namespace topograph

Q_DECLARE_METATYPE(topograph::GhostCluster)
