#include "analysis/analysisinput.h"

#include "config/configuration.h"

namespace topograph {

AnalysisSettings AnalysisSettings::fromConfig(const Configuration& config)
{
    AnalysisSettings settings;
    settings.instancePollSeconds = config.instancePollSeconds;
    settings.reasonableReplicationLagSeconds = config.reasonableReplicationLagSeconds;
    settings.reduceReplicationAnalysisCount = config.reduceReplicationAnalysisCount;
    settings.recoverNonWriteableMaster = config.recoverNonWriteableMaster;
    settings.recoveryIgnoreHostnameFilters = config.recoveryIgnoreHostnameFilters;
    return settings;
}

} // namespace topograph
