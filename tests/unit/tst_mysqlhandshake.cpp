#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include "db/connectionsettings.h"
#include "db/mysqlhandshake.h"
#include "db/tlspreflight.h"

using namespace Qt::StringLiterals;
using namespace topograph;

namespace {

// A HandshakeV10 greeting as a MariaDB server sends it, with the given capability flags.
QByteArray greeting(quint32 capabilities, int charset = 45)
{
    QByteArray payload;
    payload.append(char(10));
    payload.append("10.11.6-MariaDB-log");
    payload.append('\0');
    char id[4];
    qToLittleEndian<quint32>(4242, id);
    payload.append(id, 4);
    payload.append("abcdefgh", 8); // auth data part 1
    payload.append('\0');
    char caps[2];
    qToLittleEndian<quint16>(quint16(capabilities & 0xffff), caps);
    payload.append(caps, 2);
    payload.append(char(charset));
    payload.append("\x02\x00", 2); // status
    qToLittleEndian<quint16>(quint16(capabilities >> 16), caps);
    payload.append(caps, 2);
    payload.append(char(21));
    payload.append(QByteArray(10, '\0'));
    payload.append("ijklmnopqrst", 12);
    payload.append('\0');
    payload.append("mysql_native_password");
    payload.append('\0');
    QByteArray packet(4, '\0');
    qToLittleEndian<quint16>(quint16(payload.size()), packet.data());
    packet[3] = 0;
    return packet + payload;
}

} // namespace

