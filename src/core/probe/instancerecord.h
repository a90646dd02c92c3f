#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

#include "instancekey.h"

namespace topograph {

// What Topograph knows about one instance at one moment (DESIGN §3). A plain value: it crosses
// threads and is compared in tests. This first version holds what the live topology view needs;
// discovery and the backend extend it.
struct InstanceRecord
{
    InstanceKey key;
    bool reachable = false;
    QString lastError; // why the last probe failed, when it did

    quint32 serverId = 0;
    QString version;
    bool readOnly = false;
    bool logBin = false;
    bool logSlaveUpdates = false;
    QString binlogFormat;

    std::optional<InstanceKey> masterKey; // set when the instance is a replica
    bool ioThreadRunning = false;
    bool sqlThreadRunning = false;
    QString usingGtid; // MariaDB Using_Gtid: "No", "Slave_Pos", "Current_Pos"
    std::optional<qint64> secondsBehindMaster;

    QList<InstanceKey> replicaKeys; // from SHOW SLAVE HOSTS (report_host/report_port)
    QDateTime lastChecked;

    bool isReplica() const { return masterKey.has_value(); }
    bool isReplicating() const { return ioThreadRunning && sqlThreadRunning; }
    bool usesGtid() const { return !usingGtid.isEmpty() && usingGtid != QStringLiteral("No"); }
};

} // namespace topograph
