#include "canvas/cardkeys.h"

#include <QKeyEvent>

#include "topology/layoutnavigation.h"

namespace topograph {

CardKeys::Answer CardKeys::of(const QKeyEvent& event, const LayoutResult& layout,
    const QHash<InstanceKey, InstanceKey>& parents, const InstanceKey& selected)
{
    if (event.modifiers() & ~Qt::KeypadModifier) {
        return {};
    }
    using Direction = LayoutNavigation::Direction;
    Direction direction = Direction::Up;
    switch (event.key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        return { Action::Activate, std::nullopt };
    case Qt::Key_Menu:
        return { Action::ContextMenu, std::nullopt };
    case Qt::Key_Up:
        direction = Direction::Up;
        break;
    case Qt::Key_Down:
        direction = Direction::Down;
        break;
    case Qt::Key_Left:
        direction = Direction::Left;
        break;
    case Qt::Key_Right:
        direction = Direction::Right;
        break;
    default:
        return {};
    }
    const auto next = LayoutNavigation::next(layout, parents, selected, direction);
    return next ? Answer { Action::Select, next } : Answer { Action::Stay, std::nullopt };
}

} // namespace topograph
