#include "instancekey.h"

#include <QHostAddress>

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

Error bad(const QString& input, const QString& why)
{
    return makeError(ErrorCode::InvalidInput, u"invalid instance key \"%1\": %2"_s.arg(input, why));
}

bool isHostNameChar(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
        || c == u'.' || c == u'-' || c == u'_';
}

Result<quint16> parsePort(const QString& input, const QString& portText)
{
    if (portText.isEmpty()) {
        return bad(input, u"the port after ':' is empty"_s);
    }
    for (const QChar c : portText) {
        if (c < u'0' || c > u'9') {
            return bad(input, u"port \"%1\" is not a number"_s.arg(portText));
        }
    }
    bool ok = false;
    const uint port = portText.toUInt(&ok);
    if (!ok || port < 1 || port > 65535) {
        return bad(input, u"port %1 is out of range 1-65535"_s.arg(portText));
    }
    return static_cast<quint16>(port);
}

Result<InstanceKey> parseBracketed(const QString& input, const QString& text, quint16 defaultPort)
{
    const qsizetype close = text.indexOf(u']');
    if (close < 0) {
        return bad(input, u"missing ']' after the IPv6 address"_s);
    }
    const QString address = text.mid(1, close - 1);
    if (address.isEmpty()) {
        return bad(input, u"the host is empty"_s);
    }
    const QHostAddress parsed(address);
    if (parsed.protocol() != QAbstractSocket::IPv6Protocol) {
        return bad(input, u"\"%1\" is not an IPv6 address"_s.arg(address));
    }
    const QString rest = text.mid(close + 1);
    quint16 port = defaultPort;
    if (!rest.isEmpty()) {
        if (!rest.startsWith(u':')) {
            return bad(input, u"unexpected \"%1\" after ']'"_s.arg(rest));
        }
        auto parsedPort = parsePort(input, rest.mid(1));
        if (!parsedPort) {
            return parsedPort.error();
        }
        port = *parsedPort;
    } else if (port == 0) {
        return bad(input, u"no port given and no default port configured"_s);
    }
    // One spelling per address, so that [0:0::1] and [::1] are the same key.
    return InstanceKey { parsed.toString(), port };
}

} // namespace

QString InstanceKey::toString() const
{
    if (host.contains(u':')) {
        return u'[' + host + u"]:"_s + QString::number(port);
    }
    return host + u':' + QString::number(port);
}

Result<InstanceKey> InstanceKey::parse(const QString& input, quint16 defaultPort)
{
    const QString text = input.trimmed();
    if (text.isEmpty()) {
        return bad(input, u"it is empty"_s);
    }
    if (text.startsWith(u'[')) {
        return parseBracketed(input, text, defaultPort);
    }
    if (text.count(u':') > 1) {
        return bad(input, u"too many ':' (write IPv6 addresses as [address]:port)"_s);
    }
    const qsizetype colon = text.indexOf(u':');
    const QString host = colon < 0 ? text : text.left(colon);
    if (host.isEmpty()) {
        return bad(input, u"the host is empty"_s);
    }
    for (const QChar c : host) {
        if (!isHostNameChar(c)) {
            return bad(input, u"unexpected character '%1' in the host name"_s.arg(c));
        }
    }
    if (host.startsWith(u'.') || host.startsWith(u'-') || host.endsWith(u'-')
        || host.contains(u".."_s)) {
        return bad(input, u"\"%1\" is not a valid host name"_s.arg(host));
    }
    quint16 port = defaultPort;
    if (colon >= 0) {
        auto parsed = parsePort(input, text.mid(colon + 1));
        if (!parsed) {
            return parsed.error();
        }
        port = *parsed;
    } else if (port == 0) {
        return bad(input, u"no port given and no default port configured"_s);
    }
    return InstanceKey { host, port };
}

std::strong_ordering operator<=>(const InstanceKey& a, const InstanceKey& b)
{
    const int byHost = QString::compare(a.host, b.host);
    if (byHost != 0) {
        return byHost < 0 ? std::strong_ordering::less : std::strong_ordering::greater;
    }
    return a.port <=> b.port;
}

size_t qHash(const InstanceKey& key, size_t seed) noexcept
{
    return qHashMulti(seed, key.host, key.port);
}

} // namespace topograph
