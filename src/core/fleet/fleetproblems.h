#pragma once

#include <QDateTime>
#include <QList>

#include "fleet/problem.h"
#include "result.h"

namespace topograph {

class Backend;
struct AnalysisEntry;
struct Configuration;

// The replication analysis as the app shows it: reads the backend (AnalysisReader), analyses
// (ReplicationAnalyzer) and turns each entry into Problems, one per failure and one per structure
// warning, with a sentence for a DBA. Runs on the fleet worker's thread; one read and one pass
// over the rows, so 2,000 instances cost a few milliseconds.
class FleetProblems final
{
public:
    static Result<QList<Problem>> read(
        const Backend& backend, const Configuration& config, const QDateTime& now);
    static QList<Problem> fromEntries(const QList<AnalysisEntry>& entries);
};

} // namespace topograph
