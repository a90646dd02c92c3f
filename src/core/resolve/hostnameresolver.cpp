#include "resolve/hostnameresolver.h"

#include <QHostAddress>
#include <QHostInfo>

#include "logging.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

QStringList systemLookup(const QString& name)
{
    QStringList addresses;
    const QHostInfo info = QHostInfo::fromName(name);
    for (const QHostAddress& address : info.addresses()) {
        if (address.protocol() == QAbstractSocket::IPv4Protocol) {
            addresses.prepend(address.toString());
        } else {
            addresses.append(address.toString());
        }
    }
    return addresses;
}

QString systemReverse(const QString& address)
{
    const QHostInfo info = QHostInfo::fromName(address);
    return info.error() == QHostInfo::NoError ? info.hostName() : QString();
}

} // namespace

HostnameResolver::HostnameResolver(const Configuration& config)
    : HostnameResolver(config.hostnameResolveMethod, systemLookup, systemReverse,
        config.expiryHostnameResolvesMinutes)
{ }

HostnameResolver::HostnameResolver(
    const QString& method, LookupFunction lookup, ReverseFunction reverse, int expiryMinutes)
    : m_method(method.toLower())
    , m_lookup(std::move(lookup))
    , m_reverse(std::move(reverse))
    , m_expiryMinutes(expiryMinutes)
{ }

QString HostnameResolver::lookUp(const QString& host) const
{
    const bool isAddress = !QHostAddress(host).isNull();
    if (m_method == u"default"_s) {
        if (!isAddress) {
            return host;
        }
        const QString name = m_reverse(host);
        return name.isEmpty() || name == host ? host : name;
    }
    if (m_method == u"ip"_s) {
        if (isAddress) {
            return host;
        }
        const QStringList addresses = m_lookup(host);
        return addresses.isEmpty() ? host : addresses.first();
    }
    if (m_method == u"cname"_s) {
        const QStringList addresses = isAddress ? QStringList { host } : m_lookup(host);
        if (addresses.isEmpty()) {
            return host;
        }
        const QString name = m_reverse(addresses.first());
        return name.isEmpty() || !QHostAddress(name).isNull() ? host : name;
    }
    return host; // none
}

QString HostnameResolver::resolve(const QString& host)
{
    if (m_method == u"none"_s || host.isEmpty()) {
        return host;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto cached = m_cache.constFind(host);
    if (cached != m_cache.cend()
        && cached->second.secsTo(now) < static_cast<qint64>(m_expiryMinutes) * 60) {
        return cached->first;
    }
    const QString resolved = lookUp(host);
    m_cache.insert(host, { resolved, now });
    if (resolved != host) {
        qCDebug(lcDiscovery).noquote() << "resolved" << host << "to" << resolved;
        m_new.append({ host, resolved });
    }
    return resolved;
}

InstanceKey HostnameResolver::resolve(const InstanceKey& key)
{
    return InstanceKey { resolve(key.host), key.port };
}

void HostnameResolver::clear()
{
    m_cache.clear();
    m_new.clear();
}

int HostnameResolver::forget(const QStringList& names)
{
    auto named
        = [&names](const QString& name) { return names.contains(name, Qt::CaseInsensitive); };
    int dropped = 0;
    for (auto it = m_cache.begin(); it != m_cache.end();) {
        if (named(it.key()) || named(it->first)) {
            it = m_cache.erase(it);
            ++dropped;
        } else {
            ++it;
        }
    }
    m_new.removeIf([&named](const std::pair<QString, QString>& p) {
        return named(p.first) || named(p.second);
    });
    return dropped;
}

QList<std::pair<QString, QString>> HostnameResolver::takeNewResolutions()
{
    return std::exchange(m_new, {});
}

} // namespace topograph
