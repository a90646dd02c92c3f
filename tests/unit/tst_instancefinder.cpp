// Find: part of a host:port, an instance alias or a cluster alias, case-insensitive, best
// matches first (exact, then prefix, then substring, then cluster alias), ties by key.
#include <QTest>

#include "topology/instancefinder.h"

using namespace Qt::StringLiterals;
using namespace topograph;

namespace {

InstanceRecord record(const QString& host, int port, const QString& alias = {},
    const QString& cluster = u"db1:3306"_s)
{
    InstanceRecord r;
    r.key = InstanceKey { host, static_cast<quint16>(port) };
    r.instanceAlias = alias;
    r.clusterName = cluster;
    return r;
}

} // namespace

class TestInstanceFinder final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsByPartOfANameOrAlias()
    {
        InstanceFinder finder;
        finder.setRecords(
            { record(u"db1103.eqiad.wmnet"_s, 3306), record(u"db1110.eqiad.wmnet"_s, 3306),
                record(u"db2001.codfw.wmnet"_s, 3306, u"S1-Codfw-Primary"_s),
                record(u"pc1008"_s, 3306, {}, u"pc1008:3306"_s) },
            { { u"db1:3306"_s, u"s1"_s }, { u"pc1008:3306"_s, u"pc1"_s } });
        const InstanceKey db1103 { u"db1103.eqiad.wmnet"_s, 3306 };
        const InstanceKey db1110 { u"db1110.eqiad.wmnet"_s, 3306 };
        const InstanceKey db2001 { u"db2001.codfw.wmnet"_s, 3306 };
        const InstanceKey pc1008 { u"pc1008"_s, 3306 };
        QCOMPARE(finder.matches(u"1103"_s), QList<InstanceKey> { db1103 });
        QCOMPARE(finder.matches(u"EQIAD"_s), (QList<InstanceKey> { db1103, db1110 }));
        QCOMPARE(finder.matches(u"db11"_s), (QList<InstanceKey> { db1103, db1110 }));
        QCOMPARE(finder.matches(u"codfw-prim"_s), QList<InstanceKey> { db2001 });
        // An exact name beats prefixes; prefixes beat substrings.
        QCOMPARE(finder.matches(u"pc1008:3306"_s).first(), pc1008);
        QCOMPARE(finder.matches(u"pc1"_s), QList<InstanceKey> { pc1008 });
        // A cluster alias finds its instances, after direct matches.
        QCOMPARE(finder.matches(u"s1"_s).first(), db2001);
        QCOMPARE(finder.matches(u"s1"_s).size(), 3);
        QVERIFY(finder.matches(u"nothing-like-it"_s).isEmpty());
        QVERIFY(finder.matches(u"  "_s).isEmpty());
        QVERIFY(finder.names().contains(u"S1-Codfw-Primary"_s));
        QVERIFY(finder.names().contains(u"db1103.eqiad.wmnet:3306"_s));
    }
};

QTEST_GUILESS_MAIN(TestInstanceFinder)
#include "tst_instancefinder.moc"
