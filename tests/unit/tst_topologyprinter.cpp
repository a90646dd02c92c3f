#include <QTest>

#include <functional>

#include "probe/instancerecord.h"
#include "topology/topologyprinter.h"

using namespace Qt::StringLiterals;
using topograph::InstanceKey;
using topograph::InstanceRecord;
using topograph::TopologyPrinter;

namespace {

InstanceKey key(const QString& text)
{
    return *InstanceKey::parse(text, 3306);
}

// A healthy MariaDB instance; with a master, a replicating read-only GTID replica.
InstanceRecord node(const QString& name, const QString& master = {},
    const std::function<void(InstanceRecord&)>& change = {})
{
    InstanceRecord r;
    r.key = key(name);
    r.reachable = true;
    r.lastChecked = r.lastSeen = QDateTime::currentDateTimeUtc();
    r.version = u"10.11.6-MariaDB-log"_s;
    r.logBin = true;
    r.logSlaveUpdates = true;
    r.binlogFormat = u"ROW"_s;
    if (!master.isEmpty()) {
        r.masterKey = key(master);
        r.ioThreadRunning = true;
        r.sqlThreadRunning = true;
        r.secondsBehindMaster = 0;
        r.usingGtid = u"Slave_Pos"_s;
        r.readOnly = true;
    }
    if (change) {
        change(r);
    }
    return r;
}

// root; replica1 with replica1a below it; replica2 lagging; replica0 not replicating.
QList<InstanceRecord> fiveInstances()
{
    return {
        node(u"replica2"_s, u"master"_s,
            [](InstanceRecord& r) {
                r.secondsBehindMaster = 25;
                r.logSlaveUpdates = false;
                r.usingGtid = u"Current_Pos"_s;
            }),
        node(u"replica1a"_s, u"replica1"_s,
            [](InstanceRecord& r) {
                r.secondsBehindMaster.reset();
                r.logBin = false;
            }),
        node(u"master"_s),
        node(u"replica0"_s, u"master"_s,
            [](InstanceRecord& r) {
                r.ioThreadRunning = false;
                r.secondsBehindMaster.reset();
                r.usingGtid = u"No"_s;
                r.binlogFormat = u"MIXED"_s;
                r.logSlaveUpdates = false;
            }),
        node(u"replica1"_s, u"master"_s),
    };
}

const QStringList kFiveInstancesAscii {
    u"master:3306        [0s,ok,10.11.6-MariaDB-log,rw,ROW,>>]"_s,
    u"- replica0:3306    [null,nonreplicating,10.11.6-MariaDB-log,ro,MIXED]"_s,
    u"+ replica1:3306    [0s,ok,10.11.6-MariaDB-log,ro,ROW,>>,GTID]"_s,
    u"  + replica1a:3306 [null,ok,10.11.6-MariaDB-log,ro,nobinlog,GTID]"_s,
    u"+ replica2:3306    [25s,lag,10.11.6-MariaDB-log,ro,ROW,GTID]"_s,
};

} // namespace

class TestTopologyPrinter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fiveInstanceTree();
    void instanceTags();
    void tabulatedPadsEveryColumn();
    void delayedIsNotPrinted();
    void backendMarks();
    void fromAnyMember_data();
    void fromAnyMember();
    void tags_data();
    void tags();
    void deepChainIndentation();
    void childrenSortedByKey();
    void unreachable();
    void memberNotInRecords();
    void otherClustersLeftOut();
    void masterNotInRecordsIsRoot();
    void coMasterCycle();
};

void TestTopologyPrinter::fiveInstanceTree()
{
    const QStringList lines = TopologyPrinter::ascii(fiveInstances(), key(u"master"_s));
    QCOMPARE(lines, kFiveInstancesAscii);
}

