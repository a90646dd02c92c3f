// ConfigWriter: everything it writes reads back through ConfigLoader unchanged, passwords stay
// out unless asked for, and an existing file keeps the keys Topograph does not know.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "config/configloader.h"
#include "config/configwriter.h"

using namespace Qt::StringLiterals;
using topograph::ConfigLoader;
using topograph::Configuration;
using topograph::ConfigWriter;
using topograph::ErrorCode;

namespace {

// Every field, by its key name, as text: a field missing here is a field the test cannot see.
QHash<QString, QString> fields(const Configuration& c)
{
    const auto b = [](bool v) { return v ? u"true"_s : u"false"_s; };
    const auto n = [](int v) { return QString::number(v); };
    QStringList aliases;
    for (auto it = c.clusterNameToAlias.begin(); it != c.clusterNameToAlias.end(); ++it) {
        aliases << it.key() + u'=' + it.value();
    }
    aliases.sort();
    return {
        { u"MySQLTopologyUser"_s, c.mysqlTopologyUser },
        { u"MySQLTopologyPassword"_s, c.mysqlTopologyPassword },
        { u"MySQLTopologyCredentialsConfigFile"_s, c.mysqlTopologyCredentialsConfigFile },
        { u"MySQLTopologySSLCAFile"_s, c.mysqlTopologySslCaFile },
        { u"MySQLTopologySSLCertFile"_s, c.mysqlTopologySslCertFile },
        { u"MySQLTopologySSLPrivateKeyFile"_s, c.mysqlTopologySslPrivateKeyFile },
        { u"MySQLTopologySSLSkipVerify"_s, b(c.mysqlTopologySslSkipVerify) },
        { u"MySQLTopologyUseMutualTLS"_s, b(c.mysqlTopologyUseMutualTls) },
        { u"MySQLTopologyUseMixedTLS"_s, b(c.mysqlTopologyUseMixedTls) },
        { u"MySQLEnableCleartextPlugin"_s, b(c.mysqlEnableCleartextPlugin) },
        { u"MySQLConnectTimeoutSeconds"_s, n(c.mysqlConnectTimeoutSeconds) },
        { u"MySQLDiscoveryReadTimeoutSeconds"_s, n(c.mysqlDiscoveryReadTimeoutSeconds) },
        { u"MySQLTopologyReadTimeoutSeconds"_s, n(c.mysqlTopologyReadTimeoutSeconds) },
        { u"DefaultInstancePort"_s, n(c.defaultInstancePort) },
        { u"BackendDB"_s, c.backendDb },
        { u"SQLite3DataFile"_s, c.sqlite3DataFile },
        { u"MySQLOrchestratorHost"_s, c.mysqlOrchestratorHost },
        { u"MySQLOrchestratorPort"_s, n(c.mysqlOrchestratorPort) },
        { u"MySQLOrchestratorDatabase"_s, c.mysqlOrchestratorDatabase },
        { u"MySQLOrchestratorUser"_s, c.mysqlOrchestratorUser },
        { u"MySQLOrchestratorPassword"_s, c.mysqlOrchestratorPassword },
        { u"MySQLOrchestratorCredentialsConfigFile"_s, c.mysqlOrchestratorCredentialsConfigFile },
        { u"MySQLOrchestratorSSLCAFile"_s, c.mysqlOrchestratorSslCaFile },
        { u"MySQLOrchestratorSSLCertFile"_s, c.mysqlOrchestratorSslCertFile },
        { u"MySQLOrchestratorSSLPrivateKeyFile"_s, c.mysqlOrchestratorSslPrivateKeyFile },
        { u"MySQLOrchestratorSSLSkipVerify"_s, b(c.mysqlOrchestratorSslSkipVerify) },
        { u"MySQLOrchestratorUseMutualTLS"_s, b(c.mysqlOrchestratorUseMutualTls) },
        { u"InstancePollSeconds"_s, n(c.instancePollSeconds) },
        { u"BackendPolling"_s, c.backendPolling },
        { u"DiscoverByShowSlaveHosts"_s, b(c.discoverByShowSlaveHosts) },
        { u"HostnameResolveMethod"_s, c.hostnameResolveMethod },
        { u"MySQLHostnameResolveMethod"_s, c.mysqlHostnameResolveMethod },
        { u"ExpiryHostnameResolvesMinutes"_s, n(c.expiryHostnameResolvesMinutes) },
        { u"UnseenInstanceForgetHours"_s, n(c.unseenInstanceForgetHours) },
        { u"DetectClusterAliasQuery"_s, c.detectClusterAliasQuery },
        { u"ClusterNameToAlias"_s, aliases.join(u';') },
        { u"ReplicationLagQuery"_s, c.replicationLagQuery },
        { u"LagSampleMilliseconds"_s, n(c.lagSampleMilliseconds) },
        { u"HeartbeatTable"_s, c.heartbeatTable },
        { u"HeartbeatUtc"_s, b(c.heartbeatUtc) },
        { u"LagHistoryDays"_s, n(c.lagHistoryDays) },
        { u"ReasonableReplicationLagSeconds"_s, n(c.reasonableReplicationLagSeconds) },
        { u"ReasonableMaintenanceReplicationLagSeconds"_s,
            n(c.reasonableMaintenanceReplicationLagSeconds) },
        { u"MaintenanceExpireMinutes"_s, n(c.maintenanceExpireMinutes) },
        { u"ReadOnly"_s, b(c.readOnly) },
        { u"ReduceReplicationAnalysisCount"_s, b(c.reduceReplicationAnalysisCount) },
        { u"RecoverNonWriteableMaster"_s, b(c.recoverNonWriteableMaster) },
        { u"RecoveryIgnoreHostnameFilters"_s, c.recoveryIgnoreHostnameFilters.join(u';') },
        { u"DetectDataCenterQuery"_s, c.detectDataCenterQuery },
        { u"DataCenterPattern"_s, c.dataCenterPattern },
        { u"DetectRegionQuery"_s, c.detectRegionQuery },
        { u"RegionPattern"_s, c.regionPattern },
        { u"DetectPhysicalEnvironmentQuery"_s, c.detectPhysicalEnvironmentQuery },
        { u"PhysicalEnvironmentPattern"_s, c.physicalEnvironmentPattern },
        { u"DetectPromotionRuleQuery"_s, c.detectPromotionRuleQuery },
        { u"CandidateInstanceExpireMinutes"_s, n(c.candidateInstanceExpireMinutes) },
        { u"PreventCrossDataCenterMasterFailover"_s, b(c.preventCrossDataCenterMasterFailover) },
        { u"PreventCrossRegionMasterFailover"_s, b(c.preventCrossRegionMasterFailover) },
    };
}

// A configuration where every field differs from its default.
Configuration everyFieldSet()
{
    Configuration c;
    c.mysqlTopologyUser = u"topo"_s;
    c.mysqlTopologyPassword = u"s3cret-topology"_s;
    c.mysqlTopologyCredentialsConfigFile = u"/etc/mysql/topo.cnf"_s;
    c.mysqlTopologySslCaFile = u"/etc/ssl/ca.pem"_s;
    c.mysqlTopologySslCertFile = u"/etc/ssl/client.pem"_s;
    c.mysqlTopologySslPrivateKeyFile = u"/etc/ssl/client.key"_s;
    c.mysqlTopologySslSkipVerify = true;
    c.mysqlTopologyUseMutualTls = true;
    c.mysqlTopologyUseMixedTls = true;
    c.mysqlEnableCleartextPlugin = true;
    c.mysqlConnectTimeoutSeconds = 7;
    c.mysqlDiscoveryReadTimeoutSeconds = 11;
    c.mysqlTopologyReadTimeoutSeconds = 45;
    c.defaultInstancePort = 3307;
    c.backendDb = u"mysql"_s;
    c.sqlite3DataFile = u"/var/lib/topograph/backend.db"_s;
    c.mysqlOrchestratorHost = u"orc-db.example.org"_s;
    c.mysqlOrchestratorPort = 3310;
    c.mysqlOrchestratorDatabase = u"orc"_s;
    c.mysqlOrchestratorUser = u"orc_user"_s;
    c.mysqlOrchestratorPassword = u"s3cret-backend"_s;
    c.mysqlOrchestratorCredentialsConfigFile = u"/etc/mysql/orc.cnf"_s;
    c.mysqlOrchestratorSslCaFile = u"/etc/ssl/orc-ca.pem"_s;
    c.mysqlOrchestratorSslCertFile = u"/etc/ssl/orc-client.pem"_s;
    c.mysqlOrchestratorSslPrivateKeyFile = u"/etc/ssl/orc-client.key"_s;
    c.mysqlOrchestratorSslSkipVerify = true;
    c.mysqlOrchestratorUseMutualTls = true;
    c.instancePollSeconds = 9;
    c.backendPolling = u"never"_s;
    c.discoverByShowSlaveHosts = true;
    c.hostnameResolveMethod = u"cname"_s;
    c.mysqlHostnameResolveMethod = u"@@report_host"_s;
    c.expiryHostnameResolvesMinutes = 13;
    c.unseenInstanceForgetHours = 48;
    c.detectClusterAliasQuery = u"SELECT alias FROM meta.cluster"_s;
    c.clusterNameToAlias = { { u"db1:3306"_s, u"s1"_s }, { u"db9:3306"_s, u"x1 \"quoted\""_s } };
    c.replicationLagQuery = u"SELECT lag\nFROM heartbeat.heartbeat"_s;
    c.lagSampleMilliseconds = 500;
    c.heartbeatTable = u"percona.heartbeat"_s;
    c.heartbeatUtc = false;
    c.lagHistoryDays = 30;
    c.reasonableReplicationLagSeconds = 0;
    c.reasonableMaintenanceReplicationLagSeconds = 33;
    c.maintenanceExpireMinutes = 90;
    c.readOnly = true;
    c.reduceReplicationAnalysisCount = false;
    c.recoverNonWriteableMaster = true;
    c.recoveryIgnoreHostnameFilters = { u"^db7:"_s, u"-delayed"_s };
    c.detectDataCenterQuery = u"SELECT @@global.dc"_s;
    c.dataCenterPattern = u"[.]([^.]+)[.]example[.]org"_s;
    c.detectRegionQuery = u"SELECT 'eu'"_s;
    c.regionPattern = u"^(eu|us)-"_s;
    c.detectPhysicalEnvironmentQuery = u"SELECT 'prod'"_s;
    c.physicalEnvironmentPattern = u"-(prod|stage)-"_s;
    c.detectPromotionRuleQuery = u"SELECT 'prefer'"_s;
    c.candidateInstanceExpireMinutes = 120;
    c.preventCrossDataCenterMasterFailover = true;
    c.preventCrossRegionMasterFailover = true;
    return c;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        && file.write(content) == content.size();
}

QJsonObject readObject(const QString& path)
{
    return QJsonDocument::fromJson(readAll(path)).object();
}

} // namespace

