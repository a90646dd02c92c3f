#pragma once

#include <atomic>

namespace topograph {

// Ends a command that runs until Ctrl-C (discover --poll, replication-lag --watch) cleanly:
// while a StopSignal lives, SIGINT and SIGTERM only set a flag, which exec() watches from the
// event loop, so the command can close its connections and flush its writes before it returns.
class StopSignal final
{
public:
    StopSignal(); // installs the handlers
    ~StopSignal(); // restores the default ones
    StopSignal(const StopSignal&) = delete;
    StopSignal& operator=(const StopSignal&) = delete;
    StopSignal(StopSignal&&) = delete;
    StopSignal& operator=(StopSignal&&) = delete;

    static bool requested();
    // The flag itself, for an Executor's cancel: an operation stops at its next step boundary
    // (or while it waits for a replica), recovers, verifies and writes its audit row.
    static const std::atomic<bool>* flag();
    static int signalNumber(); // SIGINT or SIGTERM once requested, else 0
    // Runs an event loop until a signal arrives.
    void exec();
};

} // namespace topograph
