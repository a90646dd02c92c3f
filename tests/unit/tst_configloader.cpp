#include <QHash>
#include <QTest>

#include "config/configloader.h"

using namespace Qt::StringLiterals;
using topograph::ConfigLoader;
using topograph::Configuration;
using topograph::ErrorCode;

namespace {

const QString kOrigin = u"test.conf.json"_s;

QString errorOf(const QByteArray& json)
{
    const auto result = ConfigLoader::fromJson(json, kOrigin);
    return result.ok() ? QString() : result.error().message;
}

// One setting of a Configuration as text, by its orchestrator key name.
QString setting(const Configuration& c, const QString& name)
{
    const auto text = [](bool b) { return b ? u"true"_s : u"false"_s; };
    const QHash<QString, QString> all {
        { u"MySQLTopologyUser"_s, c.mysqlTopologyUser },
        { u"MySQLTopologyPassword"_s, c.mysqlTopologyPassword },
        { u"MySQLTopologySSLSkipVerify"_s, text(c.mysqlTopologySslSkipVerify) },
        { u"DefaultInstancePort"_s, QString::number(c.defaultInstancePort) },
        { u"MySQLOrchestratorPort"_s, QString::number(c.mysqlOrchestratorPort) },
        { u"InstancePollSeconds"_s, QString::number(c.instancePollSeconds) },
        { u"ReasonableReplicationLagSeconds"_s,
            QString::number(c.reasonableReplicationLagSeconds) },
        { u"ReadOnly"_s, text(c.readOnly) },
        { u"BackendDB"_s, c.backendDb },
        { u"HostnameResolveMethod"_s, c.hostnameResolveMethod },
        { u"BackendPolling"_s, c.backendPolling },
        { u"MySQLHostnameResolveMethod"_s, c.mysqlHostnameResolveMethod },
    };
    Q_ASSERT(all.contains(name));
    return all.value(name);
}

void addValue(const char* tag, const QByteArray& json, const QString& key, const QString& value)
{
    QTest::newRow(tag) << json << key << value;
}

void addError(const char* tag, const QByteArray& json, const QStringList& mustContain,
    const QString& mustNotContain = {})
{
    QTest::newRow(tag) << json << kOrigin << mustContain << mustNotContain;
}

// An error row read from a file at origin.
void addErrorAt(
    const char* tag, const QByteArray& json, const QString& origin, const QStringList& mustContain)
{
    QTest::newRow(tag) << json << origin << mustContain << QString();
}

} // namespace

class TestConfigLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void defaults();
    void values_data();
    void values();
    void clusterNameToAlias();
    void errors_data();
    void errors();
};

void TestConfigLoader::initTestCase()
{
    qputenv("TOPOGRAPH_TEST_USER", "alice");
    qputenv("TOPOGRAPH_TEST_HOST", "db.example.com");
    qputenv("TOPOGRAPH_TEST_EMPTY", "");
    qputenv("TOPOGRAPH_TEST_METHOD", "CNAME");
    qunsetenv("TOPOGRAPH_TEST_UNSET");
}

void TestConfigLoader::defaults()
{
    const auto result = ConfigLoader::fromJson("{}", kOrigin);
    QVERIFY(result.ok());
    const Configuration& c = *result;
    QCOMPARE(c.instancePollSeconds, 5);
    QCOMPARE(c.defaultInstancePort, 3306);
    QCOMPARE(c.mysqlConnectTimeoutSeconds, 2);
    QCOMPARE(c.reasonableReplicationLagSeconds, 10);
    QCOMPARE(c.backendDb, u"sqlite"_s);
    QCOMPARE(c.hostnameResolveMethod, u"default"_s);
    QCOMPARE(c.backendPolling, u"auto"_s);
    QCOMPARE(c.mysqlHostnameResolveMethod, u"@@hostname"_s);
    QCOMPARE(c.mysqlOrchestratorHost, u"127.0.0.1"_s);
    QCOMPARE(c.mysqlOrchestratorDatabase, u"orchestrator"_s);
    QCOMPARE(c.readOnly, false);
    QVERIFY(c.mysqlTopologyUser.isEmpty());
    QVERIFY(c.clusterNameToAlias.isEmpty());
    QCOMPARE(c.sourcePath, kOrigin);
}

