// The cluster canvas: cards and edges from TreeLayout, in-place updates and animation, health
// colours, collapsing, co-masters, and the card drag driven by QTest mouse events (no QDrag).
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

#include "canvas/canvasstyle.h"
#include "canvas/clusterscene.h"
#include "canvas/clusterview.h"
#include "canvas/edgeitem.h"
#include "canvas/nodeitem.h"
#include "canvasfixture.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

namespace {

// m1 and m2 are co-masters; r1, r2, r3 replicate from m1; r4, r5 from r1.
QList<InstanceRecord> cluster()
{
    return { instance(u"r5"_s, u"r1"_s), instance(u"m1"_s, u"m2"_s), instance(u"r1"_s, u"m1"_s),
        instance(u"r2"_s, u"m1"_s), instance(u"m2"_s, u"m1"_s), instance(u"r3"_s, u"m1"_s),
        instance(u"r4"_s, u"r1"_s) };
}

InstanceRecord* find(QList<InstanceRecord>& records, const QString& host)
{
    for (InstanceRecord& r : records) {
        if (r.key == key(host)) {
            return &r;
        }
    }
    return nullptr;
}

// The scene with the cluster and a shown view, for tests that use the mouse.
struct Canvas
{
    ClusterScene scene;
    ClusterView view { &scene };

    explicit Canvas(const QList<InstanceRecord>& records = cluster())
    {
        scene.setAnimationDuration(0);
        scene.setTopology(records, {}, kNow, kThresholds);
        view.resize(1200, 800);
        view.show();
    }

    QWidget* viewport() const { return view.viewport(); }

    // The viewport point at the centre of a card.
    QPoint at(const QString& host) const
    {
        const NodeItem* node = scene.nodeItem(key(host));
        Q_ASSERT(node);
        return view.mapFromScene(node->mapToScene(node->cardRect().center()));
    }

    QPoint boxOf(const QString& host) const
    {
        const NodeItem* node = scene.nodeItem(key(host));
        Q_ASSERT(node);
        return view.mapFromScene(node->mapToScene(node->collapseBoxRect().center()));
    }
};

// Press on one card and move past the start distance, in two steps like a hand does.
void beginDrag(Canvas& canvas, const QString& host)
{
    const QPoint start = canvas.at(host);
    QTest::mousePress(canvas.viewport(), Qt::LeftButton, {}, start);
    QTest::mouseMove(canvas.viewport(), start + QPoint(4, 2));
    QTest::mouseMove(canvas.viewport(), start + QPoint(30, 12));
}

} // namespace

