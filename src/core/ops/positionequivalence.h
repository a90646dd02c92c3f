#pragma once

#include <QList>
#include <QString>

#include <optional>

#include "instancekey.h"

namespace topograph {

// One place in a master's binary log.
struct BinlogPosition
{
    QString file;
    qint64 pos = 0;

    QString toString() const { return file + u':' + QString::number(pos); }
    friend bool operator==(const BinlogPosition&, const BinlogPosition&) = default;
};

// A row of master_position_equivalence: a replica that had executed master1's binary log up to
// position1 was pointed at master2 at position2, so the two positions hold the same data. The
// relation goes both ways (orchestrator reads it so, too).
struct PositionEquivalence
{
    InstanceKey master1;
    BinlogPosition position1;
    InstanceKey master2;
    BinlogPosition position2;

    // The position on `target` equivalent to `position` on `master`, read from either side of the
    // row; std::nullopt when this row does not join the two.
    std::optional<BinlogPosition> on(
        const InstanceKey& target, const InstanceKey& master, const BinlogPosition& position) const;
};

// The position on target equivalent to position on master, from any of the rows; the first row
// that joins them wins (they agree when the positions were recorded by moves).
std::optional<BinlogPosition> equivalentPosition(const QList<PositionEquivalence>& rows,
    const InstanceKey& target, const InstanceKey& master, const BinlogPosition& position);

} // namespace topograph
