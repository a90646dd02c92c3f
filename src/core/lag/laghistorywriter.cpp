#include "lag/laghistorywriter.h"

#include <QTimer>

#include "backend/backend.h"
#include "backend/laghistorystore.h"
#include "logging.h"

using namespace Qt::StringLiterals;

namespace topograph {

LagHistoryWriter::LagHistoryWriter(Configuration config, int batchMilliseconds)
    : m_config(std::move(config))
    , m_batchMilliseconds(batchMilliseconds)
    , m_readOnly(m_config.readOnly)
{
    qRegisterMetaType<topograph::InstanceKey>();
    qRegisterMetaType<QList<topograph::LagSample>>();
    m_thread.setObjectName(u"lag-history"_s);
    moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(this, &LagHistoryWriter::open, Qt::BlockingQueuedConnection);
}

LagHistoryWriter::~LagHistoryWriter()
{
    flush();
    QMetaObject::invokeMethod(this, &LagHistoryWriter::close, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void LagHistoryWriter::open()
{
    m_batchTimer = new QTimer(this);
    m_batchTimer->setSingleShot(true);
    m_batchTimer->setInterval(m_batchMilliseconds);
    connect(m_batchTimer, &QTimer::timeout, this, &LagHistoryWriter::writeBatch);
    m_pruneTimer = new QTimer(this);
    m_pruneTimer->setInterval(pruneMilliseconds);
    connect(m_pruneTimer, &QTimer::timeout, this, &LagHistoryWriter::prune);
    reopen();
    m_pruneTimer->start();
    prune();
}

bool LagHistoryWriter::reopen()
{
    m_backend.reset();
    // Never migrates: the fleet worker (or the CLI) does, and two connections migrating one
    // SQLite file at once would fail each other. Until then writes fail and are retried here.
    auto opened = Backend::open(m_config, Backend::OpenMode::NoMigration);
    if (!opened) {
        m_openError = u"the lag history is not kept: %1"_s.arg(opened.error().message);
        qCWarning(lcLag).noquote() << m_openError;
        return false;
    }
    m_backend = std::move(opened).value();
    m_openError.clear();
    return true;
}

bool LagHistoryWriter::schemaCurrent() const
{
    // A backend orchestrator made has no Topograph schema: the store makes its own table there.
    return m_backend
        && (m_backend->isOrchestratorBackend()
            || m_backend->schemaVersion() >= Schema::currentVersion());
}

void LagHistoryWriter::close()
{
    delete m_batchTimer;
    delete m_pruneTimer;
    m_batchTimer = nullptr;
    m_pruneTimer = nullptr;
    m_backend.reset(); // closes the connection on this thread
}

bool LagHistoryWriter::writes() const
{
    return !m_readOnly && m_config.lagHistoryDays > 0;
}

void LagHistoryWriter::report(const QString& error)
{
    if (error == m_lastError) {
        return;
    }
    m_lastError = error;
    if (!error.isEmpty()) {
        qCWarning(lcLag).noquote() << error;
        Q_EMIT failed(error);
    }
}

void LagHistoryWriter::setReadOnly(bool readOnly)
{
    QMetaObject::invokeMethod(
        this, [this, readOnly] { m_readOnly = readOnly; }, Qt::QueuedConnection);
}

void LagHistoryWriter::enqueue(const KeyedLagSamples& steps)
{
    if (steps.isEmpty()) {
        return;
    }
    QMetaObject::invokeMethod(
        this,
        [this, steps] {
            if (!writes()) {
                return;
            }
            m_pending << steps;
            if (m_batchTimer && !m_batchTimer->isActive()) {
                m_batchTimer->start();
            }
        },
        Qt::QueuedConnection);
}

void LagHistoryWriter::writeBatch()
{
    if (m_pending.isEmpty()) {
        return;
    }
    const KeyedLagSamples batch = std::exchange(m_pending, {});
    // Opened before the schema was created or migrated: look again.
    if (!schemaCurrent() && !reopen()) {
        report(m_openError);
        return;
    }
    if (!schemaCurrent()) {
        report(u"the lag history is not kept: the backend %1 has schema version %2, and the lag "
               "history needs version %3"_s.arg(m_backend->description(),
                   QString::number(m_backend->schemaVersion()),
                   QString::number(Schema::currentVersion())));
        return;
    }
    if (auto done = LagHistoryStore(*m_backend).write(batch); !done) {
        report(u"the lag history could not be written: %1"_s.arg(done.error().message));
        return;
    }
    report({});
}

void LagHistoryWriter::prune()
{
    if (!schemaCurrent() || !writes()) {
        return; // tried again within the hour, once the schema is there
    }
    const QDateTime before = QDateTime::currentDateTimeUtc().addDays(-m_config.lagHistoryDays);
    auto pruned = LagHistoryStore(*m_backend).prune(before);
    if (!pruned) {
        report(u"old lag history could not be deleted: %1"_s.arg(pruned.error().message));
        return;
    }
    qCDebug(lcLag) << "pruned" << *pruned << "lag history rows older than" << before;
}

void LagHistoryWriter::requestLoad(const QList<InstanceKey>& keys, const QDateTime& from)
{
    QMetaObject::invokeMethod(
        this, [this, keys, from] { load(keys, from); }, Qt::QueuedConnection);
}

void LagHistoryWriter::load(const QList<InstanceKey>& keys, const QDateTime& from)
{
    writeBatch(); // what is queued belongs to the history asked for
    for (const InstanceKey& key : keys) {
        QList<LagSample> samples;
        if (!m_backend) {
            report(m_openError);
        } else if (auto read = LagHistoryStore(*m_backend).read(key, from); read) {
            samples = *read;
        } else {
            report(u"the lag history could not be read: %1"_s.arg(read.error().message));
        }
        Q_EMIT loaded(key, samples); // even empty: the window is not left waiting
    }
}

QString LagHistoryWriter::flush()
{
    QString error;
    QMetaObject::invokeMethod(
        this,
        [this, &error] {
            if (m_batchTimer) {
                m_batchTimer->stop();
            }
            writeBatch();
            error = m_lastError;
        },
        Qt::BlockingQueuedConnection);
    return error;
}

} // namespace topograph
