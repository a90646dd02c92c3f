#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QThread>

#include <memory>

#include "config/configuration.h"
#include "lag/lagsample.h"

class QTimer;

namespace topograph {

class Backend;

// The persisted lag history's own thread (DESIGN §8): coarse steps arrive by
// queued calls from any thread and are written in batches, one transaction each, so that a slow
// backend never holds up sampling; steps older than LagHistoryDays are pruned when it opens and
// every hour; persisted history is read back on request. The backend connection is opened and
// closed on this thread. Nothing is written in read-only mode, or when LagHistoryDays is 0.
// It never migrates the backend (the fleet worker or the CLI does): a schema found older is
// looked at again before each write.
class LagHistoryWriter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LagHistoryWriter)

public:
    static constexpr int pruneMilliseconds = 3600 * 1000;

    explicit LagHistoryWriter(Configuration config, int batchMilliseconds = 5000);
    ~LagHistoryWriter() override; // flushes, closes the connection, ends the thread

    // Thread-safe.
    void enqueue(const topograph::KeyedLagSamples& steps);
    void setReadOnly(bool readOnly);
    // Answered by loaded(), once per key, after what was queued before the call is written.
    void requestLoad(const QList<topograph::InstanceKey>& keys, const QDateTime& from);
    // Blocks until every step queued before the call is written; the last write's error.
    QString flush();

Q_SIGNALS:
    void loaded(const topograph::InstanceKey& key, const QList<topograph::LagSample>& samples);
    // A write, read or prune failed; said once until the error changes or a write succeeds.
    void failed(const QString& message);

private:
    void open();
    bool reopen();
    bool schemaCurrent() const;
    void close();
    void writeBatch();
    void prune();
    void load(const QList<InstanceKey>& keys, const QDateTime& from);
    bool writes() const;
    void report(const QString& error);

    Configuration m_config;
    int m_batchMilliseconds;
    QThread m_thread;
    QTimer* m_batchTimer = nullptr; // these live on m_thread
    QTimer* m_pruneTimer = nullptr;
    std::unique_ptr<Backend> m_backend;
    QString m_openError;
    QString m_lastError;
    bool m_readOnly = false;
    KeyedLagSamples m_pending;
};

} // namespace topograph
