// ReplicationRules: orchestrator's can-replicate-from checks with reasons naming the instances,
// version and binlog-format ordering.
#include <QTest>

#include <functional>

#include "config/configuration.h"
#include "topology/replicationrules.h"

using namespace Qt::StringLiterals;
using namespace topograph;

namespace {

using Change = std::function<void(InstanceRecord&)>;

// A healthy MariaDB 10.11 instance with binlogs and log_slave_updates.
InstanceRecord instance(const QString& name, quint32 serverId, const Change& change = {})
{
    InstanceRecord r;
    r.key = *InstanceKey::parse(name, 3306);
    r.reachable = true;
    r.serverId = serverId;
    r.version = u"10.11.6-MariaDB-log"_s;
    r.logBin = true;
    r.logSlaveUpdates = true;
    r.binlogFormat = u"ROW"_s;
    if (change) {
        change(r);
    }
    return r;
}

Change version(const QString& v)
{
    return [v](InstanceRecord& r) { r.version = v; };
}

} // namespace

class TestReplicationRules final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void canReplicateFrom_data()
    {
        QTest::addColumn<InstanceRecord>("replica");
        QTest::addColumn<InstanceRecord>("source");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<QStringList>("reasonNames");
        const QString r = u"replica:3306"_s;
        const QString s = u"source:3306"_s;
        const auto rep = [&](const Change& c = {}) { return instance(r, 2, c); };
        const auto src = [&](const Change& c = {}) { return instance(s, 1, c); };
        QTest::newRow("healthy") << rep() << src() << true << QStringList();
        QTest::newRow("same instance") << rep() << instance(r, 1) << false << QStringList { r };
        QTest::newRow("same server_id") << rep() << src([](auto& x) { x.serverId = 2; }) << false
                                        << QStringList { r, s, u"server_id"_s, u"2"_s };
        QTest::newRow("unknown server_ids")
            << rep([](auto& x) { x.serverId = 0; }) << src([](auto& x) { x.serverId = 0; }) << true
            << QStringList();
        QTest::newRow("same server_uuid") << rep([](auto& x) { x.serverUuid = u"u-1"_s; })
                                          << src([](auto& x) { x.serverUuid = u"u-1"_s; }) << false
                                          << QStringList { r, s, u"server_uuid"_s };
        QTest::newRow("source without log_bin") << rep() << src([](auto& x) { x.logBin = false; })
                                                << false << QStringList { s, u"log_bin"_s };
        QTest::newRow("replica source without log_slave_updates") << rep() << src([](auto& x) {
            x.masterKey = *InstanceKey::parse(u"top:3306"_s, 3306);
            x.logSlaveUpdates = false;
        }) << false << QStringList { s, u"log_slave_updates"_s };
        QTest::newRow("root source without log_slave_updates")
            << rep() << src([](auto& x) { x.logSlaveUpdates = false; }) << true << QStringList();
        QTest::newRow("5.6 from 5.7")
            << rep(version(u"5.6.51-log"_s)) << src(version(u"5.7.44"_s)) << false
            << QStringList { r, s, u"5.6.51-log"_s, u"5.7.44"_s };
        QTest::newRow("10.6 from 10.11") << rep(version(u"10.6.16-MariaDB"_s)) << src() << false
                                         << QStringList { r, s, u"10.6.16-MariaDB"_s };
        QTest::newRow("10.11 from 10.6")
            << rep() << src(version(u"10.6.16-MariaDB-log"_s)) << true << QStringList();
        QTest::newRow("8.0 from 5.7")
            << rep(version(u"8.0.36"_s)) << src(version(u"5.7.44"_s)) << true << QStringList();
        QTest::newRow("same major, older minor")
            << rep(version(u"10.11.2-MariaDB"_s)) << src() << true << QStringList();
        QTest::newRow("STATEMENT from ROW")
            << rep([](auto& x) { x.binlogFormat = u"STATEMENT"_s; }) << src() << false
            << QStringList { r, s, u"STATEMENT"_s, u"ROW"_s };
        QTest::newRow("MIXED from ROW") << rep([](auto& x) { x.binlogFormat = u"MIXED"_s; })
                                        << src() << false << QStringList { r, u"MIXED"_s };
        QTest::newRow("ROW from STATEMENT")
            << rep() << src([](auto& x) { x.binlogFormat = u"STATEMENT"_s; }) << true
            << QStringList();
        QTest::newRow("STATEMENT from ROW, replica without log_slave_updates") << rep([](auto& x) {
            x.binlogFormat = u"STATEMENT"_s;
            x.logSlaveUpdates = false;
        }) << src() << true << QStringList();
        QTest::newRow("source more delayed") << rep() << src([](auto& x) { x.sqlDelay = 3600; })
                                             << false << QStringList { s, r, u"3600"_s };
        QTest::newRow("equally delayed")
            << rep([](auto& x) { x.sqlDelay = 60; }) << src([](auto& x) { x.sqlDelay = 60; })
            << true << QStringList();
        QTest::newRow("replica more delayed")
            << rep([](auto& x) { x.sqlDelay = 3600; }) << src() << true << QStringList();
    }
    void canReplicateFrom()
    {
        QFETCH(InstanceRecord, replica);
        QFETCH(InstanceRecord, source);
        QFETCH(bool, allowed);
        QFETCH(QStringList, reasonNames);
        const Verdict verdict
            = ReplicationRules::canReplicateFrom(replica, source, Configuration {});
        QCOMPARE(verdict.allowed, allowed);
        QCOMPARE(verdict.reason.isEmpty(), allowed);
        for (const QString& name : reasonNames) {
            QVERIFY2(verdict.reason.contains(name),
                qPrintable(u"\"%1\" not in \"%2\""_s.arg(name, verdict.reason)));
        }
    }

    void compareVersions_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<int>("expected");
        QTest::newRow("5.6 < 5.7") << u"5.6"_s << u"5.7"_s << -1;
        QTest::newRow("10.11 > 10.6") << u"10.11"_s << u"10.6"_s << 1;
        QTest::newRow("8.0 > 5.7") << u"8.0"_s << u"5.7"_s << 1;
        QTest::newRow("equal") << u"10.6"_s << u"10.6"_s << 0;
        QTest::newRow("suffix ignored") << u"10.6.16-MariaDB-log"_s << u"10.6.16"_s << 0;
        QTest::newRow("8.0.9 < 8.0.10") << u"8.0.9"_s << u"8.0.10"_s << -1;
        QTest::newRow("missing part is 0") << u"8.0"_s << u"8.0.0"_s << 0;
    }
    void compareVersions()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(int, expected);
        QCOMPARE(ReplicationRules::compareVersions(a, b), expected);
        QCOMPARE(ReplicationRules::compareVersions(b, a), -expected);
    }

    void binlogFormatRank_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("rank");
        QTest::newRow("ROW") << u"ROW"_s << 3;
        QTest::newRow("row") << u"row"_s << 3;
        QTest::newRow("MIXED") << u"MIXED"_s << 2;
        QTest::newRow("STATEMENT") << u"STATEMENT"_s << 1;
        QTest::newRow("empty") << QString() << 0;
        QTest::newRow("unknown") << u"FANCY"_s << 0;
    }
    void binlogFormatRank()
    {
        QFETCH(QString, format);
        QFETCH(int, rank);
        QCOMPARE(ReplicationRules::binlogFormatRank(format), rank);
    }
};

QTEST_GUILESS_MAIN(TestReplicationRules)
#include "tst_replicationrules.moc"
