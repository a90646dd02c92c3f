#include "probe/locationsource.h"

using namespace Qt::StringLiterals;

namespace topograph {

QList<LocationSource> LocationSource::fromConfiguration(const Configuration& config)
{
    const struct
    {
        QString InstanceRecord::*field;
        QString what;
        QString pattern;
        QString query;
    } configured[] = {
        { &InstanceRecord::dataCenter, u"data centre"_s, config.dataCenterPattern,
            config.detectDataCenterQuery },
        { &InstanceRecord::region, u"region"_s, config.regionPattern, config.detectRegionQuery },
        { &InstanceRecord::physicalEnvironment, u"physical environment"_s,
            config.physicalEnvironmentPattern, config.detectPhysicalEnvironmentQuery },
    };
    QList<LocationSource> sources;
    for (const auto& c : configured) {
        LocationSource source;
        source.field = c.field;
        source.what = c.what;
        if (!c.pattern.trimmed().isEmpty()) {
            source.pattern = QRegularExpression(c.pattern);
        }
        source.query = c.query.trimmed();
        if ((source.pattern.isValid() && !source.pattern.pattern().isEmpty())
            || !source.query.isEmpty()) {
            sources << source;
        }
    }
    return sources;
}

QString LocationSource::fromHostname(const QRegularExpression& pattern, const QString& hostname)
{
    if (!pattern.isValid() || pattern.pattern().isEmpty()) {
        return {};
    }
    const QRegularExpressionMatch match = pattern.match(hostname);
    return match.hasMatch() && match.lastCapturedIndex() >= 1 ? match.captured(1) : QString();
}

void LocationSource::applyPatterns(const QList<LocationSource>& sources, InstanceRecord& record)
{
    for (const LocationSource& source : sources) {
        const QString value = fromHostname(source.pattern, record.key.host);
        if (!value.isEmpty()) {
            record.*(source.field) = value;
        }
    }
}

} // namespace topograph
