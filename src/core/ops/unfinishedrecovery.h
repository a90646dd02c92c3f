#pragma once

#include <QString>
#include <QStringList>

#include "config/configuration.h"
#include "ops/operationjournal.h"

namespace topograph {

class Backend;

// What checking one unfinished operation found and did, instance by instance.
struct UnfinishedCheck
{
    QStringList lines; // "db3:3306: replication was stopped; restarted and verified"
    bool allReplicating = false; // every instance it may have stopped replicates now
    bool closed = false; // its audit row now says it was interrupted and checked
};

// Puts right what an operation that never finished may have left behind: on each instance it may
// have stopped, replication stopped or a START SLAVE UNTIL still pending is restarted with the
// restart-replica operation (planned from a fresh probe, verified and audited like any other);
// the maintenance locks it took on them are ended; when every one replicates again, its audit
// row is closed as interrupted. Never starts replication on an instance it cannot read.
class UnfinishedRecovery final
{
public:
    UnfinishedRecovery(const Configuration& config, const Backend& backend);

    UnfinishedCheck recover(const UnfinishedOperation& op) const;

private:
    QString restartIfStopped(const InstanceKey& key, bool& replicating) const;
    void endItsLocks(const UnfinishedOperation& op, QStringList& lines) const;

    const Configuration& m_config;
    const Backend& m_backend;
};

} // namespace topograph
