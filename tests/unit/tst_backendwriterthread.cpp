// BackendWriter: probe results queued from other threads are written by its own thread, in
// batches; flush() waits for them and reports the last error.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include "backend/backendwriter.h"
#include "backend/instancestore.h"
#include "backendtestsupport.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

namespace {

InstanceRecord seen(const QString& name, const QString& master = {})
{
    InstanceRecord r;
    r.key = key(name);
    r.reachable = true;
    r.version = u"10.11.6-MariaDB-log"_s;
    r.lastChecked = r.lastSeen = r.lastAttemptedCheck = QDateTime::currentDateTimeUtc();
    if (!master.isEmpty()) {
        r.masterKey = key(master);
    }
    return r;
}

} // namespace

class TestBackendWriterThread final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { isolateHome(m_dir); }

    void writesWhatOtherThreadsQueue()
    {
        const QString file = m_dir.filePath(u"writer.sqlite3"_s);
        {
            BackendWriter writer(sqliteConfig(file), 50);
            QSignalSpy written(&writer, &BackendWriter::written);
            // Two producer threads, as probe workers would be.
            QThread* a = QThread::create([&] { writer.enqueue({ seen(u"m"_s) }); });
            QThread* b = QThread::create([&] {
                writer.enqueue({ seen(u"r1"_s, u"m"_s), seen(u"r2"_s, u"m"_s) });
            });
            a->start();
            b->start();
            QVERIFY(a->wait(10000) && b->wait(10000));
            delete a;
            delete b;
            QCOMPARE(writer.flush(), QString());
            QVERIFY(!written.isEmpty());
        }
        auto backend = openSqlite(file);
        QVERIFY(backend);
        auto all = InstanceStore(*backend).readAll();
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 3);
        for (const InstanceRecord& r : *all) {
            QCOMPARE(r.clusterName, u"m:3306"_s); // clusters are computed on the way in
        }
    }

    void flushReportsARefusedWrite()
    {
        const QString file = m_dir.filePath(u"newer.sqlite3"_s);
        {
            auto backend = openSqlite(file);
            QVERIFY(backend);
            QVERIFY(backend
                        ->exec(u"INSERT INTO topograph_schema (version, description, app_version) "
                               "VALUES (99, 'future', '9.9.9')"_s)
                        .ok());
        }
        BackendWriter writer(sqliteConfig(file), 50);
        QSignalSpy failed(&writer, &BackendWriter::failed);
        writer.enqueue({ seen(u"m"_s) });
        const QString error = writer.flush();
        QVERIFY2(error.contains(u"99"_s), qPrintable(error));
        QCOMPARE(failed.size(), 1);
    }

    void destructionWritesWhatIsStillQueued()
    {
        const QString file = m_dir.filePath(u"late.sqlite3"_s);
        {
            BackendWriter writer(sqliteConfig(file), 60000); // the batch timer never fires
            writer.enqueue({ seen(u"m"_s) });
        }
        auto backend = openSqlite(file);
        QVERIFY(backend);
        QCOMPARE(rowCount(*backend, u"database_instance"_s), 1);
    }
};

QTEST_GUILESS_MAIN(TestBackendWriterThread)
#include "tst_backendwriterthread.moc"
