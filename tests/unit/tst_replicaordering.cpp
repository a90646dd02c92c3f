// ReplicaOrdering: orchestrator's sort of replicas for promotion (every tie-breaker on its own)
// and GetCandidateReplica's choice (every exclusion on its own). Each row is built so that the
// expected answer differs from what the input order alone would give.
#include <QTest>

#include "promotion/replicaordering.h"
#include "promotionfixture.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

namespace {

RecordChange at(qint64 pos, const RecordChange& more = {})
{
    return [pos, more](InstanceRecord& r) {
        r.execMasterLogPos = pos;
        if (more) {
            more(r);
        }
    };
}

} // namespace

class TestReplicaOrdering final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sorted_data()
    {
        QTest::addColumn<QList<InstanceRecord>>("replicas");
        QTest::addColumn<QStringList>("rules");
        QTest::addColumn<QString>("dataCenterHint");
        QTest::addColumn<QString>("first");
        const auto r = [](const QString& n, const RecordChange& c = {}) {
            return promotionReplica(n, u"m"_s, c);
        };
        QTest::newRow("most advanced exec position")
            << QList { r(u"a"_s, at(100)), r(u"b"_s, at(300)) } << QStringList() << u"dc1"_s
            << u"b:3306"_s;
        QTest::newRow("relay master log file before position")
            << QList { r(u"a"_s, at(900)),
                   r(u"b"_s, at(5, [](auto& x) { x.relayMasterLogFile = u"bin.000011"_s; })) }
            << QStringList() << u"dc1"_s << u"b:3306"_s;
        QTest::newRow("tie: logs replication updates")
            << QList { r(u"a"_s, [](auto& x) { x.logSlaveUpdates = false; }), r(u"b"_s) }
            << QStringList() << u"dc1"_s << u"b:3306"_s;
        QTest::newRow("tie: older major version")
            << QList { r(u"a"_s), r(u"b"_s, [](auto& x) { x.version = u"10.6.16-MariaDB"_s; }) }
            << QStringList() << u"dc1"_s << u"b:3306"_s;
        QTest::newRow("tie: less complete binlog format")
            << QList { r(u"a"_s), r(u"b"_s, [](auto& x) { x.binlogFormat = u"STATEMENT"_s; }) }
            << QStringList() << u"dc1"_s << u"b:3306"_s;
        QTest::newRow("tie: master's data centre")
            << QList { r(u"a"_s, [](auto& x) { x.dataCenter = u"dc2"_s; }), r(u"b"_s) }
            << QStringList() << u"dc1"_s << u"b:3306"_s;
        QTest::newRow("tie: better promotion rule")
            << QList { r(u"a"_s), r(u"b"_s) } << QStringList { u"b=prefer"_s } << u"dc1"_s
            << u"b:3306"_s;
        QTest::newRow("tie: neutral before prefer_not")
            << QList { r(u"a"_s), r(u"b"_s) } << QStringList { u"a=prefer_not"_s } << u"dc1"_s
            << u"b:3306"_s;
        QTest::newRow("position before promotion rule")
            << QList { r(u"a"_s, at(100)), r(u"b"_s, at(300)) } << QStringList { u"a=must"_s }
            << u"dc1"_s << u"b:3306"_s;
        QTest::newRow("version before data centre") << QList { r(u"a"_s),
            r(u"b"_s, [](auto& x) {
                x.version = u"10.6.16-MariaDB"_s;
                x.dataCenter = u"dc2"_s;
            }) } << QStringList() << u"dc1"_s << u"b:3306"_s;
        QTest::newRow("data centre before promotion rule")
            << QList { r(u"a"_s, [](auto& x) { x.dataCenter = u"dc2"_s; }), r(u"b"_s) }
            << QStringList { u"a=prefer"_s } << u"dc1"_s << u"b:3306"_s;
        QTest::newRow("full tie keeps the input order")
            << QList { r(u"b"_s), r(u"a"_s) } << QStringList() << u"dc1"_s << u"b:3306"_s;
    }
    void sorted()
    {
        QFETCH(QList<InstanceRecord>, replicas);
        QFETCH(QStringList, rules);
        QFETCH(QString, dataCenterHint);
        QFETCH(QString, first);
        const ReplicaOrdering ordering(promotionRules(rules), Configuration {});
        const QList<InstanceRecord> result = ordering.sorted(replicas, dataCenterHint);
        QCOMPARE(result.size(), replicas.size());
        QCOMPARE(result.first().key.toString(), first);
    }

    void candidateReplica_data()
    {
        QTest::addColumn<QList<InstanceRecord>>("replicas");
        QTest::addColumn<QStringList>("rules");
        QTest::addColumn<QStringList>("ignoreFilters");
        QTest::addColumn<QString>("expected"); // "error: text" when none
        const auto r = [](const QString& n, const RecordChange& c = {}) {
            return promotionReplica(n, u"m"_s, c);
        };
        const QStringList none;
        QTest::newRow("most advanced")
            << QList { r(u"a"_s, at(100)), r(u"b"_s, at(300)) } << none << none << u"b:3306"_s;
        QTest::newRow("must_not is banned")
            << QList { r(u"b"_s, at(300)), r(u"a"_s, at(100)) } << QStringList { u"b=must_not"_s }
            << none << u"a:3306"_s;
        QTest::newRow("RecoveryIgnoreHostnameFilters bans")
            << QList { r(u"b"_s, at(300)), r(u"a"_s, at(100)) } << none << QStringList { u"^b:"_s }
            << u"a:3306"_s;
        QTest::newRow("no log_bin")
            << QList { r(u"b"_s, at(300, [](auto& x) { x.logBin = false; })), r(u"a"_s, at(100)) }
            << none << none << u"a:3306"_s;
        QTest::newRow("no log_slave_updates") << QList {
            r(u"b"_s, at(300, [](auto& x) { x.logSlaveUpdates = false; })), r(u"a"_s, at(100))
        } << none << none << u"a:3306"_s;
        QTest::newRow("last check not valid") << QList {
            r(u"b"_s, at(300, [](auto& x) { x.reachable = false; })), r(u"a"_s, at(100))
        } << none << none << u"a:3306"_s;
        const RecordChange older = [](auto& x) { x.version = u"10.6.16-MariaDB"_s; };
        QTest::newRow("newer major version than most siblings")
            << QList { r(u"b"_s, at(300)), r(u"a"_s, at(100, older)), r(u"c"_s, at(50, older)) }
            << none << none << u"a:3306"_s;
        const RecordChange statement = [](auto& x) { x.binlogFormat = u"STATEMENT"_s; };
        QTest::newRow("more complete binlog format than most siblings") << QList {
            r(u"b"_s, at(300)), r(u"a"_s, at(100, statement)), r(u"c"_s, at(50, statement))
        } << none << none << u"a:3306"_s;
        QTest::newRow("prefer_not only breaks ties")
            << QList { r(u"a"_s, at(100)), r(u"b"_s, at(300)) } << QStringList { u"b=prefer_not"_s }
            << none << u"b:3306"_s;
        QTest::newRow("prefer wins a tie") << QList { r(u"a"_s), r(u"b"_s) }
                                           << QStringList { u"b=prefer"_s } << none << u"b:3306"_s;
        QTest::newRow("must wins a tie over prefer")
            << QList { r(u"a"_s), r(u"b"_s) } << QStringList { u"a=prefer"_s, u"b=must"_s } << none
            << u"b:3306"_s;
        QTest::newRow("only a banned replica")
            << QList { r(u"b"_s) } << QStringList { u"b=must_not"_s } << none
            << u"error: no candidate replica found"_s;
        QTest::newRow("no replicas")
            << QList<InstanceRecord>() << none << none << u"error: No replicas found for m:3306"_s;
    }
    void candidateReplica()
    {
        QFETCH(QList<InstanceRecord>, replicas);
        QFETCH(QStringList, rules);
        QFETCH(QStringList, ignoreFilters);
        QFETCH(QString, expected);
        Configuration config;
        config.recoveryIgnoreHostnameFilters = ignoreFilters;
        const ReplicaOrdering ordering(promotionRules(rules), config);
        const auto best
            = ordering.candidateReplica(*InstanceKey::parse(u"m"_s, 3306), replicas, u"dc1"_s);
        if (expected.startsWith(u"error: "_s)) {
            QVERIFY(!best);
            QVERIFY2(
                best.error().message.contains(expected.mid(7)), qPrintable(best.error().message));
        } else {
            QVERIFY2(best, best ? "" : qPrintable(best.error().message));
            QCOMPARE(best->key.toString(), expected);
        }
    }
};

QTEST_GUILESS_MAIN(TestReplicaOrdering)
#include "tst_replicaordering.moc"