// topology-tags: " [tags]" after the status, "[]" for an instance without any.
void TestTopologyPrinter::instanceTags()
{
    TopologyPrinter::Options options;
    options.style = TopologyPrinter::Style::WithTags;
    options.instanceTags.insert(key(u"master"_s), { u"backup"_s, u"zone=east"_s });
    options.instanceTags.insert(key(u"replica1a"_s), { u"owner=dba"_s });
    const QStringList lines = TopologyPrinter::ascii(fiveInstances(), key(u"master"_s), options);
    QStringList expected;
    for (const QString& line : kFiveInstancesAscii) {
        expected << line
                + (line.startsWith(u"master"_s)         ? u" [backup,zone=east]"_s
                        : line.contains(u"replica1a"_s) ? u" [owner=dba]"_s
                                                        : u" []"_s);
    }
    QCOMPARE(lines, expected);
}

// topology-tabulated: every column padded to its width, the last one too (orchestrator prints
// the trailing blanks), the lag right-aligned.
void TestTopologyPrinter::tabulatedPadsEveryColumn()
{
    TopologyPrinter::Options options;
    options.style = TopologyPrinter::Style::Tabulated;
    const QStringList expected {
        u"master:3306       |  0s|ok            |10.11.6-MariaDB-log|rw|ROW     |>>     "_s,
        u"- replica0:3306   |null|nonreplicating|10.11.6-MariaDB-log|ro|MIXED   |       "_s,
        u"+ replica1:3306   |  0s|ok            |10.11.6-MariaDB-log|ro|ROW     |>>,GTID"_s,
        u"  + replica1a:3306|null|ok            |10.11.6-MariaDB-log|ro|nobinlog|GTID   "_s,
        u"+ replica2:3306   | 25s|lag           |10.11.6-MariaDB-log|ro|ROW     |GTID   "_s,
    };
    QCOMPARE(TopologyPrinter::ascii(fiveInstances(), key(u"master"_s), options), expected);
}

// InstanceStatus marks a delayed replica for the app's cards; orchestrator's line has no such
// token.
void TestTopologyPrinter::delayedIsNotPrinted()
{
    QList<InstanceRecord> records = fiveInstances();
    for (InstanceRecord& r : records) {
        if (r.key == key(u"replica1"_s)) {
            r.sqlDelay = 3600;
        }
    }
    QCOMPARE(TopologyPrinter::ascii(records, key(u"master"_s)), kFiveInstancesAscii);
}

// Errant GTIDs, semi-sync statuses and downtime come from columns a record does not keep.
void TestTopologyPrinter::backendMarks()
{
    QList<InstanceRecord> records = fiveInstances();
    for (InstanceRecord& r : records) {
        if (r.key == key(u"replica0"_s)) {
            r.supportsOracleGtid = true; // GTID shown although it does not replicate with it
        }
    }
    TopologyPrinter::Options options;
    options.marks.insert(key(u"master"_s), { false, true, false, true });
    options.marks.insert(key(u"replica1"_s), { true, false, true, false });
    options.marks.insert(key(u"replica0"_s), { true, false, false, false });
    const QStringList lines = TopologyPrinter::ascii(records, key(u"master"_s), options);
    QCOMPARE(lines.value(0),
        u"master:3306        [0s,ok,10.11.6-MariaDB-log,rw,ROW,>>,semi:master,downtimed]"_s);
    QCOMPARE(lines.value(1),
        u"- replica0:3306    [null,nonreplicating,10.11.6-MariaDB-log,ro,MIXED,GTID:errant]"_s);
    QCOMPARE(lines.value(2),
        u"+ replica1:3306    [0s,ok,10.11.6-MariaDB-log,ro,ROW,>>,GTID:errant,semi:replica]"_s);
    QCOMPARE(lines.value(3), kFiveInstancesAscii.value(3));
}

void TestTopologyPrinter::fromAnyMember_data()
{
    QTest::addColumn<QString>("member");
    QTest::newRow("root") << u"master:3306"_s;
    QTest::newRow("leaf below a replica") << u"replica1a:3306"_s;
    QTest::newRow("intermediate") << u"replica1:3306"_s;
    QTest::newRow("non-replicating leaf") << u"replica0:3306"_s;
}

