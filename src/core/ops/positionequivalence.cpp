#include "ops/positionequivalence.h"

namespace topograph {

std::optional<BinlogPosition> PositionEquivalence::on(
    const InstanceKey& target, const InstanceKey& master, const BinlogPosition& position) const
{
    if (master1 == master && position1 == position && master2 == target) {
        return position2;
    }
    if (master2 == master && position2 == position && master1 == target) {
        return position1;
    }
    return std::nullopt;
}

std::optional<BinlogPosition> equivalentPosition(const QList<PositionEquivalence>& rows,
    const InstanceKey& target, const InstanceKey& master, const BinlogPosition& position)
{
    for (const PositionEquivalence& row : rows) {
        if (auto found = row.on(target, master, position)) {
            return found;
        }
    }
    return std::nullopt;
}

} // namespace topograph
