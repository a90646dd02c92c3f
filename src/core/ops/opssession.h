#pragma once

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

#include "db/mysqlsession.h"
#include "lag/heartbeatrow.h"
#include "ops/opsdialect.h"
#include "probe/dialect.h"
#include "probe/instancerecord.h"

namespace topograph {

// Binary log coordinates: a file and a position in it.
struct Coordinates
{
    QString file;
    qint64 pos = 0;

    // Compares as MySQL does: by file sequence number, then position.
    friend bool operator<(const Coordinates& a, const Coordinates& b);
    bool isValid() const { return !file.isEmpty(); }
    QString toString() const { return file + u':' + QString::number(pos); }
};

// A replica's threads as the server reports them, for recovery and its verification: the IO
// thread's own word ("Yes", "Connecting", "No") and the pending START SLAVE UNTIL condition.
struct ReplicaThreads
{
    bool isReplica = false; // the replica status had a row
    std::optional<InstanceKey> master;
    QString ioState; // Slave_IO_Running: "Yes", "Connecting" or "No"
    bool sqlRunning = false;
    QString untilCondition; // "None" when no UNTIL is pending
    Coordinates executed;
    QString lastIoError;
    QString lastSqlError;

    bool ioRunning() const { return ioState == u"Yes" || ioState == u"Connecting"; }
    bool ioConnected() const { return ioState == u"Yes"; }
    bool untilPending() const
    {
        return !untilCondition.isEmpty() && untilCondition.compare(u"None", Qt::CaseInsensitive);
    }
    // "IO Yes, SQL running, UNTIL Master (pending)" for reports.
    QString describe() const;
};

// The executor's connection to one instance: runs a step's statements and reads the replication
// state and coordinates it needs, in the instance's own dialect.
class OpsSession final
{
public:
    static Result<std::unique_ptr<OpsSession>> open(const ConnectionSettings& settings);

    const InstanceKey& key() const { return m_session->key(); }
    Result<void> run(const QStringList& statements) const;
    // Replica status (master, threads, exec coordinates, errors) in an InstanceRecord.
    Result<InstanceRecord> replicaState() const;
    Result<ReplicaThreads> threads() const;
    const OpsDialect& opsDialect() const { return m_ops; }
    Result<Coordinates> ownBinlog() const; // SHOW MASTER STATUS
    Result<Coordinates> executed() const; // Relay_Master_Log_File / Exec_Master_Log_Pos
    // The rows of pt-heartbeat's table; selectRows: HeartbeatTable::selectRows().
    Result<QList<HeartbeatRow>> heartbeatRows(const QString& selectRows) const;

private:
    OpsSession(std::unique_ptr<MySqlSession> session, Dialect dialect, OpsDialect ops);

    std::unique_ptr<MySqlSession> m_session;
    Dialect m_dialect;
    OpsDialect m_ops;
};

} // namespace topograph