void TestTopologyPrinter::fromAnyMember()
{
    QFETCH(QString, member);
    QCOMPARE(TopologyPrinter::ascii(fiveInstances(), key(member)), kFiveInstancesAscii);
}

void TestTopologyPrinter::tags_data()
{
    QTest::addColumn<InstanceRecord>("replica"); // the only replica of "m:3306"
    QTest::addColumn<int>("reasonableLag");
    QTest::addColumn<QString>("expected"); // its line

    const QString m = u"m"_s;
    const auto with = [&](const std::function<void(InstanceRecord&)>& change) {
        return node(u"r"_s, m, change);
    };
    QTest::newRow("replicating, GTID")
        << node(u"r"_s, m) << 10 << u"+ r:3306 [0s,ok,10.11.6-MariaDB-log,ro,ROW,>>,GTID]"_s;
    QTest::newRow("read-write") << with([](InstanceRecord& r) { r.readOnly = false; }) << 10
                                << u"+ r:3306 [0s,ok,10.11.6-MariaDB-log,rw,ROW,>>,GTID]"_s;
    QTest::newRow("log_bin off") << with([](InstanceRecord& r) { r.logBin = false; }) << 10
                                 << u"+ r:3306 [0s,ok,10.11.6-MariaDB-log,ro,nobinlog,GTID]"_s;
    QTest::newRow("no log_slave_updates")
        << with([](InstanceRecord& r) { r.logSlaveUpdates = false; }) << 10
        << u"+ r:3306 [0s,ok,10.11.6-MariaDB-log,ro,ROW,GTID]"_s;
    QTest::newRow("statement format")
        << with([](InstanceRecord& r) { r.binlogFormat = u"STATEMENT"_s; }) << 10
        << u"+ r:3306 [0s,ok,10.11.6-MariaDB-log,ro,STATEMENT,>>,GTID]"_s;
    QTest::newRow("Using_Gtid No") << with([](InstanceRecord& r) { r.usingGtid = u"No"_s; }) << 10
                                   << u"+ r:3306 [0s,ok,10.11.6-MariaDB-log,ro,ROW,>>]"_s;
    QTest::newRow("Using_Gtid empty") << with([](InstanceRecord& r) { r.usingGtid.clear(); }) << 10
                                      << u"+ r:3306 [0s,ok,10.11.6-MariaDB-log,ro,ROW,>>]"_s;
    QTest::newRow("Current_Pos") << with([](InstanceRecord& r) { r.usingGtid = u"Current_Pos"_s; })
                                 << 10 << u"+ r:3306 [0s,ok,10.11.6-MariaDB-log,ro,ROW,>>,GTID]"_s;
    QTest::newRow("unknown lag") << with([](InstanceRecord& r) { r.secondsBehindMaster.reset(); })
                                 << 10
                                 << u"+ r:3306 [null,ok,10.11.6-MariaDB-log,ro,ROW,>>,GTID]"_s;
    QTest::newRow("lag at threshold")
        << with([](InstanceRecord& r) { r.secondsBehindMaster = 10; }) << 10
        << u"+ r:3306 [10s,ok,10.11.6-MariaDB-log,ro,ROW,>>,GTID]"_s;
    QTest::newRow("lag above threshold")
        << with([](InstanceRecord& r) { r.secondsBehindMaster = 11; }) << 10
        << u"+ r:3306 [11s,lag,10.11.6-MariaDB-log,ro,ROW,>>,GTID]"_s;
    QTest::newRow("lag, higher threshold")
        << with([](InstanceRecord& r) { r.secondsBehindMaster = 25; }) << 30
        << u"+ r:3306 [25s,ok,10.11.6-MariaDB-log,ro,ROW,>>,GTID]"_s;
    QTest::newRow("IO thread stopped")
        << with([](InstanceRecord& r) { r.ioThreadRunning = false; }) << 10
        << u"- r:3306 [null,nonreplicating,10.11.6-MariaDB-log,ro,ROW,>>,GTID]"_s;
    QTest::newRow("SQL thread stopped") << with([](InstanceRecord& r) {
        r.sqlThreadRunning = false;
        r.secondsBehindMaster.reset();
    }) << 10 << u"- r:3306 [null,nonreplicating,10.11.6-MariaDB-log,ro,ROW,>>,GTID]"_s;
    QTest::newRow("stopped and lagging") << with([](InstanceRecord& r) {
        r.ioThreadRunning = false;
        r.secondsBehindMaster = 100;
    }) << 10 << u"- r:3306 [null,nonreplicating,10.11.6-MariaDB-log,ro,ROW,>>,GTID]"_s;
    // Threads last seen running say nothing about an instance that cannot be probed now; what
    // was last known of it stays on show.
    QTest::newRow("unreachable") << with([](InstanceRecord& r) {
        r.reachable = false;
    }) << 10 << u"- r:3306 [unknown,invalid,10.11.6-MariaDB-log,ro,ROW,>>,GTID]"_s;
    QTest::newRow("unreachable, not replicating") << with([](InstanceRecord& r) {
        r.reachable = false;
        r.ioThreadRunning = r.sqlThreadRunning = false;
    }) << 10 << u"- r:3306 [unknown,invalid,10.11.6-MariaDB-log,ro,ROW,>>,GTID]"_s;
}

