#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include "result.h"

class QSslCertificate;

namespace topograph {

// The few pieces of the MySQL client/server protocol the TLS pre-flight needs, as pure functions
// on bytes so they can be tested without a server: the server's greeting (HandshakeV10), the
// client's SSLRequest, and the host-name rule for certificates.
namespace MySqlHandshake {

constexpr quint32 kClientLongPassword = 0x00000001;
constexpr quint32 kClientProtocol41 = 0x00000200;
constexpr quint32 kClientSsl = 0x00000800;
constexpr quint32 kClientSecureConnection = 0x00008000;
constexpr quint32 kClientPluginAuth = 0x00080000;

struct Greeting
{
    int protocolVersion = 0;
    QString serverVersion;
    quint32 connectionId = 0;
    quint32 capabilities = 0; // lower and upper 16 bits
    int characterSet = 0;

    bool offersTls() const { return (capabilities & kClientSsl) != 0; }
};

// How many bytes the first complete packet in data takes (header included), or 0 when more
// bytes are needed.
qsizetype completePacketLength(const QByteArray& data);

// Parses the first packet a server sends (header included). An error packet (a server that
// refuses the connection: too many connections, host blocked) becomes an Error with its text.
Result<Greeting> parseGreeting(const QByteArray& packet);

// The 32-byte SSLRequest payload with its header (sequence id 1): the client asks to switch to
// TLS before it says who it is, so no user name or password is in it.
QByteArray sslRequestPacket(int characterSet);

// RFC 6125 host name check: host matches a DNS SAN entry (a leading "*." matches one label)
// or, for an address, an IP SAN entry; only when the certificate has no SAN entries at all is
// its subject CN used instead.
bool hostMatches(const QString& host, const QStringList& dnsNames, const QStringList& ipAddresses,
    const QStringList& commonNames);
bool hostMatches(const QString& host, const QSslCertificate& certificate);

} // namespace MySqlHandshake

} // namespace topograph
