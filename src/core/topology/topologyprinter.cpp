#include "topology/topologyprinter.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

template <typename Line>
QStringList plain(const QList<Line>& lines, const TopologyPrinter::Options& options)
{
    qsizetype width = 0;
    for (const Line& line : lines) {
        width = std::max(width, line.head.size());
    }
    QStringList out;
    for (const Line& line : lines) {
        QStringList parts { line.status.lag, line.status.status };
        parts << TopologyPrinter::orchestratorTokens(
            *line.record, line.status.tags, options.marks.value(line.record->key));
        QString text = line.head.leftJustified(width + 1) + u'[' + parts.join(u',') + u']';
        if (options.style == TopologyPrinter::Style::WithTags) {
            text += u" ["_s + options.instanceTags.value(line.record->key).join(u',') + u']';
        }
        out << text;
    }
    return out;
}

template <typename Line>
QStringList tabulate(const QList<Line>& lines, const TopologyPrinter::Options& options)
{
    // Columns: tree, lag (right-aligned), status, version, ro|rw, format; then the extras.
    QList<QStringList> rows;
    for (const Line& line : lines) {
        QStringList row { line.head, line.status.lag, line.status.status };
        const QStringList tags = TopologyPrinter::orchestratorTokens(
            *line.record, line.status.tags, options.marks.value(line.record->key));
        for (int i = 0; i < 3; ++i) {
            row << tags.value(i);
        }
        row << tags.mid(3).join(u',');
        rows << row;
    }
    // Every column is padded to its width, the last one too (trailing blanks included), as
    // orchestrator's tabulation prints it.
    QList<qsizetype> widths(7, 0);
    for (const QStringList& row : rows) {
        for (int c = 0; c < 7; ++c) {
            widths[c] = std::max(widths[c], row[c].size());
        }
    }
    QStringList out;
    for (const QStringList& row : rows) {
        QStringList cells;
        for (int c = 0; c < 7; ++c) {
            cells << (c == 1 ? row[c].rightJustified(widths[c]) : row[c].leftJustified(widths[c]));
        }
        out << cells.join(u'|');
    }
    return out;
}

} // namespace

QStringList TopologyPrinter::orchestratorTokens(
    const InstanceRecord& record, const QStringList& tags, const Marks& marks)
{
    QStringList tokens = tags;
    tokens.removeAll(u"delayed"_s);
    if (tokens.isEmpty()) {
        return tokens; // never seen: nothing to say about it
    }
    qsizetype gtid = tokens.indexOf(u"GTID"_s);
    if (gtid < 0 && record.supportsOracleGtid) {
        const qsizetype pseudo = tokens.indexOf(u"P-GTID"_s);
        gtid = pseudo < 0 ? tokens.size() : pseudo;
        tokens.insert(gtid, u"GTID"_s);
    }
    if (gtid >= 0 && marks.gtidErrant) {
        tokens[gtid] = u"GTID:errant"_s;
    }
    if (marks.semiSyncMaster) {
        tokens << u"semi:master"_s;
    }
    if (marks.semiSyncReplica) {
        tokens << u"semi:replica"_s;
    }
    if (marks.downtimed) {
        tokens << u"downtimed"_s;
    }
    return tokens;
}

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
    // The cluster's own name is its root (for co-masters, the one ClusterAssigner chose).
    const QString clusterName = byKey.value(member)->clusterName;
    for (auto up = masterOf.constFind(root);
         up != masterOf.cend() && byKey.contains(*up) && !climbed.contains(*up);
         up = masterOf.constFind(root)) {
        root = *up;
        climbed.insert(root);
    }
    for (auto it = byKey.cbegin(); it != byKey.cend(); ++it) {
        if (!clusterName.isEmpty() && it.key().toString() == clusterName
            && climbed.contains(it.key())) {
            root = it.key();
        }
    }

    struct Line
    {
        QString head;
        InstanceStatus status;
        const InstanceRecord* record;
    };
    const InstanceStatus::Thresholds thresholds { options.pollSeconds,
        options.reasonableLagSeconds };
    QList<Line> lines;
    QSet<InstanceKey> printed;
    std::function<void(const InstanceRecord&, int)> visit
        = [&](const InstanceRecord& r, int depth) {
              if (printed.contains(r.key)) {
                  return;
              }
              printed.insert(r.key);
              const InstanceStatus status = InstanceStatus::of(r, options.now, thresholds);
              QString head = QString(2 * std::max(0, depth - 1), u' ');
              if (depth > 0) {
                  const bool running
                      = status.replicating && status.lastCheckValid && status.recentlyChecked;
                  head += running ? u"+ "_s : u"- "_s;
              }
              head += r.key.toString();
              lines.append({ head, status, &r });
              for (const InstanceRecord* child : children.value(r.key)) {
                  visit(*child, depth + 1);
              }
          };
    visit(*byKey.value(root), 0);
    return options.style == Style::Tabulated ? tabulate(lines, options) : plain(lines, options);
}

} // namespace topograph
