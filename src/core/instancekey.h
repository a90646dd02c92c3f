#pragma once

#include <QHashFunctions>
#include <QMetaType>
#include <QString>

#include <compare>

#include "result.h"

namespace topograph {

// Identity of a database instance: host name (or address) and port. Parsed from what DBAs type:
// "host:port", "host" (with the configured default port), "[ipv6]:port" or "[ipv6]".
struct InstanceKey
{
    QString host;
    quint16 port = 0;

    bool isValid() const { return !host.isEmpty() && port != 0; }

    // "host:port", with brackets around IPv6 addresses.
    QString toString() const;

    static Result<InstanceKey> parse(const QString& text, quint16 defaultPort);

    friend bool operator==(const InstanceKey&, const InstanceKey&) = default;
    friend std::strong_ordering operator<=>(const InstanceKey& a, const InstanceKey& b);
};

size_t qHash(const InstanceKey& key, size_t seed = 0) noexcept;

} // namespace topograph

Q_DECLARE_METATYPE(topograph::InstanceKey)
