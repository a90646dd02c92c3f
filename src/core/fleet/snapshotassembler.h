#pragma once

#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include "config/configuration.h"
#include "fleet/fleetsnapshot.h"
#include "fleet/problem.h"
#include "result.h"
#include "topology/instancestatus.h"

namespace topograph {

class Backend;
class FleetEngine;

// Reads what the app shows of the fleet from the backend (on the fleet thread) into plain values:
// a whole FleetSnapshot, or a FleetChange of a few keys. The engine's answers not written (a
// read-only viewer) are laid over the rows. One assembler numbers both with one serial and keeps
// each finding's `since` across snapshots.
class SnapshotAssembler final
{
    Q_DECLARE_TR_FUNCTIONS(SnapshotAssembler)

public:
    explicit SnapshotAssembler(Configuration config);

    // Fails only when the instances cannot be read. What cannot be read beside them (aliases,
    // locks, rules, resolve cache, equivalences, analysis) is added to warnings, one sentence
    // each, and left empty; the analysis keeps its last findings instead.
    Result<FleetSnapshot> snapshot(
        Backend& backend, const FleetEngine& engine, QStringList& warnings);
    // The rows of keys as they stand now: changed, or removed when a row is gone.
    Result<FleetChange> change(
        Backend& backend, const FleetEngine& engine, const QList<InstanceKey>& keys);

private:
    InstanceStatus::Thresholds thresholds() const;

    Configuration m_config;
    quint64 m_serial = 0;
    ProblemTracker m_problemTracker;
    QList<Problem> m_problems; // the last analysis read, kept when a later read fails
};

} // namespace topograph
