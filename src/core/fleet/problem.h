#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include "instancekey.h"

namespace topograph {

// One finding of the replication analysis as the app shows it (problems dock, cluster badges,
// card glyphs): orchestrator's analysis code, where, since when and what it means.
struct Problem
{
    QString code; // orchestrator's name: "DeadMaster", "ErrantGTIDStructureWarning", ...
    InstanceKey key; // the instance the analysis is about
    QString cluster; // its cluster name
    QString description; // one sentence for a DBA
    QDateTime since; // first seen by this app, UTC (kept across snapshots by ProblemTracker)
    bool structureWarning = false; // a warning about the topology's shape, not a failure

    // Same finding: code and key (since and the wording may change).
    bool sameFinding(const Problem& other) const { return code == other.code && key == other.key; }
};

// Keeps, across the fleet worker's snapshots, when each finding (code and key) was first seen:
// a finding that goes away and comes back starts afresh.
class ProblemTracker final
{
public:
    // current: this snapshot's findings without `since`; returns them with it, ordered by
    // cluster, failures before structure warnings, then code and key.
    QList<Problem> update(QList<Problem> current, const QDateTime& now);

private:
    QList<Problem> m_previous;
};

} // namespace topograph
