#pragma once

#include <QList>
#include <QSet>

#include "instancekey.h"
#include "ops/positionequivalence.h"

namespace topograph {

// What the planner needs besides records and configuration, decided by its caller.
struct PlannerFlags
{
    // --read-only on the command line (ReadOnly in the configuration is read from there).
    bool readOnly = false;
    // Instances with an active maintenance lock (database_instance_maintenance), taken by
    // someone else: nothing may be planned on them or below them.
    QSet<InstanceKey> maintenanceLocked;
    // How long the executor waits for each START SLAVE UNTIL to arrive.
    int untilTimeoutSeconds = 60;
    // Recorded equivalent positions (master_position_equivalence) that move-equivalent may use:
    // those of the moved replica's current position.
    QList<PositionEquivalence> equivalences;
};

} // namespace topograph
