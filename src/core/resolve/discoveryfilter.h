#pragma once

#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include "config/configuration.h"
#include "instancekey.h"
#include "result.h"

namespace topograph {

// orchestrator's DiscoveryIgnoreHostnameFilters: regular expressions searched in an instance's
// "host:port". A key that matches is never discovered, polled or written (DESIGN §6: a host a DBA
// forgot and asked to ignore stays away). Cheap to copy; patterns are compiled once.
class DiscoveryFilter final
{
public:
    DiscoveryFilter() = default;
    explicit DiscoveryFilter(const QStringList& patterns);
    explicit DiscoveryFilter(const Configuration& config);

    bool ignores(const InstanceKey& key) const;
    bool isEmpty() const { return m_patterns.isEmpty(); }

    // The pattern that matches exactly this key and nothing else ("^db1\.x:3306$").
    static QString exactPattern(const InstanceKey& key);

    // "Forget and ignore": adds key's exact pattern to config (unless a filter already ignores
    // it) and saves config to its sourcePath (orchestrator's key, other keys of the file kept).
    // Refused in read-only mode and for a configuration that was not read from a file.
    // Returns whether a pattern was added.
    static Result<bool> addAndSave(Configuration& config, const InstanceKey& key);

private:
    QList<QRegularExpression> m_patterns;
};

} // namespace topograph
