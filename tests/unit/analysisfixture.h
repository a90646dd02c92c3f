// Backend rows for the replication analysis tests: a fleet of AnalysisInstance values built up
// instance by instance (a healthy master and replicas by default), and the analysis of it.
#pragma once

#include <QTest>

#include "analysis/replicationanalyzer.h"

namespace topograph::test {

using namespace Qt::StringLiterals;

inline const QDateTime kChecked = QDateTime(QDate(2026, 1, 1), QTime(10, 0, 0), Qt::UTC);

struct AnalysisFleet
{
    AnalysisInput input;
    AnalysisSettings settings;

    AnalysisFleet() { input.now = kChecked.addSecs(60); }

    static InstanceKey k(const QString& text) { return *InstanceKey::parse(text, 3306); }

    // A healthy instance: checked and seen at kChecked, binary log with log_slave_updates,
    // STATEMENT format, MariaDB GTID, read-write.
    AnalysisInstance& add(const QString& key, const QString& master, const QString& cluster)
    {
        AnalysisInstance i;
        i.key = k(key);
        if (!master.isEmpty()) {
            const InstanceKey m = k(master);
            i.masterHost = m.host;
            i.masterPort = m.port;
            i.slaveIoRunning = true;
            i.slaveSqlRunning = true;
        }
        i.clusterName = cluster;
        i.lastChecked = kChecked;
        i.lastSeen = kChecked;
        i.lastAttemptedCheck = kChecked;
        i.logBin = true;
        i.logSlaveUpdates = true;
        i.binlogFormat = u"STATEMENT"_s;
        i.majorVersion = u"10.11"_s;
        i.mariadbGtid = true;
        input.instances << i;
        return input.instances.last();
    }
    AnalysisInstance& master(const QString& key) { return add(key, QString(), key); }
    AnalysisInstance& replica(const QString& key, const QString& master, int depth = 1)
    {
        AnalysisInstance& r = add(key, master, clusterOf(master));
        r.replicationDepth = depth;
        return r;
    }
    QString clusterOf(const QString& key) const
    {
        for (const AnalysisInstance& i : input.instances) {
            if (i.key == k(key)) {
                return i.clusterName;
            }
        }
        return key;
    }
    AnalysisInstance& at(const QString& key)
    {
        for (AnalysisInstance& i : input.instances) {
            if (i.key == k(key)) {
                return i;
            }
        }
        qFatal("no instance %s", qPrintable(key));
    }

    // The last check failed a minute after the instance was last seen.
    void dead(const QString& key) { at(key).lastSeen = kChecked.addSecs(-60); }
    void stopIo(const QString& key) { at(key).slaveIoRunning = false; }
    void stopSql(const QString& key) { at(key).slaveSqlRunning = false; }
    void failToConnect(const QString& key)
    {
        at(key).slaveIoRunning = false;
        at(key).lastIoError
            = u"error reconnecting to master 'repl@db1:3306' - retry-time: 60 retries: 3"_s;
    }
    void downtime(const QString& key, qint64 secondsFromNow = 600)
    {
        input.downtimeEnds.insert(k(key), input.now.addSecs(secondsFromNow));
    }

    QList<AnalysisEntry> analyze() const { return ReplicationAnalyzer::analyze(input, settings); }

    // "host:port (cluster C): Codes" lines, as -c replication-analysis prints them.
    QStringList lines() const
    {
        QStringList out;
        for (const AnalysisEntry& e : analyze()) {
            out << e.key.toString() + u" (cluster "_s + e.clusterName + u"): "_s
                    + e.analysisString();
        }
        return out;
    }
    // The analysis string of one instance; empty when it has no entry.
    QString of(const QString& key) const
    {
        for (const AnalysisEntry& e : analyze()) {
            if (e.key == k(key)) {
                return e.analysisString();
            }
        }
        return {};
    }
};

} // namespace topograph::test