void TestTopologyPrinter::tags()
{
    QFETCH(InstanceRecord, replica);
    QFETCH(int, reasonableLag);
    QFETCH(QString, expected);

    const QList<InstanceRecord> records { node(u"m"_s), replica };
    TopologyPrinter::Options options;
    options.reasonableLagSeconds = reasonableLag;
    const QStringList lines = TopologyPrinter::ascii(records, key(u"m"_s), options);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0), u"m:3306   [0s,ok,10.11.6-MariaDB-log,rw,ROW,>>]"_s);
    QCOMPARE(lines.at(1), expected);
}

void TestTopologyPrinter::deepChainIndentation()
{
    const QList<InstanceRecord> records { node(u"c"_s, u"b"_s), node(u"a"_s, u"m"_s), node(u"m"_s),
        node(u"b"_s, u"a"_s) };
    const QString tag = u"[0s,ok,10.11.6-MariaDB-log,ro,ROW,>>,GTID]"_s;
    const QStringList expected {
        u"m:3306       [0s,ok,10.11.6-MariaDB-log,rw,ROW,>>]"_s,
        u"+ a:3306     "_s + tag,
        u"  + b:3306   "_s + tag,
        u"    + c:3306 "_s + tag,
    };
    QCOMPARE(TopologyPrinter::ascii(records, key(u"c"_s)), expected);
}

void TestTopologyPrinter::childrenSortedByKey()
{
    const QList<InstanceRecord> records { node(u"db2"_s, u"m"_s), node(u"h:3307"_s, u"m"_s),
        node(u"db10"_s, u"m"_s), node(u"m"_s), node(u"h:3306"_s, u"m"_s), node(u"db1"_s, u"m"_s) };
    QStringList heads;
    for (const QString& line : TopologyPrinter::ascii(records, key(u"m"_s))) {
        heads << line.left(line.indexOf(u'[')).trimmed();
    }
    const QStringList expected { u"m:3306"_s, u"+ db1:3306"_s, u"+ db10:3306"_s, u"+ db2:3306"_s,
        u"+ h:3306"_s, u"+ h:3307"_s };
    QCOMPARE(heads, expected);
}

