#include "topology/topologyprinter.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

QString tags(const InstanceRecord& r, const TopologyPrinter::Options& options)
{
    if (!r.reachable) {
        return u"[unknown,invalid]"_s;
    }
    QStringList parts;
    const bool lagKnown = !r.isReplica() || r.secondsBehindMaster.has_value();
    const qint64 lag = r.isReplica() ? r.secondsBehindMaster.value_or(0) : 0;
    parts << (lagKnown ? u"%1s"_s.arg(lag) : u"unknown"_s);
    if (r.isReplica() && !r.isReplicating()) {
        parts << u"nonreplicating"_s;
    } else if (r.isReplica() && lag > options.reasonableLagSeconds) {
        parts << u"lag"_s;
    } else {
        parts << u"ok"_s;
    }
    parts << r.version << (r.readOnly ? u"ro"_s : u"rw"_s);
    parts << (r.logBin ? r.binlogFormat : u"nobinlog"_s);
    if (r.logBin && r.logSlaveUpdates) {
        parts << u">>"_s;
    }
    if (r.usesGtid()) {
        parts << u"GTID"_s;
    }
    return u'[' + parts.join(u',') + u']';
}

} // namespace

QStringList TopologyPrinter::ascii(
    const QList<InstanceRecord>& records, const InstanceKey& member, const Options& options)
{
    QHash<InstanceKey, const InstanceRecord*> byKey;
    QHash<InstanceKey, QList<const InstanceRecord*>> children;
    for (const InstanceRecord& r : records) {
        byKey.insert(r.key, &r);
    }
    // A replica names its master; one that could not be probed is known only from its master's
    // SHOW SLAVE HOSTS, and is drawn there.
    QHash<InstanceKey, InstanceKey> masterOf;
    for (const InstanceRecord& r : records) {
        for (const InstanceKey& replica : r.replicaKeys) {
            masterOf.insert(replica, r.key);
        }
    }
    for (const InstanceRecord& r : records) {
        if (r.masterKey) {
            masterOf.insert(r.key, *r.masterKey);
        }
    }
    for (const InstanceRecord& r : records) {
        const auto master = masterOf.constFind(r.key);
        if (master != masterOf.cend() && byKey.contains(*master) && *master != r.key) {
            children[*master].append(&r);
        }
    }
    for (auto& list : children) {
        std::sort(list.begin(), list.end(),
            [](const InstanceRecord* a, const InstanceRecord* b) { return a->key < b->key; });
    }
    if (!byKey.contains(member)) {
        return {};
    }
    // Climb to the root; a cycle (co-masters) stops at the first repeated key.
    InstanceKey root = member;
    QSet<InstanceKey> climbed { root };
    for (auto up = masterOf.constFind(root);
         up != masterOf.cend() && byKey.contains(*up) && !climbed.contains(*up);
         up = masterOf.constFind(root)) {
        root = *up;
        climbed.insert(root);
    }

    struct Line
    {
        QString head;
        QString tail;
    };
    QList<Line> lines;
    QSet<InstanceKey> printed;
    std::function<void(const InstanceRecord&, int)> visit
        = [&](const InstanceRecord& r, int depth) {
              if (printed.contains(r.key)) {
                  return;
              }
              printed.insert(r.key);
              QString head = QString(2 * std::max(0, depth - 1), u' ');
              if (depth > 0) {
                  head += r.reachable && r.isReplicating() ? u"+ "_s : u"- "_s;
              }
              head += r.key.toString();
              lines.append({ head, tags(r, options) });
              for (const InstanceRecord* child : children.value(r.key)) {
                  visit(*child, depth + 1);
              }
          };
    visit(*byKey.value(root), 0);

    qsizetype width = 0;
    for (const Line& line : lines) {
        width = std::max(width, line.head.size());
    }
    QStringList out;
    for (const Line& line : lines) {
        out << line.head.leftJustified(width + 1) + line.tail;
    }
    return out;
}

} // namespace topograph
