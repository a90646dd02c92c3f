#include "backend/topologywriter.h"

#include <QHash>
#include <QSet>

#include <algorithm>

#include "backend/clusteraliasstore.h"
#include "backend/instancestore.h"
#include "resolve/discoveryfilter.h"
#include "topology/clusterassigner.h"

using namespace Qt::StringLiterals;

namespace topograph {

TopologyWriter::TopologyWriter(const Backend& backend, const Configuration& config)
    : m_backend(backend)
    , m_config(config)
{ }

Result<void> TopologyWriter::record(const QList<InstanceRecord>& probed) const
{
    if (auto writable = m_backend.requireWritable(); !writable) {
        return writable;
    }
    const InstanceStore store(m_backend);
    auto stored = store.readAll();
    if (!stored) {
        return stored.error();
    }
    QHash<InstanceKey, qsizetype> index;
    QList<InstanceRecord> all = *stored;
    for (qsizetype i = 0; i < all.size(); ++i) {
        index.insert(all[i].key, i);
    }
    QHash<InstanceKey, QString> clusterBefore;
    for (const InstanceRecord& r : all) {
        clusterBefore.insert(r.key,
            r.clusterName + u'/' + QString::number(r.replicationDepth)
                + (r.isCoMaster ? u"/co"_s : QString()));
    }
    QList<InstanceKey> written;
    QSet<InstanceKey> writtenWhole; // reachable: every column, cluster included
    const DiscoveryFilter ignored(m_config);
    for (const InstanceRecord& fresh : probed) {
        if (ignored.ignores(fresh.key)) {
            continue; // DiscoveryIgnoreHostnameFilters: never written
        }
        const auto at = index.constFind(fresh.key);
        if (fresh.reachable) {
            if (at == index.cend()) {
                index.insert(fresh.key, all.size());
                all.append(fresh);
            } else {
                all[*at] = fresh;
            }
            written << fresh.key;
            writtenWhole.insert(fresh.key);
        } else if (at != index.cend()) {
            InstanceRecord& known = all[*at];
            known.reachable = false;
            known.lastChecked = fresh.lastChecked;
            known.lastAttemptedCheck = fresh.lastAttemptedCheck;
            known.lastCheckPartialSuccess = fresh.lastCheckPartialSuccess;
            written << fresh.key;
        }
    }
    ClusterAssigner::assign(all);
    // Every writer locks rows in the same order (hostname, port), so that two processes sharing
    // a MySQL backend do not deadlock on each other's rows; the statements are all prepared
    // before the transaction starts, which stays short.
    std::sort(written.begin(), written.end());
    written.erase(std::unique(written.begin(), written.end()), written.end());
    QList<InstanceRecord> toWrite;
    for (const InstanceKey& key : written) {
        toWrite << all[index.value(key)];
    }
    QList<InstanceKey> allKeys = index.keys();
    std::sort(allKeys.begin(), allKeys.end());

    return m_backend.transaction([&]() -> Result<void> {
        if (auto done = store.write(toWrite); !done) {
            return done;
        }
        // Rows not probed now may still have moved to another cluster (their master did).
        for (const InstanceKey& key : allKeys) {
            const InstanceRecord& r = all[index.value(key)];
            const QString now = r.clusterName + u'/' + QString::number(r.replicationDepth)
                + (r.isCoMaster ? u"/co"_s : QString());
            if (writtenWhole.contains(r.key) || clusterBefore.value(r.key) == now) {
                continue;
            }
            auto updated = m_backend.exec(u"UPDATE database_instance SET cluster_name = ?, "
                                          "replication_depth = ?, is_co_master = ? "
                                          "WHERE hostname = ? AND port = ?"_s,
                { r.clusterName, r.replicationDepth, r.isCoMaster ? 1 : 0, r.key.host,
                    r.key.port });
            if (!updated) {
                return updated.error();
            }
        }
        // A cluster's detected alias is what its master suggests (DetectClusterAliasQuery).
        const ClusterAliasStore aliases(m_backend, m_config);
        for (const InstanceKey& key : written) {
            const InstanceRecord& r = all[index.value(key)];
            if (r.reachable && r.key.toString() == r.clusterName) {
                if (auto done = aliases.recordDetected(r.clusterName, r.suggestedClusterAlias);
                    !done) {
                    return done;
                }
            }
        }
        return {};
    });
}

} // namespace topograph