class TestConfigWriter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripEveryField();
    void roundTripDefaults();
    void everyLoaderKeyIsKnown();
    void passwordsOmittedByDefault();
    void passwordsWrittenWhenAsked();
    void unknownKeysKept();
    void environmentReferencesKept();
    void invalidExistingFileUntouched();
    void unwritablePath();

private:
    QTemporaryDir m_dir;
};

void TestConfigWriter::roundTripEveryField()
{
    const Configuration original = everyFieldSet();
    // The fixture must really differ from the defaults everywhere, or the test proves less.
    const auto defaults = fields(Configuration {});
    const auto set = fields(original);
    for (auto it = set.begin(); it != set.end(); ++it) {
        QVERIFY2(defaults.value(it.key()) != it.value(), qPrintable(it.key()));
    }
    const QString path = m_dir.filePath(u"every.conf.json"_s);
    const auto saved = ConfigWriter::save(original, path, true);
    QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));
    const auto loaded = ConfigLoader::fromFile(path);
    QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().message));
    QCOMPARE(fields(*loaded), set);
    // A file holding passwords is for its owner only.
    QCOMPARE(
        QFile::permissions(path) & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());
}

void TestConfigWriter::roundTripDefaults()
{
    const QString path = m_dir.filePath(u"defaults.conf.json"_s);
    QVERIFY(ConfigWriter::save(Configuration {}, path, false).ok());
    const auto loaded = ConfigLoader::fromFile(path);
    QVERIFY(loaded.ok());
    QCOMPARE(fields(*loaded), fields(Configuration {}));
    // Empty, unset strings are left out rather than written as "".
    QVERIFY(!readObject(path).contains(u"SQLite3DataFile"_s));
    QVERIFY(!readObject(path).contains(u"ClusterNameToAlias"_s));
}

