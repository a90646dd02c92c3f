// ConfigLoader with files: fromFile, load() and its default path, and orchestrator's own
// configuration file. The parsing of JSON text itself is in tst_configloader.cpp.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "config/configloader.h"

using namespace Qt::StringLiterals;
using topograph::ConfigLoader;
using topograph::ErrorCode;

namespace {

bool writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        && file.write(content) == content.size();
}

} // namespace

class TestConfigLoaderFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void missingFiles();
    void fromFileReadsAndNamesPath();
    void loadDefaultsWithoutFile();
    void loadDefaultFile();
    void orchestratorCompatConfig();

private:
    std::unique_ptr<QTemporaryDir> m_configHome;
};

void TestConfigLoaderFiles::initTestCase()
{
    // Before anything asks QStandardPaths: the default configuration path lives in a fresh folder.
    m_configHome = std::make_unique<QTemporaryDir>();
    QVERIFY(m_configHome->isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_configHome->path()));
}

void TestConfigLoaderFiles::missingFiles()
{
    // fromFile and load with an explicit path: a missing file is an error naming the path.
    const QString path = m_configHome->filePath(u"no/such/file.conf.json"_s);
    for (const auto& result : { ConfigLoader::fromFile(path), ConfigLoader::load(path) }) {
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::ConfigError);
        QVERIFY2(result.error().message.contains(path), qPrintable(result.error().message));
    }
}

void TestConfigLoaderFiles::fromFileReadsAndNamesPath()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString good = dir.filePath(u"good.json"_s);
    QVERIFY(writeFile(good, R"({"InstancePollSeconds": 12})"));
    const auto result = ConfigLoader::fromFile(good);
    QVERIFY(result.ok());
    QCOMPARE(result->instancePollSeconds, 12);
    QCOMPARE(result->sourcePath, QDir::cleanPath(good));

    const QString bad = dir.filePath(u"bad.json"_s);
    QVERIFY(writeFile(bad, R"({"InstancePollSeconds": "x"})"));
    const auto error = ConfigLoader::fromFile(bad);
    QVERIFY(!error.ok());
    QVERIFY2(
        error.error().message.contains(QDir::cleanPath(bad)), qPrintable(error.error().message));
}

void TestConfigLoaderFiles::loadDefaultsWithoutFile()
{
    QVERIFY2(ConfigLoader::defaultPath().startsWith(m_configHome->path() + u'/'),
        qPrintable(ConfigLoader::defaultPath()));
    QVERIFY(!QFile::exists(ConfigLoader::defaultPath()));
    const auto result = ConfigLoader::load(QString());
    QVERIFY(result.ok());
    QVERIFY(result->sourcePath.isEmpty());
    QCOMPARE(result->instancePollSeconds, 5);
}

void TestConfigLoaderFiles::loadDefaultFile()
{
    const QString path = ConfigLoader::defaultPath();
    QCOMPARE(path, m_configHome->path() + u"/topograph/topograph.conf.json"_s);
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QVERIFY(writeFile(path, R"({"InstancePollSeconds": 11})"));
    const auto result = ConfigLoader::load(QString());
    QFile::remove(path);
    QVERIFY(result.ok());
    QCOMPARE(result->instancePollSeconds, 11);
    QCOMPARE(result->sourcePath, QDir::cleanPath(path));
}

void TestConfigLoaderFiles::orchestratorCompatConfig()
{
    const QString sourceDir = qEnvironmentVariable("TOPOGRAPH_SOURCE_DIR");
    if (sourceDir.isEmpty()) {
        QSKIP("TOPOGRAPH_SOURCE_DIR is not set (run through ctest)");
    }
    QFile file(sourceDir + u"/../shared/orchestrator-compat/orchestrator.conf.json"_s);
    if (!file.open(QIODevice::ReadOnly)) {
        QSKIP(qPrintable(
            u"no orchestrator compatibility configuration at %1"_s.arg(file.fileName())));
    }
    QByteArray json = file.readAll();
    json.replace("backend-db-placeholder", "sqlite");
    json.replace("sqlite-data-file-placeholder", "/tmp/x.db");
    const auto result = ConfigLoader::fromJson(json, file.fileName());
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(result->backendDb, u"sqlite"_s);
    QCOMPARE(result->sqlite3DataFile, u"/tmp/x.db"_s);
    QCOMPARE(result->mysqlTopologySslSkipVerify, true);
    QCOMPARE(result->mysqlOrchestratorDatabase, u"test"_s);
    QCOMPARE(result->mysqlConnectTimeoutSeconds, 1);
    QCOMPARE(result->discoverByShowSlaveHosts, true);
    QCOMPARE(result->clusterNameToAlias.value(u"127.0.0.1"_s), u"test suite"_s);
    QCOMPARE(result->detectClusterAliasQuery, u"SELECT 'default'"_s);
}

QTEST_GUILESS_MAIN(TestConfigLoaderFiles)
#include "tst_configloaderfiles.moc"
