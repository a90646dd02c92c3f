#include "tcprelay.h"

#include <QSemaphore>
#include <QTcpServer>
#include <QTcpSocket>

namespace topograph::test {

namespace {

QSemaphore g_listening; // one release per listen(); tests start one relay at a time

} // namespace

TcpRelay::TcpRelay(InstanceKey target)
    : m_target(std::move(target))
{ }

TcpRelay::~TcpRelay()
{
    quit();
    wait();
}

quint16 TcpRelay::listen()
{
    start();
    g_listening.acquire();
    return m_port;
}

void TcpRelay::run()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0)) {
        g_listening.release();
        return;
    }
    m_port = server.serverPort();
    QObject::connect(&server, &QTcpServer::newConnection, &server, [this, &server] {
        while (QTcpSocket* client = server.nextPendingConnection()) {
            auto* upstream = new QTcpSocket(client);
            QObject::connect(client, &QTcpSocket::readyRead, upstream,
                [client, upstream] { upstream->write(client->readAll()); });
            QObject::connect(upstream, &QTcpSocket::readyRead, client,
                [client, upstream] { client->write(upstream->readAll()); });
            QObject::connect(client, &QTcpSocket::disconnected, upstream,
                [upstream] { upstream->disconnectFromHost(); });
            QObject::connect(upstream, &QTcpSocket::disconnected, client,
                [client] { client->disconnectFromHost(); });
            QObject::connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
            upstream->connectToHost(m_target.host, m_target.port);
        }
    });
    g_listening.release();
    exec();
}

} // namespace topograph::test
