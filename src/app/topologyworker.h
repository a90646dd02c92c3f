#pragma once

#include <QList>
#include <QObject>

#include "config/configuration.h"
#include "probe/instancerecord.h"

namespace topograph {

// Crawls a topology on its own thread (it is moved to a QThread by its owner): the GUI thread
// never runs SQL. Requests carry a generation number; the window ignores replies to old requests.
class TopologyWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TopologyWorker)

public:
    explicit TopologyWorker(Configuration config);

public Q_SLOTS:
    void crawl(const topograph::InstanceKey& seed, quint64 generation);

Q_SIGNALS:
    void crawled(quint64 generation, const QList<topograph::InstanceRecord>& records);
    void failed(quint64 generation, const QString& message);

private:
    Configuration m_config;
};

} // namespace topograph