void TestConfigLoader::values_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expected");

    addValue("key as written", R"({"InstancePollSeconds": 7})", u"InstancePollSeconds"_s, u"7"_s);
    addValue("key lower case", R"({"instancepollseconds": 7})", u"InstancePollSeconds"_s, u"7"_s);
    addValue("key upper case", R"({"INSTANCEPOLLSECONDS": 7})", u"InstancePollSeconds"_s, u"7"_s);
    addValue("key mixed case", R"({"instancePollSECONDS": 7})", u"InstancePollSeconds"_s, u"7"_s);
    addValue("unknown keys ignored",
        R"({"Foo": [1, {"x": null}], "ListenAddress": 3, "InstancePollSeconds": 9, "OAuthScopes": {}})",
        u"InstancePollSeconds"_s, u"9"_s);
    addValue("absent key keeps default", R"({"ReadOnly": true})", u"InstancePollSeconds"_s, u"5"_s);
    addValue("string", R"({"MySQLTopologyUser": "orc"})", u"MySQLTopologyUser"_s, u"orc"_s);
    addValue("bool", R"({"MySQLTopologySSLSkipVerify": true})", u"MySQLTopologySSLSkipVerify"_s,
        u"true"_s);
    addValue("int", R"({"DefaultInstancePort": 3307})", u"DefaultInstancePort"_s, u"3307"_s);
    addValue(
        "int written as 5.0", R"({"InstancePollSeconds": 5.0})", u"InstancePollSeconds"_s, u"5"_s);
    addValue("zero where allowed", R"({"ReasonableReplicationLagSeconds": 0})",
        u"ReasonableReplicationLagSeconds"_s, u"0"_s);
    addValue("port 65535", R"({"MySQLOrchestratorPort": 65535})", u"MySQLOrchestratorPort"_s,
        u"65535"_s);
    addValue("choice CNAME lower-cased", R"({"HostnameResolveMethod": "CNAME"})",
        u"HostnameResolveMethod"_s, u"cname"_s);
    addValue(
        "BackendPolling never", R"({"BackendPolling": "Never"})", u"BackendPolling"_s, u"never"_s);
    addValue("choice @@REPORT_HOST", R"({"MySQLHostnameResolveMethod": "@@REPORT_HOST"})",
        u"MySQLHostnameResolveMethod"_s, u"@@report_host"_s);
    addValue("choice MySQL", R"({"BackendDB": "MySQL"})", u"BackendDB"_s, u"mysql"_s);
    addValue("env whole value", R"({"MySQLTopologyUser": "${TOPOGRAPH_TEST_USER}"})",
        u"MySQLTopologyUser"_s, u"alice"_s);
    addValue("env two references",
        R"({"MySQLTopologyUser": "pre-${TOPOGRAPH_TEST_USER}-mid-${TOPOGRAPH_TEST_HOST}-post"})",
        u"MySQLTopologyUser"_s, u"pre-alice-mid-db.example.com-post"_s);
    addValue("env same twice",
        R"({"MySQLTopologyPassword": "${TOPOGRAPH_TEST_USER}${TOPOGRAPH_TEST_USER}"})",
        u"MySQLTopologyPassword"_s, u"alicealice"_s);
    addValue("env set but empty", R"({"MySQLTopologyUser": "x${TOPOGRAPH_TEST_EMPTY}y"})",
        u"MySQLTopologyUser"_s, u"xy"_s);
    addValue("env without braces left alone", R"({"MySQLTopologyUser": "$TOPOGRAPH_TEST_USER"})",
        u"MySQLTopologyUser"_s, u"$TOPOGRAPH_TEST_USER"_s);
    addValue("env in a choice", R"({"HostnameResolveMethod": "${TOPOGRAPH_TEST_METHOD}"})",
        u"HostnameResolveMethod"_s, u"cname"_s);
}

