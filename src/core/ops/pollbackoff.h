#pragma once

#include <QThread>

#include <algorithm>

namespace topograph {

// The pause between two looks at a server while waiting for it to get somewhere (a replica's
// threads starting after START SLAVE, a catch-up, a recovery): 2 ms, then twice as long each time,
// at most 50 ms. What happens within milliseconds is seen within milliseconds; a slow wait asks
// the server at most 20 times a second. Polling a server, never synchronising a test.
class PollBackoff final
{
public:
    static constexpr unsigned long firstMilliseconds = 2;
    static constexpr unsigned long longestMilliseconds = 50;

    unsigned long nextMilliseconds() const { return m_next; }
    void pause()
    {
        QThread::msleep(m_next);
        m_next = std::min(m_next * 2, longestMilliseconds);
    }

private:
    unsigned long m_next = firstMilliseconds;
};

} // namespace topograph
