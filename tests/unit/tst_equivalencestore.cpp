// master_position_equivalence through EquivalenceStore: a recorded pair reads back from either
// side, recording the same pair again refreshes it instead of failing on the unique key, and a
// read-only backend refuses the write.
#include <QTest>

#include "backend/equivalencestore.h"
#include "backendtestsupport.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

class TestEquivalenceStore final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Backend> m_backend;
    int m_serial = 0;
    QString m_file;
    const PositionEquivalence m_row { key(u"db1:3306"_s), { u"db1-bin.000002"_s, 1200 },
        key(u"db2:3306"_s), { u"db2-bin.000009"_s, 345 } };

    int rowCount() const
    {
        auto rows = m_backend->select(u"SELECT COUNT(*) AS n FROM master_position_equivalence"_s);
        return rows && !rows->isEmpty() ? rows->first().value(u"n"_s).toInt() : -1;
    }

private Q_SLOTS:
    void initTestCase() { isolateHome(m_dir); }
    void init()
    {
        m_file = m_dir.filePath(u"equivalence-%1.sqlite3"_s.arg(++m_serial));
        m_backend = openSqlite(m_file);
        QVERIFY(m_backend);
    }
    void cleanup() { m_backend.reset(); }

    void readsFromEitherSide()
    {
        const EquivalenceStore store(*m_backend);
        QVERIFY(store.record(m_row));
        for (const auto& [master, position] :
            { std::pair { m_row.master1, m_row.position1 }, { m_row.master2, m_row.position2 } }) {
            auto found = store.readFor(master, position);
            QVERIFY(found);
            QCOMPARE(found->size(), 1);
            QCOMPARE(found->first().master1, m_row.master1);
            QCOMPARE(found->first().position1, m_row.position1);
            QCOMPARE(found->first().master2, m_row.master2);
            QCOMPARE(found->first().position2, m_row.position2);
        }
        auto elsewhere = store.readFor(m_row.master1, { u"db1-bin.000002"_s, 1201 });
        QVERIFY(elsewhere);
        QVERIFY(elsewhere->isEmpty());
        auto all = store.readAll();
        QVERIFY(all);
        QCOMPARE(all->size(), 1);
    }

    void recordingAgainRefreshes()
    {
        const EquivalenceStore store(*m_backend);
        QVERIFY(store.record(m_row));
        PositionEquivalence moved = m_row;
        moved.position2.pos = 999;
        auto again = store.record(moved);
        QVERIFY2(again, qPrintable(again ? QString() : again.error().message));
        QCOMPARE(rowCount(), 1);
        auto found = store.readFor(m_row.master1, m_row.position1);
        QVERIFY(found);
        QCOMPARE(found->size(), 1);
        QCOMPARE(found->first().position2.pos, 999);
    }

    void readOnlyRefuses()
    {
        Configuration config = sqliteConfig(m_file);
        config.readOnly = true;
        auto readOnly = Backend::open(config);
        QVERIFY2(readOnly, qPrintable(readOnly ? QString() : readOnly.error().message));
        QVERIFY(!EquivalenceStore(**readOnly).record(m_row));
        QCOMPARE(rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestEquivalenceStore)
#include "tst_equivalencestore.moc"
