// Forgetting a ghost cluster in the backend (ClusterForgetter through AdminActions): its instance
// rows, their tags, maintenance, candidate and downtime rows and the resolve entries that produced
// it go in one transaction with one audit row, and nothing else is touched. Also the stores and
// helpers it relies on: hostname_unresolve, DiscoveryIgnoreHostnameFilters and the resolver cache.
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "backend/adminactions.h"
#include "backend/auditstore.h"
#include "backend/instancestore.h"
#include "backend/maintenancestore.h"
#include "backend/resolvestore.h"
#include "backend/tagstore.h"
#include "backend/unresolvestore.h"
#include "backendtestsupport.h"
#include "config/configloader.h"
#include "ghostfixture.h"
#include "resolve/discoveryfilter.h"
#include "resolve/hostnameresolver.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

class TestClusterForgetter final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Backend> m_backend;
    int m_serial = 0;

    void seed()
    {
        const Backend& db = *m_backend;
        QVERIFY(writeRows(db, runbookFleet()));
        const ResolveStore resolves(db, 60);
        QVERIFY(resolves.record(u"pc1008.eqiad.wmnet"_s, u"pc1008"_s));
        QVERIFY(resolves.record(u"pc1011"_s, u"pc1011.eqiad.wmnet"_s));
        const TagStore tags(db);
        for (const QString& k :
            { u"pc1008:3306"_s, u"pc1008:3307"_s, u"pc1011.eqiad.wmnet:3306"_s }) {
            QVERIFY(tags.tag(ghostKey(k), u"role"_s, u"x"_s));
        }
        QVERIFY(MaintenanceStore(db).begin(ghostKey(u"pc1008:3307"_s), u"me"_s, u"why"_s, 10));
        for (const QString& table :
            { u"candidate_database_instance"_s, u"database_instance_downtime"_s }) {
            QVERIFY(
                db.exec(u"INSERT INTO "_s + table + u" (hostname, port) VALUES (?, ?), (?, ?)"_s,
                    { u"pc1008"_s, 3306, u"pc1012.eqiad.wmnet"_s, 3306 }));
        }
    }

