#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>

#include "instancekey.h"

namespace topograph {

// One row of the pt-heartbeat table as seen on one instance, and what it means there (DESIGN §8,
// fake lag): the current primary's row is what lag is measured from; a row of any other
// server_id is left over from an old topology (stale: it makes lag look wrong); a current
// primary whose own row does not advance has a stopped pt-heartbeat.
struct HeartbeatRow
{
    enum class State {
        CurrentPrimary,
        Stale,
        NotAdvancing, // the current primary's row, but pt-heartbeat no longer updates it
    };

    quint32 serverId = 0;
    QDateTime ts; // UTC
    double ageSeconds = 0; // the instance's clock minus ts
    State state = State::Stale;

    friend bool operator==(const HeartbeatRow&, const HeartbeatRow&) = default;
};

// What a heartbeat check of one instance found.
struct HeartbeatCheck
{
    InstanceKey instance;
    bool tableFound = false; // false: no heartbeat table (lag falls back to SBM)
    QList<HeartbeatRow> rows;
    QString error; // the check failed (unreachable, no privilege): rows unknown

    bool hasFakeLag() const
    {
        for (const HeartbeatRow& r : rows) {
            if (r.state != HeartbeatRow::State::CurrentPrimary) {
                return true;
            }
        }
        return false;
    }
};

} // namespace topograph

Q_DECLARE_METATYPE(topograph::HeartbeatCheck)
