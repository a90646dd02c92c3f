#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include "backend/backend.h"
#include "instancekey.h"

namespace topograph {

struct UnresolveEntry
{
    QString hostname; // the instance's real name
    QString unresolvedHostname; // the virtual name replicas are pointed at (e.g. a VIP)
    QDateTime lastRegistered;

    friend bool operator==(const UnresolveEntry&, const UnresolveEntry&) = default;
};

// orchestrator's hostname_unresolve: a virtual ("unresolved") name registered for an instance
// (-c register-hostname-unresolve); registrations expire after ExpiryHostnameResolvesMinutes.
class UnresolveStore final
{
public:
    explicit UnresolveStore(const Backend& backend);

    Result<QList<UnresolveEntry>> all() const; // every row, by hostname
    Result<void> registerName(const InstanceKey& key, const QString& unresolvedHostname) const;
    Result<int> deregister(const InstanceKey& key) const; // rows removed
    Result<int> remove(const QStringList& hostnames) const;

private:
    const Backend& m_backend;
};

} // namespace topograph
