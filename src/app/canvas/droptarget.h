#pragma once

#include <QString>

namespace topograph {

// What the planner says about dropping the dragged card onto another card (DESIGN §10). The canvas
// only shows it; the verdicts come from whoever handles ClusterScene::dragStarted.
enum class DropVerdict {
    None, // not a target (or nothing known): the card keeps its colours
    Valid, // green: the move can run
    Warning, // amber: the move can run, but the planner has warnings
    Refused, // grey: the planner refuses; the reason says why
};

struct DropTarget
{
    DropVerdict verdict = DropVerdict::None;
    QString reason; // the planner's warnings (Warning) or refusal (Refused); the card's tooltip
};

} // namespace topograph
