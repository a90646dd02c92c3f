#pragma once

#include <QDateTime>
#include <QString>

namespace topograph {

// The one way Topograph shows a moment to a person, and the one way it copies one (DESIGN §10):
// local time with its zone on screen ("2026-12-02 16:35:07 CET"), ISO 8601 with the offset on
// the clipboard ("2026-12-02T16:35:07+01:00"), so that a pasted time means the same anywhere.
class TimeFormat final
{
public:
    static QString display(const QDateTime& time); // empty for an invalid time
    static QString iso(const QDateTime& time); // empty for an invalid time
};

} // namespace topograph
