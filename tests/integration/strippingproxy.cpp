#include "strippingproxy.h"

#include <QTcpServer>
#include <QTcpSocket>

namespace topograph::test {

namespace {

QByteArray packet(const QByteArray& payload, char sequence)
{
    QByteArray header(4, '\0');
    header[0] = char(payload.size() & 0xff);
    header[1] = char((payload.size() >> 8) & 0xff);
    header[3] = sequence;
    return header + payload;
}

QByteArray plainGreeting()
{
    QByteArray p;
    p.append(char(10));
    p.append("10.11.6-MariaDB");
    p.append('\0');
    p.append("\x07\x00\x00\x00", 4);
    p.append("abcdefgh", 8);
    p.append('\0');
    p.append("\x00\xa2", 2); // PROTOCOL_41, TRANSACTIONS, SECURE_CONNECTION; no CLIENT_SSL
    p.append(char(45));
    p.append("\x02\x00", 2);
    p.append("\x08\x00", 2); // PLUGIN_AUTH
    p.append(char(21));
    p.append(QByteArray(10, '\0'));
    p.append("ijklmnopqrst", 12);
    p.append('\0');
    p.append("mysql_native_password");
    p.append('\0');
    return packet(p, 0);
}

} // namespace

StrippingProxy::StrippingProxy(InstanceKey target, int relayed)
    : m_target(std::move(target))
    , m_relayed(relayed)
{ }

StrippingProxy::~StrippingProxy()
{
    quit();
    wait();
}

quint16 StrippingProxy::listen()
{
    start();
    m_ready.acquire();
    return m_port;
}

QByteArray StrippingProxy::stripped() const
{
    QMutexLocker lock(&m_mutex);
    return m_stripped;
}

void StrippingProxy::run()
{
    QTcpServer server;
    if (server.listen(QHostAddress::LocalHost, 0)) {
        m_port = server.serverPort();
    }
    int accepted = 0;
    QObject::connect(&server, &QTcpServer::newConnection, &server, [&] {
        while (QTcpSocket* client = server.nextPendingConnection()) {
            if (accepted++ < m_relayed) {
                auto* upstream = new QTcpSocket(client);
                QObject::connect(client, &QTcpSocket::readyRead, upstream,
                    [client, upstream] { upstream->write(client->readAll()); });
                QObject::connect(upstream, &QTcpSocket::readyRead, client,
                    [client, upstream] { client->write(upstream->readAll()); });
                QObject::connect(upstream, &QTcpSocket::disconnected, client,
                    [client] { client->disconnectFromHost(); });
                upstream->connectToHost(m_target.host, m_target.port);
                continue;
            }
            auto packets = std::make_shared<int>(0);
            QObject::connect(client, &QTcpSocket::readyRead, client, [this, client, packets] {
                const QByteArray data = client->readAll();
                {
                    QMutexLocker lock(&m_mutex);
                    m_stripped += data;
                }
                if ((*packets)++ == 0) {
                    // The handshake response: ask for the password in clear.
                    client->write(packet(QByteArray("\xfe"
                                                    "mysql_clear_password\0",
                                             22),
                        2));
                } else {
                    client->write(packet(QByteArray("\xff\x15\x04"
                                                    "#28000Access denied"),
                        4));
                    client->disconnectFromHost();
                }
            });
            client->write(plainGreeting());
        }
    });
    m_ready.release();
    exec();
}

} // namespace topograph::test
