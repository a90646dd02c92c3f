// Drag-and-drop verdicts: the planner's answer for every possible drop target of one instance.
#include <QTest>

#include "ops/targetverdicts.h"
#include "plannerfixture.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

class TestTargetVerdicts final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gtidReplicaCanGoBelowEveryOtherReplica()
    {
        const Topology t(u"m; r1<m; r2<m; r1a<r1"_s, Server::MariaDB1011, true);
        const auto verdicts
            = TargetVerdicts::forRelocate(Configuration {}, t.records(), {}, key(u"r2"_s));
        QCOMPARE(verdicts.size(), 3); // every instance but the dragged one
        QVERIFY(!verdicts.contains(key(u"r2"_s)));
        for (const QString& name : { u"r1"_s, u"r1a"_s, u"m"_s }) {
            const TargetVerdict v = verdicts.value(key(name));
            QVERIFY2(v.kind != TargetVerdict::Kind::Refused, qPrintable(name + u": "_s + v.reason));
            QVERIFY2(!v.method.isEmpty(), qPrintable(name));
        }
    }

    void ownReplicaIsRefusedWithTheReason()
    {
        const Topology t(u"m; r1<m; r2<m; r1a<r1"_s, Server::MariaDB1011, true);
        const auto verdicts
            = TargetVerdicts::forRelocate(Configuration {}, t.records(), {}, key(u"r1"_s));
        const TargetVerdict below = verdicts.value(key(u"r1a"_s));
        QCOMPARE(below.kind, TargetVerdict::Kind::Refused);
        QVERIFY2(below.reason.startsWith(u"cannot "_s), qPrintable(below.reason));
        QVERIFY(below.method.isEmpty());
    }

    void readOnlyRefusesEveryTarget()
    {
        const Topology t(u"m; r1<m; r2<m"_s, Server::MariaDB1011, true);
        PlannerFlags flags;
        flags.readOnly = true;
        const auto verdicts
            = TargetVerdicts::forRelocate(Configuration {}, t.records(), flags, key(u"r2"_s));
        QCOMPARE(verdicts.size(), 2);
        for (const TargetVerdict& v : verdicts) {
            QCOMPARE(v.kind, TargetVerdict::Kind::Refused);
            QVERIFY2(v.reason.contains(u"read-only"_s), qPrintable(v.reason));
        }
    }

    void warningsMakeAnAmberTarget()
    {
        // A stopped replica can move (the plan starts it), with the planner's warning.
        Topology t(u"m; r1<m; r2<m"_s, Server::MariaDB1011, true);
        t.with(u"r2"_s, [](InstanceRecord& r) { r.ioThreadRunning = r.sqlThreadRunning = false; });
        const auto verdicts
            = TargetVerdicts::forRelocate(Configuration {}, t.records(), {}, key(u"r2"_s));
        const TargetVerdict v = verdicts.value(key(u"r1"_s));
        QCOMPARE(v.kind, TargetVerdict::Kind::Warning);
        QVERIFY2(v.reason.contains(u"not replicating"_s), qPrintable(v.reason));
        QVERIFY(!v.method.isEmpty());
    }

    void primaryCannotBeDragged()
    {
        const Topology t(u"m; r1<m"_s, Server::MariaDB1011, true);
        const auto verdicts
            = TargetVerdicts::forRelocate(Configuration {}, t.records(), {}, key(u"m"_s));
        QCOMPARE(verdicts.value(key(u"r1"_s)).kind, TargetVerdict::Kind::Refused);
    }
};

QTEST_GUILESS_MAIN(TestTargetVerdicts)
#include "tst_targetverdicts.moc"
