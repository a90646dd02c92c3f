// PromotionRules: the five names, what register-candidate accepts, and their ranking.
#include <QTest>

#include "promotion/promotionrule.h"

using namespace Qt::StringLiterals;
using namespace topograph;

class TestPromotionRule final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void names_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<PromotionRule>("rule");
        QTest::newRow("must") << u"must"_s << PromotionRule::Must;
        QTest::newRow("prefer") << u"prefer"_s << PromotionRule::Prefer;
        QTest::newRow("neutral") << u"neutral"_s << PromotionRule::Neutral;
        QTest::newRow("prefer_not") << u"prefer_not"_s << PromotionRule::PreferNot;
        QTest::newRow("must_not") << u"must_not"_s << PromotionRule::MustNot;
    }
    void names()
    {
        QFETCH(QString, name);
        QFETCH(PromotionRule, rule);
        QCOMPARE(PromotionRules::name(rule), name);
        QCOMPARE(PromotionRules::fromName(name), std::optional<PromotionRule>(rule));
    }

    void unknownNames()
    {
        QVERIFY(!PromotionRules::fromName(u"Prefer"_s));
        QVERIFY(!PromotionRules::fromName(u"candidate"_s));
        QVERIFY(!PromotionRules::fromName(QString()));
    }

    void registration_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("prefer") << u"prefer"_s << true;
        QTest::newRow("neutral") << u"neutral"_s << true;
        QTest::newRow("prefer_not") << u"prefer_not"_s << true;
        QTest::newRow("must_not") << u"must_not"_s << true;
        // orchestrator 3.2.6 reads "must" but refuses to register it.
        QTest::newRow("must") << u"must"_s << false;
        QTest::newRow("typo") << u"prefered"_s << false;
        QTest::newRow("empty") << QString() << false;
    }
    void registration()
    {
        QFETCH(QString, name);
        QFETCH(bool, accepted);
        const auto parsed = PromotionRules::parseForRegistration(name);
        QCOMPARE(parsed.ok(), accepted);
        if (!accepted) {
            for (const QString& valid : PromotionRules::registrableNames()) {
                QVERIFY2(
                    parsed.error().message.contains(valid), qPrintable(parsed.error().message));
            }
            QVERIFY(parsed.error().message.contains(u'"' + name + u'"'));
        }
    }

    void ranking()
    {
        const QList<PromotionRule> bestFirst { PromotionRule::Must, PromotionRule::Prefer,
            PromotionRule::Neutral, PromotionRule::PreferNot, PromotionRule::MustNot };
        for (qsizetype i = 0; i < bestFirst.size(); ++i) {
            for (qsizetype j = 0; j < bestFirst.size(); ++j) {
                QCOMPARE(PromotionRules::betterThan(bestFirst.at(i), bestFirst.at(j)), i < j);
            }
        }
        QVERIFY(PromotionRules::isCandidate(PromotionRule::Must));
        QVERIFY(PromotionRules::isCandidate(PromotionRule::Prefer));
        QVERIFY(!PromotionRules::isCandidate(PromotionRule::Neutral));
        QVERIFY(!PromotionRules::isCandidate(PromotionRule::PreferNot));
        QVERIFY(!PromotionRules::isCandidate(PromotionRule::MustNot));
        QCOMPARE(PromotionRules::of({}, *InstanceKey::parse(u"x"_s, 3306)), PromotionRule::Neutral);
    }
};

QTEST_GUILESS_MAIN(TestPromotionRule)
#include "tst_promotionrule.moc"
