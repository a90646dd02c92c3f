#include "backend/backendwriter.h"

#include "backend/backend.h"
#include "backend/topologywriter.h"
#include "logging.h"

namespace topograph {

BackendWriter::BackendWriter(Configuration config, int batchMilliseconds)
    : m_config(std::move(config))
{
    qRegisterMetaType<QList<InstanceRecord>>();
    m_thread.setObjectName(QStringLiteral("backend-writer"));
    moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(
        this,
        [this, batchMilliseconds] {
            m_timer = new QTimer(this);
            m_timer->setSingleShot(true);
            m_timer->setInterval(batchMilliseconds);
            connect(m_timer, &QTimer::timeout, this, &BackendWriter::writeBatch);
            open();
        },
        Qt::BlockingQueuedConnection);
}

BackendWriter::~BackendWriter()
{
    flush();
    QMetaObject::invokeMethod(this, &BackendWriter::close, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void BackendWriter::open()
{
    auto opened = Backend::open(m_config);
    if (!opened) {
        m_openError = opened.error().message;
        qCWarning(lcBackend).noquote() << "backend writer:" << m_openError;
        return;
    }
    m_backend = std::move(opened).value();
}

void BackendWriter::close()
{
    delete m_timer;
    m_timer = nullptr;
    m_backend.reset(); // closes the connection on this thread
}

void BackendWriter::enqueue(const QList<InstanceRecord>& records)
{
    QMetaObject::invokeMethod(
        this, "append", Qt::QueuedConnection, Q_ARG(QList<topograph::InstanceRecord>, records));
}

void BackendWriter::append(const QList<InstanceRecord>& records)
{
    m_pending << records;
    if (m_timer && !m_timer->isActive()) {
        m_timer->start();
    }
}

void BackendWriter::writeBatch()
{
    if (m_pending.isEmpty()) {
        return;
    }
    const QList<InstanceRecord> batch = std::exchange(m_pending, {});
    if (!m_backend) {
        m_lastError = m_openError;
        Q_EMIT failed(m_lastError);
        return;
    }
    if (auto done = TopologyWriter(*m_backend, m_config).record(batch); !done) {
        m_lastError = done.error().message;
        qCWarning(lcBackend).noquote() << "backend write failed:" << m_lastError;
        Q_EMIT failed(m_lastError);
        return;
    }
    m_lastError.clear();
    Q_EMIT written(static_cast<int>(batch.size()));
}

QString BackendWriter::flush()
{
    QString error;
    // Queued after every append() made before this call, so the batch holds them all.
    QMetaObject::invokeMethod(
        this,
        [this, &error] {
            if (m_timer) {
                m_timer->stop();
            }
            writeBatch();
            error = m_lastError;
        },
        Qt::BlockingQueuedConnection);
    return error;
}

} // namespace topograph
