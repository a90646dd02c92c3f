// How long the menus take to decide what is enabled: OperationStates::all (every operation of
// the registry, asked of the planner) for the primary, an intermediate master and a leaf of
// synthetic GTID clusters of 200 and 2,000 instances, half of them direct replicas of the
// primary (the worst case for "Move replicas to…", which plans every replica per destination).
// The app computes this on the GUI thread on every selection change and every snapshot.
//   build/bench/bench_operation_states [--runs 7]
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>

#include "ops/operationstates.h"

using namespace Qt::StringLiterals;
using namespace topograph;

namespace {

InstanceRecord record(int n, std::optional<int> master)
{
    InstanceRecord r;
    r.key = InstanceKey { u"db%1.eqiad.wmnet"_s.arg(1000 + n), 3306 };
    r.reachable = true;
    r.flavor = Flavor::MariaDB;
    r.version = u"10.11.6-MariaDB-log"_s;
    r.serverId = static_cast<quint32>(n + 1);
    r.logBin = r.logSlaveUpdates = true;
    r.binlogFormat = u"ROW"_s;
    r.clusterName = u"db1000.eqiad.wmnet:3306"_s;
    if (master) {
        r.masterKey = InstanceKey { u"db%1.eqiad.wmnet"_s.arg(1000 + *master), 3306 };
        r.readOnly = true;
        r.usingGtid = u"Slave_Pos"_s;
        r.ioThreadRunning = r.sqlThreadRunning = true;
        r.secondsBehindMaster = r.replicationLagSeconds = 0;
    }
    return r;
}

// 0 is the primary; 1..count/2 replicate from it; the rest from ten intermediates (1..10).
QList<InstanceRecord> cluster(int count)
{
    QList<InstanceRecord> records { record(0, std::nullopt) };
    for (int n = 1; n < count; ++n) {
        records.append(record(n, n <= count / 2 ? 0 : 1 + n % 10));
    }
    return records;
}

double medianMs(const SelectionContext& context, const InstanceKey& key, int runs)
{
    QList<double> samples;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        const auto states = OperationStates::all(context, key);
        samples << timer.nsecsElapsed() / 1e6;
        Q_UNUSED(states);
    }
    std::sort(samples.begin(), samples.end());
    return samples.at(samples.size() / 2);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const int at = static_cast<int>(args.indexOf(u"--runs"_s));
    const int runs = at > 0 && at + 1 < args.size() ? std::max(1, args.at(at + 1).toInt()) : 7;
    QTextStream out(stdout);
    out << "OperationStates::all, median of " << runs << " runs\n";
    for (const int count : { 200, 2000 }) {
        SelectionContext context;
        context.cluster = cluster(count);
        const double primary = medianMs(context, context.cluster.at(0).key, runs);
        const double intermediate = medianMs(context, context.cluster.at(1).key, runs);
        const double leaf = medianMs(context, context.cluster.last().key, runs);
        out << u"  %1 instances: primary %2 ms, intermediate master %3 ms, leaf %4 ms\n"_s
                   .arg(count)
                   .arg(primary, 0, 'f', 2)
                   .arg(intermediate, 0, 'f', 2)
                   .arg(leaf, 0, 'f', 2);
        out.flush();
        if (args.contains(u"--per-operation"_s)) {
            for (const auto& [name, key] : { std::pair { "primary", context.cluster.at(0).key },
                     std::pair { "leaf", context.cluster.last().key } }) {
                for (const OperationInfo& info : OperationRegistry::all()) {
                    QElapsedTimer timer;
                    timer.start();
                    const OperationState state = OperationStates::of(info.operation, context, key);
                    Q_UNUSED(state);
                    out << u"    %1 %2: %3 ms\n"_s
                               .arg(QString::fromLatin1(name),
                                   OperationRegistry::plainLabel(info.operation))
                               .arg(timer.nsecsElapsed() / 1e6, 0, 'f', 2);
                }
            }
        }
    }
    return 0;
}
