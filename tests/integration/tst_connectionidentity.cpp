// Finding 3 of issue 12: a key names one server, and a connection under that key must reach that
// server or be refused. "localhost:PORT" goes over TCP to PORT (the client library would take the
// default Unix socket and ignore the port); a server that reports another port (a forwarder,
// a proxy) or another server_id than the caller knows is refused with a clear message.
#include <QTest>

#include "db/mysqlsession.h"
#include "probe/instanceprobe.h"
#include "sandboxfixture.h"
#include "tcprelay.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

#define SANDBOX_OR_SKIP(mode)                                                                      \
    auto loaded = Sandbox::fromEnvironment(mode);                                                  \
    if (!loaded) {                                                                                 \
        QSKIP(qPrintable(loaded.error().message));                                                 \
    }                                                                                              \
    const Sandbox& sandbox = *loaded;

class TestConnectionIdentity final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void localhostReachesTheKeysPort()
    {
        SANDBOX_OR_SKIP(u"gtid"_s)
        for (const SandboxInstance& instance : sandbox.instances) {
            ConnectionSettings settings = sandbox.settings(instance);
            settings.key = InstanceKey { u"localhost"_s, instance.key.port };
            auto session = MySqlSession::open(settings, u"identity"_s);
            QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().message));
            auto row = (*session)->queryRow(u"SELECT @@port AS port, @@server_id AS id"_s);
            QVERIFY(row.ok());
            QCOMPARE(row->value(u"port"_s).toUInt(), uint(instance.key.port));
            QCOMPARE(row->value(u"id"_s).toInt(), instance.number); // the sandbox's server_id
        }
    }

    void localhostProbeStoresTheRightServer()
    {
        SANDBOX_OR_SKIP(u"gtid"_s)
        const SandboxInstance& replica = sandbox.instance(2);
        ConnectionSettings settings = sandbox.settings(replica);
        settings.key = InstanceKey { u"localhost"_s, replica.key.port };
        const ProbeResult result
            = InstanceProbe::probe(settings, ProbeOptions::fromConfiguration(sandbox.config));
        QVERIFY2(result.record.reachable, qPrintable(result.record.lastError));
        QCOMPARE(result.record.key, settings.key);
        QCOMPARE(result.record.serverId, quint32(2));
    }

    void expectedServerIdMatches()
    {
        SANDBOX_OR_SKIP(u"gtid"_s)
        ConnectionSettings settings = sandbox.settings(sandbox.instance(3));
        settings.expectedServerId = 3;
        auto session = MySqlSession::open(settings, u"identity"_s);
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().message));
    }

    void otherServerIdRefused()
    {
        SANDBOX_OR_SKIP(u"gtid"_s)
        ConnectionSettings settings = sandbox.settings(sandbox.instance(3));
        settings.expectedServerId = 2; // what the key's server was when the caller last saw it
        auto session = MySqlSession::open(settings, u"identity"_s);
        QVERIFY(!session.ok());
        QCOMPARE(session.error().code, ErrorCode::Refused);
        const QString message = session.error().message;
        QVERIFY2(message.contains(u"server_id 3, not 2"_s), qPrintable(message));
        QVERIFY2(message.contains(sandbox.instance(3).key.toString()), qPrintable(message));
        QVERIFY(!message.contains(settings.password));
    }

    void forwardedPortRefused()
    {
        SANDBOX_OR_SKIP(u"gtid"_s)
        const SandboxInstance& target = sandbox.instance(2);
        TcpRelay relay(target.key);
        QVERIFY(relay.listen() != 0);
        ConnectionSettings settings = sandbox.settings(target);
        settings.key = InstanceKey { u"127.0.0.1"_s, relay.port() };
        auto session = MySqlSession::open(settings, u"identity"_s);
        QVERIFY(!session.ok());
        QCOMPARE(session.error().code, ErrorCode::Refused);
        const QString expected
            = u"connected to 127.0.0.1:%1 but the server there says it listens on port %2; "
              "refusing"_s.arg(QString::number(relay.port()), QString::number(target.key.port));
        QCOMPARE(session.error().message, expected);
    }
};

QTEST_GUILESS_MAIN(TestConnectionIdentity)
#include "tst_connectionidentity.moc"
