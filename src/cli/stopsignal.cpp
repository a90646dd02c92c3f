#include "stopsignal.h"

#include <QEventLoop>
#include <QTimer>

#include <atomic>
#include <csignal>

namespace topograph {

namespace {

// Set from the signal handler: a lock-free atomic is all a handler may touch.
std::atomic<bool> g_stopRequested { false };
std::atomic<int> g_signal { 0 };

void requestStop(int signal)
{
    g_signal.store(signal);
    g_stopRequested.store(true);
}

} // namespace

StopSignal::StopSignal()
{
    g_stopRequested.store(false);
    g_signal.store(0);
    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
}

StopSignal::~StopSignal()
{
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
}

bool StopSignal::requested()
{
    return g_stopRequested.load();
}

const std::atomic<bool>* StopSignal::flag()
{
    return &g_stopRequested;
}

int StopSignal::signalNumber()
{
    return g_signal.load();
}

void StopSignal::exec()
{
    QEventLoop loop;
    QTimer watch;
    QObject::connect(&watch, &QTimer::timeout, &loop, [&loop] {
        if (requested()) {
            loop.quit();
        }
    });
    watch.start(100);
    if (!requested()) {
        loop.exec();
    }
}

} // namespace topograph
