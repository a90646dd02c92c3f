// Topologies for planner tests, built from a compact description: "m; r1<m; r2<m; r1a<r1" is a
// top master m with replicas r1 and r2, and r1a replicating from r1. Every instance is
// reachable, healthy, has binlogs with log_slave_updates (ROW), and replicas replicate without
// lag and are read-only. Tweak single records with with().
#pragma once

#include <QTest>

#include <functional>

#include "ops/plan.h"
#include "probe/instancerecord.h"

namespace topograph::test {

using namespace Qt::StringLiterals;

enum class Server { MariaDB1011, MySQL57, MySQL8022, MySQL80, MySQL84 };

inline InstanceKey key(const QString& name)
{
    return InstanceKey { name, 3306 };
}

class Topology final
{
public:
    explicit Topology(
        const QString& description, Server server = Server::MariaDB1011, bool gtid = false)
    {
        const QStringList entries = description.split(u';', Qt::SkipEmptyParts);
        for (const QString& entry : entries) {
            const QString name = entry.section(u'<', 0, 0).trimmed();
            const QString master = entry.section(u'<', 1, 1).trimmed();
            m_records.append(make(name, master, server, gtid, m_records.size() + 1));
        }
        for (InstanceRecord& r : m_records) {
            for (const InstanceRecord& other : m_records) {
                if (other.masterKey == r.key) {
                    r.replicaKeys.append(other.key);
                }
            }
        }
    }

    Topology& with(const QString& name, const std::function<void(InstanceRecord&)>& change)
    {
        change(at(name));
        return *this;
    }
    Topology& without(const QString& name)
    {
        m_records.removeIf([&](const InstanceRecord& r) { return r.key == key(name); });
        return *this;
    }
    InstanceRecord& at(const QString& name)
    {
        for (InstanceRecord& r : m_records) {
            if (r.key == key(name)) {
                return r;
            }
        }
        qFatal("no instance %s in the fixture", qPrintable(name));
    }
    const QList<InstanceRecord>& records() const { return m_records; }

private:
    QList<InstanceRecord> m_records;

    static InstanceRecord make(
        const QString& name, const QString& master, Server server, bool gtid, int id)
    {
        InstanceRecord r;
        r.key = key(name);
        r.reachable = true;
        r.flavor = server == Server::MariaDB1011 ? Flavor::MariaDB : Flavor::MySQL;
        r.version = server == Server::MariaDB1011 ? u"10.11.6-MariaDB-log"_s
            : server == Server::MySQL57           ? u"5.7.44-log"_s
            : server == Server::MySQL8022         ? u"8.0.22"_s
            : server == Server::MySQL80           ? u"8.0.36"_s
                                                  : u"8.4.0"_s;
        r.serverId = static_cast<quint32>(100 + id);
        r.logBin = true;
        r.logSlaveUpdates = true;
        r.binlogFormat = u"ROW"_s;
        r.binaryLogFile = name + u"-bin.000007"_s;
        r.binaryLogPos = 4000 + id;
        const QString uuid = u"00000000-0000-0000-0000-%1"_s.arg(id, 12, 10, QChar(u'0'));
        if (r.flavor == Flavor::MySQL) {
            r.serverUuid = uuid;
            r.gtidMode = gtid ? u"ON"_s : u"OFF"_s;
            r.supportsOracleGtid = gtid;
            r.executedGtidSet = gtid ? u"00000000-0000-0000-0000-000000000001:1-500"_s : QString();
        } else {
            r.gtidBinlogPos = u"0-101-500"_s;
            r.gtidCurrentPos = u"0-101-500"_s;
        }
        if (!master.isEmpty()) {
            r.masterKey = key(master);
            r.readOnly = true;
            r.ioThreadRunning = r.sqlThreadRunning = true;
            r.masterLogFile = r.relayMasterLogFile = master + u"-bin.000007"_s;
            r.readMasterLogPos = r.execMasterLogPos = 3000;
            r.secondsBehindMaster = 0;
            r.replicationLagSeconds = 0;
            if (r.flavor == Flavor::MariaDB) {
                r.usingGtid = gtid ? u"Slave_Pos"_s : u"No"_s;
                r.gtidSlavePos = u"0-101-500"_s;
            } else {
                r.oracleGtid = gtid;
            }
        }
        return r;
    }
};

// "host:port: SQL" for every statement of the plan, in order.
inline QStringList statements(const Plan& plan)
{
    QStringList out;
    for (const PlanStep& step : plan.steps) {
        for (const QString& sql : step.sql) {
            out << step.instance.toString() + u": "_s + sql;
        }
    }
    return out;
}

// Compares line by line, so a failure shows the first differing statement.
inline void compareLines(const QStringList& actual, const QStringList& expected)
{
    for (qsizetype i = 0; i < std::min(actual.size(), expected.size()); ++i) {
        QCOMPARE(actual.at(i), expected.at(i));
    }
    QCOMPARE(actual.size(), expected.size());
}

} // namespace topograph::test