class TestMySqlHandshake final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void greetingWithTls()
    {
        const quint32 caps = MySqlHandshake::kClientProtocol41 | MySqlHandshake::kClientSsl
            | MySqlHandshake::kClientPluginAuth;
        auto parsed = MySqlHandshake::parseGreeting(greeting(caps));
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        QCOMPARE(parsed->protocolVersion, 10);
        QCOMPARE(parsed->serverVersion, u"10.11.6-MariaDB-log"_s);
        QCOMPARE(parsed->connectionId, 4242u);
        QCOMPARE(parsed->characterSet, 45);
        QVERIFY(parsed->offersTls());
        QVERIFY(parsed->capabilities & MySqlHandshake::kClientPluginAuth); // upper half read
    }

    void greetingWithoutTls()
    {
        auto parsed = MySqlHandshake::parseGreeting(greeting(MySqlHandshake::kClientProtocol41));
        QVERIFY(parsed.ok());
        QVERIFY(!parsed->offersTls());
    }

    void greetingIncomplete()
    {
        const QByteArray full = greeting(MySqlHandshake::kClientSsl);
        QCOMPARE(MySqlHandshake::completePacketLength(full.left(10)), 0);
        QCOMPARE(MySqlHandshake::completePacketLength(full + "tail"), full.size());
        QVERIFY(!MySqlHandshake::parseGreeting(full.left(10)).ok());
    }

    void errorPacketAsGreeting()
    {
        QByteArray payload("\xff\x10\x04Too many connections", 23);
        QByteArray packet(4, '\0');
        packet[0] = char(payload.size());
        auto parsed = MySqlHandshake::parseGreeting(packet + payload);
        QVERIFY(!parsed.ok());
        QVERIFY(parsed.error().message.contains(u"Too many connections"_s));
    }

    void notMySql()
    {
        QByteArray packet("\x05\x00\x00\x00SSH-2", 9);
        auto parsed = MySqlHandshake::parseGreeting(packet);
        QVERIFY(!parsed.ok());
        QVERIFY(parsed.error().message.contains(u"protocol 10"_s));
    }

    void sslRequest()
    {
        const QByteArray packet = MySqlHandshake::sslRequestPacket(45);
        QCOMPARE(packet.size(), 36);
        QCOMPARE(quint8(packet[0]), quint8(32)); // payload length
        QCOMPARE(quint8(packet[1]), quint8(0));
        QCOMPARE(quint8(packet[2]), quint8(0));
        QCOMPARE(quint8(packet[3]), quint8(1)); // sequence id
        const quint32 flags = qFromLittleEndian<quint32>(packet.constData() + 4);
        QVERIFY(flags & MySqlHandshake::kClientSsl);
        QVERIFY(flags & MySqlHandshake::kClientProtocol41);
        QCOMPARE(qFromLittleEndian<quint32>(packet.constData() + 8), 16u * 1024 * 1024);
        QCOMPARE(quint8(packet[12]), quint8(45));
        QCOMPARE(packet.mid(13), QByteArray(23, '\0')); // no user name, no password
    }

    void hostMatches_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QStringList>("dns");
        QTest::addColumn<QStringList>("ips");
        QTest::addColumn<QStringList>("cn");
        QTest::addColumn<bool>("matches");
        const QStringList none;
        QTest::newRow("san dns") << u"db1103.eqiad.wmnet"_s
                                 << QStringList { u"db1103.eqiad.wmnet"_s } << none << none << true;
        QTest::newRow("san dns case")
            << u"DB1103.eqiad.wmnet"_s << QStringList { u"db1103.EQIAD.wmnet"_s } << none << none
            << true;
        QTest::newRow("san other host")
            << u"db1104.eqiad.wmnet"_s << QStringList { u"db1103.eqiad.wmnet"_s } << none << none
            << false;
        QTest::newRow("wildcard one label")
            << u"db1103.eqiad.wmnet"_s << QStringList { u"*.eqiad.wmnet"_s } << none << none
            << true;
        QTest::newRow("wildcard not two labels")
            << u"a.db1103.eqiad.wmnet"_s << QStringList { u"*.eqiad.wmnet"_s } << none << none
            << false;
        QTest::newRow("wildcard not the domain")
            << u"eqiad.wmnet"_s << QStringList { u"*.eqiad.wmnet"_s } << none << none << false;
        QTest::newRow("san ip") << u"127.0.0.1"_s << QStringList { u"localhost"_s }
                                << QStringList { u"127.0.0.1"_s } << none << true;
        QTest::newRow("ip not in dns san")
            << u"127.0.0.1"_s << QStringList { u"127.0.0.1"_s } << none << none << false;
        QTest::newRow("cn only") << u"db1103.eqiad.wmnet"_s << none << none
                                 << QStringList { u"db1103.eqiad.wmnet"_s } << true;
        QTest::newRow("cn only ip")
            << u"127.0.0.1"_s << none << none << QStringList { u"127.0.0.1"_s } << true;
        QTest::newRow("cn only wrong") << u"db1104.eqiad.wmnet"_s << none << none
                                       << QStringList { u"db1103.eqiad.wmnet"_s } << false;
        QTest::newRow("cn ignored when san present")
            << u"db1103.eqiad.wmnet"_s << QStringList { u"other.eqiad.wmnet"_s } << none
            << QStringList { u"db1103.eqiad.wmnet"_s } << false;
    }

    void hostMatches()
    {
        QFETCH(QString, host);
        QFETCH(QStringList, dns);
        QFETCH(QStringList, ips);
        QFETCH(QStringList, cn);
        QFETCH(bool, matches);
        QCOMPARE(MySqlHandshake::hostMatches(host, dns, ips, cn), matches);
    }

    void localhostGoesOverTcp()
    {
        ConnectionSettings s;
        s.key = InstanceKey { u"localhost"_s, 31301 };
        QCOMPARE(s.driverHost(), u"127.0.0.1"_s);
        s.key.host = u"LocalHost"_s;
        QCOMPARE(s.driverHost(), u"127.0.0.1"_s);
        s.key.host = u"db1103.eqiad.wmnet"_s;
        QCOMPARE(s.driverHost(), u"db1103.eqiad.wmnet"_s);
    }

    void connectOptionsRefuseInjection_data()
    {
        QTest::addColumn<QString>("ca");
        QTest::newRow("semicolon") << u"/etc/ca.pem;MYSQL_OPT_RECONNECT=1"_s;
        QTest::newRow("equals") << u"/etc/ca=x.pem"_s;
    }

    void connectOptionsRefuseInjection()
    {
        QFETCH(QString, ca);
        ConnectionSettings s;
        s.tls.caFile = ca;
        s.tls.caOrigin = u"MySQLTopologySSLCAFile"_s;
        auto options = s.connectOptions();
        QVERIFY(!options.ok());
        QCOMPARE(options.error().code, ErrorCode::ConfigError);
        QVERIFY(options.error().message.contains(u"MySQLTopologySSLCAFile"_s));
        QVERIFY(options.error().message.contains(ca));
    }

    void connectOptionsWithTls()
    {
        ConnectionSettings s;
        s.tls.caFile = u"/etc/ssl/ca.pem"_s;
        s.tls.certFile = u"/etc/ssl/c.pem"_s;
        s.tls.keyFile = u"/etc/ssl/k.pem"_s;
        auto options = s.connectOptions();
        QVERIFY(options.ok());
        QVERIFY(options->contains(u"SSL_CA=/etc/ssl/ca.pem"_s));
        QVERIFY(options->contains(u"SSL_CERT=/etc/ssl/c.pem"_s));
        QVERIFY(options->contains(u"SSL_KEY=/etc/ssl/k.pem"_s));
        // The driver is never told to allow the clear-text password plugin.
        QVERIFY(!options->contains(u"CLEARTEXT"_s, Qt::CaseInsensitive));
        QVERIFY(options->contains(u"MYSQL_OPT_CONNECT_TIMEOUT="_s));
    }

    void missingCaFileNamed()
    {
        TlsSettings tls;
        tls.caFile = u"/nonexistent/topograph-ca.pem"_s;
        tls.caOrigin = u"MySQLTopologySSLCAFile"_s;
        auto checked = TlsPreflight::checkFiles(tls);
        QVERIFY(!checked.ok());
        QVERIFY(checked.error().message.contains(u"/nonexistent/topograph-ca.pem"_s));
        QVERIFY(checked.error().message.contains(u"MySQLTopologySSLCAFile"_s));
        QVERIFY(checked.error().message.contains(u"does not exist"_s));
    }

    void caFileNotPem()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"ca.pem"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a certificate\n");
        f.close();
        TlsSettings tls;
        tls.caFile = path;
        tls.caOrigin = u"ssl-ca in /home/dba/.my.cnf"_s;
        auto checked = TlsPreflight::checkFiles(tls);
        QVERIFY(!checked.ok());
        QVERIFY(checked.error().message.contains(path));
        QVERIFY(checked.error().message.contains(u"ssl-ca in /home/dba/.my.cnf"_s));
        QVERIFY(checked.error().message.contains(u"PEM"_s));
    }

    void mutualWithoutCaRefused()
    {
        TlsSettings tls;
        tls.mutual = true;
        tls.caOrigin = u"MySQLTopologySSLCAFile"_s;
        QVERIFY(tls.enabled());
        QVERIFY(!TlsPreflight::checkFiles(tls).ok());
    }
};

QTEST_GUILESS_MAIN(TestMySqlHandshake)
#include "tst_mysqlhandshake.moc"
