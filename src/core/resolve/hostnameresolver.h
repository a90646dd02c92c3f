#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>

#include "config/configuration.h"
#include "instancekey.h"

namespace topograph {

// Turns host names into the form Topograph keys instances by, per HostnameResolveMethod:
//   none     names and addresses as given;
//   default  names as given, IP addresses reverse-resolved to their host name;
//   cname    names resolved to the name their address resolves back to (the canonical name);
//   ip       names resolved to their address (IPv4 first).
// Lookups block (QHostInfo::fromName), so this runs on worker or CLI threads only. Answers are
// cached for ExpiryHostnameResolvesMinutes; a lookup that fails leaves the name as given.
class HostnameResolver final
{
public:
    using LookupFunction = std::function<QStringList(const QString&)>; // name → addresses
    using ReverseFunction = std::function<QString(const QString&)>; // address → name

    explicit HostnameResolver(const Configuration& config);
    // For tests: DNS replaced by functions.
    HostnameResolver(const QString& method, LookupFunction lookup, ReverseFunction reverse,
        int expiryMinutes = 60);

    QString resolve(const QString& host);
    InstanceKey resolve(const InstanceKey& key);

    // Pairs (asked, resolved) that differ, found since the last call: for hostname_resolve.
    QList<std::pair<QString, QString>> takeNewResolutions();

    // Drops every cached answer that asks for or resolved to one of names (a forgotten ghost's
    // names), so that the next lookup asks DNS again instead of repeating a bad answer.
    // Returns how many cached answers went.
    int forget(const QStringList& names);
    void clear(); // drops every cached answer
    bool isCached(const QString& host) const { return m_cache.contains(host); }

private:
    QString lookUp(const QString& host) const;

    QString m_method;
    LookupFunction m_lookup;
    ReverseFunction m_reverse;
    int m_expiryMinutes;
    QHash<QString, std::pair<QString, QDateTime>> m_cache; // asked → (resolved, when)
    QList<std::pair<QString, QString>> m_new;
};

} // namespace topograph
