#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include "backend/backend.h"
#include "instancekey.h"

namespace topograph {

// What to forget in one step: a cluster's instances and the resolve entries that produced it.
struct ForgetClusterRequest
{
    QString clusterName;
    QList<InstanceKey> keys;
    QStringList resolveHostnames; // hostname_resolve.hostname of the entries to delete
    QString reason; // why (the ghost reason, or "forced"), for the audit row
    bool ghost = false; // GhostDetector found the cluster a ghost (else forgetting was forced)
};

// What forgetting removed, table by table; what the CLI prints and the audit row says.
struct ForgetClusterReport
{
    QString clusterName;
    QList<InstanceKey> instances; // database_instance rows deleted
    int tags = 0;
    int maintenance = 0;
    int candidates = 0;
    int downtimes = 0;
    QStringList resolveEntries; // hostname_resolve rows deleted (their hostname)

    QString summary() const; // one line, for the audit message and the status line
    friend bool operator==(const ForgetClusterReport&, const ForgetClusterReport&) = default;
};

// Forgets a (ghost) cluster in one backend transaction (DESIGN §6): its database_instance rows
// and their tags, maintenance, candidate and downtime rows (in the tables this backend has), and
// the resolve entries that produced it; then ONE audit row listing what went. Either all of it
// happens or none. Refused when the backend cannot be written; the caller refuses read-only mode
// and decides whether the cluster may be forgotten (ghost, or forced).
class ClusterForgetter final
{
public:
    explicit ClusterForgetter(const Backend& backend);

    static constexpr const char* kAuditType = "forget-cluster";

    Result<ForgetClusterReport> forget(const ForgetClusterRequest& request) const;

private:
    Result<int> deleteKeyed(const QString& table, const InstanceKey& key) const;

    const Backend& m_backend;
};

} // namespace topograph

Q_DECLARE_METATYPE(topograph::ForgetClusterReport)
