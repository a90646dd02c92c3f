#include "resolve/discoveryfilter.h"

#include "config/configwriter.h"

using namespace Qt::StringLiterals;

namespace topograph {

DiscoveryFilter::DiscoveryFilter(const QStringList& patterns)
{
    for (const QString& pattern : patterns) {
        QRegularExpression compiled(pattern);
        // ConfigLoader refuses invalid patterns; one set in code that does not compile matches
        // nothing rather than everything.
        if (compiled.isValid()) {
            m_patterns << compiled;
        }
    }
}

DiscoveryFilter::DiscoveryFilter(const Configuration& config)
    : DiscoveryFilter(config.discoveryIgnoreHostnameFilters)
{ }

bool DiscoveryFilter::ignores(const InstanceKey& key) const
{
    if (m_patterns.isEmpty()) {
        return false;
    }
    const QString code = key.toString();
    for (const QRegularExpression& pattern : m_patterns) {
        if (pattern.match(code).hasMatch()) {
            return true;
        }
    }
    return false;
}

QString DiscoveryFilter::exactPattern(const InstanceKey& key)
{
    return u"^"_s + QRegularExpression::escape(key.toString()) + u"$"_s;
}

Result<bool> DiscoveryFilter::addAndSave(Configuration& config, const InstanceKey& key)
{
    if (config.readOnly) {
        return makeError(ErrorCode::Refused,
            u"read-only mode: cannot add %1 to DiscoveryIgnoreHostnameFilters"_s.arg(
                key.toString()));
    }
    if (config.sourcePath.isEmpty()) {
        return makeError(ErrorCode::ConfigError,
            u"cannot add %1 to DiscoveryIgnoreHostnameFilters: the configuration was not read "
            "from a file"_s.arg(key.toString()));
    }
    if (DiscoveryFilter(config).ignores(key)) {
        return false;
    }
    Configuration changed = config;
    changed.discoveryIgnoreHostnameFilters << exactPattern(key);
    if (auto saved = ConfigWriter::save(changed, changed.sourcePath, false); !saved) {
        return saved.error();
    }
    config = changed;
    return true;
}

} // namespace topograph
