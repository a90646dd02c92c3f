#pragma once

#include <QString>
#include <QStringList>

#include <memory>

#include "db/mysqlsession.h"
#include "lag/heartbeatrow.h"
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
    Result<Coordinates> ownBinlog() const; // SHOW MASTER STATUS
    Result<Coordinates> executed() const; // Relay_Master_Log_File / Exec_Master_Log_Pos
    // The rows of pt-heartbeat's table; selectRows: HeartbeatTable::selectRows().
    Result<QList<HeartbeatRow>> heartbeatRows(const QString& selectRows) const;

private:
    OpsSession(std::unique_ptr<MySqlSession> session, Dialect dialect);

    std::unique_ptr<MySqlSession> m_session;
    Dialect m_dialect;
};

} // namespace topograph
