#pragma once

#include <QStringList>

namespace topograph {

struct Plan;

// Whether a plan made again from fresh probes, right before it runs, still does what the plan a
// DBA reviewed said it would (issue 12, finding 4: a preview may be minutes old, and the topology
// may have changed since). Compared are what runs and what it should leave behind: the
// operation and its method, every step (kind, instance, SQL, new master, GTID or which
// coordinates, the catch-up condition), the instances whose replication it stops, and the
// expected end state of each instance. Not compared: run-time binlog coordinates (the SQL holds
// placeholders for them, filled when a step runs), the wording of step descriptions, and the
// warnings (they quote ages and lags that change from one probe to the next; the fresh plan
// shows its own).
class PlanComparison final
{
public:
    // One line per difference, for a DBA ("step 2 on db3:3306 is now …; it was …"); empty when
    // the fresh plan may run in place of the previewed one.
    static QStringList differences(const Plan& previewed, const Plan& fresh);
};

} // namespace topograph
