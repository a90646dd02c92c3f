#pragma once

#include <QList>

#include <memory>

#include "db/connectionsettings.h"
#include "probe/instanceprobe.h"

namespace topograph {

// Probes several instances at once, each in a short session of its own on a thread of its own
// (QtSql connections belong to the thread that opened them), and answers when all have answered:
// the time of the slowest probe, not the sum, so a dead host costs one connect timeout in all.
// The caller's thread probes too. Results come in the order of settings.
class ParallelProbe final
{
public:
    static constexpr int maxThreads = 8;

    static QList<ProbeResult> probe(
        const QList<ConnectionSettings>& settings, const ProbeOptions& options);
};

// ParallelProbe in the background: the probes start at construction, results() waits for them.
// The CLI probes the instances named on its command line this way while it opens the backend.
// The destructor waits for probes still running (each bounded by the connect and read timeouts).
class ProbeAhead final
{
public:
    ProbeAhead(QList<ConnectionSettings> settings, ProbeOptions options);
    ~ProbeAhead();
    ProbeAhead(const ProbeAhead&) = delete;
    ProbeAhead& operator=(const ProbeAhead&) = delete;
    ProbeAhead(ProbeAhead&&) = delete;
    ProbeAhead& operator=(ProbeAhead&&) = delete;

    // Blocks until every probe has answered; in the order of the settings.
    const QList<ProbeResult>& results();

private:
    struct Running;
    std::unique_ptr<Running> m_running;
};

} // namespace topograph
