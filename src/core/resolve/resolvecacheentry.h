#pragma once

#include <QDateTime>
#include <QFlags>
#include <QList>
#include <QMetaType>
#include <QString>

#include "instancekey.h"

namespace topograph {

enum class ResolveKind {
    Resolve, // hostname_resolve: name asked → name resolved
    Unresolve, // hostname_unresolve: instance's name → virtual name registered for it
};

// Why an entry of the resolve cache looks wrong (DESIGN §6); several can hold at once.
enum class ResolveFlag : unsigned {
    PrefixOfAsked = 1, // resolved to a prefix of the name asked (an FQDN to its bare name)
    Unanswered = 2, // no known instance answers to the resolved name
    Expired = 4, // older than ExpiryHostnameResolvesMinutes
    Mutual = 8, // two names resolve to one another
};
Q_DECLARE_FLAGS(ResolveFlags, ResolveFlag)

// One row of the resolve cache as Topograph judges it: the entry, which known instances use each
// of its names, and its flags with the reason in words. A plain value (crosses threads in the
// FleetSnapshot).
struct ResolveCacheEntry
{
    ResolveKind kind = ResolveKind::Resolve;
    QString hostname;
    QString resolvedHostname; // for Unresolve: the unresolved (virtual) name
    QDateTime timestamp; // resolved_timestamp / last_registered (UTC)
    QDateTime expiresAt; // timestamp + ExpiryHostnameResolvesMinutes
    QList<InstanceKey> hostnameUsers; // known instances keyed by hostname
    QList<InstanceKey> resolvedUsers; // known instances keyed by resolvedHostname
    ResolveFlags flags;
    QString reason; // the flags in words, "; "-separated; empty when not flagged

    bool flagged() const { return flags != ResolveFlags(); }
    friend bool operator==(const ResolveCacheEntry&, const ResolveCacheEntry&) = default;
};

} // namespace topograph

// At global scope: inside the namespace its operator| would hide Qt's (Qt::CTRL | Qt::Key_D).
Q_DECLARE_OPERATORS_FOR_FLAGS(topograph::ResolveFlags)
Q_DECLARE_METATYPE(topograph::ResolveCacheEntry)