void TestTopologyPrinter::unreachable()
{
    InstanceRecord dead;
    dead.key = key(u"dead"_s);
    dead.lastError = u"connection refused"_s;
    QCOMPARE(TopologyPrinter::ascii({ dead }, dead.key),
        QStringList { u"dead:3306 [unknown,invalid]"_s });

    // An unreachable replica (last known master kept) sits in the tree and does not hide others.
    InstanceRecord deadReplica = dead;
    deadReplica.masterKey = key(u"m"_s);
    const QList<InstanceRecord> records { node(u"m"_s), deadReplica, node(u"x"_s, u"dead"_s) };
    const QStringList expected {
        u"m:3306      [0s,ok,10.11.6-MariaDB-log,rw,ROW,>>]"_s,
        u"- dead:3306 [unknown,invalid]"_s,
        u"  + x:3306  [0s,ok,10.11.6-MariaDB-log,ro,ROW,>>,GTID]"_s,
    };
    QCOMPARE(TopologyPrinter::ascii(records, key(u"x"_s)), expected);

    // A replica that was never probed is known only from its master's SHOW SLAVE HOSTS: it is
    // drawn below that master all the same.
    InstanceRecord master = node(u"m"_s);
    master.replicaKeys = { key(u"dead"_s) };
    QCOMPARE(TopologyPrinter::ascii({ master, dead }, key(u"dead"_s)),
        (QStringList { u"m:3306      [0s,ok,10.11.6-MariaDB-log,rw,ROW,>>]"_s,
            u"- dead:3306 [unknown,invalid]"_s }));
}

void TestTopologyPrinter::memberNotInRecords()
{
    QVERIFY(TopologyPrinter::ascii(fiveInstances(), key(u"elsewhere"_s)).isEmpty());
    QVERIFY(TopologyPrinter::ascii({}, key(u"master"_s)).isEmpty());
    // Named as a master by a record, but without a record of its own.
    QVERIFY(TopologyPrinter::ascii({ node(u"r"_s, u"ghost"_s) }, key(u"ghost"_s)).isEmpty());
}

void TestTopologyPrinter::otherClustersLeftOut()
{
    QList<InstanceRecord> records = fiveInstances();
    records << node(u"other"_s) << node(u"other-replica"_s, u"other"_s);
    QCOMPARE(TopologyPrinter::ascii(records, key(u"replica2"_s)), kFiveInstancesAscii);
    QCOMPARE(TopologyPrinter::ascii(records, key(u"other-replica"_s)).size(), 2);
}

void TestTopologyPrinter::masterNotInRecordsIsRoot()
{
    const QList<InstanceRecord> records { node(u"r"_s, u"gone"_s), node(u"s"_s, u"r"_s) };
    const QStringList expected {
        u"r:3306   [0s,ok,10.11.6-MariaDB-log,ro,ROW,>>,GTID]"_s,
        u"+ s:3306 [0s,ok,10.11.6-MariaDB-log,ro,ROW,>>,GTID]"_s,
    };
    QCOMPARE(TopologyPrinter::ascii(records, key(u"s"_s)), expected);
}

void TestTopologyPrinter::coMasterCycle()
{
    const QList<InstanceRecord> records { node(u"a"_s, u"b"_s), node(u"b"_s, u"a"_s),
        node(u"c"_s, u"a"_s) };
    const QString tag = u"[0s,ok,10.11.6-MariaDB-log,ro,ROW,>>,GTID]"_s;

    // The climb stops at the first key seen twice; every member is printed once.
    QCOMPARE(TopologyPrinter::ascii(records, key(u"a"_s)),
        (QStringList { u"b:3306     "_s + tag, u"+ a:3306   "_s + tag, u"  + c:3306 "_s + tag }));
    QCOMPARE(TopologyPrinter::ascii(records, key(u"b"_s)),
        (QStringList { u"a:3306   "_s + tag, u"+ b:3306 "_s + tag, u"+ c:3306 "_s + tag }));
    const QStringList fromC = TopologyPrinter::ascii(records, key(u"c"_s));
    QCOMPARE(fromC.size(), 3);
    QCOMPARE(fromC.at(0), u"b:3306     "_s + tag);
}

QTEST_GUILESS_MAIN(TestTopologyPrinter)
#include "tst_topologyprinter.moc"
