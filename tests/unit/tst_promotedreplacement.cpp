// PromotedReplacement: every step of orchestrator's search for a better server than the replica
// promoted after a master died. The dead master d lives in dc1/prod/r1; p was promoted; x and y
// replicate from p. Each row is built so that skipping its step gives another answer.
#include <QTest>

#include "promotion/promotedreplacement.h"
#include "promotionfixture.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

namespace {

RecordChange in(const QString& dataCenter, const RecordChange& more = {})
{
    return [dataCenter, more](InstanceRecord& r) {
        r.dataCenter = dataCenter;
        if (more) {
            more(r);
        }
    };
}

enum Constraint { None = 0, CrossDataCenter = 1, CrossRegion = 2 };

} // namespace

class TestPromotedReplacement final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void suggest_data()
    {
        QTest::addColumn<QString>("promotedDataCenter");
        QTest::addColumn<QList<InstanceRecord>>("replicas"); // of p, in backend order
        QTest::addColumn<QStringList>("rules");
        QTest::addColumn<int>("constraints");
        QTest::addColumn<QStringList>("ignoreFilters");
        QTest::addColumn<QString>("expected");
        const auto x = [](const RecordChange& c) { return promotionReplica(u"x"_s, u"p"_s, c); };
        const auto y = [](const RecordChange& c) { return promotionReplica(u"y"_s, u"p"_s, c); };
        const QStringList noFilters;
        QTest::newRow("promoted is a candidate in the dead master's site")
            << u"dc1"_s << QList { x(in(u"dc1"_s)) } << QStringList { u"p=prefer"_s, u"x=prefer"_s }
            << int(None) << noFilters << u"p:3306"_s;
        QTest::newRow("candidate in the dead master's site")
            << u"dc2"_s << QList { x(in(u"dc1"_s)), y(in(u"dc2"_s)) }
            << QStringList { u"x=prefer"_s, u"y=prefer"_s } << int(None) << noFilters
            << u"x:3306"_s;
        QTest::newRow("promoted is a candidate elsewhere")
            << u"dc2"_s << QList { x(in(u"dc3"_s)) } << QStringList { u"p=prefer"_s, u"x=prefer"_s }
            << int(None) << noFilters << u"p:3306"_s;
        QTest::newRow("candidate in the promoted replica's site")
            << u"dc2"_s << QList { x(in(u"dc2"_s)), y(in(u"dc3"_s)) }
            << QStringList { u"x=prefer"_s, u"y=prefer"_s } << int(None) << noFilters
            << u"x:3306"_s;
        QTest::newRow("any candidate")
            << u"dc2"_s << QList { x(in(u"dc3"_s)) } << QStringList { u"x=must"_s } << int(None)
            << noFilters << u"x:3306"_s;
        QTest::newRow("last match of a step wins")
            << u"dc2"_s << QList { x(in(u"dc1"_s)), y(in(u"dc1"_s)) }
            << QStringList { u"x=prefer"_s, u"y=prefer"_s } << int(None) << noFilters
            << u"y:3306"_s;
        QTest::newRow("same data centre, other environment")
            << u"dc2"_s
            << QList { x(in(u"dc1"_s, [](auto& r) { r.physicalEnvironment = u"test"_s; })),
                   y(in(u"dc2"_s)) }
            << QStringList { u"x=prefer"_s, u"y=prefer"_s } << int(None) << noFilters
            << u"y:3306"_s;
        QTest::newRow("PreventCrossDataCenterMasterFailover skips a candidate")
            << u"dc1"_s << QList { x(in(u"dc3"_s)) } << QStringList { u"x=prefer"_s }
            << int(CrossDataCenter) << noFilters << u"p:3306"_s;
        QTest::newRow("PreventCrossRegionMasterFailover skips a candidate")
            << u"dc1"_s << QList { x(in(u"dc3"_s, [](auto& r) { r.region = u"r2"_s; })) }
            << QStringList { u"x=prefer"_s } << int(CrossRegion) << noFilters << u"p:3306"_s;
        QTest::newRow("promoted across data centres: neutral in the dead master's site")
            << u"dc2"_s << QList { x(in(u"dc1"_s)), y(in(u"dc2"_s)) } << QStringList()
            << int(CrossDataCenter) << noFilters << u"x:3306"_s;
        QTest::newRow("promoted prefer_not: neutral in the dead master's site")
            << u"dc1"_s << QList { x(in(u"dc1"_s)) } << QStringList { u"p=prefer_not"_s }
            << int(None) << noFilters << u"x:3306"_s;
        QTest::newRow("promoted prefer_not: neutral in the promoted replica's site")
            << u"dc2"_s << QList { y(in(u"dc2"_s)), x(in(u"dc3"_s)) }
            << QStringList { u"p=prefer_not"_s } << int(None) << noFilters << u"y:3306"_s;
        QTest::newRow("promoted prefer_not: any neutral")
            << u"dc2"_s << QList { x(in(u"dc3"_s)) } << QStringList { u"p=prefer_not"_s }
            << int(None) << noFilters << u"x:3306"_s;
        QTest::newRow("promoted neutral: neutrals are not searched")
            << u"dc2"_s << QList { x(in(u"dc1"_s)) } << QStringList() << int(None) << noFilters
            << u"p:3306"_s;
        QTest::newRow("prefer_not is never a replacement")
            << u"dc2"_s << QList { x(in(u"dc3"_s)) }
            << QStringList { u"p=prefer_not"_s, u"x=prefer_not"_s } << int(None) << noFilters
            << u"p:3306"_s;
        QTest::newRow("must_not is never a replacement")
            << u"dc2"_s << QList { x(in(u"dc1"_s)) } << QStringList { u"x=must_not"_s }
            << int(CrossDataCenter) << noFilters << u"p:3306"_s;
        QTest::newRow("RecoveryIgnoreHostnameFilters bans a candidate")
            << u"dc1"_s << QList { x(in(u"dc1"_s)) } << QStringList { u"x=prefer"_s } << int(None)
            << QStringList { u"^x:3306$"_s } << u"p:3306"_s;
        QTest::newRow("candidate without binary log")
            << u"dc1"_s << QList { x(in(u"dc1"_s, [](auto& r) { r.logBin = false; })) }
            << QStringList { u"x=prefer"_s } << int(None) << noFilters << u"p:3306"_s;
        QTest::newRow("candidate without log_slave_updates")
            << u"dc1"_s << QList { x(in(u"dc1"_s, [](auto& r) { r.logSlaveUpdates = false; })) }
            << QStringList { u"x=prefer"_s } << int(None) << noFilters << u"p:3306"_s;
        QTest::newRow("candidate not replicating from the promoted replica")
            << u"dc1"_s
            << QList { x(
                   in(u"dc1"_s, [](auto& r) { r.masterKey = *InstanceKey::parse(u"d"_s, 3306); })) }
            << QStringList { u"x=prefer"_s } << int(None) << noFilters << u"p:3306"_s;
        QTest::newRow("candidate the promoted replica cannot replicate from")
            << u"dc1"_s
            << QList { x(in(u"dc1"_s, [](auto& r) { r.version = u"11.4.2-MariaDB"_s; })) }
            << QStringList { u"x=prefer"_s } << int(None) << noFilters << u"p:3306"_s;
    }
    void suggest()
    {
        QFETCH(QString, promotedDataCenter);
        QFETCH(QList<InstanceRecord>, replicas);
        QFETCH(QStringList, rules);
        QFETCH(int, constraints);
        QFETCH(QStringList, ignoreFilters);
        QFETCH(QString, expected);
        Configuration config;
        config.preventCrossDataCenterMasterFailover = constraints & CrossDataCenter;
        config.preventCrossRegionMasterFailover = constraints & CrossRegion;
        config.recoveryIgnoreHostnameFilters = ignoreFilters;
        const InstanceRecord dead = promotionReplica(u"d"_s, QString());
        const InstanceRecord promoted = promotionReplica(u"p"_s, u"d"_s, in(promotedDataCenter));
        const QList<InstanceRecord> cluster = QList { dead, promoted } + replicas;
        const ReplicaOrdering ordering(promotionRules(rules), config);
        const ReplacementSuggestion suggestion
            = PromotedReplacement::suggest(dead.key, promoted, cluster, ordering, config);
        QVERIFY2(suggestion.replacement.key.toString() == expected,
            qPrintable(
                suggestion.replacement.key.toString() + u"; "_s + suggestion.trail.join(u"; "_s)));
        QCOMPARE(suggestion.actionRequired, expected != u"p:3306"_s);
    }

    void unknownDeadMaster()
    {
        // Without the dead master's record only the promoted replica's site counts.
        const Configuration config;
        const InstanceRecord promoted = promotionReplica(u"p"_s, u"d"_s);
        const InstanceRecord x = promotionReplica(u"x"_s, u"p"_s);
        const ReplicaOrdering ordering(promotionRules({ u"x=prefer"_s }), config);
        const auto suggestion = PromotedReplacement::suggest(
            *InstanceKey::parse(u"d"_s, 3306), promoted, { promoted, x }, ordering, config);
        QCOMPARE(suggestion.replacement.key.toString(), u"x:3306"_s);
    }

    void geographicRefusal()
    {
        Configuration config;
        const InstanceRecord dead = promotionReplica(u"d"_s, QString());
        const InstanceRecord far = promotionReplica(u"x"_s, u"p"_s, [](auto& r) {
            r.dataCenter = u"dc9"_s;
            r.region = u"r9"_s;
        });
        QVERIFY(!PromotedReplacement::geographicRefusal(far, dead, config));
        config.preventCrossRegionMasterFailover = true;
        auto refusal = PromotedReplacement::geographicRefusal(far, dead, config);
        QVERIFY(refusal && refusal->contains(u"PreventCrossRegionMasterFailover"_s));
        QVERIFY(refusal->contains(u"r9"_s) && refusal->contains(u"r1"_s));
        config.preventCrossDataCenterMasterFailover = true;
        refusal = PromotedReplacement::geographicRefusal(far, dead, config);
        QVERIFY(refusal && refusal->contains(u"PreventCrossDataCenterMasterFailover"_s));
        QVERIFY(!PromotedReplacement::geographicRefusal(dead, dead, config));
    }
};

QTEST_GUILESS_MAIN(TestPromotedReplacement)
#include "tst_promotedreplacement.moc"
