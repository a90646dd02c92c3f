#pragma once

#include <QString>

namespace topograph {

struct Plan;

// The plan preview's main text: every step with the SQL it runs, the SQL per instance, the
// instances that stop replicating and the expected end state, as HTML for a QTextBrowser.
class PlanHtml final
{
public:
    static QString describe(const Plan& plan);
};

} // namespace topograph
