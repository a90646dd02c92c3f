#include "resolve/resolveflagrules.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

QString translated(const char* text)
{
    return QCoreApplication::translate("ResolveFlagRules", text);
}

// Host names compare case-insensitively (DNS does).
QString folded(const QString& name)
{
    return name.toLower();
}

} // namespace

bool ResolveFlagRules::isPrefixOfAsked(const QString& hostname, const QString& resolved)
{
    return !resolved.isEmpty() && resolved.size() < hostname.size()
        && hostname.startsWith(resolved, Qt::CaseInsensitive);
}

QString ResolveFlagRules::reason(
    ResolveFlags flags, const QString& hostname, const QString& resolved)
{
    QStringList parts;
    if (flags.testFlag(ResolveFlag::PrefixOfAsked)) {
        const bool bare = hostname.at(resolved.size()) == u'.' && !resolved.contains(u'.');
        parts << (bare ? translated(QT_TRANSLATE_NOOP(
                      "ResolveFlagRules", "an FQDN resolved to a bare name (%1 → %2)"))
                       : translated(QT_TRANSLATE_NOOP(
                           "ResolveFlagRules", "resolved to a prefix of the name asked (%1 → %2)")))
                     .arg(hostname, resolved);
    }
    if (flags.testFlag(ResolveFlag::Unanswered)) {
        parts << translated(
            QT_TRANSLATE_NOOP("ResolveFlagRules", "no known instance answers to %1"))
                     .arg(resolved);
    }
    if (flags.testFlag(ResolveFlag::Mutual)) {
        parts << translated(
            QT_TRANSLATE_NOOP("ResolveFlagRules", "%1 and %2 resolve to one another"))
                     .arg(hostname, resolved);
    }
    if (flags.testFlag(ResolveFlag::Expired)) {
        parts << translated(QT_TRANSLATE_NOOP(
            "ResolveFlagRules", "expired (older than ExpiryHostnameResolvesMinutes)"));
    }
    return parts.join(u"; "_s);
}

QList<ResolveCacheEntry> ResolveFlagRules::judge(const QList<ResolveEntry>& resolves,
    const QList<UnresolveEntry>& unresolves, const QList<InstanceRecord>& known,
    const QDateTime& now, int expiryMinutes)
{
    QHash<QString, QList<InstanceKey>> byHost;
    for (const InstanceRecord& r : known) {
        byHost[folded(r.key.host)].append(r.key);
    }
    QSet<std::pair<QString, QString>> pairs;
    for (const ResolveEntry& e : resolves) {
        pairs.insert({ folded(e.hostname), folded(e.resolvedHostname) });
    }
    const qint64 expirySeconds = static_cast<qint64>(expiryMinutes) * 60;

    QList<ResolveCacheEntry> out;
    out.reserve(resolves.size() + unresolves.size());
    auto add = [&](ResolveKind kind, const QString& name, const QString& resolved,
                   const QDateTime& when) {
        ResolveCacheEntry entry;
        entry.kind = kind;
        entry.hostname = name;
        entry.resolvedHostname = resolved;
        entry.timestamp = when;
        entry.expiresAt = when.isValid() ? when.addSecs(expirySeconds) : QDateTime();
        entry.hostnameUsers = byHost.value(folded(name));
        entry.resolvedUsers = byHost.value(folded(resolved));
        if (!when.isValid() || entry.expiresAt <= now) {
            entry.flags |= ResolveFlag::Expired;
        }
        if (kind == ResolveKind::Resolve) {
            if (isPrefixOfAsked(name, resolved)) {
                entry.flags |= ResolveFlag::PrefixOfAsked;
            }
            if (entry.resolvedUsers.isEmpty()) {
                entry.flags |= ResolveFlag::Unanswered;
            }
            if (folded(name) != folded(resolved)
                && pairs.contains({ folded(resolved), folded(name) })) {
                entry.flags |= ResolveFlag::Mutual;
            }
        }
        entry.reason = reason(entry.flags, name, resolved);
        out << entry;
    };
    for (const ResolveEntry& e : resolves) {
        add(ResolveKind::Resolve, e.hostname, e.resolvedHostname, e.resolvedAt);
    }
    for (const UnresolveEntry& e : unresolves) {
        add(ResolveKind::Unresolve, e.hostname, e.unresolvedHostname, e.lastRegistered);
    }
    return out;
}

} // namespace topograph
