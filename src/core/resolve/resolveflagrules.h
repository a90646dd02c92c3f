#pragma once

#include <QDateTime>
#include <QList>

#include "backend/resolvestore.h"
#include "backend/unresolvestore.h"
#include "probe/instancerecord.h"
#include "resolve/resolvecacheentry.h"

namespace topograph {

// The rules that flag resolve cache entries (DESIGN §6), as pure functions of the entries, the
// known instances and the time, so that the resolve cache view, the ghost detector and the CLI
// judge alike:
//  - PrefixOfAsked: the resolved name is a proper prefix of the name asked (pc1008.eqiad.wmnet →
//    pc1008: an FQDN resolved to its bare name);
//  - Unanswered: no known instance is keyed by the resolved name (resolve entries only: an
//    unresolve name is a virtual name by design);
//  - Expired: the entry is older than ExpiryHostnameResolvesMinutes;
//  - Mutual: another resolve entry maps the resolved name back to the name asked.
class ResolveFlagRules final
{
public:
    static QList<ResolveCacheEntry> judge(const QList<ResolveEntry>& resolves,
        const QList<UnresolveEntry>& unresolves, const QList<InstanceRecord>& known,
        const QDateTime& now, int expiryMinutes);

    static bool isPrefixOfAsked(const QString& hostname, const QString& resolved);
    // The reason text for flags (translated in the context "ResolveFlagRules").
    static QString reason(ResolveFlags flags, const QString& hostname, const QString& resolved);
};

} // namespace topograph
