#pragma once

#include <QByteArray>
#include <QMutex>
#include <QSemaphore>
#include <QThread>

#include "instancekey.h"

namespace topograph::test {

// A man in the middle on 127.0.0.1 that strips TLS from every connection but the first `relayed`
// ones: those are relayed to target untouched (so a TLS pre-flight sees the real server and its
// certificate); the others get a greeting without CLIENT_SSL and, after the client's
// handshake response, a switch to the mysql_clear_password plugin. Everything those clients send
// is recorded, to show what a stripping attacker would learn.
class StrippingProxy final : public QThread
{
public:
    explicit StrippingProxy(InstanceKey target, int relayed = 1);
    ~StrippingProxy() override;
    Q_DISABLE_COPY_MOVE(StrippingProxy)

    quint16 listen(); // starts the thread; the port, 0 when it could not listen
    QByteArray stripped() const; // what the stripped clients sent

protected:
    void run() override;

private:
    InstanceKey m_target;
    int m_relayed = 1;
    quint16 m_port = 0;
    QSemaphore m_ready;
    mutable QMutex m_mutex;
    QByteArray m_stripped;
};

} // namespace topograph::test