void TestConfigLoader::values()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, key);
    QFETCH(QString, expected);
    const auto result = ConfigLoader::fromJson(json, kOrigin);
    QVERIFY2(result.ok(), qPrintable(errorOf(json)));
    QCOMPARE(setting(*result, key), expected);
}

void TestConfigLoader::clusterNameToAlias()
{
    const auto result = ConfigLoader::fromJson(
        R"({"ClusterNameToAlias": {"127.0.0.1": "test suite", "db1:3306": "main"}})", kOrigin);
    QVERIFY(result.ok());
    QCOMPARE(result->clusterNameToAlias.size(), 2);
    QCOMPARE(result->clusterNameToAlias.value(u"127.0.0.1"_s), u"test suite"_s);
    QCOMPARE(result->clusterNameToAlias.value(u"db1:3306"_s), u"main"_s);
}

void TestConfigLoader::errors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("origin");
    QTest::addColumn<QStringList>("mustContain"); // besides the origin
    QTest::addColumn<QString>("mustNotContain");

    // Types: the key and the expected type are named.
    addError("string for int", R"({"InstancePollSeconds": "5"})",
        { u"InstancePollSeconds"_s, u"whole number"_s, u"a string"_s });
    addError("bool for int", R"({"DefaultInstancePort": true})",
        { u"DefaultInstancePort"_s, u"whole number"_s, u"a boolean"_s });
    addError(
        "int for bool", R"({"ReadOnly": 1})", { u"ReadOnly"_s, u"true or false"_s, u"a number"_s });
    addError("string for bool, lower-case key", R"({"readonly": "true"})",
        { u"ReadOnly"_s, u"true or false"_s });
    addError("non-integer", R"({"InstancePollSeconds": 1.5})",
        { u"InstancePollSeconds"_s, u"whole number"_s });
    addError("too large for int", R"({"InstancePollSeconds": 1e10})",
        { u"InstancePollSeconds"_s, u"from 1 to 2147483647"_s });
    addError(
        "negative", R"({"InstancePollSeconds": -1})", { u"InstancePollSeconds"_s, u"from 1"_s });
    addError("zero below minimum", R"({"MySQLConnectTimeoutSeconds": 0})",
        { u"MySQLConnectTimeoutSeconds"_s, u"from 1"_s });
    addError("negative lag", R"({"ReasonableReplicationLagSeconds": -5})",
        { u"ReasonableReplicationLagSeconds"_s, u"from 0"_s });
    addError("port above 65535", R"({"DefaultInstancePort": 65536})",
        { u"DefaultInstancePort"_s, u"from 1 to 65535"_s });
    addError("object for string", R"({"MySQLTopologyUser": {"a": "b"}})",
        { u"MySQLTopologyUser"_s, u"a string"_s, u"an object"_s });
    addError("list for string", R"({"MySQLTopologyUser": ["a"]})",
        { u"MySQLTopologyUser"_s, u"a string"_s, u"a list"_s });
    addError("null for string", R"({"SQLite3DataFile": null})",
        { u"SQLite3DataFile"_s, u"a string"_s, u"null"_s });
    addError("string for map", R"({"ClusterNameToAlias": "x"})",
        { u"ClusterNameToAlias"_s, u"an object"_s });
    addError("number in map", R"({"ClusterNameToAlias": {"c1": 1}})",
        { u"ClusterNameToAlias"_s, u"\"c1\""_s, u"a string"_s });
    // Choices: the allowed values are listed, the given one is not repeated.
    addError("BackendPolling bogus", R"({"BackendPolling": "sometimes"})",
        { u"BackendPolling"_s, u"must be one of auto, always, never"_s }, u"sometimes"_s);
    addError("resolve method bogus", R"({"HostnameResolveMethod": "bogus"})",
        { u"HostnameResolveMethod"_s, u"must be one of none, default, cname, ip"_s }, u"bogus"_s);
    addError("backend bogus", R"({"BackendDB": "bogus"})",
        { u"BackendDB"_s, u"sqlite, sqlite3, mysql"_s }, u"bogus"_s);
    addError("empty choice", R"({"BackendDB": ""})", { u"sqlite, sqlite3, mysql"_s });
    // Environment: the variable and the key are named, the surrounding value is not.
    addError("unset variable", R"({"MySQLTopologyPassword": "hunter2-${TOPOGRAPH_TEST_UNSET}-x"})",
        { u"TOPOGRAPH_TEST_UNSET"_s, u"MySQLTopologyPassword"_s }, u"hunter2"_s);
    // Syntax: the line is named.
    addError("missing colon", "{\n  \"A\": 1,\n  \"B\" 2\n}\n", { u"line 3"_s });
    addError("unterminated object", "{\n  \"A\": 1,\n\n  \"B\": 2\n", { u"line 5"_s });
    addError("garbage", "nope", { u"line 1"_s });
    addError("empty text", "", { u"line 1"_s });
    addError("top-level array", R"([{"InstancePollSeconds": 5}])", { u"expected a JSON object"_s });
    addError("top-level empty array", "[]", { u"expected a JSON object"_s });
    // Passwords never appear, whatever went wrong.
    addError("password wrong type", R"({"MySQLTopologyPassword": 12345})",
        { u"MySQLTopologyPassword"_s }, u"12345"_s);
    addError("syntax error after password",
        "{\n  \"MySQLTopologyPassword\": \"s3cr3t\",\n  \"x\" 1\n}", { u"line 3"_s }, u"s3cr3t"_s);
    addError(
        "unterminated password", "{\n  \"MySQLTopologyPassword\": \"s3cr3t\n}", {}, u"s3cr3t"_s);
    addError("password in a list", R"({"MySQLOrchestratorPassword": ["s3cr3t"]})", {}, u"s3cr3t"_s);
    addError("password, then a bad key",
        R"({"MySQLTopologyPassword": "s3cr3t", "InstancePollSeconds": "x"})", {}, u"s3cr3t"_s);

    // Ports name the key; a "%1" or "%2" in the file's path stays as it is.
    addErrorAt("port above 65535 names the key", R"({"MySQLOrchestratorPort": 70000})", kOrigin,
        { u"65535"_s, u"MySQLOrchestratorPort"_s });
    addErrorAt("%1 in the origin, syntax error", "{\n\"A\" 1\n}", u"/home/u/x%1y/c.json"_s,
        { u"line 2"_s });
    addErrorAt("%2F in the origin, below minimum", R"({"InstancePollSeconds": 0})",
        u"/home/u/a%2Fb/c.json"_s, { u"from 1"_s });
    QTest::newRow("%20 in the origin is harmless")
        << QByteArray("{\n\"A\" 1\n}") << u"/home/u/my%20files/c.json"_s
        << QStringList { u"line 2"_s } << QString();
}

void TestConfigLoader::errors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, origin);
    QFETCH(QStringList, mustContain);
    QFETCH(QString, mustNotContain);

    const auto result = ConfigLoader::fromJson(json, origin);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::ConfigError);
    const QString message = result.error().message;
    bool expected = message.startsWith(origin + u':');
    for (const QString& part : mustContain) {
        expected = expected && message.contains(part);
    }
    if (!mustNotContain.isEmpty()) {
        QVERIFY2(!message.contains(mustNotContain), qPrintable(message));
    }
    QVERIFY2(expected, qPrintable(message));
}

QTEST_GUILESS_MAIN(TestConfigLoader)
#include "tst_configloader.moc"
