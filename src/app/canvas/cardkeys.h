#pragma once

#include <QHash>

#include <optional>

#include "instancekey.h"
#include "topology/treelayout.h"

class QKeyEvent;

namespace topograph {

// What a key does on the cluster canvas while a card is selected (DESIGN §10, keyboard first):
// the arrows move the selection (LayoutNavigation: up and down the column, left to the parent,
// right to a child), Enter shows the card's details, the Menu key opens its menu. An arrow with
// nowhere to go is still the canvas's (the view must not scroll instead). Keys with modifiers
// are left to shortcuts.
class CardKeys final
{
public:
    enum class Action {
        None, // not a canvas key
        Stay, // an arrow with nowhere to go
        Select, // select `key`
        Activate, // show the selected card's details
        ContextMenu, // open the selected card's menu
    };
    struct Answer
    {
        Action action = Action::None;
        std::optional<InstanceKey> key; // Select
    };

    static Answer of(const QKeyEvent& event, const LayoutResult& layout,
        const QHash<InstanceKey, InstanceKey>& parents, const InstanceKey& selected);
};

} // namespace topograph