void TestConfigWriter::everyLoaderKeyIsKnown()
{
    // Every key the writer produces is one the loader takes by that name (the loader ignores
    // unknown keys, so a misspelt one would silently fall back to the default).
    const QJsonObject object = ConfigWriter::toJson(everyFieldSet(), true);
    QCOMPARE(object.size(), fields(Configuration {}).size());
    for (auto it = object.begin(); it != object.end(); ++it) {
        QVERIFY2(fields(Configuration {}).contains(it.key()), qPrintable(it.key()));
    }
}

void TestConfigWriter::passwordsOmittedByDefault()
{
    const QString path = m_dir.filePath(u"nopasswords.conf.json"_s);
    QVERIFY(ConfigWriter::save(everyFieldSet(), path, false).ok());
    const QByteArray text = readAll(path);
    QVERIFY(!text.contains("s3cret"));
    QVERIFY(!text.contains("Password"));
    const auto loaded = ConfigLoader::fromFile(path);
    QVERIFY(loaded.ok());
    QVERIFY(loaded->mysqlTopologyPassword.isEmpty());
    QVERIFY(loaded->mysqlOrchestratorPassword.isEmpty());
    QCOMPARE(loaded->mysqlTopologyUser, u"topo"_s);

    // A password already in the file is neither replaced nor removed.
    QVERIFY(writeFile(path, R"({"MySQLTopologyPassword": "${TOPO_PW}", "ReadOnly": false})"));
    QVERIFY(ConfigWriter::save(everyFieldSet(), path, false).ok());
    const QJsonObject object = readObject(path);
    QCOMPARE(object.value(u"MySQLTopologyPassword"_s).toString(), u"${TOPO_PW}"_s);
    QCOMPARE(object.value(u"ReadOnly"_s).toBool(), true);
}

