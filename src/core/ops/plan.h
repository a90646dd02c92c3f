#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

#include "instancekey.h"
#include "lag/heartbeatrow.h"
#include "ops/operationregistry.h"
#include "ops/positionequivalence.h"
#include "result.h"

namespace topograph {

// How a plan positions the moved replicas on their new masters (DESIGN §7).
enum class Method {
    Repoint, // same (or a given) master, at the replica's own exec coordinates
    Gtid, // CHANGE MASTER with GTID positioning, no coordinates
    MoveBelow, // file:pos: below a sibling, at the sibling's own binlog coordinates
    MoveUp, // file:pos: below the grandparent, at the old master's exec coordinates
    Chain, // several of the above, planned in full before anything runs
    CoMaster, // file:pos: a top master starts replicating from its replica's own binlog
    Equivalent, // file:pos: at a recorded equivalent position (master_position_equivalence)
    Simple, // one statement: start/stop replication, read_only
};

// Binary log coordinates that only exist at run time. Instances keep replicating until the plan
// stops them, so the planner cannot know these numbers; it names where they come from, and the
// SQL carries placeholders that the executor fills right before it runs the step:
//   '${db2:3306.binlog_file}', ${db2:3306.binlog_pos}: db2's SHOW MASTER STATUS File, Position
//   '${db2:3306.exec_file}', ${db2:3306.exec_pos}: its Relay_Master_Log_File, Exec_Master_Log_Pos
// (the quotes around a file placeholder are part of it: PlanStep::resolvedSql replaces the whole
// quoted token with a validated, quoted literal). Each plan stops the instance it reads before
// reading it, so the values are stable from the first step that reads them until it restarts;
// the one exception, make-co-master, reads a moving position on purpose (see planner_roles.cpp).
struct CoordinateRef
{
    enum class Source {
        None,
        OwnBinlog, // the instance's own binary log: SHOW MASTER STATUS
        Exec, // what the instance has executed of its master's binlog: SHOW SLAVE STATUS
    };

    InstanceKey instance;
    Source source = Source::None;

    bool isSet() const { return source != Source::None; }
    QString filePlaceholder() const; // "${db2:3306.binlog_file}" (without quotes)
    QString posPlaceholder() const; // "${db2:3306.binlog_pos}"

    friend bool operator==(const CoordinateRef&, const CoordinateRef&) = default;
};

struct PlanStep
{
    enum class Kind {
        StopReplica,
        StartReplica,
        // START SLAVE UNTIL `coordinates` (read from coordinates.instance at run time).
        StartUntil,
        // Wait (at most timeoutSeconds) until `instance` has executed up to `coordinates`:
        // poll the replica status statement in `sql` and compare Relay_Master_Log_File /
        // Exec_Master_Log_Pos. Done at once when already there; failed when the SQL thread
        // stops with an error or the timeout passes.
        WaitUntil,
        // CHANGE MASTER to `newMaster`, by GTID (`gtid`) or at `coordinates`.
        ChangeMaster,
        SetReadOnly,
        // SET SESSION sql_log_bin=0, DELETE the stale heartbeat rows, sql_log_bin=1: one session.
        DeleteHeartbeatRows,
        // Check, with the replica status statement in `sql`, that `instance` (stopped) still
        // replicates from masterBefore and has executed exactly up to `executedAt`; fails, and
        // so ends the plan before anything changes, when it has moved on.
        CheckExecuted,
    };

    Kind kind = Kind::StopReplica;
    InstanceKey instance; // where the SQL runs
    QString description; // for a DBA: what and why
    QStringList sql; // exactly what runs on `instance`, placeholders filled (see CoordinateRef)
    CoordinateRef coordinates; // StartUntil, WaitUntil, file:pos ChangeMaster
    std::optional<InstanceKey> newMaster; // ChangeMaster
    // ChangeMaster: the master the instance must still have when the step runs (std::nullopt:
    // not a replica). The executor re-reads it right before the statement and refuses when the
    // topology changed since the plan was made.
    std::optional<InstanceKey> masterBefore;
    bool checksMasterBefore = false;
    bool gtid = false; // ChangeMaster positions by GTID
    // Run this step only when, at run time, `instance` has executed less of the common master's
    // binlog than *onlyIfBehind has (both are stopped replicas of the same master). Used to let
    // whichever of two siblings is behind catch up with the other; otherwise the step is skipped.
    std::optional<InstanceKey> onlyIfBehind;
    int timeoutSeconds = 0; // WaitUntil
    QString group; // heading of the sub-operation this step belongs to (multi-part plans)
    bool readOnly = false; // SetReadOnly: the value it sets
    BinlogPosition executedAt; // CheckExecuted

    // `sql` with the coordinate placeholders replaced by the values read at run time. The file
    // name is validated and quoted (SqlIdentifiers); InvalidInput when it is not a binlog name.
    Result<QStringList> resolvedSql(const QString& file, qint64 pos) const;
};

// What heartbeat-clean leaves in the heartbeat table of the instance it runs on.
struct HeartbeatCleanup
{
    QString table; // its name as configured, for messages
    QString selectRows; // HeartbeatTable::selectRows(): how to read it again
    QList<HeartbeatRow> deleted; // the stale rows, as read when planning: gone afterwards
    std::optional<quint32> kept; // the current primary's row, there when planning: still there
};

// What the plan should leave behind, checked by re-probing after execution.
struct ExpectedState
{
    InstanceKey instance;
    std::optional<InstanceKey> master; // std::nullopt: not a replica
    bool replicating = true; // both replication threads run
    std::optional<bool> readOnly; // when the plan sets it
    // false: the plan does not touch replication, which is left as it is found (then master
    // and replicating are not checked).
    bool replicationChecked = true;
    std::optional<HeartbeatCleanup> heartbeat = std::nullopt;
};

struct Plan
{
    Operation operation = Operation::Relocate;
    QString title; // "relocate db3:3306 below db2:3306"
    Method method = Method::Simple;
    QString
        methodDetail; // "GTID (MASTER_USE_GTID=slave_pos)", "binlog file:pos (move below sibling)"
    QList<PlanStep> steps;
    QList<ExpectedState> expected;
    QList<InstanceKey> stopsReplication; // replicating now; the plan stops (and restarts) them
    QList<InstanceKey> touched; // every instance a step runs on
    // The server_id each touched instance had when planned: the executor refuses a connection
    // that reaches another server under the same key.
    QHash<InstanceKey, quint32> serverIds;
    QStringList warnings;

    // Of stopsReplication, those the plan leaves stopped (its expected end state says so, as for
    // stop-replica), and those it restarts.
    QList<InstanceKey> staysStopped() const;
    QList<InstanceKey> restarted() const;

    // The instance its audit row is filed under: the first expected one, else the first touched.
    InstanceKey auditKey() const
    {
        return !expected.isEmpty() ? expected.first().instance
            : touched.isEmpty()    ? InstanceKey {}
                                   : touched.first();
    }

    // One line: title, method and size.
    QString summary() const;
    // The full plan for --noop and the GUI preview: method, numbered steps with their SQL per
    // instance, the instances that stop replicating, warnings and the expected end state.
    // Built only from the fields above, which never hold credentials.
    QString describe() const;
};

QString methodName(Method method);

} // namespace topograph
