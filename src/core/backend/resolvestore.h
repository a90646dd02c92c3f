#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include "backend/backend.h"
#include "instancekey.h"

namespace topograph {

struct ResolveEntry
{
    QString hostname; // the name asked
    QString resolvedHostname; // what it resolved to
    QDateTime resolvedAt;

    friend bool operator==(const ResolveEntry&, const ResolveEntry&) = default;
};

// orchestrator's hostname_resolve: name asked → name resolved, with the time it was resolved.
// Entries older than ExpiryHostnameResolvesMinutes do not count and are purged.
class ResolveStore final
{
public:
    ResolveStore(const Backend& backend, int expiryMinutes);

    Result<void> record(const QString& hostname, const QString& resolved) const;
    // What a discovery learnt about names: the resolutions that came out different (asked,
    // resolved), and the servers that call themselves something else than the host they were
    // reached by (MySQLHostnameResolveMethod). Stops at the first failed write.
    Result<void> recordDiscovery(const QList<std::pair<QString, QString>>& resolutions,
        const QList<std::pair<InstanceKey, QString>>& reportedNames) const;
    Result<QList<ResolveEntry>> all() const; // unexpired, by hostname
    // Every row, expired ones too (orchestrator's show-resolve-hosts, the resolve cache view).
    Result<QList<ResolveEntry>> everything() const;
    // Deletes the entries asked for these names; how many rows went.
    Result<int> remove(const QStringList& hostnames) const;
    Result<int> reset() const; // deletes every entry
    Result<int> purgeExpired() const;

private:
    QVariant cutoff() const;

    const Backend& m_backend;
    int m_expiryMinutes;
};

} // namespace topograph
