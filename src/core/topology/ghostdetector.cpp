#include "topology/ghostdetector.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include "resolve/resolveflagrules.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

QString translated(const char* text)
{
    return QCoreApplication::translate("GhostDetector", text);
}

QString clusterOf(const InstanceRecord& record)
{
    return record.clusterName.isEmpty() ? record.key.toString() : record.clusterName;
}

// The names of the known instances and the resolve entries, indexed once per detect() so that a
// snapshot of a large fleet stays cheap: per master, a few hash lookups instead of a scan.
struct NameIndex
{
    QHash<QString, QString> clusterOfHost; // host (lower case) → a cluster it is in
    // (every proper dot-prefix of a dotted host, port) → the instances with that host
    QHash<std::pair<QString, quint16>, QList<const InstanceRecord*>> byBareForm;
    QHash<QString, QList<const ResolveEntry*>> byResolved; // resolved name (lower case) → entries

    NameIndex(const QList<InstanceRecord>& records, const QList<ResolveEntry>& resolves)
    {
        for (const InstanceRecord& r : records) {
            const QString host = r.key.host.toLower();
            clusterOfHost.insert(host, clusterOf(r));
            for (qsizetype dot = host.indexOf(u'.'); dot > 0; dot = host.indexOf(u'.', dot + 1)) {
                byBareForm[{ host.left(dot), r.key.port }].append(&r);
            }
        }
        for (const ResolveEntry& e : resolves) {
            byResolved[e.resolvedHostname.toLower()].append(&e);
        }
    }

    // Why the master's name is a ghost name; empty when it is not.
    QString ghostNameReason(const InstanceRecord& master, const QString& cluster) const
    {
        const QString host = master.key.host.toLower();
        for (const ResolveEntry* e : byResolved.value(host)) {
            const QString askedCluster = clusterOfHost.value(e->hostname.toLower());
            const bool asksKnown = !askedCluster.isEmpty() && askedCluster != cluster;
            if (asksKnown || ResolveFlagRules::isPrefixOfAsked(e->hostname, e->resolvedHostname)) {
                return translated(QT_TRANSLATE_NOOP("GhostDetector",
                                      "%1 is what %2 resolved to (hostname_resolve)"))
                    .arg(e->resolvedHostname, e->hostname);
            }
        }
        for (const InstanceRecord* r : byBareForm.value({ host, master.key.port })) {
            if (clusterOf(*r) != cluster) {
                return translated(QT_TRANSLATE_NOOP("GhostDetector", "%1 is the bare form of %2"))
                    .arg(master.key.toString(), r->key.toString());
            }
        }
        return {};
    }
};

} // namespace

QStringList GhostCluster::resolveHostnames() const
{
    QStringList names;
    for (const ResolveEntry& e : resolveEntries) {
        names << e.hostname;
    }
    return names;
}

QList<GhostCluster> GhostDetector::detect(const QList<InstanceRecord>& records,
    const QList<ResolveEntry>& resolves, const QDateTime& now,
    const InstanceStatus::Thresholds& thresholds)
{
    const NameIndex names(records, resolves);
    QSet<InstanceKey> known;
    QHash<QString, QList<const InstanceRecord*>> byCluster;
    QStringList order;
    for (const InstanceRecord& r : records) {
        known.insert(r.key);
        const QString cluster = clusterOf(r);
        auto it = byCluster.find(cluster);
        if (it == byCluster.end()) {
            order << cluster;
            it = byCluster.insert(cluster, {});
        }
        it->append(&r);
    }

    QList<GhostCluster> ghosts;
    for (const QString& cluster : std::as_const(order)) {
        const QList<const InstanceRecord*>& members = byCluster[cluster];
        const InstanceRecord* master = nullptr;
        for (const InstanceRecord* r : members) {
            if (r->key.toString() == cluster) {
                master = r;
            }
        }
        QStringList reasons;
        if (!master) {
            reasons << translated(
                QT_TRANSLATE_NOOP("GhostDetector", "no instance answers as its master %1"))
                           .arg(cluster);
        } else {
            const QString name = names.ghostNameReason(*master, cluster);
            if (!name.isEmpty()) {
                reasons << name;
            }
            if (!InstanceStatus::of(*master, now, thresholds).lastCheckValid
                && !master->lastSeen.isValid()) {
                reasons << translated(
                    QT_TRANSLATE_NOOP("GhostDetector", "its master %1 was never validly checked"))
                               .arg(cluster);
            }
        }
        if (members.size() == 1 && members.front()->isReplica()
            && !known.contains(*members.front()->masterKey)) {
            reasons << translated(QT_TRANSLATE_NOOP("GhostDetector",
                                      "a lone replica of %1, which no known instance is"))
                           .arg(members.front()->masterKey->toString());
        }
        if (reasons.isEmpty()) {
            continue;
        }
        GhostCluster ghost;
        ghost.clusterName = cluster;
        ghost.reason = reasons.join(u"; "_s);
        QSet<QString> hosts;
        for (const InstanceRecord* r : members) {
            ghost.keys << r->key;
            hosts.insert(r->key.host.toLower());
        }
        std::sort(ghost.keys.begin(), ghost.keys.end());
        for (const ResolveEntry& e : resolves) {
            if (hosts.contains(e.resolvedHostname.toLower())
                || hosts.contains(e.hostname.toLower())) {
                ghost.resolveEntries << e;
            }
        }
        ghosts << ghost;
    }
    return ghosts;
}

} // namespace topograph
