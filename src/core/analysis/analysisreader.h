#pragma once

#include <QDateTime>

#include "analysis/analysisinput.h"
#include "result.h"

namespace topograph {

class Backend;

// Loads what the replication analysis reads from the backend (SQLite or MySQL): every
// database_instance row, hostname_resolve, active maintenance and downtime rows, and stale binlog
// coordinates. Plain SELECTs without dialect differences; the comparisons (NULL timestamps,
// LIKE, downtime ends) are left to the pure analyzer.
class AnalysisReader final
{
public:
    explicit AnalysisReader(const Backend& backend);

    Result<AnalysisInput> read(const QDateTime& now) const;

private:
    Result<void> readInstances(AnalysisInput& input) const;
    Result<void> readSideTables(AnalysisInput& input) const;

    const Backend& m_backend;
};

} // namespace topograph
