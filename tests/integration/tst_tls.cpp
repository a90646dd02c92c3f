// TLS required when configured, and the server's identity verified (issue 12, DESIGN §11), on a
// throwaway `scripts/sandbox up --tls` sandbox whose instances present different certificates:
// n1 SAN (localhost, 127.0.0.1), n2 CN-only, n3 a wrong host, n4 no TLS at all.
#include <QFile>
#include <QMutex>
#include <QRegularExpression>
#include <QSemaphore>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

#include "backend/backend.h"
#include "db/clientauthplugins.h"
#include "db/mysqlsession.h"
#include "probe/instanceprobe.h"
#include "strippingproxy.h"
#include "throwawaysandbox.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

namespace {

constexpr int kOffset = 300; // this test's scratch ports: base+301..base+304

// A "server" that offers no TLS: it sends a MariaDB greeting without CLIENT_SSL and records
// every byte a client sends back, to show that no credentials ever reach it.
class PlainGreeter final : public QThread
{
public:
    ~PlainGreeter() override
    {
        quit();
        wait();
    }
    Q_DISABLE_COPY_MOVE(PlainGreeter)
    PlainGreeter() = default;

    quint16 listen()
    {
        start();
        m_ready.acquire();
        return m_port;
    }
    QByteArray received() const
    {
        QMutexLocker lock(&m_mutex);
        return m_received;
    }
    int connections() const { return m_connections.loadRelaxed(); }

protected:
    void run() override
    {
        QTcpServer server;
        server.listen(QHostAddress::LocalHost, 0);
        m_port = server.serverPort();
        QObject::connect(&server, &QTcpServer::newConnection, &server, [this, &server] {
            while (QTcpSocket* client = server.nextPendingConnection()) {
                m_connections.fetchAndAddRelaxed(1);
                QObject::connect(client, &QTcpSocket::readyRead, client, [this, client] {
                    QMutexLocker lock(&m_mutex);
                    m_received += client->readAll();
                });
                client->write(greeting());
            }
        });
        m_ready.release();
        exec();
    }

private:
    static QByteArray greeting()
    {
        QByteArray p;
        p.append(char(10));
        p.append("10.11.6-MariaDB");
        p.append('\0');
        p.append("\x01\x00\x00\x00", 4);
        p.append("abcdefgh", 8);
        p.append('\0');
        p.append("\x00\xa2", 2); // PROTOCOL_41 | SECURE_CONNECTION ...: no CLIENT_SSL (0x0800)
        p.append(char(45));
        p.append("\x02\x00", 2);
        p.append("\x08\x00", 2); // PLUGIN_AUTH
        p.append(char(21));
        p.append(QByteArray(10, '\0'));
        p.append("ijklmnopqrst", 12);
        p.append('\0');
        p.append("mysql_clear_password");
        p.append('\0');
        QByteArray header(4, '\0');
        header[0] = char(p.size());
        return header + p;
    }

    QSemaphore m_ready;
    quint16 m_port = 0;
    mutable QMutex m_mutex;
    QByteArray m_received;
    QAtomicInt m_connections;
};

} // namespace

class TestTls final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    std::unique_ptr<ThrowawaySandbox> m_box;

    ConnectionSettings settingsFor(int n, const Configuration& config) const
    {
        auto s = topologyConnectionSettings(config, m_box->key(n));
        return s ? *s : ConnectionSettings {};
    }
    ConnectionSettings settingsFor(int n) const { return settingsFor(n, m_box->config); }
    QString tlsDir() const { return m_box->dir() + u"/tls"_s; }

