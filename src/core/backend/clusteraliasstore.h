#pragma once

#include <QHash>
#include <QString>

#include "backend/backend.h"
#include "config/configuration.h"

namespace topograph {

// Cluster aliases in orchestrator's precedence: cluster_alias_override, then the configuration's
// ClusterNameToAlias, then cluster_alias (filled from DetectClusterAliasQuery), then the cluster
// name itself.
class ClusterAliasStore final
{
public:
    ClusterAliasStore(const Backend& backend, const Configuration& config);

    Result<QHash<QString, QString>> aliases() const; // cluster name → alias, where one is set
    Result<QString> aliasOf(const QString& clusterName) const;
    // The cluster whose name or alias is text, or an error naming it.
    Result<QString> clusterFor(const QString& text) const;
    Result<void> recordDetected(const QString& clusterName, const QString& alias) const;

private:
    const Backend& m_backend;
    const Configuration& m_config;
};

} // namespace topograph
