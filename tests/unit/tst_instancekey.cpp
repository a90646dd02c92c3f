#include <QHash>
#include <QSet>
#include <QTest>
#include <QVariant>

#include <algorithm>

#include "instancekey.h"

using namespace Qt::StringLiterals;
using topograph::ErrorCode;
using topograph::InstanceKey;

namespace topograph {
// Found by QTest through ADL: failing comparisons print "host:port".
char* toString(const InstanceKey& key)
{
    return QTest::toString(key.toString());
}
} // namespace topograph

class TestInstanceKey : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void parseRejects_data();
    void parseRejects();
    void toStringRoundTrip_data();
    void toStringRoundTrip();
    void toStringBracketsIpv6();
    void isValid();
    void ordering_data();
    void ordering();
    void sortList();
    void equality();
    void hashing();
    void variant();
};

void TestInstanceKey::parse_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("defaultPort");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");

    QTest::newRow("host:port") << u"db1:3306"_s << 3306 << u"db1"_s << 3306;
    QTest::newRow("host:port, other default") << u"db1:13306"_s << 3306 << u"db1"_s << 13306;
    QTest::newRow("host:port, no default") << u"db1:13306"_s << 0 << u"db1"_s << 13306;
    QTest::newRow("host, default port") << u"db1"_s << 3306 << u"db1"_s << 3306;
    QTest::newRow("host, other default port") << u"db1"_s << 3307 << u"db1"_s << 3307;
    QTest::newRow("port 1") << u"db1:1"_s << 3306 << u"db1"_s << 1;
    QTest::newRow("port 65535") << u"db1:65535"_s << 3306 << u"db1"_s << 65535;
    QTest::newRow("ipv4") << u"10.0.0.1:3306"_s << 0 << u"10.0.0.1"_s << 3306;
    QTest::newRow("[ipv6]:port") << u"[::1]:3307"_s << 3306 << u"::1"_s << 3307;
    QTest::newRow("[ipv6], default port") << u"[::1]"_s << 3306 << u"::1"_s << 3306;
    QTest::newRow("[ipv6] long, lower-cased")
        << u"[2001:DB8::1:FF]:3306"_s << 0 << u"2001:db8::1:ff"_s << 3306;
    QTest::newRow("fqdn") << u"db1.example.com:3306"_s << 0 << u"db1.example.com"_s << 3306;
    QTest::newRow("fqdn, default port")
        << u"db-1.eu-west.example.com"_s << 3306 << u"db-1.eu-west.example.com"_s << 3306;
    QTest::newRow("underscore") << u"db_1.internal:3306"_s << 0 << u"db_1.internal"_s << 3306;
    QTest::newRow("whitespace trimmed") << u"  db1:3306  "_s << 0 << u"db1"_s << 3306;
    QTest::newRow("tabs and newline trimmed") << u"\tdb1\n"_s << 3306 << u"db1"_s << 3306;
    QTest::newRow("whitespace around [ipv6]") << u" [::1]:3306 "_s << 0 << u"::1"_s << 3306;
}

void TestInstanceKey::parse()
{
    QFETCH(QString, input);
    QFETCH(int, defaultPort);
    QFETCH(QString, host);
    QFETCH(int, port);

    const auto result = InstanceKey::parse(input, static_cast<quint16>(defaultPort));
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(result->host, host);
    QCOMPARE(int(result->port), port);
    QVERIFY(result->isValid());
}

