// The card context menu: entries the planner refuses are disabled with its reason, read-only
// mode disables every change, and choosing an entry names the operation and its destination.
#include <QSignalSpy>
#include <QTest>

#include "operations/nodecontextmenu.h"
#include "plannerfixture.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

Q_DECLARE_METATYPE(std::optional<topograph::InstanceKey>)

namespace {

NodeContextMenu::Context context(const Topology& t)
{
    NodeContextMenu::Context c;
    c.cluster = t.records();
    return c;
}

} // namespace

class TestNodeContextMenu final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refusedEntriesCarryThePlannersReason()
    {
        const Topology t(u"m; r1<m; r2<m; r1a<r1"_s, Server::MariaDB1011, true);
        NodeContextMenu primary(context(t), key(u"m"_s));
        QAction* moveUp = primary.actionFor(u"move-up"_s);
        QVERIFY(moveUp);
        QVERIFY(!moveUp->isEnabled());
        QVERIFY2(moveUp->toolTip().startsWith(u"cannot "_s), qPrintable(moveUp->toolTip()));
        QVERIFY(!primary.actionFor(u"relocate-picker"_s)->isEnabled());
        QVERIFY(primary.actionFor(u"refresh"_s)->isEnabled());
        QVERIFY(primary.actionFor(u"copy-key"_s)->isEnabled());

        NodeContextMenu leaf(context(t), key(u"r1a"_s));
        QVERIFY(leaf.actionFor(u"move-up"_s)->isEnabled());
        QVERIFY(leaf.actionFor(u"stop-replica"_s)->isEnabled());
        QVERIFY(!leaf.actionFor(u"start-replica"_s)); // it replicates: only "stop" is offered
        QVERIFY(leaf.actionFor(u"forget"_s)->isEnabled());
        QVERIFY(leaf.actionFor(u"begin-maintenance"_s)->isEnabled());
    }

    void moveBelowListsSiblingsAndEmitsTheDestination()
    {
        const Topology t(u"m; r1<m; r2<m; r1a<r1"_s, Server::MariaDB1011, true);
        NodeContextMenu menu(context(t), key(u"r2"_s));
        QAction* below = menu.actionFor(u"move-below"_s, key(u"r1"_s));
        QVERIFY(below);
        QVERIFY2(below->isEnabled(), qPrintable(below->toolTip()));
        QVERIFY(!menu.actionFor(u"move-below"_s, key(u"r1a"_s))); // not a sibling
        QSignalSpy requested(&menu, &NodeContextMenu::operationRequested);
        below->trigger();
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().at(0).toString(), u"move-below"_s);
        QCOMPARE(requested.first().at(1).value<InstanceKey>(), key(u"r2"_s));
        QCOMPARE(requested.first().at(2).value<std::optional<InstanceKey>>(),
            std::optional(key(u"r1"_s)));
    }

    void readOnlyDisablesEveryChange()
    {
        const Topology t(u"m; r1<m; r2<m"_s, Server::MariaDB1011, true);
        NodeContextMenu::Context c = context(t);
        c.flags.readOnly = true;
        c.readOnlyReason = u"Read-only mode"_s;
        NodeContextMenu menu(c, key(u"r2"_s));
        for (const QString& op : { u"move-up"_s, u"take-master"_s, u"stop-replica"_s,
                 u"set-writeable"_s, u"forget"_s, u"begin-maintenance"_s, u"relocate-picker"_s }) {
            QAction* action = menu.actionFor(op);
            QVERIFY2(action, qPrintable(op));
            QVERIFY2(!action->isEnabled(), qPrintable(op));
            QCOMPARE(action->toolTip(), u"Read-only mode"_s);
        }
        QVERIFY(menu.actionFor(u"refresh"_s)->isEnabled());
        QVERIFY(menu.actionFor(u"copy-key"_s)->isEnabled());
    }
};

QTEST_MAIN(TestNodeContextMenu)
#include "tst_nodecontextmenu.moc"
