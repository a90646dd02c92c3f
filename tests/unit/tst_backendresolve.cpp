// orchestrator's hostname_resolve through ResolveStore: record, list, reset, and expiry after
// ExpiryHostnameResolvesMinutes.
#include <QTest>

#include "backend/resolvestore.h"
#include "backendtestsupport.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

class TestBackendResolve final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Backend> m_backend;
    int m_serial = 0;

    QStringList listed(const ResolveStore& store)
    {
        QStringList lines;
        const auto entries = store.all();
        if (!entries) {
            return { entries.error().message };
        }
        for (const ResolveEntry& e : *entries) {
            lines << e.hostname + u" -> "_s + e.resolvedHostname;
        }
        return lines;
    }

private Q_SLOTS:
    void initTestCase() { isolateHome(m_dir); }
    void init()
    {
        m_backend = openSqlite(m_dir.filePath(u"resolve-%1.sqlite3"_s.arg(++m_serial)));
        QVERIFY(m_backend);
    }
    void cleanup() { m_backend.reset(); }

    void recordAndList()
    {
        const ResolveStore store(*m_backend, 60);
        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
        QVERIFY(store.record(u"pc1008.eqiad.wmnet"_s, u"pc1008"_s));
        QVERIFY(store.record(u"db1"_s, u"db1.example.org"_s));
        QCOMPARE(listed(store),
            QStringList({ u"db1 -> db1.example.org"_s, u"pc1008.eqiad.wmnet -> pc1008"_s }));
        const ResolveEntry first = store.all().value().first();
        QVERIFY(first.resolvedAt >= before);
        QVERIFY(first.resolvedAt <= QDateTime::currentDateTimeUtc());
        QCOMPARE(first.resolvedAt.timeSpec(), Qt::UTC);

        // A new resolution of the same name replaces the old one.
        QVERIFY(store.record(u"db1"_s, u"db1.other.org"_s));
        QCOMPARE(listed(store),
            QStringList({ u"db1 -> db1.other.org"_s, u"pc1008.eqiad.wmnet -> pc1008"_s }));
        QCOMPARE(rowCount(*m_backend, u"hostname_resolve"_s), 2);
    }

    void resetDeletesEverything()
    {
        const ResolveStore store(*m_backend, 60);
        QVERIFY(store.record(u"a"_s, u"a.example.org"_s));
        QVERIFY(store.record(u"b"_s, u"b.example.org"_s));
        auto removed = store.reset();
        QVERIFY(removed.ok());
        QCOMPARE(*removed, 2);
        QVERIFY(store.all().value().isEmpty());
        QCOMPARE(store.reset().value(), 0);
    }

    void expiredEntriesAreNotListedAndArePurged()
    {
        const ResolveStore store(*m_backend, 60);
        QVERIFY(store.record(u"fresh"_s, u"fresh.example.org"_s));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(m_backend->exec(u"INSERT INTO hostname_resolve (hostname, resolved_hostname, "
                                "resolved_timestamp) VALUES (?, ?, ?), (?, ?, ?)"_s,
            { u"stale"_s, u"stale.example.org"_s, Backend::toDb(now.addSecs(-2 * 3600)),
                u"almost"_s, u"almost.example.org"_s, Backend::toDb(now.addSecs(-50 * 60)) }));
        QCOMPARE(listed(store),
            QStringList({ u"almost -> almost.example.org"_s, u"fresh -> fresh.example.org"_s }));
        auto purged = store.purgeExpired();
        QVERIFY(purged.ok());
        QCOMPARE(*purged, 1);
        QCOMPARE(rowCount(*m_backend, u"hostname_resolve"_s), 2);
        QCOMPARE(rowCount(*m_backend, u"hostname_resolve"_s, u"hostname = 'stale'"_s), 0);
        // With a shorter expiry the 50-minute-old entry goes too.
        const ResolveStore strict(*m_backend, 30);
        QCOMPARE(listed(strict), QStringList({ u"fresh -> fresh.example.org"_s }));
        QCOMPARE(strict.purgeExpired().value(), 1);
        QCOMPARE(rowCount(*m_backend, u"hostname_resolve"_s), 1);
    }
};

QTEST_GUILESS_MAIN(TestBackendResolve)
#include "tst_backendresolve.moc"