private Q_SLOTS:
    void init()
    {
        isolateHome(m_dir);
        m_backend = openSqlite(m_dir.filePath(u"b%1.sqlite3"_s.arg(++m_serial)));
        QVERIFY(m_backend);
    }

    void forgetsTheGhostInOneStep()
    {
        seed();
        const Backend& db = *m_backend;
        ForgetClusterRequest request;
        request.clusterName = u"pc1008:3306"_s;
        request.keys = { ghostKey(u"pc1008:3306"_s), ghostKey(u"pc1008:3307"_s) };
        request.resolveHostnames = { u"pc1008.eqiad.wmnet"_s };
        request.reason = u"a test"_s;
        auto report = AdminActions(db).forgetCluster(request);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QCOMPARE(report->instances, request.keys);
        QCOMPARE(report->tags, 2);
        QCOMPARE(report->maintenance, 1);
        QCOMPARE(report->candidates, 1);
        QCOMPARE(report->downtimes, 1);
        QCOMPARE(report->resolveEntries, QStringList { u"pc1008.eqiad.wmnet"_s });

        QCOMPARE(rowCount(db, u"database_instance"_s), 3);
        QCOMPARE(rowCount(db, u"database_instance"_s, u"hostname = 'pc1008'"_s), 0);
        QCOMPARE(rowCount(db, u"database_instance_tags"_s), 1);
        QCOMPARE(rowCount(db, u"database_instance_maintenance"_s), 0);
        QCOMPARE(rowCount(db, u"candidate_database_instance"_s), 1);
        QCOMPARE(rowCount(db, u"database_instance_downtime"_s), 1);
        auto left = ResolveStore(db, 60).everything();
        QVERIFY(left);
        QCOMPARE(left->size(), 1);
        QCOMPARE(left->first().hostname, u"pc1011"_s);

        auto audit = AuditStore(db).recent(10);
        QVERIFY(audit);
        QCOMPARE(audit->size(), 1);
        QCOMPARE(audit->first().type, u"forget-cluster"_s);
        QCOMPARE(audit->first().clusterName, u"pc1008:3306"_s);
        QCOMPARE(audit->first().message, report->summary() + u"; reason: a test"_s);
        QVERIFY(report->summary().contains(u"pc1008:3306, pc1008:3307"_s));
        QVERIFY(report->summary().contains(u"resolve entries pc1008.eqiad.wmnet"_s));
    }

    void failureRemovesNothing()
    {
        seed();
        const Backend& db = *m_backend;
        // The audit row cannot be written: the whole step rolls back.
        QVERIFY(db.exec(u"DROP TABLE audit"_s));
        ForgetClusterRequest request;
        request.clusterName = u"pc1008:3306"_s;
        request.keys = { ghostKey(u"pc1008:3306"_s), ghostKey(u"pc1008:3307"_s) };
        request.resolveHostnames = { u"pc1008.eqiad.wmnet"_s };
        QVERIFY(!AdminActions(db).forgetCluster(request));
        QCOMPARE(rowCount(db, u"database_instance"_s), 5);
        QCOMPARE(rowCount(db, u"database_instance_tags"_s), 3);
        QCOMPARE(rowCount(db, u"hostname_resolve"_s), 2);
    }

    void skipsTablesTheBackendLacks()
    {
        seed();
        const Backend& db = *m_backend;
        QVERIFY(db.exec(u"DROP TABLE candidate_database_instance"_s));
        ForgetClusterRequest request;
        request.clusterName = u"pc1008:3306"_s;
        request.keys = { ghostKey(u"pc1008:3306"_s) };
        auto report = AdminActions(db).forgetCluster(request);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QCOMPARE(report->candidates, 0);
        QCOMPARE(report->downtimes, 1);
    }

    void everythingIncludesExpiredEntries()
    {
        const ResolveStore store(*m_backend, 60);
        QVERIFY(store.record(u"a"_s, u"a.x"_s));
        QVERIFY(store.record(u"b"_s, u"b.x"_s));
        QVERIFY(m_backend->exec(u"UPDATE hostname_resolve SET resolved_timestamp = ? WHERE "
                                "hostname = 'b'"_s,
            { Backend::toDb(QDateTime::currentDateTimeUtc().addSecs(-7200)) }));
        QCOMPARE(store.all()->size(), 1);
        auto everything = store.everything();
        QVERIFY(everything);
        QCOMPARE(everything->size(), 2);
        QCOMPARE(everything->at(1).hostname, u"b"_s);
        QCOMPARE(store.remove({ u"b"_s, u"nosuch"_s }).valueOr(-1), 1);
        QCOMPARE(store.everything()->size(), 1);
    }

    void unresolveStore()
    {
        const UnresolveStore store(*m_backend);
        QVERIFY(store.registerName(ghostKey(u"db1:3306"_s), u"vip"_s));
        QVERIFY(store.registerName(ghostKey(u"db1:3306"_s), u"vip2"_s)); // replaces
        QVERIFY(store.registerName(ghostKey(u"db2:3306"_s), u"vip3"_s));
        auto all = store.all();
        QVERIFY(all);
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->first().unresolvedHostname, u"vip2"_s);
        QVERIFY(all->first().lastRegistered.isValid());
        QCOMPARE(store.deregister(ghostKey(u"db1:3306"_s)).valueOr(-1), 1);
        QCOMPARE(store.deregister(ghostKey(u"db1:3306"_s)).valueOr(-1), 0);
        QCOMPARE(store.all()->size(), 1);
    }

    void discoveryIgnoreFilters()
    {
        const DiscoveryFilter filter(
            QStringList { u"^pc1008:"_s, u"\\.codfw\\."_s, u"[unclosed"_s });
        QVERIFY(filter.ignores(ghostKey(u"pc1008:3306"_s)));
        QVERIFY(!filter.ignores(ghostKey(u"pc1008.eqiad.wmnet:3306"_s)));
        QVERIFY(filter.ignores(ghostKey(u"db1.codfw.wmnet:3306"_s)));
        QVERIFY(!DiscoveryFilter().ignores(ghostKey(u"pc1008:3306"_s)));
        const QString exact = DiscoveryFilter::exactPattern(ghostKey(u"db1.x:3306"_s));
        QVERIFY(DiscoveryFilter(QStringList { exact }).ignores(ghostKey(u"db1.x:3306"_s)));
        QVERIFY(!DiscoveryFilter(QStringList { exact }).ignores(ghostKey(u"db1yx:3306"_s)));
        QVERIFY(!DiscoveryFilter(QStringList { exact }).ignores(ghostKey(u"db1.x:33061"_s)));
    }

    void forgetAndIgnoreSavesTheConfiguration()
    {
        const QString path = m_dir.filePath(u"c%1.json"_s.arg(m_serial));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"UnknownKey\": 7, \"DiscoveryIgnoreHostnameFilters\": [\"^db9:\"]}");
        file.close();
        auto loaded = ConfigLoader::load(path);
        QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().message));
        Configuration config = *loaded;
        QCOMPARE(config.discoveryIgnoreHostnameFilters, QStringList { u"^db9:"_s });
        QCOMPARE(DiscoveryFilter::addAndSave(config, ghostKey(u"db9:3306"_s)).valueOr(true), false);
        QCOMPARE(
            DiscoveryFilter::addAndSave(config, ghostKey(u"pc1008:3306"_s)).valueOr(false), true);
        auto reloaded = ConfigLoader::load(path);
        QVERIFY(reloaded);
        QCOMPARE(reloaded->discoveryIgnoreHostnameFilters,
            (QStringList {
                u"^db9:"_s, DiscoveryFilter::exactPattern(ghostKey(u"pc1008:3306"_s)) }));
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QVERIFY(saved.readAll().contains("UnknownKey"));

        config.readOnly = true;
        QVERIFY(!DiscoveryFilter::addAndSave(config, ghostKey(u"db7:3306"_s)));
        Configuration unsaved;
        QVERIFY(!DiscoveryFilter::addAndSave(unsaved, ghostKey(u"db7:3306"_s)));
    }

    void invalidFilterIsAConfigError()
    {
        auto loaded
            = ConfigLoader::fromJson("{\"DiscoveryIgnoreHostnameFilters\": [\"(\"]}", u"x"_s);
        QVERIFY(!loaded);
        QVERIFY(loaded.error().message.contains(u"DiscoveryIgnoreHostnameFilters"_s));
        QVERIFY(!ConfigLoader::fromJson("{\"DiscoveryIgnoreHostnameFilters\": \"x\"}", u"x"_s));
    }

    void resolverForgetsCachedAnswers()
    {
        int lookups = 0;
        HostnameResolver resolver(
            u"cname"_s,
            [&lookups](const QString&) {
                ++lookups;
                return QStringList { u"10.0.0.8"_s };
            },
            [](const QString&) { return u"pc1008"_s; });
        QCOMPARE(resolver.resolve(u"pc1008.eqiad.wmnet"_s), u"pc1008"_s);
        QCOMPARE(resolver.resolve(u"pc1008.eqiad.wmnet"_s), u"pc1008"_s);
        QCOMPARE(lookups, 1);
        QVERIFY(resolver.isCached(u"pc1008.eqiad.wmnet"_s));
        QCOMPARE(resolver.forget({ u"PC1008"_s }), 1); // by the resolved name, any case
        QVERIFY(!resolver.isCached(u"pc1008.eqiad.wmnet"_s));
        QVERIFY(resolver.takeNewResolutions().isEmpty());
        QCOMPARE(resolver.resolve(u"pc1008.eqiad.wmnet"_s), u"pc1008"_s);
        QCOMPARE(lookups, 2);
        resolver.clear();
        QVERIFY(!resolver.isCached(u"pc1008.eqiad.wmnet"_s));
    }
};

QTEST_GUILESS_MAIN(TestClusterForgetter)
#include "tst_clusterforgetter.moc"
