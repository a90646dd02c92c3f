#include "topology/layoutnavigation.h"

#include <cmath>

namespace topograph {

namespace {

constexpr qreal kSame = 1.0; // positions closer than this count as one column or row

bool sameColumn(const QRectF& a, const QRectF& b)
{
    return std::abs(a.left() - b.left()) < kSame;
}

bool sameRow(const QRectF& a, const QRectF& b)
{
    return std::abs(a.top() - b.top()) < kSame;
}

// Ties (equal distances) go to the smaller key, so the answer never depends on hash order.
bool better(qreal distance, const InstanceKey& key, qreal bestDistance,
    const std::optional<InstanceKey>& best)
{
    return !best || distance < bestDistance || (distance == bestDistance && key < *best);
}

} // namespace

std::optional<InstanceKey> LayoutNavigation::next(const LayoutResult& layout,
    const QHash<InstanceKey, InstanceKey>& parents, const InstanceKey& from, Direction direction)
{
    const auto here = layout.nodes.constFind(from);
    if (here == layout.nodes.cend()) {
        return std::nullopt;
    }
    const QRectF origin = *here;
    const std::optional<InstanceKey> parent
        = parents.contains(from) ? std::optional(parents.value(from)) : std::nullopt;
    std::optional<InstanceKey> best;
    qreal bestDistance = 0;
    const auto consider = [&](const InstanceKey& key, qreal distance) {
        if (better(distance, key, bestDistance, best)) {
            best = key;
            bestDistance = distance;
        }
    };
    for (auto it = layout.nodes.cbegin(); it != layout.nodes.cend(); ++it) {
        if (it.key() == from) {
            continue;
        }
        const QRectF& r = it.value();
        const bool sibling = parent && parents.value(it.key()) == *parent;
        switch (direction) {
        case Direction::Up:
            if (sameColumn(r, origin) && r.top() < origin.top()) {
                consider(it.key(), origin.top() - r.top());
            }
            break;
        case Direction::Down:
            if (sameColumn(r, origin) && r.top() > origin.top()) {
                consider(it.key(), r.top() - origin.top());
            }
            break;
        case Direction::Left:
            if (sibling && sameRow(r, origin) && r.left() < origin.left()) {
                consider(it.key(), origin.left() - r.left());
            }
            break;
        case Direction::Right:
            if (sibling && sameRow(r, origin) && r.left() > origin.left()) {
                consider(it.key(), r.left() - origin.left());
            }
            break;
        }
    }
    if (best || (direction != Direction::Left && direction != Direction::Right)) {
        return best;
    }
    if (direction == Direction::Left) {
        return parent && layout.nodes.contains(*parent) ? parent : std::nullopt;
    }
    for (auto it = parents.cbegin(); it != parents.cend(); ++it) {
        if (it.value() == from && layout.nodes.contains(it.key())) {
            consider(it.key(),
                std::abs(layout.nodes.value(it.key()).center().y() - origin.center().y()));
        }
    }
    return best;
}

} // namespace topograph
