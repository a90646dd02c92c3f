#include "topology/livereplicationcheck.h"

#include <QCoreApplication>
#include <QHash>

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

QString translated(const char* text)
{
    return QCoreApplication::translate("LiveReplicationCheck", text);
}

} // namespace

QList<LiveReplicationCheck::LiveHost> LiveReplicationCheck::liveHosts(
    const QList<InstanceKey>& keys, const QList<InstanceRecord>& all, const QDateTime& now,
    const InstanceStatus::Thresholds& thresholds)
{
    QHash<InstanceKey, const InstanceRecord*> byKey;
    for (const InstanceRecord& r : all) {
        byKey.insert(r.key, &r);
    }
    auto answered = [&](const InstanceRecord& r) {
        return r.reachable && InstanceStatus::of(r, now, thresholds).lastCheckValid;
    };
    QList<LiveHost> live;
    for (const InstanceKey& key : keys) {
        const InstanceRecord* record = byKey.value(key);
        if (!record || !answered(*record)) {
            continue;
        }
        if (record->isReplica() && (record->ioThreadRunning || record->sqlThreadRunning)) {
            live << LiveHost { key,
                translated(QT_TRANSLATE_NOOP("LiveReplicationCheck", "replicating from %1"))
                    .arg(record->masterKey->toString()) };
            continue;
        }
        for (const InstanceRecord& r : all) {
            if (r.masterKey == key && answered(r) && (r.ioThreadRunning || r.sqlThreadRunning)) {
                live << LiveHost { key,
                    translated(QT_TRANSLATE_NOOP("LiveReplicationCheck", "%1 replicates from it"))
                        .arg(r.key.toString()) };
                break;
            }
        }
    }
    return live;
}

QString LiveReplicationCheck::describe(const QList<LiveHost>& hosts)
{
    QStringList parts;
    for (const LiveHost& h : hosts) {
        parts << u"%1 (%2)"_s.arg(h.key.toString(), h.why);
    }
    return parts.join(u", "_s);
}

} // namespace topograph