void TestInstanceKey::parseRejects_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("defaultPort");
    QTest::addColumn<QString>("hint"); // a word the message must contain (case-insensitive)

    QTest::newRow("empty") << QString() << 3306 << u"empty"_s;
    QTest::newRow("whitespace only") << u"   "_s << 3306 << u"empty"_s;
    QTest::newRow("empty host") << u":3306"_s << 3306 << u"empty"_s;
    QTest::newRow("empty port") << u"db1:"_s << 3306 << u"port"_s;
    QTest::newRow("port not a number") << u"db1:abc"_s << 3306 << u"port"_s;
    QTest::newRow("port with sign") << u"db1:+3306"_s << 3306 << u"port"_s;
    QTest::newRow("port 0") << u"db1:0"_s << 3306 << u"port"_s;
    QTest::newRow("port 65536") << u"db1:65536"_s << 3306 << u"port"_s;
    QTest::newRow("port huge") << u"db1:99999999999999999999"_s << 3306 << u"port"_s;
    QTest::newRow("two colons") << u"db1:3306:1"_s << 3306 << u"IPv6"_s;
    QTest::newRow("space in host") << u"db 1:3306"_s << 3306 << u"character"_s;
    QTest::newRow("semicolon in host") << u"db1;drop:3306"_s << 3306 << u"character"_s;
    QTest::newRow("non-ascii host") << u"d\u00f6:3306"_s << 3306 << u"character"_s;
    QTest::newRow("leading dot") << u".db1:3306"_s << 3306 << u"host name"_s;
    QTest::newRow("trailing dash") << u"db1-:3306"_s << 3306 << u"host name"_s;
    QTest::newRow("double dot") << u"db1..example:3306"_s << 3306 << u"host name"_s;
    QTest::newRow("bare ipv6") << u"::1"_s << 3306 << u"IPv6"_s;
    QTest::newRow("bare ipv6 with port") << u"fe80::1:3306"_s << 3306 << u"IPv6"_s;
    QTest::newRow("missing ]") << u"[::1"_s << 3306 << u"IPv6"_s;
    QTest::newRow("not ipv6 in brackets") << u"[zz]:1"_s << 3306 << u"IPv6"_s;
    QTest::newRow("ipv4 in brackets") << u"[10.0.0.1]:3306"_s << 3306 << u"IPv6"_s;
    QTest::newRow("empty brackets") << u"[]:3306"_s << 3306 << u"empty"_s;
    QTest::newRow("junk after ]") << u"[::1]x"_s << 3306 << u"unexpected"_s;
    QTest::newRow("[ipv6] empty port") << u"[::1]:"_s << 3306 << u"port"_s;
    QTest::newRow("[ipv6] port 65536") << u"[::1]:65536"_s << 3306 << u"port"_s;
    QTest::newRow("host, no default port") << u"db1"_s << 0 << u"port"_s;
    QTest::newRow("[ipv6], no default port") << u"[::1]"_s << 0 << u"port"_s;
}

void TestInstanceKey::parseRejects()
{
    QFETCH(QString, input);
    QFETCH(int, defaultPort);
    QFETCH(QString, hint);

    const auto result = InstanceKey::parse(input, static_cast<quint16>(defaultPort));
    QVERIFY2(!result.ok(), qPrintable(result.ok() ? result->toString() : QString()));
    const QString message = result.error().message;
    QCOMPARE(result.error().code, ErrorCode::InvalidInput);
    QVERIFY2(message.contains(u"\""_s + input + u"\""_s), qPrintable(message));
    QVERIFY2(message.contains(hint, Qt::CaseInsensitive), qPrintable(message));
}

void TestInstanceKey::toStringRoundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("host") << u"db1:3306"_s;
    QTest::newRow("fqdn") << u"db1.example.com:13306"_s;
    QTest::newRow("ipv4") << u"10.0.0.1:1"_s;
    QTest::newRow("ipv6 loopback") << u"[::1]:3306"_s;
    QTest::newRow("ipv6") << u"[2001:db8::7]:65535"_s;
}

void TestInstanceKey::toStringRoundTrip()
{
    QFETCH(QString, text);
    const auto key = InstanceKey::parse(text, 0);
    QVERIFY(key.ok());
    QCOMPARE(key->toString(), text);
    const auto again = InstanceKey::parse(key->toString(), 0);
    QVERIFY(again.ok());
    QCOMPARE(*again, *key);
}

void TestInstanceKey::toStringBracketsIpv6()
{
    QCOMPARE((InstanceKey { u"::1"_s, 3306 }).toString(), u"[::1]:3306"_s);
    QCOMPARE((InstanceKey { u"fe80::1"_s, 1 }).toString(), u"[fe80::1]:1"_s);
    QCOMPARE((InstanceKey { u"db1"_s, 3306 }).toString(), u"db1:3306"_s);
    QCOMPARE(InstanceKey::parse(u"[::1]"_s, 3306)->toString(), u"[::1]:3306"_s);
}

void TestInstanceKey::isValid()
{
    QVERIFY(!InstanceKey {}.isValid());
    QVERIFY(!(InstanceKey { u"db1"_s, 0 }).isValid());
    QVERIFY(!(InstanceKey { QString(), 3306 }).isValid());
    QVERIFY((InstanceKey { u"db1"_s, 3306 }).isValid());
}