void TestConfigWriter::passwordsWrittenWhenAsked()
{
    const QJsonObject object = ConfigWriter::toJson(everyFieldSet(), true);
    QCOMPARE(object.value(u"MySQLTopologyPassword"_s).toString(), u"s3cret-topology"_s);
    QCOMPARE(object.value(u"MySQLOrchestratorPassword"_s).toString(), u"s3cret-backend"_s);
    QVERIFY(!ConfigWriter::toJson(everyFieldSet(), false).contains(u"MySQLTopologyPassword"_s));
}

void TestConfigWriter::unknownKeysKept()
{
    const QString path = m_dir.filePath(u"orchestrator.conf.json"_s);
    QVERIFY(writeFile(path, R"({
        "Debug": true,
        "RecoveryPeriodBlockSeconds": 3600,
        "RaftNodes": ["a", "b"],
        "instancepollseconds": 60,
        "ReadOnly": true
    })"));
    Configuration config;
    config.instancePollSeconds = 4;
    QVERIFY(ConfigWriter::save(config, path, false).ok());
    const QJsonObject object = readObject(path);
    QCOMPARE(object.value(u"Debug"_s).toBool(), true);
    QCOMPARE(object.value(u"RecoveryPeriodBlockSeconds"_s).toInt(), 3600);
    QCOMPARE(object.value(u"RaftNodes"_s).toArray().size(), 2);
    // A known key spelt another way is replaced, not duplicated (the loader ignores case).
    QVERIFY(!object.contains(u"instancepollseconds"_s));
    QCOMPARE(object.value(u"InstancePollSeconds"_s).toInt(), 4);
    QCOMPARE(object.value(u"ReadOnly"_s).toBool(), false);
    const auto loaded = ConfigLoader::fromFile(path);
    QVERIFY(loaded.ok());
    QCOMPARE(fields(*loaded), fields(config));
}

void TestConfigWriter::environmentReferencesKept()
{
    qputenv("TOPOGRAPH_WRITER_USER", "alice");
    const QString path = m_dir.filePath(u"env.conf.json"_s);
    QVERIFY(writeFile(path,
        R"({"MySQLTopologyUser": "${TOPOGRAPH_WRITER_USER}", "SQLite3DataFile": "${TOPOGRAPH_WRITER_USER}.db"})"));
    Configuration config = *ConfigLoader::fromFile(path);
    QCOMPARE(config.mysqlTopologyUser, u"alice"_s);
    config.sqlite3DataFile = u"other.db"_s; // changed: written as it is now
    QVERIFY(ConfigWriter::save(config, path, false).ok());
    const QJsonObject object = readObject(path);
    QCOMPARE(object.value(u"MySQLTopologyUser"_s).toString(), u"${TOPOGRAPH_WRITER_USER}"_s);
    QCOMPARE(object.value(u"SQLite3DataFile"_s).toString(), u"other.db"_s);
}

void TestConfigWriter::invalidExistingFileUntouched()
{
    const QString path = m_dir.filePath(u"broken.conf.json"_s);
    const QByteArray broken = R"({"ReadOnly": tru)";
    QVERIFY(writeFile(path, broken));
    const auto saved = ConfigWriter::save(Configuration {}, path, false);
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error().code, ErrorCode::ConfigError);
    QVERIFY2(saved.error().message.contains(path), qPrintable(saved.error().message));
    QCOMPARE(readAll(path), broken);
}

void TestConfigWriter::unwritablePath()
{
    // A regular file where a folder should be: fails for every user, root included.
    const QString blocker = m_dir.filePath(u"not-a-folder"_s);
    QVERIFY(writeFile(blocker, "x"));
    const QString path = blocker + u"/topograph.conf.json"_s;
    const auto saved = ConfigWriter::save(everyFieldSet(), path, true);
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error().code, ErrorCode::IoError);
    QVERIFY2(saved.error().message.contains(path), qPrintable(saved.error().message));
    QVERIFY(!saved.error().message.contains(u"s3cret"_s));
    QVERIFY(!QFile::exists(path));
}

QTEST_GUILESS_MAIN(TestConfigWriter)
#include "tst_configwriter.moc"
