#include "lag/lagworker.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>

#include "lag/laghistorywriter.h"
#include "lag/lagrules.h"
#include "lag/lagsampler.h"
#include "lag/lagstepaggregator.h"
#include "logging.h"

namespace topograph {

struct LagWorker::Private
{
    Configuration config;
    bool readOnly = false;
    LagSampler* sampler = nullptr; // a child, on this worker's thread
    std::unique_ptr<LagHistoryWriter> history;
    LagStepAggregator steps;
    QHash<InstanceKey, LagReading> latest; // each target's latest reading
    QElapsedTimer sinceCheck;
};

LagWorker::LagWorker(Configuration config, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->config = std::move(config);
    d->readOnly = d->config.readOnly;
    registerMetaTypes();
}

LagWorker::~LagWorker()
{
    stop();
}

void LagWorker::registerMetaTypes()
{
    LagSampler::registerMetaTypes();
    qRegisterMetaType<topograph::LagSample>();
    qRegisterMetaType<QList<topograph::LagSample>>();
    qRegisterMetaType<topograph::KeyedLagSamples>();
    qRegisterMetaType<QList<topograph::LagTarget>>();
    qRegisterMetaType<topograph::HeartbeatCheck>();
    qRegisterMetaType<QList<topograph::HeartbeatCheck>>();
}

void LagWorker::ensureHistory()
{
    if (d->history) {
        return;
    }
    d->history = std::make_unique<LagHistoryWriter>(d->config);
    d->history->setReadOnly(d->readOnly);
    connect(d->history.get(), &LagHistoryWriter::loaded, this, &LagWorker::historyLoaded);
    connect(d->history.get(), &LagHistoryWriter::failed, this,
        [this](const QString& message) { Q_EMIT failed(tr("Lag history: %1").arg(message)); });
}

void LagWorker::start()
{
    ensureHistory();
    if (d->sampler) {
        return;
    }
    d->sampler = new LagSampler(d->config, this);
    connect(d->sampler, &LagSampler::sampled, this, &LagWorker::onRound);
    if (const auto& error = d->sampler->configurationError()) {
        Q_EMIT failed(tr("Lag cannot be sampled: %1").arg(error->message));
    }
}

void LagWorker::stop()
{
    if (d->sampler) {
        d->sampler->shutdown(); // connections close on their own threads
        delete d->sampler;
        d->sampler = nullptr;
    }
    if (d->history) {
        d->history->enqueue(d->steps.takeAll()); // a partial step is still a maximum
        d->history->flush();
        d->history.reset();
    }
    d->latest.clear();
}

void LagWorker::setTargets(const QList<LagTarget>& targets)
{
    if (!d->sampler) {
        start();
    }
    d->sampler->setTargets(targets);
    QSet<InstanceKey> keys;
    for (const LagTarget& t : targets) {
        keys.insert(t.instance);
    }
    for (auto it = d->latest.begin(); it != d->latest.end();) {
        it = keys.contains(it.key()) ? std::next(it) : d->latest.erase(it);
    }
    if (targets.isEmpty()) {
        d->sampler->stop();
    } else if (!d->sampler->isRunning()) {
        d->sinceCheck.invalidate(); // the first round's rows are checked at once
        d->sampler->start();
    }
}

void LagWorker::loadHistory(const QList<InstanceKey>& keys, const QDateTime& from)
{
    ensureHistory();
    d->history->requestLoad(keys, from);
}

void LagWorker::setReadOnly(bool readOnly)
{
    d->readOnly = readOnly;
    if (d->history) {
        d->history->setReadOnly(readOnly);
    }
}

void LagWorker::onRound(const QList<LagReading>& readings)
{
    KeyedLagSamples samples;
    for (const LagReading& reading : readings) {
        d->latest.insert(reading.target.instance, reading);
        if (reading.target.replica) {
            samples.append({ reading.target.instance, reading.sample });
        }
    }
    if (!samples.isEmpty()) {
        Q_EMIT sampled(samples);
        d->steps.add(samples);
    }
    if (d->history) {
        d->history->enqueue(d->steps.takeCompleted(QDateTime::currentDateTimeUtc()));
    }
    if (d->sinceCheck.isValid() && d->sinceCheck.elapsed() < heartbeatCheckMilliseconds) {
        return;
    }
    d->sinceCheck.start();
    QList<HeartbeatCheck> checks;
    for (const LagTarget& target : d->sampler->targets()) {
        const auto it = d->latest.constFind(target.instance);
        if (it == d->latest.cend()) {
            continue; // not answered yet: checked next time
        }
        const std::optional<double> ownAge = target.primaryServerId
            ? d->sampler->primaryOwnAge(*target.primaryServerId)
            : std::nullopt;
        checks << LagRules::check(*it, ownAge);
    }
    if (!checks.isEmpty()) {
        Q_EMIT heartbeatChecked(checks);
    }
}

} // namespace topograph