private Q_SLOTS:
    void initTestCase()
    {
        if (ThrowawaySandbox::scratchPortBase() == 0
            || qEnvironmentVariable("TOPOGRAPH_SOURCE_DIR").isEmpty()) {
            QSKIP("TOPOGRAPH_TEST_SCRATCH_PORT_BASE / TOPOGRAPH_SOURCE_DIR not set: run with "
                  "scripts/test");
        }
        auto box = ThrowawaySandbox::start(
            m_tmp.filePath(u"tls"_s), u"gtid"_s, u"1>2,3,4"_s, kOffset, false, true);
        QVERIFY2(box.ok(), qPrintable(box.ok() ? QString() : box.error().message));
        m_box = std::move(box).value();
        QVERIFY(!m_box->config.mysqlTopologySslCaFile.isEmpty());
    }

    void cleanupTestCase() { m_box.reset(); }

    void verifiedWithSan()
    {
        auto session = MySqlSession::open(settingsFor(1), u"tls"_s);
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().message));
        QCOMPARE((*session)->tlsState(), TlsState::Verified);
        auto cipher = (*session)->queryRow(u"SHOW SESSION STATUS LIKE 'Ssl_cipher'"_s);
        QVERIFY(cipher.ok());
        QVERIFY(!cipher->value(u"Value"_s).toString().isEmpty());
    }

    void verifiedAsLocalhost()
    {
        ConnectionSettings s = settingsFor(1);
        s.key.host = u"localhost"_s; // the certificate's DNS SAN
        auto session = MySqlSession::open(s, u"tls"_s);
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().message));
        QCOMPARE((*session)->tlsState(), TlsState::Verified);
    }

    void probeRecordsTlsState()
    {
        const ProbeResult r
            = InstanceProbe::probe(settingsFor(1), ProbeOptions::fromConfiguration(m_box->config));
        QVERIFY2(r.record.reachable, qPrintable(r.record.lastError));
        QCOMPARE(r.record.tlsState, std::optional<TlsState>(TlsState::Verified));
    }

    void cnOnlyAccepted()
    {
        auto session = MySqlSession::open(settingsFor(2), u"tls"_s);
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().message));
        QCOMPARE((*session)->tlsState(), TlsState::Verified);
    }

    void wrongHostRefused()
    {
        auto session = MySqlSession::open(settingsFor(3), u"tls"_s);
        QVERIFY(!session.ok());
        QCOMPARE(session.error().code, ErrorCode::Refused);
        const QString message = session.error().message;
        QVERIFY2(message.contains(u"wrong.example.net"_s), qPrintable(message));
        QVERIFY2(message.contains(m_box->key(3).toString()), qPrintable(message));
        QVERIFY2(message.contains(u"refusing"_s), qPrintable(message));
    }

    void serverWithoutTlsRefused()
    {
        auto session = MySqlSession::open(settingsFor(4), u"tls"_s);
        QVERIFY(!session.ok());
        QCOMPARE(session.error().message,
            u"TLS is required (MySQLTopologySSLCAFile is set) but %1 does not offer it; refusing "
            "to connect"_s.arg(m_box->key(4).toString()));
    }

    void mixedTlsAllowsPlain()
    {
        Configuration config = m_box->config;
        config.mysqlTopologyUseMixedTls = true;
        auto plain = MySqlSession::open(settingsFor(4, config), u"tls"_s);
        QVERIFY2(plain.ok(), qPrintable(plain.ok() ? QString() : plain.error().message));
        QCOMPARE((*plain)->tlsState(), TlsState::Plain);
        // A server that offers TLS is still verified under mixed TLS.
        QVERIFY(!MySqlSession::open(settingsFor(3, config), u"tls"_s).ok());
    }

    void skipVerifyEncryptsWithWarning()
    {
        Configuration config = m_box->config;
        config.mysqlTopologySslSkipVerify = true;
        QTest::ignoreMessage(QtWarningMsg,
            QRegularExpression(
                u"TLS to %1 is encrypted but the server's identity is NOT verified"_s.arg(
                    QRegularExpression::escape(m_box->key(3).toString()))));
        auto session = MySqlSession::open(settingsFor(3, config), u"tls"_s);
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().message));
        QCOMPARE((*session)->tlsState(), TlsState::Encrypted);
    }

    void mutualTls()
    {
        Configuration config = m_box->config;
        config.mysqlTopologyUseMutualTls = true;
        config.mysqlTopologySslCertFile = tlsDir() + u"/client-cert.pem"_s;
        config.mysqlTopologySslPrivateKeyFile = tlsDir() + u"/client-key.pem"_s;
        auto session = MySqlSession::open(settingsFor(1, config), u"tls"_s);
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().message));
        QCOMPARE((*session)->tlsState(), TlsState::Verified);
    }

    void missingCaFileNamed()
    {
        Configuration config = m_box->config;
        config.mysqlTopologySslCaFile = m_box->dir() + u"/tls/missing-ca.pem"_s;
        auto session = MySqlSession::open(settingsFor(1, config), u"tls"_s);
        QVERIFY(!session.ok());
        QCOMPARE(session.error().message,
            u"the TLS file %1 (MySQLTopologySSLCAFile) does not exist"_s.arg(
                config.mysqlTopologySslCaFile));
    }

    void backendOverTls()
    {
        Configuration config;
        config.backendDb = u"mysql"_s;
        config.mysqlOrchestratorHost = u"127.0.0.1"_s;
        config.mysqlOrchestratorPort = m_box->key(1).port;
        config.mysqlOrchestratorDatabase = u"topograph_test"_s;
        config.mysqlOrchestratorCredentialsConfigFile = m_box->dir() + u"/client.cnf"_s;
        config.mysqlOrchestratorSslCaFile = tlsDir() + u"/ca.pem"_s;
        auto verified = Backend::open(config, Backend::OpenMode::NoMigration);
        QVERIFY2(verified.ok(), qPrintable(verified.ok() ? QString() : verified.error().message));

        config.mysqlOrchestratorPort = m_box->key(3).port;
        auto wrongHost = Backend::open(config, Backend::OpenMode::NoMigration);
        QVERIFY(!wrongHost.ok());
        QVERIFY2(wrongHost.error().message.contains(u"wrong.example.net"_s),
            qPrintable(wrongHost.error().message));

        config.mysqlOrchestratorPort = m_box->key(4).port;
        auto plain = Backend::open(config, Backend::OpenMode::NoMigration);
        QVERIFY(!plain.ok());
        QVERIFY2(plain.error().message.contains(
                     u"TLS is required (MySQLOrchestratorSSLCAFile is set)"_s),
            qPrintable(plain.error().message));
    }

    void optionInjectionRefused()
    {
        Configuration config = m_box->config;
        config.mysqlTopologySslCaFile = tlsDir() + u"/ca.pem;MYSQL_OPT_RECONNECT=1"_s;
        auto session = MySqlSession::open(settingsFor(1, config), u"tls"_s);
        QVERIFY(!session.ok());
        QCOMPARE(session.error().code, ErrorCode::ConfigError);
        QVERIFY2(
            session.error().message.contains(u"';' or '='"_s), qPrintable(session.error().message));
    }

    void noCredentialsToAServerWithoutTls()
    {
        PlainGreeter greeter;
        const quint16 port = greeter.listen();
        QVERIFY(port != 0);
        ConnectionSettings s = settingsFor(1);
        s.key = InstanceKey { u"127.0.0.1"_s, port };
        QVERIFY(!s.password.isEmpty());
        auto session = MySqlSession::open(s, u"tls"_s);
        QVERIFY(!session.ok());
        QVERIFY2(session.error().message.contains(u"does not offer it"_s),
            qPrintable(session.error().message));
        QCOMPARE(greeter.connections(), 1); // the pre-flight only: the driver never connected
        QVERIFY(!greeter.received().contains(s.password.toUtf8()));
        QVERIFY(!greeter.received().contains(s.user.toUtf8()));
    }

    // A man in the middle that lets the pre-flight through to the real server and strips TLS
    // from the driver's own connection, then asks for the password in clear: the client library
    // cannot load a clear-text plugin (ClientAuthPlugins), so the password never crosses the wire.
    void strippedDriverSessionRefused()
    {
        StrippingProxy proxy(m_box->key(1));
        const quint16 port = proxy.listen();
        QVERIFY(port != 0);
        ConnectionSettings s = settingsFor(1);
        s.key = InstanceKey { u"127.0.0.1"_s, port };
        auto session = MySqlSession::open(s, u"tls"_s);
        QVERIFY(!session.ok());
        QCOMPARE(session.error().code, ErrorCode::Refused);
        QVERIFY2(session.error().message.contains(u"in clear text"_s)
                && session.error().message.contains(u"MySQLEnableCleartextPlugin"_s),
            qPrintable(session.error().message));
        QVERIFY(!session.error().message.contains(s.password));
        QVERIFY(!proxy.stripped().isEmpty()); // the driver did talk to the stripped server
        QVERIFY(!proxy.stripped().contains(s.password.toUtf8()));
    }

    // Without TLS configured, a server (or anyone in between) asking for the password in clear
    // is refused as well, unless MySQLEnableCleartextPlugin says otherwise.
    void noClearTextPasswordWithoutTls()
    {
        StrippingProxy proxy(m_box->key(1), 0);
        const quint16 port = proxy.listen();
        QVERIFY(port != 0);
        Configuration plain = m_box->config;
        plain.mysqlTopologySslCaFile.clear();
        plain.mysqlTopologySslCertFile.clear();
        plain.mysqlTopologySslPrivateKeyFile.clear();
        ConnectionSettings s = settingsFor(1, plain);
        QVERIFY(!s.tls.enabled());
        QVERIFY(!s.allowClearTextAuth);
        s.key = InstanceKey { u"127.0.0.1"_s, port };
        auto session = MySqlSession::open(s, u"tls"_s);
        QVERIFY(!session.ok());
        QVERIFY2(session.error().message.contains(u"mysql_clear_password"_s),
            qPrintable(session.error().message));
        QVERIFY(!proxy.stripped().isEmpty());
        QVERIFY(!proxy.stripped().contains(s.password.toUtf8()));
        QVERIFY(!ClientAuthPlugins::folder().isEmpty());
        QVERIFY(!QFile::exists(ClientAuthPlugins::folder() + u"/mysql_clear_password.so"_s));
        QVERIFY(!QFile::exists(ClientAuthPlugins::folder() + u"/dialog.so"_s));
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
