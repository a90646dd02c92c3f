#include "db/mysqlhandshake.h"

#include <QHostAddress>
#include <QSslCertificate>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace topograph::MySqlHandshake {

namespace {

constexpr qsizetype kHeaderLength = 4;
constexpr int kMaxPacketSize = 16 * 1024 * 1024;

bool nameMatches(const QString& pattern, const QString& host)
{
    if (pattern.compare(host, Qt::CaseInsensitive) == 0) {
        return true;
    }
    // "*.eqiad.wmnet" matches "db1103.eqiad.wmnet", not "eqiad.wmnet" nor "a.b.eqiad.wmnet".
    if (!pattern.startsWith(u"*."_s)) {
        return false;
    }
    const qsizetype dot = host.indexOf(u'.');
    return dot > 0 && host.mid(dot).compare(pattern.mid(1), Qt::CaseInsensitive) == 0;
}

} // namespace

qsizetype completePacketLength(const QByteArray& data)
{
    if (data.size() < kHeaderLength) {
        return 0;
    }
    const auto* bytes = reinterpret_cast<const uchar*>(data.constData());
    const qsizetype length = bytes[0] | (bytes[1] << 8) | (bytes[2] << 16);
    return data.size() >= kHeaderLength + length ? kHeaderLength + length : 0;
}

Result<Greeting> parseGreeting(const QByteArray& packet)
{
    const qsizetype total = completePacketLength(packet);
    if (total == 0) {
        return makeError(ErrorCode::ConnectionFailed, u"the server's greeting was cut short"_s);
    }
    const QByteArray payload = packet.mid(kHeaderLength, total - kHeaderLength);
    const auto* p = reinterpret_cast<const uchar*>(payload.constData());
    if (payload.isEmpty()) {
        return makeError(ErrorCode::ConnectionFailed, u"the server sent an empty greeting"_s);
    }
    if (p[0] == 0xff) {
        // ERR packet: 0xff, 2-byte error code, then the message.
        const QString text = QString::fromUtf8(payload.mid(3)).trimmed();
        return makeError(ErrorCode::ConnectionFailed,
            u"the server refused the connection: %1"_s.arg(text), text);
    }
    if (p[0] != 10) {
        return makeError(ErrorCode::ConnectionFailed,
            u"the server does not speak the MySQL protocol 10 (first byte %1)"_s.arg(p[0]));
    }
    Greeting greeting;
    greeting.protocolVersion = p[0];
    const qsizetype versionEnd = payload.indexOf('\0', 1);
    if (versionEnd < 0) {
        return makeError(ErrorCode::ConnectionFailed, u"the server's greeting is malformed"_s);
    }
    greeting.serverVersion = QString::fromUtf8(payload.mid(1, versionEnd - 1));
    // connection id (4), auth data part 1 (8), filler (1), capabilities low (2)
    qsizetype at = versionEnd + 1;
    if (payload.size() < at + 4 + 8 + 1 + 2) {
        return makeError(ErrorCode::ConnectionFailed, u"the server's greeting is malformed"_s);
    }
    greeting.connectionId = qFromLittleEndian<quint32>(p + at);
    at += 4 + 8 + 1;
    greeting.capabilities = qFromLittleEndian<quint16>(p + at);
    at += 2;
    // character set (1), status (2), capabilities high (2): absent in very old servers.
    if (payload.size() >= at + 5) {
        greeting.characterSet = p[at];
        greeting.capabilities |= quint32(qFromLittleEndian<quint16>(p + at + 3)) << 16;
    }
    return greeting;
}

QByteArray sslRequestPacket(int characterSet)
{
    constexpr int kPayload = 32;
    QByteArray packet(kHeaderLength + kPayload, '\0');
    auto* p = reinterpret_cast<uchar*>(packet.data());
    p[0] = kPayload; // 3-byte length
    p[3] = 1; // sequence id: the client's first packet answers the greeting (0)
    const quint32 flags = kClientLongPassword | kClientProtocol41 | kClientSsl
        | kClientSecureConnection | kClientPluginAuth;
    qToLittleEndian<quint32>(flags, p + 4);
    qToLittleEndian<quint32>(kMaxPacketSize, p + 8);
    p[12] = static_cast<uchar>(characterSet > 0 ? characterSet : 33); // utf8_general_ci
    // 23 reserved zero bytes follow (MariaDB reads its extended capabilities there: none).
    return packet;
}

bool hostMatches(const QString& host, const QStringList& dnsNames, const QStringList& ipAddresses,
    const QStringList& commonNames)
{
    const QHostAddress address(host);
    if (dnsNames.isEmpty() && ipAddresses.isEmpty()) {
        for (const QString& cn : commonNames) {
            if (address.isNull()
                    ? nameMatches(cn, host)
                    : QHostAddress(cn).isEqual(address, QHostAddress::StrictConversion)) {
                return true;
            }
        }
        return false;
    }
    if (!address.isNull()) {
        for (const QString& ip : ipAddresses) {
            if (QHostAddress(ip).isEqual(address, QHostAddress::StrictConversion)) {
                return true;
            }
        }
        return false;
    }
    for (const QString& name : dnsNames) {
        if (nameMatches(name, host)) {
            return true;
        }
    }
    return false;
}

bool hostMatches(const QString& host, const QSslCertificate& certificate)
{
    const auto alternatives = certificate.subjectAlternativeNames();
    return hostMatches(host, alternatives.values(QSsl::DnsEntry),
        alternatives.values(QSsl::IpAddressEntry),
        certificate.subjectInfo(QSslCertificate::CommonName));
}

} // namespace topograph::MySqlHandshake
