// HostnameResolveMethod: what each method makes of names and addresses, with DNS replaced by
// tables so the test needs no network.
#include <QTest>

#include "resolve/hostnameresolver.h"

using namespace Qt::StringLiterals;
using topograph::HostnameResolver;
using topograph::InstanceKey;

namespace {

QStringList lookup(const QString& name)
{
    if (name == u"db1103"_s || name == u"db1103.eqiad.wmnet"_s) {
        return { u"10.64.0.13"_s };
    }
    if (name == u"alias.example.org"_s) {
        return { u"10.64.0.13"_s, u"2620::13"_s };
    }
    return {};
}

QString reverse(const QString& address)
{
    return address == u"10.64.0.13"_s ? u"db1103.eqiad.wmnet"_s : QString();
}

} // namespace

class TestHostnameResolver final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resolve_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("expected");
        QTest::newRow("none keeps a name") << u"none"_s << u"db1103"_s << u"db1103"_s;
        QTest::newRow("none keeps an address") << u"none"_s << u"10.64.0.13"_s << u"10.64.0.13"_s;
        QTest::newRow("default keeps a name") << u"default"_s << u"db1103"_s << u"db1103"_s;
        QTest::newRow("default names an address")
            << u"default"_s << u"10.64.0.13"_s << u"db1103.eqiad.wmnet"_s;
        QTest::newRow("default, address without a name")
            << u"default"_s << u"10.0.0.99"_s << u"10.0.0.99"_s;
        QTest::newRow("cname: canonical name")
            << u"cname"_s << u"alias.example.org"_s << u"db1103.eqiad.wmnet"_s;
        QTest::newRow("cname: short name") << u"cname"_s << u"db1103"_s << u"db1103.eqiad.wmnet"_s;
        QTest::newRow("cname: unknown name stays") << u"cname"_s << u"nosuch"_s << u"nosuch"_s;
        QTest::newRow("ip: IPv4 first") << u"ip"_s << u"alias.example.org"_s << u"10.64.0.13"_s;
        QTest::newRow("ip: address stays") << u"ip"_s << u"10.64.0.13"_s << u"10.64.0.13"_s;
        QTest::newRow("ip: unknown name stays") << u"ip"_s << u"nosuch"_s << u"nosuch"_s;
        QTest::newRow("method is case-insensitive")
            << u"CNAME"_s << u"db1103"_s << u"db1103.eqiad.wmnet"_s;
    }
    void resolve()
    {
        QFETCH(QString, method);
        QFETCH(QString, host);
        QFETCH(QString, expected);
        HostnameResolver resolver(method, lookup, reverse);
        QCOMPARE(resolver.resolve(host), expected);
        const InstanceKey key = resolver.resolve(InstanceKey { host, 3306 });
        QCOMPARE(key.host, expected);
        QCOMPARE(key.port, quint16(3306));
    }

    void reportsEachChangedNameOnce()
    {
        int lookups = 0;
        HostnameResolver resolver(
            u"cname"_s,
            [&lookups](const QString& name) {
                ++lookups;
                return lookup(name);
            },
            reverse);
        resolver.resolve(u"db1103"_s);
        resolver.resolve(u"db1103"_s); // cached: no second lookup, no second report
        resolver.resolve(u"nosuch"_s); // unchanged: not reported
        QCOMPARE(lookups, 2);
        const auto changed = resolver.takeNewResolutions();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first, u"db1103"_s);
        QCOMPARE(changed.first().second, u"db1103.eqiad.wmnet"_s);
        QVERIFY(resolver.takeNewResolutions().isEmpty());
    }

    void expiredAnswersAreLookedUpAgain()
    {
        int lookups = 0;
        HostnameResolver resolver(
            u"ip"_s,
            [&lookups](const QString& name) {
                ++lookups;
                return lookup(name);
            },
            reverse, 0); // every answer is already expired
        resolver.resolve(u"db1103"_s);
        resolver.resolve(u"db1103"_s);
        QCOMPARE(lookups, 2);
    }
};

QTEST_GUILESS_MAIN(TestHostnameResolver)
#include "tst_hostnameresolver.moc"
