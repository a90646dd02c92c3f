#include "stopsignal.h"

#include <QEventLoop>
#include <QTimer>

#include <atomic>
#include <csignal>

namespace topograph {

namespace {

// Set from the signal handler: a lock-free atomic is all a handler may touch.
std::atomic<bool> g_stopRequested { false };

void requestStop(int)
{
    g_stopRequested.store(true);
}

} // namespace

StopSignal::StopSignal()
{
    g_stopRequested.store(false);
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
