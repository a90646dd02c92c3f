#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

#include "lag/heartbeatrow.h"
#include "lag/lagsample.h"
#include "lag/lagtarget.h"

namespace topograph {

// Everything one lag sample of one instance read, in one statement (LagStatement): the sampler's
// answer for one target. LagRules::resolve turns it into the sample's lag and source; the same
// reading gives the fake-lag check (LagRules::check) without another statement.
struct LagReading
{
    LagTarget target;
    LagSample sample; // `at` is set when the answer arrived; lag and source by LagRules::resolve
    bool reachable = false; // a connection, and an answer to the statement's first part
    QString error; // why a part of the statement failed (never a password); empty when none

    // SHOW SLAVE STATUS (or SHOW REPLICA STATUS): empty on a primary.
    bool isReplica = false;
    bool ioRunning = false;
    bool sqlRunning = false;

    bool lagQueryFailed = false; // ReplicationLagQuery (when set) did not answer
    std::optional<double> queryLag; // its answer, seconds

    bool heartbeatTableFound = false; // the heartbeat table answered
    QList<HeartbeatRow> heartbeatRows; // its rows, state not yet decided
    QString heartbeatError; // it could not be read, and not because it does not exist
};

} // namespace topograph

Q_DECLARE_METATYPE(topograph::LagReading)
