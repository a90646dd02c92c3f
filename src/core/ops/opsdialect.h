#pragma once

#include <QString>

#include "ops/plan.h"
#include "probe/instancerecord.h"

namespace topograph {

// How a replica is positioned by GTID on its new master.
enum class GtidPositioning {
    MariaDbSlavePos, // MASTER_USE_GTID=slave_pos: what this replica has replicated
    MariaDbCurrentPos, // MASTER_USE_GTID=current_pos: also counts its own binlog's transactions
    MySqlAutoPosition, // MASTER_AUTO_POSITION=1 / SOURCE_AUTO_POSITION=1
};

// The replication statements a plan runs, spelled for one server (DESIGN §5: code outside a
// dialect never spells SQL that differs between flavours). Boundaries that matter here:
//   MariaDB (every version)  STOP/START SLAVE, CHANGE MASTER TO MASTER_*, MASTER_USE_GTID
//   MySQL < 8.0.22           same words, MASTER_AUTO_POSITION=1
//   MySQL 8.0.22             STOP/START REPLICA, SHOW REPLICA STATUS (CHANGE MASTER still)
//   MySQL 8.0.23+ and 8.4    CHANGE REPLICATION SOURCE TO SOURCE_*, UNTIL SOURCE_LOG_FILE
//                            (8.4 removed the MASTER/SLAVE forms altogether)
// None of these statements carries credentials: the server keeps MASTER_USER/MASTER_PASSWORD
// across CHANGE MASTER when they are not given.
class OpsDialect final
{
public:
    static OpsDialect forRecord(const InstanceRecord& record);

    Flavor flavor() const { return m_flavor; }

    QString stopReplica() const;
    QString startReplica() const;
    QString startUntil(const CoordinateRef& until) const;
    // Polled by the executor while it waits for a START SLAVE UNTIL to arrive.
    QString replicaStatus() const;
    // hostLiteral: already validated and quoted (SqlIdentifiers::hostLiteral).
    QString changeMasterAt(const QString& hostLiteral, quint16 port, const CoordinateRef& at) const;
    // At a position known when planning; fileLiteral is already validated and quoted.
    QString changeMasterAtPosition(
        const QString& hostLiteral, quint16 port, const QString& fileLiteral, qint64 pos) const;
    QString changeMasterGtid(
        const QString& hostLiteral, quint16 port, GtidPositioning positioning) const;
    QString setReadOnly(bool on) const;
    // "MASTER_USE_GTID=slave_pos", "SOURCE_AUTO_POSITION=1", ...: for plan descriptions.
    QString gtidOption(GtidPositioning positioning) const;

private:
    Flavor m_flavor = Flavor::Unknown;
    bool m_replicaWords = false; // MySQL 8.0.22+: START/STOP REPLICA, SHOW REPLICA STATUS
    bool m_sourceWords = false; // MySQL 8.0.23+: CHANGE REPLICATION SOURCE TO SOURCE_*

    QString changeMasterPrefix(const QString& hostLiteral, quint16 port) const;
};

} // namespace topograph
