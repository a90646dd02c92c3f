#pragma once

#include <QThread>

#include "instancekey.h"

namespace topograph::test {

// A TCP port forwarder on 127.0.0.1, on a thread of its own: every connection to port() is
// relayed byte for byte to target. Tests use it to reach a server under a key that is not its
// own (as a proxy or port forward would), which the connection layer must notice.
class TcpRelay final : public QThread
{
    Q_OBJECT

public:
    explicit TcpRelay(InstanceKey target);
    ~TcpRelay() override;
    Q_DISABLE_COPY_MOVE(TcpRelay)

    // Starts the thread and returns once it listens; 0 when it could not.
    quint16 listen();
    quint16 port() const { return m_port; }

protected:
    void run() override;

private:
    InstanceKey m_target;
    quint16 m_port = 0;
};

} // namespace topograph::test
