// A backend folder that cannot be written (issue 12, finding 6): a new backend cannot be made
// there, an existing one is not written, read-only mode reads it or names the file it cannot
// read. ctest runs this as nobody when the suite runs as root (tests/support/run-unprivileged):
// root writes through chmod 0500, so only an unprivileged run tests anything.
#include <QDir>
#include <QFileInfo>
#include <QScopeGuard>
#include <QTest>

#include "backend/instancestore.h"
#include "backend/schema.h"
#include "backendtestsupport.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

namespace {

Configuration readOnlyConfig(const QString& file)
{
    Configuration config = sqliteConfig(file);
    config.readOnly = true;
    return config;
}

} // namespace

class TestBackendReadOnlyFolder final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    // A backend file at the current schema holding one instance row, closed again.
    QString makeBackend(int)
    {
        const QString file = m_dir.filePath(u"existing.sqlite3"_s);
        auto backend = openSqlite(file);
        if (!backend) {
            return {};
        }
        InstanceRecord record;
        record.key = key(u"db1:3306"_s);
        record.reachable = true;
        record.clusterName = u"db1:3306"_s;
        return InstanceStore(*backend).write({ record }) ? file : QString();
    }

private Q_SLOTS:
    void initTestCase() { isolateHome(m_dir); }

    void readOnlyFolderIsNamed()
    {
        const QString folder = m_dir.filePath(u"locked"_s);
        QVERIFY(QDir().mkpath(folder));
        const QString existing = makeBackend(Schema::currentVersion());
        QVERIFY(!existing.isEmpty());
        const QString inside = folder + u"/backend.sqlite3"_s;
        QVERIFY(QFile::copy(existing, inside));
        QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        auto unlock = qScopeGuard([folder] {
            QFile::setPermissions(
                folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        });
        if (QFileInfo(folder).isWritable()) {
            QSKIP("the folder stays writable after chmod 0500 (running as root?): permissions "
                  "cannot be tested here");
        }
        // Normal mode: a new backend cannot be made there, nor an existing one written.
        const QString missing = folder + u"/new.sqlite3"_s;
        auto created = Backend::open(sqliteConfig(missing));
        QVERIFY(!created);
        QVERIFY2(created.error().message.contains(missing), qPrintable(created.error().message));
        QVERIFY2(created.error().message.contains(folder), qPrintable(created.error().message));
        QVERIFY(!QFileInfo::exists(missing));
        auto written = Backend::open(sqliteConfig(inside));
        QVERIFY(!written);
        QVERIFY2(written.error().message.contains(inside), qPrintable(written.error().message));
        // Read-only mode reads it, or says which file it cannot read.
        auto read = Backend::open(readOnlyConfig(inside));
        if (read) {
            QCOMPARE(InstanceStore(**read).readAll().value().size(), 1);
        } else {
            QVERIFY2(read.error().message.contains(inside), qPrintable(read.error().message));
        }
    }
};

QTEST_GUILESS_MAIN(TestBackendReadOnlyFolder)
#include "tst_backendreadonlyfolder.moc"
