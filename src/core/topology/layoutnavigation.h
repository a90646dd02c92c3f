#pragma once

#include <QHash>

#include <optional>

#include "instancekey.h"
#include "topology/treelayout.h"

namespace topograph {

// Moving the selection between the cards of a laid-out cluster with the arrow keys (DESIGN §10),
// from where the cards are drawn: Up and Down go to the nearest card above or below in the same
// column (siblings, cousins, a wrapped grid's rows); Left goes to the card just left in the same
// row among the same master's replicas (a wrapped grid), else to the drawn parent; Right goes to
// the card just right in the same row among the same master's replicas, else to the child nearest
// in height. A pure function of the layout.
class LayoutNavigation final
{
public:
    enum class Direction {
        Up,
        Down,
        Left,
        Right,
    };

    // parents: the drawn parent of each child (as ClusterScene::parentOf).
    static std::optional<InstanceKey> next(const LayoutResult& layout,
        const QHash<InstanceKey, InstanceKey>& parents, const InstanceKey& from,
        Direction direction);
};

} // namespace topograph
