// GtidSet and the GTID rules the planner uses: parsing MySQL GTID sets (tags included),
// containment, what a new master has purged that a replica still needs, and which pairs of
// instances can be positioned by GTID.
#include <QTest>

#include "ops/gtidset.h"
#include "plannerfixture.h"
#include "topology/replicationrules.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

namespace {

const QString A = u"3e11fa47-71ca-11e1-9e33-c80aa9429562"_s;
const QString B = u"4e11fa47-71ca-11e1-9e33-c80aa9429562"_s;

} // namespace

class TestPlannerGtidSet final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void contains_data()
    {
        QTest::addColumn<QString>("superset");
        QTest::addColumn<QString>("subset");
        QTest::addColumn<bool>("contains");
        QTest::addColumn<QString>("missing");
        QTest::newRow("empty in anything") << A + u":1-5"_s << QString() << true << QString();
        QTest::newRow("equal") << A + u":1-5"_s << A + u":1-5"_s << true << QString();
        QTest::newRow("inside") << A + u":1-100"_s << A + u":3-7:9"_s << true << QString();
        QTest::newRow("merged ranges") << A + u":1-5:6-10"_s << A + u":4-8"_s << true << QString();
        QTest::newRow("gap") << A + u":1-5:7-10"_s << A + u":4-8"_s << false << A + u":6"_s;
        QTest::newRow("other uuid") << A + u":1-5"_s << B + u":1"_s << false << B + u":1"_s;
        QTest::newRow("multi-line, case") << A.toUpper() + u":1-10,\n"_s + B + u":1-3"_s
                                          << B + u":2,"_s + A + u":10"_s << true << QString();
        QTest::newRow("beyond") << A + u":1-5"_s << A + u":1-8"_s << false << A + u":6-8"_s;
        QTest::newRow("tagged") << A + u":1-5:web:1-3"_s << A + u":web:2"_s << true << QString();
        QTest::newRow("tag differs")
            << A + u":1-5"_s << A + u":web:2"_s << false << A + u":web:2"_s;
    }
    void contains()
    {
        QFETCH(QString, superset);
        QFETCH(QString, subset);
        const auto big = GtidSet::parse(superset);
        const auto small = GtidSet::parse(subset);
        QVERIFY(big.ok() && small.ok());
        QTEST(big->contains(*small), "contains");
        QTEST(small->missingFrom(*big), "missing");
    }

    void unreadable()
    {
        for (const QString& text :
            QStringList { u"nonsense"_s, A + u":0-3"_s, A + u":5-3"_s, u":1-3"_s }) {
            QVERIFY2(!GtidSet::parse(text).ok(), qPrintable(text));
        }
        QVERIFY(GtidSet::parse(u"  "_s).ok());
    }

    void purgedOnTarget()
    {
        Topology topo(u"m; r1<m; r2<m"_s, Server::MySQL80, true);
        topo.with(u"r2"_s, [](InstanceRecord& r) { r.gtidPurged = r.executedGtidSet; });
        QVERIFY(ReplicationRules::gtidsAvailable(topo.at(u"r1"_s), topo.at(u"r2"_s)).allowed);
        topo.with(u"r2"_s, [](InstanceRecord& r) {
            r.gtidPurged = u"00000000-0000-0000-0000-000000000001:1-600"_s;
        });
        const Verdict v = ReplicationRules::gtidsAvailable(topo.at(u"r1"_s), topo.at(u"r2"_s));
        QVERIFY(!v.allowed);
        QVERIFY(v.reason.contains(u"r2:3306 has purged"_s));
        QVERIFY(v.reason.contains(u"00000000-0000-0000-0000-000000000001:501-600"_s));
    }

    void compatible_data()
    {
        QTest::addColumn<Server>("server");
        QTest::addColumn<bool>("gtid");
        QTest::addColumn<QString>("change"); // what to break on which instance
        QTest::addColumn<QString>("reason"); // empty: compatible
        QTest::newRow("MariaDB") << Server::MariaDB1011 << true << QString() << QString();
        QTest::newRow("MariaDB Using_Gtid=No") << Server::MariaDB1011 << false << QString()
                                               << u"r1:3306 does not replicate with GTID"_s;
        QTest::newRow("MySQL") << Server::MySQL80 << true << QString() << QString();
        QTest::newRow("MySQL gtid_mode OFF")
            << Server::MySQL80 << false << QString() << u"r1:3306 has gtid_mode=OFF"_s;
        QTest::newRow("MySQL target permissive")
            << Server::MySQL80 << true << u"r2"_s << u"r2:3306 has gtid_mode=ON_PERMISSIVE"_s;
        QTest::newRow("mixed flavours")
            << Server::MariaDB1011 << true << u"flavor"_s << u"not both MariaDB or both MySQL"_s;
    }
    void compatible()
    {
        QFETCH(Server, server);
        QFETCH(bool, gtid);
        QFETCH(QString, change);
        QFETCH(QString, reason);
        Topology topo(u"m; r1<m; r2<m"_s, server, gtid);
        if (change == u"r2"_s) {
            topo.with(u"r2"_s, [](InstanceRecord& r) { r.gtidMode = u"ON_PERMISSIVE"_s; });
        } else if (change == u"flavor"_s) {
            topo.with(u"r2"_s, [](InstanceRecord& r) { r.flavor = Flavor::MySQL; });
        }
        const Verdict v = ReplicationRules::gtidCompatible(topo.at(u"r1"_s), topo.at(u"r2"_s));
        QCOMPARE(v.allowed, reason.isEmpty());
        QVERIFY2(v.reason.contains(reason), qPrintable(v.reason));
    }
};

QTEST_GUILESS_MAIN(TestPlannerGtidSet)
#include "tst_planner_gtidset.moc"