class TestClusterScene final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<InstanceKey>(); }

    void cardsAndEdgesFollowTheLayout()
    {
        ClusterScene scene;
        scene.setAnimationDuration(0);
        const QList<InstanceRecord> records = cluster();
        scene.setTopology(records, {}, kNow, kThresholds);

        LayoutOptions options = ClusterScene::layoutOptions();
        const LayoutResult expected = TreeLayout::layout(records, options);
        QCOMPARE(scene.layoutResult(), expected);
        QCOMPARE(scene.keys().size(), 7);
        for (const InstanceKey& k : scene.keys()) {
            const NodeItem* node = scene.nodeItem(k);
            QVERIFY(node);
            QCOMPARE(node->pos(), expected.nodes.value(k).topLeft());
            QCOMPARE(node->cardRect().size(), expected.nodes.value(k).size());
        }
        // Six links: the co-master pair's two layout edges are one item.
        QCOMPARE(scene.edgeItems().size(), 6);
        const EdgeItem* edge = scene.edgeItem(key(u"r1"_s), key(u"r4"_s));
        QVERIFY(edge);
        QCOMPARE(edge->destPoint(), scene.nodeItem(key(u"r4"_s))->inPort());
        QCOMPARE(edge->sourcePoint(), scene.nodeItem(key(u"r1"_s))->outPort());
        QVERIFY(scene.sceneRect().contains(expected.bounds));

        QCOMPARE(scene.parentOf(key(u"r4"_s)), key(u"r1"_s));
        QCOMPARE(scene.parentOf(key(u"r1"_s)), key(u"m1"_s));
        QCOMPARE(scene.nodeItem(key(u"r4"_s))->hasChildren(), false);
        QCOMPARE(scene.nodeItem(key(u"r1"_s))->hasChildren(), true);

        scene.clear();
        QVERIFY(scene.keys().isEmpty());
        QVERIFY(scene.items().isEmpty());
    }

    void cardSaysWhatADbaNeeds()
    {
        ClusterScene scene;
        scene.setAnimationDuration(0);
        QList<InstanceRecord> records = cluster();
        find(records, u"r2"_s)->secondsBehindMaster = 120;
        find(records, u"r3"_s)->sqlThreadRunning = false;
        find(records, u"r3"_s)->lastSqlError = u"Duplicate entry '7' for key 'PRIMARY'"_s;
        scene.setTopology(records, { { key(u"m1"_s), u"s1-primary"_s } }, kNow, kThresholds);

        const CardContent& primary = scene.nodeItem(key(u"m1"_s))->content();
        QCOMPARE(primary.title, u"s1-primary"_s);
        QCOMPARE(primary.subtitle, u"m1:3306"_s);
        QCOMPARE(primary.ageText, u"3s ago"_s);

        const CardContent& replica = scene.nodeItem(key(u"r1"_s))->content();
        QCOMPARE(replica.title, u"r1:3306"_s);
        QStringList chips;
        for (const CardContent::Chip& chip : replica.chips) {
            chips << chip.text;
        }
        QCOMPARE(chips, (QStringList { u"10.11.6"_s, u"ro"_s, u"ROW"_s, u"GTID"_s }));
        QCOMPARE(replica.lagText, u"0s"_s);
        QCOMPARE(replica.lagLevel, CardContent::LagLevel::Ok);
        QVERIFY(replica.problems.isEmpty());

        const CardContent& lagging = scene.nodeItem(key(u"r2"_s))->content();
        QCOMPARE(lagging.lagText, u"120s"_s);
        QCOMPARE(lagging.lagLevel, CardContent::LagLevel::Severe);
        QCOMPARE(lagging.problems, QList { CardContent::Problem::Lagging });

        const CardContent& broken = scene.nodeItem(key(u"r3"_s))->content();
        QCOMPARE(broken.problems,
            (QList {
                CardContent::Problem::ReplicationError, CardContent::Problem::NotReplicating }));
        QVERIFY(broken.subtitle.contains(u"Duplicate entry"_s));
        QVERIFY(scene.nodeItem(key(u"r3"_s))->toolTip().contains(u"SQL error"_s));
    }

    void updatesInPlaceAndKeepsTheSelection()
    {
        ClusterScene scene;
        scene.setAnimationDuration(0);
        scene.setTopology(cluster(), {}, kNow, kThresholds);
        QSignalSpy selected(&scene, &ClusterScene::instanceSelected);
        QSignalSpy cleared(&scene, &ClusterScene::selectionCleared);
        scene.selectInstance(key(u"r4"_s));
        QCOMPARE(selected.count(), 1);
        QCOMPARE(scene.selectedInstance(), key(u"r4"_s));
        QVERIFY(scene.nodeItem(key(u"r4"_s))->isSelected());

        QHash<InstanceKey, NodeItem*> before;
        for (const InstanceKey& k : scene.keys()) {
            before.insert(k, scene.nodeItem(k));
        }
        QList<InstanceRecord> records = cluster();
        records.removeIf([](const InstanceRecord& r) { return r.key == key(u"r3"_s); });
        records.append(instance(u"r6"_s, u"r2"_s));
        find(records, u"r2"_s)->secondsBehindMaster = 42;
        scene.setTopology(records, {}, kNow.addSecs(5), kThresholds);

        for (const QString& host : { u"m1"_s, u"m2"_s, u"r1"_s, u"r2"_s, u"r4"_s, u"r5"_s }) {
            QCOMPARE(scene.nodeItem(key(host)), before.value(key(host)));
        }
        QCOMPARE(scene.nodeItem(key(u"r3"_s)), nullptr);
        QVERIFY(scene.nodeItem(key(u"r6"_s)));
        QCOMPARE(scene.nodeItem(key(u"r2"_s))->record().secondsBehindMaster, 42);
        QCOMPARE(scene.nodeItem(key(u"r4"_s))->content().ageText, u"8s ago"_s);
        QCOMPARE(scene.selectedInstance(), key(u"r4"_s));
        QVERIFY(scene.nodeItem(key(u"r4"_s))->isSelected());
        QCOMPARE(selected.count(), 1);
        QCOMPARE(cleared.count(), 0);

        // The selected instance goes away: the selection goes with it, once.
        records.removeIf([](const InstanceRecord& r) { return r.key == key(u"r4"_s); });
        scene.setTopology(records, {}, kNow, kThresholds);
        QCOMPARE(cleared.count(), 1);
        QCOMPARE(scene.selectedInstance(), std::nullopt);
        QVERIFY(scene.selectedItems().isEmpty());
    }

    void animatesToTheNewLayout()
    {
        ClusterScene scene;
        scene.setAnimationDuration(0);
        scene.setTopology(cluster(), {}, kNow, kThresholds);
        NodeItem* r4 = scene.nodeItem(key(u"r4"_s));
        const QPointF start = r4->pos();

        QList<InstanceRecord> moved = cluster();
        find(moved, u"r4"_s)->masterKey = key(u"r2"_s);
        scene.setAnimationDuration(150);
        QCOMPARE(scene.animationDuration(), 150);
        scene.setTopology(moved, {}, kNow, kThresholds);
        QVERIFY(scene.isAnimating());
        QCOMPARE(scene.nodeItem(key(u"r4"_s)), r4);
        QCOMPARE(r4->pos(), start); // not yet moved
        const EdgeItem* edge = scene.edgeItem(key(u"r2"_s), key(u"r4"_s));
        QVERIFY(edge);
        QCOMPARE(scene.edgeItem(key(u"r1"_s), key(u"r4"_s)), nullptr);
        QTRY_VERIFY(!scene.isAnimating());
        for (const InstanceKey& k : scene.keys()) {
            QCOMPARE(scene.nodeItem(k)->pos(), scene.layoutResult().nodes.value(k).topLeft());
        }
        QCOMPARE(edge->destPoint(), r4->inPort()); // the edge followed

        // A new topology mid-animation starts where the cards are: no jump.
        scene.setAnimationDuration(5000);
        scene.setTopology(cluster(), {}, kNow, kThresholds);
        const QPointF target = scene.layoutResult().nodes.value(key(u"r4"_s)).topLeft();
        const QPointF from = r4->pos();
        QTRY_VERIFY(r4->pos() != from);
        const QPointF midway = r4->pos();
        QVERIFY(midway != target);
        const EdgeItem* back = scene.edgeItem(key(u"r1"_s), key(u"r4"_s));
        QVERIFY(back);
        QCOMPARE(back->destPoint(), r4->inPort()); // edges follow during the animation
        scene.setAnimationDuration(100);
        scene.setTopology(moved, {}, kNow, kThresholds);
        QCOMPARE(r4->pos(), midway);
        QTRY_VERIFY(!scene.isAnimating());
        QCOMPARE(r4->pos(), scene.layoutResult().nodes.value(key(u"r4"_s)).topLeft());
    }

    void edgeHealth_data()
    {
        QTest::addColumn<int>("variant");
        QTest::addColumn<int>("expected");
        QTest::newRow("running") << 0 << int(EdgeHealth::Running);
        QTest::newRow("lagging") << 1 << int(EdgeHealth::Lagging);
        QTest::newRow("stopped") << 2 << int(EdgeHealth::Stopped);
        QTest::newRow("io error") << 3 << int(EdgeHealth::Broken);
        QTest::newRow("unreachable") << 4 << int(EdgeHealth::Broken);
    }

    void edgeHealth()
    {
        QFETCH(int, variant);
        QFETCH(int, expected);
        const auto health = EdgeHealth(expected);
        QList<InstanceRecord> records = cluster();
        InstanceRecord* r1 = find(records, u"r1"_s);
        r1->secondsBehindMaster = 4;
        switch (variant) {
        case 1:
            r1->replicationLagSeconds = 30; // measured lag wins over Seconds_Behind_Master
            break;
        case 2:
            r1->ioThreadRunning = false;
            r1->sqlThreadRunning = false;
            break;
        case 3:
            r1->ioThreadRunning = false;
            r1->lastIoError = u"error connecting to master"_s;
            break;
        case 4:
            r1->reachable = false;
            break;
        }
        ClusterScene scene;
        scene.setAnimationDuration(0);
        scene.setTopology(records, {}, kNow, kThresholds);
        const EdgeItem* edge = scene.edgeItem(key(u"m1"_s), key(u"r1"_s));
        QVERIFY(edge);
        QCOMPARE(edge->health(), health);
        QCOMPARE(edge->color(), canvasstyle::healthColor(health));
        QVERIFY(edge->toolTip().contains(EdgeItem::healthName(health)));
        QCOMPARE(scene.edgeItem(key(u"r1"_s), key(u"r4"_s))->health(), EdgeHealth::Running);
    }

    void healthColoursDiffer()
    {
        const QList<QColor> colors { canvasstyle::healthColor(EdgeHealth::Running),
            canvasstyle::healthColor(EdgeHealth::Lagging),
            canvasstyle::healthColor(EdgeHealth::Stopped),
            canvasstyle::healthColor(EdgeHealth::Broken) };
        for (qsizetype i = 0; i < colors.size(); ++i) {
            QCOMPARE(colors.count(colors.at(i)), 1);
        }
        QCOMPARE(canvasstyle::healthColor(EdgeHealth::Running), canvasstyle::okColor());
        QCOMPARE(canvasstyle::healthColor(EdgeHealth::Broken), canvasstyle::errorColor());
    }

    void coMastersArePaired()
    {
        QList<InstanceRecord> records = cluster();
        find(records, u"m2"_s)->ioThreadRunning = false; // the pair shows its worse direction
        ClusterScene scene;
        scene.setAnimationDuration(0);
        scene.setTopology(records, {}, kNow, kThresholds);
        const EdgeItem* pair = scene.edgeItem(key(u"m1"_s), key(u"m2"_s));
        QVERIFY(pair);
        QCOMPARE(pair, scene.edgeItem(key(u"m2"_s), key(u"m1"_s)));
        QVERIFY(pair->isCoMaster());
        QCOMPARE(pair->fromKey(), key(u"m1"_s));
        QCOMPARE(pair->health(), EdgeHealth::Stopped);
        QCOMPARE(scene.parentOf(key(u"m2"_s)), key(u"m1"_s));
        QCOMPARE(scene.parentOf(key(u"m1"_s)), std::nullopt);
        int coMasterItems = 0;
        for (const EdgeItem* edge : scene.edgeItems()) {
            coMasterItems += edge->isCoMaster() ? 1 : 0;
        }
        QCOMPARE(coMasterItems, 1);
        QCOMPARE(scene.nodeItem(key(u"m1"_s))->content().coMasterOf, u"m2:3306"_s);
        QCOMPARE(scene.nodeItem(key(u"m2"_s))->content().coMasterOf, u"m1:3306"_s);
        QCOMPARE(scene.nodeItem(key(u"r1"_s))->content().coMasterOf, QString());
    }

    void collapseHidesDescendants()
    {
        Canvas canvas;
        QVERIFY(QTest::qWaitForWindowExposed(&canvas.view));
        ClusterScene& scene = canvas.scene;
        QSignalSpy toggled(&scene, &ClusterScene::collapseToggled);

        QTest::mouseClick(canvas.viewport(), Qt::LeftButton, {}, canvas.boxOf(u"r1"_s));
        QCOMPARE(toggled.count(), 1);
        QCOMPARE(toggled.at(0).at(0).value<InstanceKey>(), key(u"r1"_s));
        QCOMPARE(toggled.at(0).at(1).toBool(), true);
        QVERIFY(scene.isCollapsed(key(u"r1"_s)));
        QCOMPARE(scene.collapsed(), QSet { key(u"r1"_s) });
        QCOMPARE(scene.nodeItem(key(u"r4"_s)), nullptr);
        QCOMPARE(scene.nodeItem(key(u"r5"_s)), nullptr);
        QCOMPARE(scene.edgeItem(key(u"r1"_s), key(u"r4"_s)), nullptr);
        NodeItem* r1 = scene.nodeItem(key(u"r1"_s));
        QVERIFY(r1->isCollapsed());
        QVERIFY(r1->hasChildren());
        QCOMPARE(r1->hiddenCount(), 2);
        QCOMPARE(scene.layoutResult().hiddenBelow.value(key(u"r1"_s)), 2);
        QCOMPARE(scene.keys().size(), 5);
        QVERIFY(!scene.selectedInstance()); // the box toggles, it does not select

        QTest::mouseClick(canvas.viewport(), Qt::LeftButton, {}, canvas.boxOf(u"r1"_s));
        QCOMPARE(toggled.count(), 2);
        QVERIFY(!scene.isCollapsed(key(u"r1"_s)));
        QVERIFY(scene.nodeItem(key(u"r4"_s)));
        QVERIFY(scene.edgeItem(key(u"r1"_s), key(u"r4"_s)));

        // Double-click on the card toggles too.
        QTest::mouseDClick(canvas.viewport(), Qt::LeftButton, {}, canvas.at(u"m1"_s));
        QTest::mouseRelease(canvas.viewport(), Qt::LeftButton, {}, canvas.at(u"m1"_s));
        QVERIFY(scene.isCollapsed(key(u"m1"_s)));
        QCOMPARE(scene.keys(), QList { key(u"m1"_s) });
        QCOMPARE(scene.nodeItem(key(u"m1"_s))->hiddenCount(), 6);
        QVERIFY(scene.edgeItems().isEmpty());

        scene.setCollapsedSet({});
        QCOMPARE(scene.keys().size(), 7);
        QCOMPARE(toggled.count(), 3); // setCollapsedSet restores without signals
    }

    void clickSelects()
    {
        Canvas canvas;
        QVERIFY(QTest::qWaitForWindowExposed(&canvas.view));
        QSignalSpy selected(&canvas.scene, &ClusterScene::instanceSelected);
        QSignalSpy cleared(&canvas.scene, &ClusterScene::selectionCleared);
        QTest::mouseClick(canvas.viewport(), Qt::LeftButton, {}, canvas.at(u"r2"_s));
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.at(0).at(0).value<InstanceKey>(), key(u"r2"_s));
        QCOMPARE(canvas.scene.selectedInstance(), key(u"r2"_s));
        QTest::mouseClick(canvas.viewport(), Qt::LeftButton, {}, canvas.at(u"r3"_s));
        QCOMPARE(selected.count(), 2);
        QVERIFY(!canvas.scene.nodeItem(key(u"r2"_s))->isSelected());
        QVERIFY(canvas.scene.nodeItem(key(u"r3"_s))->isSelected());
        QTest::mouseClick(canvas.viewport(), Qt::LeftButton, {}, QPoint(3, 3)); // background
        QCOMPARE(cleared.count(), 1);
        QCOMPARE(canvas.scene.selectedInstance(), std::nullopt);
    }

    void dragDropsOnAValidCard()
    {
        Canvas canvas;
        QVERIFY(QTest::qWaitForWindowExposed(&canvas.view));
        ClusterScene& scene = canvas.scene;
        QSignalSpy started(&scene, &ClusterScene::dragStarted);
        QSignalSpy dropped(&scene, &ClusterScene::dropRequested);
        QSignalSpy cancelled(&scene, &ClusterScene::dragCancelled);
        connect(&scene, &ClusterScene::dragStarted, this, [&scene](const InstanceKey& dragged) {
            QCOMPARE(dragged, key(u"r4"_s));
            scene.setDropTargets({ { key(u"r2"_s), { DropVerdict::Valid, {} } },
                { key(u"m1"_s), { DropVerdict::Warning, u"r4 is 30 s behind"_s } },
                { key(u"r3"_s), { DropVerdict::Refused, u"r3 has no binary log"_s } } });
        });

        beginDrag(canvas, u"r4"_s);
        QCOMPARE(started.count(), 1);
        QVERIFY(scene.isDragging());
        QCOMPARE(scene.draggedKey(), key(u"r4"_s));
        QVERIFY(scene.nodeItem(key(u"r4"_s))->isDragSource());
        QCOMPARE(scene.nodeItem(key(u"r2"_s))->dropVerdict(), DropVerdict::Valid);
        QCOMPARE(scene.nodeItem(key(u"m1"_s))->dropVerdict(), DropVerdict::Warning);
        QCOMPARE(scene.nodeItem(key(u"r3"_s))->dropVerdict(), DropVerdict::Refused);
        QCOMPARE(scene.nodeItem(key(u"r5"_s))->dropVerdict(), DropVerdict::None);
        QCOMPARE(scene.nodeItem(key(u"r4"_s))->dropVerdict(), DropVerdict::None);
        QVERIFY(scene.nodeItem(key(u"r3"_s))->toolTip().contains(u"no binary log"_s));

        QTest::mouseMove(canvas.viewport(), canvas.at(u"r3"_s));
        QVERIFY(scene.nodeItem(key(u"r3"_s))->isDropHover());
        QTest::mouseMove(canvas.viewport(), canvas.at(u"r2"_s));
        QVERIFY(!scene.nodeItem(key(u"r3"_s))->isDropHover());
        QVERIFY(scene.nodeItem(key(u"r2"_s))->isDropHover());
        QTest::mouseRelease(canvas.viewport(), Qt::LeftButton, {}, canvas.at(u"r2"_s));

        QCOMPARE(dropped.count(), 1);
        QCOMPARE(dropped.at(0).at(0).value<InstanceKey>(), key(u"r4"_s));
        QCOMPARE(dropped.at(0).at(1).value<InstanceKey>(), key(u"r2"_s));
        QCOMPARE(cancelled.count(), 0);
        QVERIFY(!scene.isDragging());
        QCOMPARE(scene.nodeItem(key(u"r2"_s))->dropVerdict(), DropVerdict::None);
        QVERIFY(!scene.nodeItem(key(u"r4"_s))->isDragSource());
        QVERIFY(!scene.nodeItem(key(u"r2"_s))->isDropHover());
        QCOMPARE(scene.nodeItem(key(u"r4"_s))->pos(),
            scene.layoutResult().nodes.value(key(u"r4"_s)).topLeft()); // the card stayed

        // A Warning card takes the drop too.
        beginDrag(canvas, u"r4"_s);
        QTest::mouseMove(canvas.viewport(), canvas.at(u"m1"_s));
        QTest::mouseRelease(canvas.viewport(), Qt::LeftButton, {}, canvas.at(u"m1"_s));
        QCOMPARE(dropped.count(), 2);
        QCOMPARE(dropped.at(1).at(1).value<InstanceKey>(), key(u"m1"_s));
    }

    void dragOnARefusedCardCancels()
    {
        Canvas canvas;
        QVERIFY(QTest::qWaitForWindowExposed(&canvas.view));
        ClusterScene& scene = canvas.scene;
        QSignalSpy dropped(&scene, &ClusterScene::dropRequested);
        QSignalSpy cancelled(&scene, &ClusterScene::dragCancelled);
        connect(&scene, &ClusterScene::dragStarted, this, [&scene](const InstanceKey&) {
            scene.setDropTargets({ { key(u"r3"_s), { DropVerdict::Refused, u"no binlog"_s } } });
        });
        beginDrag(canvas, u"r4"_s);
        QTest::mouseMove(canvas.viewport(), canvas.at(u"r3"_s));
        QTest::mouseRelease(canvas.viewport(), Qt::LeftButton, {}, canvas.at(u"r3"_s));
        QCOMPARE(cancelled.count(), 1);
        QCOMPARE(dropped.count(), 0);
        QCOMPARE(scene.nodeItem(key(u"r3"_s))->dropVerdict(), DropVerdict::None);

        // A card without a verdict, and empty background, cancel as well.
        beginDrag(canvas, u"r4"_s);
        QTest::mouseRelease(canvas.viewport(), Qt::LeftButton, {}, canvas.at(u"r5"_s));
        beginDrag(canvas, u"r4"_s);
        QTest::mouseRelease(canvas.viewport(), Qt::LeftButton, {}, QPoint(3, 3));
        QCOMPARE(cancelled.count(), 3);
        QCOMPARE(dropped.count(), 0);
    }

    void escapeCancelsADrag()
    {
        Canvas canvas;
        QVERIFY(QTest::qWaitForWindowExposed(&canvas.view));
        ClusterScene& scene = canvas.scene;
        QSignalSpy dropped(&scene, &ClusterScene::dropRequested);
        QSignalSpy cancelled(&scene, &ClusterScene::dragCancelled);
        connect(&scene, &ClusterScene::dragStarted, this, [&scene](const InstanceKey&) {
            scene.setDropTargets({ { key(u"r2"_s), { DropVerdict::Valid, {} } } });
        });
        beginDrag(canvas, u"r4"_s);
        QTest::mouseMove(canvas.viewport(), canvas.at(u"r2"_s));
        QVERIFY(scene.isDragging());
        QTest::keyClick(&canvas.view, Qt::Key_Escape);
        QCOMPARE(cancelled.count(), 1);
        QVERIFY(!scene.isDragging());
        QCOMPARE(scene.nodeItem(key(u"r2"_s))->dropVerdict(), DropVerdict::None);
        QTest::mouseRelease(canvas.viewport(), Qt::LeftButton, {}, canvas.at(u"r2"_s));
        QCOMPARE(cancelled.count(), 1);
        QCOMPARE(dropped.count(), 0);

        beginDrag(canvas, u"r4"_s);
        scene.cancelDrag();
        QCOMPARE(cancelled.count(), 2);
        QTest::mouseRelease(canvas.viewport(), Qt::LeftButton, {}, canvas.at(u"r2"_s));
        QCOMPARE(dropped.count(), 0);
    }

    void dragNearTheEdgeScrolls()
    {
        QList<InstanceRecord> records = cluster();
        for (int i = 0; i < 30; ++i) {
            records.append(instance(u"s%1"_s.arg(i, 2, 10, QChar(u'0')), u"r2"_s));
        }
        Canvas canvas(records);
        canvas.view.resize(700, 400);
        QVERIFY(QTest::qWaitForWindowExposed(&canvas.view));
        canvas.view.centerOnInstance(key(u"r1"_s));
        QScrollBar* bar = canvas.view.verticalScrollBar();
        const int before = bar->value();
        QVERIFY(before < bar->maximum());
        QSignalSpy cancelled(&canvas.scene, &ClusterScene::dragCancelled);
        beginDrag(canvas, u"r1"_s);
        QVERIFY(canvas.scene.isDragging());
        const QPoint nearBottom(canvas.viewport()->width() / 2, canvas.viewport()->height() - 4);
        QTest::mouseMove(canvas.viewport(), nearBottom);
        QTRY_VERIFY(bar->value() > before + 100);
        QTest::mouseMove(canvas.viewport(), QPoint(nearBottom.x(), 150)); // away from the edge
        QTest::mouseRelease(canvas.viewport(), Qt::LeftButton, {}, QPoint(nearBottom.x(), 150));
        QCOMPARE(cancelled.count(), 1);
    }

    void draggedInstanceLeavingCancels()
    {
        Canvas canvas;
        QVERIFY(QTest::qWaitForWindowExposed(&canvas.view));
        QSignalSpy cancelled(&canvas.scene, &ClusterScene::dragCancelled);
        beginDrag(canvas, u"r4"_s);
        QVERIFY(canvas.scene.isDragging());
        QList<InstanceRecord> records = cluster();
        records.removeIf([](const InstanceRecord& r) { return r.key == key(u"r4"_s); });
        canvas.scene.setTopology(records, {}, kNow, kThresholds);
        QCOMPARE(cancelled.count(), 1);
        QVERIFY(!canvas.scene.isDragging());
        QTest::mouseRelease(canvas.viewport(), Qt::LeftButton, {}, canvas.at(u"r2"_s));
        QCOMPARE(cancelled.count(), 1);
    }

    void disabledDragIsRefused()
    {
        Canvas canvas;
        QVERIFY(QTest::qWaitForWindowExposed(&canvas.view));
        ClusterScene& scene = canvas.scene;
        scene.setDragEnabled(false, u"Read-only mode"_s);
        QVERIFY(!scene.isDragEnabled());
        QSignalSpy started(&scene, &ClusterScene::dragStarted);
        QSignalSpy refused(&scene, &ClusterScene::dragRefused);
        QSignalSpy cancelled(&scene, &ClusterScene::dragCancelled);
        beginDrag(canvas, u"r4"_s);
        QTest::mouseMove(canvas.viewport(), canvas.at(u"r2"_s));
        QTest::mouseRelease(canvas.viewport(), Qt::LeftButton, {}, canvas.at(u"r2"_s));
        QCOMPARE(refused.count(), 1);
        QCOMPARE(refused.at(0).at(0).toString(), u"Read-only mode"_s);
        QCOMPARE(started.count(), 0);
        QCOMPARE(cancelled.count(), 0);
        QVERIFY(!scene.isDragging());

        scene.setDragEnabled(true);
        beginDrag(canvas, u"r4"_s);
        QCOMPARE(started.count(), 1);
        QTest::mouseRelease(canvas.viewport(), Qt::LeftButton, {}, canvas.at(u"r2"_s));
    }

    void smallMovesDoNotDrag()
    {
        Canvas canvas;
        QVERIFY(QTest::qWaitForWindowExposed(&canvas.view));
        QSignalSpy started(&canvas.scene, &ClusterScene::dragStarted);
        const QPoint start = canvas.at(u"r4"_s);
        QTest::mousePress(canvas.viewport(), Qt::LeftButton, {}, start);
        QTest::mouseMove(canvas.viewport(), start + QPoint(2, 1));
        QTest::mouseRelease(canvas.viewport(), Qt::LeftButton, {}, start + QPoint(2, 1));
        QCOMPARE(started.count(), 0);
        QCOMPARE(canvas.scene.selectedInstance(), key(u"r4"_s));
    }

    void rightClickAsksForAContextMenu()
    {
        Canvas canvas;
        QVERIFY(QTest::qWaitForWindowExposed(&canvas.view));
        QSignalSpy menu(&canvas.scene, &ClusterScene::contextMenuRequested);
        // Through the window, so that Qt turns the right press into a QContextMenuEvent as it
        // does for a real mouse.
        const QPoint at = canvas.at(u"r5"_s);
        QTest::mouseClick(canvas.view.windowHandle(), Qt::RightButton, {},
            canvas.viewport()->mapTo(&canvas.view, at));
        QTRY_COMPARE(menu.count(), 1);
        QCOMPARE(menu.at(0).at(0).value<InstanceKey>(), key(u"r5"_s));
        QCOMPARE(menu.at(0).at(1).toPoint(), canvas.viewport()->mapToGlobal(at));
        QCOMPARE(canvas.scene.selectedInstance(), key(u"r5"_s));

        QTest::mouseClick(canvas.view.windowHandle(), Qt::RightButton, {}, QPoint(3, 3));
        QCOMPARE(menu.count(), 1); // not on a card
    }

    void zooms()
    {
        Canvas canvas;
        QVERIFY(QTest::qWaitForWindowExposed(&canvas.view));
        ClusterView& view = canvas.view;
        QCOMPARE(view.zoomFactor(), 1.0);
        view.zoomIn();
        QVERIFY(view.zoomFactor() > 1.0);
        view.zoomOut();
        QCOMPARE(view.zoomFactor(), 1.0);
        for (int i = 0; i < 40; ++i) {
            view.zoomOut();
        }
        QCOMPARE(view.zoomFactor(), ClusterView::minimumZoom);
        for (int i = 0; i < 60; ++i) {
            view.zoomIn();
        }
        QCOMPARE(view.zoomFactor(), ClusterView::maximumZoom);
        view.resetZoom();
        QCOMPARE(view.zoomFactor(), 1.0);

        // Ctrl+wheel zooms in; a plain wheel scrolls.
        const QPointF centre = QRectF(canvas.viewport()->rect()).center();
        QWheelEvent wheel(centre, canvas.viewport()->mapToGlobal(centre), {}, QPoint(0, 120),
            Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(canvas.viewport(), &wheel);
        QCOMPARE(view.zoomFactor(), ClusterView::zoomStep);
        QWheelEvent plain(centre, canvas.viewport()->mapToGlobal(centre), {}, QPoint(0, 120),
            Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(canvas.viewport(), &plain);
        QCOMPARE(view.zoomFactor(), ClusterView::zoomStep);

        // Fit: a small cluster in a large view stays at 100 %; in a small view it shrinks to
        // show everything.
        view.zoomToFit();
        QCOMPARE(view.zoomFactor(), 1.0);
        view.resize(420, 300);
        QTRY_COMPARE(view.viewport()->width(), 420);
        view.zoomToFit();
        QVERIFY(view.zoomFactor() < 1.0);
        QVERIFY(view.zoomFactor() >= ClusterView::minimumZoom);
        const QRectF visible = view.mapToScene(view.viewport()->rect()).boundingRect();
        QVERIFY2(visible.adjusted(-1, -1, 1, 1).contains(canvas.scene.layoutResult().bounds),
            qPrintable(u"visible %1,%2 %3x%4"_s.arg(visible.x())
                           .arg(visible.y())
                           .arg(visible.width())
                           .arg(visible.height())));

        view.resetZoom();
        view.centerOnInstance(key(u"r5"_s));
        const QRectF shown = view.mapToScene(view.viewport()->rect()).boundingRect();
        QVERIFY(shown.contains(canvas.scene.nodeItem(key(u"r5"_s))->sceneBoundingRect().center()));
    }
};

QTEST_MAIN(TestClusterScene)
#include "tst_clusterscene.moc"
