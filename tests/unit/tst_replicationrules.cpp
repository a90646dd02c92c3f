// ReplicationRules: orchestrator's can-replicate-from checks with reasons naming the instances,
// version and binlog-format ordering, and the choice of a candidate replica.
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

InstanceRecord replicaOf(
    const QString& name, const QString& master, qint64 execPos, const Change& change = {})
{
    return instance(name, static_cast<quint32>(qHash(name) % 100000 + 10), [&](InstanceRecord& r) {
        r.masterKey = *InstanceKey::parse(master, 3306);
        r.ioThreadRunning = r.sqlThreadRunning = true;
        r.relayMasterLogFile = u"bin.000010"_s;
        r.execMasterLogPos = execPos;
        if (change) {
            change(r);
        }
    });
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

    void candidateReplica_data()
    {
        QTest::addColumn<QList<InstanceRecord>>("replicas");
        QTest::addColumn<QStringList>("rules"); // "host=rule"
        QTest::addColumn<QString>("expected"); // empty: none
        const QString m = u"m:3306"_s;
        const auto notRunning = [](InstanceRecord& r) { r.ioThreadRunning = false; };
        QTest::newRow("most advanced exec position") << QList<InstanceRecord> {
            replicaOf(u"a"_s, m, 100), replicaOf(u"b"_s, m, 300), replicaOf(u"c"_s, m, 200)
        } << QStringList() << u"b:3306"_s;
        QTest::newRow("later relay master file wins") << QList<InstanceRecord> {
            replicaOf(u"a"_s, m, 900),
            replicaOf(u"b"_s, m, 5, [](auto& r) { r.relayMasterLogFile = u"bin.000011"_s; })
        } << QStringList() << u"b:3306"_s;
        QTest::newRow("must_not excluded")
            << QList<InstanceRecord> { replicaOf(u"a"_s, m, 100), replicaOf(u"b"_s, m, 300) }
            << QStringList { u"b=must_not"_s } << u"a:3306"_s;
        QTest::newRow("prefer_not last even when ahead")
            << QList<InstanceRecord> { replicaOf(u"a"_s, m, 100), replicaOf(u"b"_s, m, 300) }
            << QStringList { u"b=prefer_not"_s } << u"a:3306"_s;
        QTest::newRow("prefer_not when alone")
            << QList<InstanceRecord> { replicaOf(u"b"_s, m, 300) }
            << QStringList { u"b=prefer_not"_s } << u"b:3306"_s;
        QTest::newRow("only must_not") << QList<InstanceRecord> { replicaOf(u"b"_s, m, 300) }
                                       << QStringList { u"b=must_not"_s } << QString();
        QTest::newRow("no log_slave_updates excluded")
            << QList<InstanceRecord> { replicaOf(u"a"_s, m, 100),
                   replicaOf(u"b"_s, m, 300, [](auto& r) { r.logSlaveUpdates = false; }) }
            << QStringList() << u"a:3306"_s;
        QTest::newRow("no log_bin excluded") << QList<InstanceRecord> { replicaOf(u"a"_s, m, 100),
            replicaOf(u"b"_s, m, 300, [](auto& r) { r.logBin = false; }) }
                                             << QStringList() << u"a:3306"_s;
        QTest::newRow("unreachable excluded") << QList<InstanceRecord> { replicaOf(u"a"_s, m, 100),
            replicaOf(u"b"_s, m, 300, [](auto& r) { r.reachable = false; }) }
                                              << QStringList() << u"a:3306"_s;
        QTest::newRow("replicating before stopped") << QList<InstanceRecord> {
            replicaOf(u"a"_s, m, 100), replicaOf(u"b"_s, m, 300, notRunning)
        } << QStringList() << u"a:3306"_s;
        QTest::newRow("tie: prefer wins")
            << QList<InstanceRecord> { replicaOf(u"a"_s, m, 100), replicaOf(u"b"_s, m, 100) }
            << QStringList { u"b=prefer"_s } << u"b:3306"_s;
        QTest::newRow("tie: smaller key")
            << QList<InstanceRecord> { replicaOf(u"b"_s, m, 100), replicaOf(u"a"_s, m, 100) }
            << QStringList() << u"a:3306"_s;
        QTest::newRow("none") << QList<InstanceRecord>() << QStringList() << QString();
    }
    void candidateReplica()
    {
        QFETCH(QList<InstanceRecord>, replicas);
        QFETCH(QStringList, rules);
        QFETCH(QString, expected);
        QHash<InstanceKey, QString> promotion;
        for (const QString& rule : rules) {
            promotion.insert(
                *InstanceKey::parse(rule.section(u'=', 0, 0), 3306), rule.section(u'=', 1));
        }
        const auto best = ReplicationRules::candidateReplica(replicas, promotion);
        QCOMPARE(best.has_value(), !expected.isEmpty());
        if (best) {
            QCOMPARE(best->key.toString(), expected);
        }
    }
};

QTEST_GUILESS_MAIN(TestReplicationRules)
#include "tst_replicationrules.moc"
