#pragma once

#include <QString>
#include <QStringList>
#include <QVariantMap>

#include "probe/instanceprobe.h"

namespace topograph {

class MySqlSession;

// Runs the statements of one probe on an open session and fills the server's side of a record
// (everything but the check bookkeeping, which InstanceProbe owns). The first statement reads the
// version, which picks the Dialect for the rest. A failed statement does not stop the others: a
// missing privilege for SHOW SLAVE HOSTS still leaves the replication state readable.
class InstanceReader final
{
public:
    enum class Outcome {
        Complete, // every statement answered
        Partial, // the server answered the first statement but not every later one
        Failed, // not even the first statement: the connection is unusable
    };

    struct Answer
    {
        Outcome outcome = Outcome::Failed;
        QStringList errors; // one message per failed statement, each naming the instance
        QString serverReportedHost;
    };

    static Answer read(
        const MySqlSession& session, const ProbeOptions& options, InstanceRecord& record);

    // Replica keys from processlist rows ("host" column: "10.0.0.5:53122", "[::1]:40000",
    // "localhost"): the address without the client port, with defaultPort; self and duplicates
    // dropped, sorted.
    static QList<InstanceKey> processlistKeys(
        const QList<QVariantMap>& rows, quint16 defaultPort, const InstanceKey& self);
};

} // namespace topograph
