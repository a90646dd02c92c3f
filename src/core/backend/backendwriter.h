#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QThread>
#include <QTimer>

#include <memory>

#include "config/configuration.h"
#include "probe/instancerecord.h"

namespace topograph {

class Backend;

// The one thread that writes probe results to the backend (DESIGN §3, §4). Records arrive by
// queued calls from any thread, are batched, and each batch is written in one transaction through
// TopologyWriter; the backend connection is opened and closed on the writer's own thread.
// flush() blocks until everything queued so far is written (the CLI calls it before exiting).
class BackendWriter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackendWriter)

public:
    explicit BackendWriter(Configuration config, int batchMilliseconds = 250);
    ~BackendWriter() override; // flushes, closes the connection, ends the thread

    // Thread-safe: queues records for the next batch.
    void enqueue(const QList<topograph::InstanceRecord>& records);
    // Blocks until every record queued before the call is written; the last write's error, if any.
    QString flush();

Q_SIGNALS:
    void written(int records);
    void failed(const QString& message);

private:
    Q_INVOKABLE void open();
    Q_INVOKABLE void append(const QList<topograph::InstanceRecord>& records);
    Q_INVOKABLE void writeBatch();
    Q_INVOKABLE void close();

    Configuration m_config;
    QThread m_thread;
    QTimer* m_timer = nullptr; // lives on m_thread
    std::unique_ptr<Backend> m_backend;
    QString m_openError;
    QString m_lastError;
    QList<InstanceRecord> m_pending;
};

} // namespace topograph
