#include "probe/parallelprobe.h"

#include <QThread>

#include <algorithm>
#include <atomic>
#include <memory>
#include <vector>

namespace topograph {

QList<ProbeResult> ParallelProbe::probe(
    const QList<ConnectionSettings>& settings, const ProbeOptions& options)
{
    const auto count = static_cast<std::size_t>(settings.size());
    std::vector<ProbeResult> results(count);
    std::atomic<std::size_t> next { 0 };
    auto work = [&] {
        for (std::size_t i = next++; i < count; i = next++) {
            results[i] = InstanceProbe::probe(settings[static_cast<qsizetype>(i)], options);
        }
    };
    std::vector<std::unique_ptr<QThread>> helpers;
    const std::size_t helperCount
        = std::min<std::size_t>(count, static_cast<std::size_t>(maxThreads)) - (count > 0 ? 1 : 0);
    for (std::size_t i = 0; i < helperCount; ++i) {
        helpers.emplace_back(QThread::create(work));
        helpers.back()->setObjectName(QStringLiteral("probe-%1").arg(i + 1));
        helpers.back()->start();
    }
    work();
    for (const auto& helper : helpers) {
        helper->wait();
    }
    return QList<ProbeResult>(results.begin(), results.end());
}

struct ProbeAhead::Running
{
    QList<ConnectionSettings> settings;
    ProbeOptions options;
    QList<ProbeResult> results;
    std::unique_ptr<QThread> thread;
};

ProbeAhead::ProbeAhead(QList<ConnectionSettings> settings, ProbeOptions options)
    : m_running(std::make_unique<Running>())
{
    Running* r = m_running.get();
    r->settings = std::move(settings);
    r->options = std::move(options);
    r->thread.reset(
        QThread::create([r] { r->results = ParallelProbe::probe(r->settings, r->options); }));
    r->thread->setObjectName(QStringLiteral("probe-ahead"));
    r->thread->start();
}

ProbeAhead::~ProbeAhead()
{
    m_running->thread->wait();
}

const QList<ProbeResult>& ProbeAhead::results()
{
    m_running->thread->wait();
    return m_running->results;
}

} // namespace topograph
