// orchestrator's -tag syntax and tag commands, on the fixture of its tagged-*/untag-* cases
// (shared/orchestrator-compat/cases): role=backup on 22293 and 22296, role=delayed on 22294,
// role= on 22295, candidate= on 22296 and 22297.
#include <QTest>

#include "backend/tagstore.h"
#include "backendtestsupport.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

namespace {

InstanceKey host(int port)
{
    return InstanceKey { u"testhost"_s, static_cast<quint16>(port) };
}

QStringList toStrings(const QList<InstanceKey>& keys)
{
    QStringList names;
    for (const InstanceKey& k : keys) {
        names << k.toString();
    }
    return names;
}

} // namespace

class TestTagStore final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Backend> m_backend;
    int m_serial = 0;

    QStringList tagsOn(int port, const QString& name)
    {
        QStringList values;
        const auto tags = TagStore(*m_backend).tagsOf(host(port));
        if (!tags) {
            return { tags.error().message };
        }
        for (const InstanceTag& t : *tags) {
            if (t.name == name) {
                values << t.value;
            }
        }
        return values;
    }

private Q_SLOTS:
    void initTestCase() { isolateHome(m_dir); }
    void init()
    {
        m_backend = openSqlite(m_dir.filePath(u"tags-%1.sqlite3"_s.arg(++m_serial)));
        QVERIFY(m_backend);
        const TagStore store(*m_backend);
        QVERIFY(store.tag(host(22293), u"role"_s, u"backup"_s));
        QVERIFY(store.tag(host(22294), u"role"_s, u"delayed"_s));
        QVERIFY(store.tag(host(22295), u"role"_s, u""_s));
        QVERIFY(store.tag(host(22296), u"role"_s, u"backup"_s));
        QVERIFY(store.tag(host(22296), u"candidate"_s, u""_s));
        QVERIFY(store.tag(host(22297), u"candidate"_s, u""_s));
    }
    void cleanup() { m_backend.reset(); }

    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("hasValue");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("negated");
        QTest::newRow("name") << u"role"_s << true << u"role"_s << false << QString() << false;
        QTest::newRow("name=value")
            << u"role=backup"_s << true << u"role"_s << true << u"backup"_s << false;
        QTest::newRow("name=") << u"role="_s << true << u"role"_s << true << u""_s << false;
        QTest::newRow("~name") << u"~role"_s << true << u"role"_s << false << QString() << true;
        QTest::newRow("~name=value")
            << u"~role=backup"_s << true << u"role"_s << true << u"backup"_s << true;
        QTest::newRow("!name") << u"!role"_s << true << u"role"_s << false << QString() << true;
        QTest::newRow("spaces") << u" role = backup "_s << true << u"role"_s << true << u"backup"_s
                                << false;
        QTest::newRow("value with =") << u"a=b=c"_s << true << u"a"_s << true << u"b=c"_s << false;
        QTest::newRow("empty") << u""_s << false << QString() << false << QString() << false;
        QTest::newRow("blank") << u"   "_s << false << QString() << false << QString() << false;
        QTest::newRow("only ~") << u"~"_s << false << QString() << false << QString() << false;
        QTest::newRow("no name") << u"=backup"_s << false << QString() << false << QString()
                                 << false;
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        auto condition = TagCondition::parse(text);
        QCOMPARE(condition.ok(), ok);
        if (!ok) {
            QCOMPARE(condition.error().code, ErrorCode::InvalidInput);
            QVERIFY(condition.error().message.contains(u"tag"_s));
            return;
        }
        QFETCH(QString, name);
        QFETCH(bool, hasValue);
        QFETCH(QString, value);
        QFETCH(bool, negated);
        QCOMPARE(condition->name, name);
        QCOMPARE(condition->value.has_value(), hasValue);
        if (hasValue) {
            QCOMPARE(*condition->value, value);
        }
        QCOMPARE(condition->negated, negated);
    }

    void parseList()
    {
        auto list = TagCondition::parseList(u"role=backup,~candidate"_s);
        QVERIFY(list.ok());
        QCOMPARE(list->size(), 2);
        QVERIFY(list->at(1).negated);
        QVERIFY(!TagCondition::parseList(u"role,,candidate"_s).ok());
        QVERIFY(!TagCondition::parseList(u"role,"_s).ok());
    }

    void tagged_data()
    {
        QTest::addColumn<QString>("conditions");
        QTest::addColumn<QStringList>("expected");
        const auto hosts = [](std::initializer_list<int> ports) {
            QStringList names;
            for (int port : ports) {
                names << host(port).toString();
            }
            return names;
        };
        QTest::newRow("tagged-00 role") << u"role"_s << hosts({ 22293, 22294, 22295, 22296 });
        QTest::newRow("tagged-01 role=backup") << u"role=backup"_s << hosts({ 22293, 22296 });
        QTest::newRow("tagged-03 role=") << u"role="_s << hosts({ 22295 });
        QTest::newRow("tagged-04 ~role") << u"~role"_s << hosts({ 22297 });
        QTest::newRow("tagged-06 role,~candidate")
            << u"role,~candidate"_s << hosts({ 22293, 22294, 22295 });
        QTest::newRow("tagged-07 role=backup,candidate")
            << u"role=backup,candidate"_s << hosts({ 22296 });
        QTest::newRow("tagged-09 ~role=backup") << u"~role=backup"_s << hosts({ 22294, 22295 });
        QTest::newRow("no match") << u"nosuch"_s << QStringList();
    }
    void tagged()
    {
        QFETCH(QString, conditions);
        QFETCH(QStringList, expected);
        auto parsed = TagCondition::parseList(conditions);
        QVERIFY(parsed.ok());
        auto keys = TagStore(*m_backend).tagged(*parsed);
        QVERIFY(keys.ok());
        QCOMPARE(toStrings(*keys), expected);
    }

    void tagOverwritesTheValue()
    {
        const TagStore store(*m_backend);
        QVERIFY(store.tag(host(22293), u"role"_s, u"candidate"_s));
        QCOMPARE(tagsOn(22293, u"role"_s), QStringList({ u"candidate"_s }));
        QCOMPARE(rowCount(*m_backend, u"database_instance_tags"_s), 6);
    }

    void untag_data()
    {
        QTest::addColumn<QString>("condition");
        QTest::addColumn<bool>("removed");
        QTest::addColumn<QStringList>("left");
        QTest::newRow("untag-00 absent tag")
            << u"candidate"_s << false << QStringList({ u"backup"_s });
        QTest::newRow("untag-01 any value") << u"role"_s << true << QStringList();
        QTest::newRow("untag-03 other value (empty)")
            << u"role="_s << false << QStringList({ u"backup"_s });
        QTest::newRow("untag-04 other value")
            << u"role=delayed"_s << false << QStringList({ u"backup"_s });
        QTest::newRow("same value") << u"role=backup"_s << true << QStringList();
    }
    void untag()
    {
        QFETCH(QString, condition);
        QFETCH(bool, removed);
        QFETCH(QStringList, left);
        auto gone = TagStore(*m_backend).untag(host(22293), TagCondition::parse(condition).value());
        QVERIFY(gone.ok());
        QCOMPARE(*gone, removed);
        QCOMPARE(tagsOn(22293, u"role"_s), left);
        QCOMPARE(tagsOn(22296, u"role"_s), QStringList({ u"backup"_s })); // others untouched
    }

    void untagAll()
    {
        const TagStore store(*m_backend);
        // untag-all-01: role= leaves only 22295's empty role.
        auto keys = store.untagAll(TagCondition::parse(u"role="_s).value());
        QVERIFY(keys.ok());
        QCOMPARE(toStrings(*keys), QStringList({ host(22295).toString() }));
        QVERIFY(tagsOn(22295, u"role"_s).isEmpty());
        QCOMPARE(rowCount(*m_backend, u"database_instance_tags"_s), 5);

        keys = store.untagAll(TagCondition::parse(u"role=backup"_s).value());
        QVERIFY(keys.ok());
        QCOMPARE(toStrings(*keys), QStringList({ host(22293).toString(), host(22296).toString() }));
        QCOMPARE(tagsOn(22294, u"role"_s), QStringList({ u"delayed"_s }));

        // untag-all-02: without '=' it is an error, and nothing is removed.
        auto refused = store.untagAll(TagCondition::parse(u"role"_s).value());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::InvalidInput);
        QVERIFY(refused.error().message.contains(u"name=value"_s));
        QCOMPARE(rowCount(*m_backend, u"database_instance_tags"_s), 3);
    }
};

QTEST_GUILESS_MAIN(TestTagStore)
#include "tst_tagstore.moc"
