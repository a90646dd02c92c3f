// ResolveFlagRules: which resolve cache entries are flagged and why (DESIGN §6), and which known
// instances use each name.
#include <QTest>

#include "ghostfixture.h"
#include "resolve/resolveflagrules.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

Q_DECLARE_METATYPE(topograph::ResolveFlags)

class TestResolveFlagRules final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void flags_data()
    {
        QTest::addColumn<QList<ResolveEntry>>("entries");
        QTest::addColumn<ResolveFlags>("flags"); // of the first entry
        QTest::addColumn<QString>("reasonPart");

        QTest::newRow("fqdn to bare name")
            << QList { resolveEntry(u"pc1008.eqiad.wmnet"_s, u"pc1008"_s) }
            << ResolveFlags(ResolveFlag::PrefixOfAsked) << u"an FQDN resolved to a bare name"_s;
        QTest::newRow("prefix, not at a dot")
            << QList { resolveEntry(u"pc1011.eqiad.wmnet"_s, u"pc10"_s) }
            << ResolveFlags(ResolveFlag::PrefixOfAsked | ResolveFlag::Unanswered)
            << u"prefix of the name asked"_s;
        QTest::newRow("healthy") << QList { resolveEntry(u"pc1011"_s, u"pc1011.eqiad.wmnet"_s) }
                                 << ResolveFlags() << QString();
        QTest::newRow("nobody answers")
            << QList { resolveEntry(u"db9"_s, u"db9.codfw.wmnet"_s) }
            << ResolveFlags(ResolveFlag::Unanswered) << u"no known instance answers to"_s;
        QTest::newRow("expired") << QList { resolveEntry(u"pc1011"_s, u"pc1011.eqiad.wmnet"_s, 61) }
                                 << ResolveFlags(ResolveFlag::Expired) << u"expired"_s;
        QTest::newRow("just within expiry")
            << QList { resolveEntry(u"pc1011"_s, u"pc1011.eqiad.wmnet"_s, 59) } << ResolveFlags()
            << QString();
        QTest::newRow("mutual") << QList { resolveEntry(
                                               u"pc1012.eqiad.wmnet"_s, u"pc1011.eqiad.wmnet"_s),
            resolveEntry(u"pc1011.eqiad.wmnet"_s, u"pc1012.eqiad.wmnet"_s) }
                                << ResolveFlags(ResolveFlag::Mutual) << u"resolve to one another"_s;
        QTest::newRow("case does not matter")
            << QList { resolveEntry(u"PC1011"_s, u"pc1011.EQIAD.wmnet"_s) } << ResolveFlags()
            << QString();
    }
    void flags()
    {
        QFETCH(QList<ResolveEntry>, entries);
        QFETCH(ResolveFlags, flags);
        QFETCH(QString, reasonPart);
        const auto judged = ResolveFlagRules::judge(entries, {}, runbookFleet(), kGhostNow, 60);
        QCOMPARE(judged.size(), entries.size());
        QCOMPARE(judged.first().flags, flags);
        QCOMPARE(judged.first().flagged(), flags != ResolveFlags());
        if (reasonPart.isEmpty()) {
            QCOMPARE(judged.first().reason, QString());
        } else {
            QVERIFY2(judged.first().reason.contains(reasonPart), qPrintable(judged.first().reason));
        }
    }

    void usersOfEachName()
    {
        const auto judged
            = ResolveFlagRules::judge({ resolveEntry(u"pc1008.eqiad.wmnet"_s, u"pc1008"_s) }, {},
                runbookFleet(), kGhostNow, 60);
        QCOMPARE(judged.size(), 1);
        QCOMPARE(judged.first().kind, ResolveKind::Resolve);
        QCOMPARE(judged.first().hostnameUsers, QList { ghostKey(u"pc1008.eqiad.wmnet:3306"_s) });
        QCOMPARE(judged.first().resolvedUsers,
            (QList { ghostKey(u"pc1008:3306"_s), ghostKey(u"pc1008:3307"_s) }));
        QCOMPARE(judged.first().expiresAt, kGhostNow.addSecs(-60 + 3600));
    }

    void unresolveEntriesAreNotUnanswered()
    {
        // A virtual name is nobody's key by design; only its age counts.
        const UnresolveEntry vip { u"pc1008.eqiad.wmnet"_s, u"pc-vip"_s, kGhostNow.addSecs(-60) };
        const UnresolveEntry old { u"pc1011.eqiad.wmnet"_s, u"pc"_s, kGhostNow.addSecs(-7200) };
        const auto judged
            = ResolveFlagRules::judge({}, { vip, old }, runbookFleet(), kGhostNow, 60);
        QCOMPARE(judged.size(), 2);
        QCOMPARE(judged.at(0).kind, ResolveKind::Unresolve);
        QCOMPARE(judged.at(0).flags, ResolveFlags());
        QCOMPARE(judged.at(0).hostnameUsers.size(), 1);
        QCOMPARE(judged.at(1).flags, ResolveFlags(ResolveFlag::Expired));
    }

    void entryWithoutTimeIsExpired()
    {
        const auto judged
            = ResolveFlagRules::judge({ ResolveEntry { u"pc1011"_s, u"pc1011.eqiad.wmnet"_s, {} } },
                {}, runbookFleet(), kGhostNow, 60);
        QVERIFY(judged.first().flags.testFlag(ResolveFlag::Expired));
    }
};

QTEST_GUILESS_MAIN(TestResolveFlagRules)
#include "tst_resolveflagrules.moc"