void TestInstanceKey::ordering_data()
{
    QTest::addColumn<QString>("aHost");
    QTest::addColumn<int>("aPort");
    QTest::addColumn<QString>("bHost");
    QTest::addColumn<int>("bPort");
    QTest::addColumn<int>("expected"); // -1: a < b, 0: equal, 1: a > b

    QTest::newRow("host decides") << u"a"_s << 9999 << u"b"_s << 1 << -1;
    QTest::newRow("host decides, reversed") << u"b"_s << 1 << u"a"_s << 9999 << 1;
    QTest::newRow("port breaks tie") << u"a"_s << 1 << u"a"_s << 2 << -1;
    QTest::newRow("port numeric, not text") << u"a"_s << 9 << u"a"_s << 10 << -1;
    QTest::newRow("prefix host first") << u"db"_s << 3306 << u"db1"_s << 3306 << -1;
    QTest::newRow("equal") << u"a"_s << 3306 << u"a"_s << 3306 << 0;
}

void TestInstanceKey::ordering()
{
    QFETCH(QString, aHost);
    QFETCH(int, aPort);
    QFETCH(QString, bHost);
    QFETCH(int, bPort);
    QFETCH(int, expected);

    const InstanceKey a { aHost, static_cast<quint16>(aPort) };
    const InstanceKey b { bHost, static_cast<quint16>(bPort) };
    QCOMPARE(a < b, expected < 0);
    QCOMPARE(b<a, expected> 0);
    QCOMPARE(a == b, expected == 0);
    QCOMPARE(a <= b, expected <= 0);
    QCOMPARE(a > b, expected > 0);
}

void TestInstanceKey::sortList()
{
    QList<InstanceKey> keys {
        { u"db2"_s, 3306 },
        { u"db1"_s, 3307 },
        { u"db10"_s, 3306 },
        { u"db1"_s, 3306 },
        { u"db1"_s, 10 },
    };
    std::sort(keys.begin(), keys.end());
    const QList<InstanceKey> expected {
        { u"db1"_s, 10 },
        { u"db1"_s, 3306 },
        { u"db1"_s, 3307 },
        { u"db10"_s, 3306 },
        { u"db2"_s, 3306 },
    };
    QCOMPARE(keys, expected);
}

void TestInstanceKey::equality()
{
    const InstanceKey a { u"db1"_s, 3306 };
    QVERIFY(a == (InstanceKey { u"db1"_s, 3306 }));
    QVERIFY(a != (InstanceKey { u"db1"_s, 3307 }));
    QVERIFY(a != (InstanceKey { u"db2"_s, 3306 }));
    QCOMPARE(*InstanceKey::parse(u" db1 "_s, 3306), a);
    QCOMPARE(*InstanceKey::parse(u"[::1]"_s, 3306), (InstanceKey { u"::1"_s, 3306 }));
}

void TestInstanceKey::hashing()
{
    const InstanceKey a = *InstanceKey::parse(u"db1:3306"_s, 0);
    const InstanceKey b = *InstanceKey::parse(u"  db1  "_s, 3306);
    QCOMPARE(a, b);
    QCOMPARE(qHash(a), qHash(b));
    QCOMPARE(qHash(a, 42), qHash(b, 42));

    QSet<InstanceKey> set;
    set << a << b << InstanceKey { u"db1"_s, 3306 } << InstanceKey { u"db1"_s, 3307 }
        << InstanceKey { u"db2"_s, 3306 };
    QCOMPARE(set.size(), 3);
    QVERIFY(set.contains(InstanceKey { u"db1"_s, 3307 }));

    QHash<InstanceKey, int> hash;
    hash.insert(a, 1);
    hash.insert(b, 2);
    hash.insert(InstanceKey { u"db2"_s, 3306 }, 3);
    QCOMPARE(hash.size(), 2);
    QCOMPARE(hash.value(InstanceKey { u"db1"_s, 3306 }), 2);
    QCOMPARE(hash.value(InstanceKey { u"db3"_s, 3306 }, -1), -1);
}

void TestInstanceKey::variant()
{
    const InstanceKey key { u"db1"_s, 3306 };
    const QVariant v = QVariant::fromValue(key);
    QVERIFY(v.canConvert<InstanceKey>());
    QCOMPARE(v.value<InstanceKey>(), key);
}

QTEST_GUILESS_MAIN(TestInstanceKey)
#include "tst_instancekey.moc"
