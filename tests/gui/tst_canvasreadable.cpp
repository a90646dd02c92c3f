// The cluster canvas stays readable at any size: the level-of-detail rule of the cards, wide
// clusters that open with every card's name readable, edges through a wrapped grid, the drag
// caption at screen size, fit mode, refitting after a change and keepInView().
#include <QScrollBar>
#include <QSignalSpy>
#include <QStyleOptionGraphicsItem>
#include <QTest>
#include <QWheelEvent>

#include "canvas/clusterscene.h"
#include "canvas/clusterview.h"
#include "canvas/edgeitem.h"
#include "canvas/ghostcaptionitem.h"
#include "canvas/ghostitem.h"
#include "canvas/nodeitem.h"
#include "keyelide.h"
#include "canvasfixture.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;
using Level = NodeItem::DetailLevel;

Q_DECLARE_METATYPE(NodeItem::DetailLevel)

namespace {

QString replicaHost(int i)
{
    return u"db%1.eqiad.wmnet"_s.arg(2000 + i);
}

// A primary and replicas - 1 replicas of it, FQDN host names like a real fleet's.
QList<InstanceRecord> wideCluster(int instances)
{
    QList<InstanceRecord> records { instance(u"db1000.eqiad.wmnet"_s) };
    for (int i = 0; i < instances - 1; ++i) {
        records.append(instance(replicaHost(i), u"db1000.eqiad.wmnet"_s));
    }
    return records;
}

QRectF cardInScene(const ClusterScene& scene, const InstanceKey& k)
{
    const NodeItem* node = scene.nodeItem(k);
    return node ? node->mapRectToScene(node->cardRect()) : QRectF();
}

QRectF visibleScene(const ClusterView& view)
{
    return view.mapToScene(view.viewport()->rect()).boundingRect();
}

bool showsWholeCard(const ClusterView& view, const InstanceKey& k)
{
    return visibleScene(view).contains(cardInScene(*view.clusterScene(), k));
}

struct Canvas
{
    ClusterScene scene;
    ClusterView view { &scene };

    Canvas(const QList<InstanceRecord>& records, const QSize& size)
    {
        scene.setAnimationDuration(0);
        scene.setTopology(records, {}, kNow, kThresholds);
        view.resize(size);
        view.show();
    }
};

} // namespace

class TestCanvasReadable final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<InstanceKey>(); }

    void levelOfDetailRule_data()
    {
        QTest::addColumn<qreal>("zoom");
        QTest::addColumn<Level>("level");
        QTest::newRow("400 %") << 4.0 << Level::Full;
        QTest::newRow("100 %") << 1.0 << Level::Full;
        QTest::newRow("one step out") << 0.8 << Level::Full;
        QTest::newRow("full threshold") << NodeItem::fullDetailZoom << Level::Full;
        QTest::newRow("below full") << NodeItem::fullDetailZoom - 0.01 << Level::Compact;
        QTest::newRow("40 %") << 0.4 << Level::Compact;
        QTest::newRow("compact threshold") << NodeItem::compactDetailZoom << Level::Compact;
        QTest::newRow("below compact") << NodeItem::compactDetailZoom - 0.01 << Level::Box;
        QTest::newRow("10 %") << ClusterView::minimumZoom << Level::Box;
    }

    void levelOfDetailRule()
    {
        QFETCH(qreal, zoom);
        QFETCH(Level, level);
        QCOMPARE(NodeItem::detailLevel(zoom), level);
        // The level the painter sees at this view zoom (a square root of the transform's area).
        const QTransform transform = QTransform::fromScale(zoom, zoom).translate(37, 11);
        QCOMPARE(
            NodeItem::detailLevel(QStyleOptionGraphicsItem::levelOfDetailFromTransform(transform)),
            level);
        // Whatever text is drawn is at least about 8 device pixels high.
        if (level != Level::Box) {
            QVERIFY2(NodeItem::smallestTextPixels(level) * zoom >= 7.5,
                qPrintable(QString::number(NodeItem::smallestTextPixels(level) * zoom)));
        } else {
            QCOMPARE(NodeItem::smallestTextPixels(level), 0.0);
        }
    }

    void compactCardsShowTheName()
    {
        ClusterScene scene;
        scene.setAnimationDuration(0);
        QList<InstanceRecord> records = wideCluster(3);
        records.append(instance(u"r1"_s, u"db1000.eqiad.wmnet"_s));
        scene.setTopology(
            records, { { key(replicaHost(1)), u"s1-analytics"_s } }, kNow, kThresholds);
        // An FQDN keeps what tells the hosts apart; short names and aliases stay whole.
        const QString fqdn = scene.nodeItem(key(replicaHost(0)))->compactText();
        QVERIFY2(fqdn.startsWith(u"db2000"_s) && fqdn.endsWith(u"…:3306"_s), qPrintable(fqdn));
        QCOMPARE(scene.nodeItem(key(u"r1"_s))->compactText(), u"r1:3306"_s);
        QCOMPARE(scene.nodeItem(key(replicaHost(1)))->compactText(), u"s1-analytics"_s);
    }

    void keysShortenAsADbaReadsThem_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("room"); // as wide as this text
        QTest::addColumn<QString>("expected"); // empty: elided in the middle; <left>: on the left
        const QString fqdn = u"db1103.eqiad.wmnet:3306"_s;
        QTest::newRow("fits") << fqdn << fqdn << fqdn;
        QTest::newRow("part of the domain")
            << fqdn << u"db1103.eqi…:3306"_s << u"db1103.eqi…:3306"_s;
        QTest::newRow("first label") << fqdn << u"db1103…:3306"_s << u"db1103…:3306"_s;
        QTest::newRow("never on the dot") << fqdn << u"db1103.…:3306"_s << u"db1103…:3306"_s;
        QTest::newRow("too narrow") << fqdn << u"db11…:3306"_s << QString();
        // An address keeps its end, where addresses of one network differ.
        QTest::newRow("IP address") << u"10.64.48.112:3306"_s << u"…48.112:3306"_s << u"<left>"_s;
        QTest::newRow("alias") << u"s1-analytics.replica"_s << u"s1-ana…plica"_s << QString();
    }

    void keysShortenAsADbaReadsThem()
    {
        QFETCH(QString, text);
        QFETCH(QString, room);
        QFETCH(QString, expected);
        const QFontMetricsF metrics(QApplication::font());
        const qreal width = metrics.horizontalAdvance(room);
        const QString result = elideKey(text, metrics, width);
        if (expected == u"<left>"_s) {
            QCOMPARE(result, metrics.elidedText(text, Qt::ElideLeft, width));
            QVERIFY(result.startsWith(u'…') && result.endsWith(u".112:3306"_s));
            return;
        }
        QCOMPARE(result,
            expected.isEmpty() ? metrics.elidedText(text, Qt::ElideMiddle, width) : expected);
    }

    void wideClusterOpensReadable_data()
    {
        QTest::addColumn<int>("instances");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<Level>("level");
        QTest::addColumn<bool>("whole");
        // A 1080p screen, and the canvas between the app's docks on it.
        QTest::newRow("40, screen") << 40 << QSize(1920, 1080) << Level::Full << true;
        QTest::newRow("40, canvas") << 40 << QSize(1200, 950) << Level::Full << true;
        QTest::newRow("400, screen") << 400 << QSize(1920, 1080) << Level::Compact << true;
        QTest::newRow("400, canvas") << 400 << QSize(1200, 950) << Level::Compact << false;
        QTest::newRow("2000, screen") << 2000 << QSize(1920, 1080) << Level::Compact << false;
    }

    void wideClusterOpensReadable()
    {
        QFETCH(int, instances);
        QFETCH(QSize, size);
        QFETCH(Level, level);
        QFETCH(bool, whole);
        Canvas canvas(wideCluster(instances), size);
        QVERIFY(QTest::qWaitForWindowExposed(&canvas.view));
        ClusterView& view = canvas.view;
        view.zoomToFit(); // how MainWindow opens a cluster
        QVERIFY(view.isFitMode());
        QVERIFY(view.zoomFactor() >= ClusterView::readableZoom);
        QCOMPARE(NodeItem::detailLevel(view.zoomFactor()), level);
        const QRectF bounds = canvas.scene.layoutResult().bounds;
        QCOMPARE(visibleScene(view).adjusted(-1, -1, 1, 1).contains(bounds), whole);
        if (!whole) {
            // Too large to read whole: the readable zoom, from the root at the top left.
            QCOMPARE(view.zoomFactor(), ClusterView::readableZoom);
            QCOMPARE(canvas.scene.mainRoot(), key(u"db1000.eqiad.wmnet"_s));
            QVERIFY(showsWholeCard(view, key(u"db1000.eqiad.wmnet"_s)));
            QVERIFY(
                view.horizontalScrollBar()->value() <= view.horizontalScrollBar()->minimum() + 1);
        }
        // The screen is full of cards with names, not one thin column of boxes.
        int shown = 0;
        for (const InstanceKey& k : canvas.scene.keys()) {
            if (visibleScene(view).intersects(cardInScene(canvas.scene, k))) {
                ++shown;
                QVERIFY(!canvas.scene.nodeItem(k)->compactText().isEmpty());
            }
        }
        QVERIFY2(shown >= std::min(instances, 300), qPrintable(QString::number(shown)));
    }

    void gridEdgesRunThroughTheGaps()
    {
        Canvas canvas(wideCluster(40), QSize(1600, 1000));
        QVERIFY(QTest::qWaitForWindowExposed(&canvas.view));
        ClusterScene& scene = canvas.scene;
        int gridRoutes = 0;
        for (const EdgeItem* edge : scene.edgeItems()) {
            QCOMPARE(edge->destPoint(), edge->toItem()->inPort());
            gridRoutes += edge->isGridRoute() ? 1 : 0;
            // The line touches no card but its own two.
            const QPainterPath line
                = QPainterPathStroker(QPen(Qt::black, 2)).createStroke(edge->route());
            for (const InstanceKey& k : scene.keys()) {
                if (k != edge->fromKey() && k != edge->toKey()) {
                    QVERIFY2(!line.intersects(cardInScene(scene, k).adjusted(1, 1, -1, -1)),
                        qPrintable(edge->toKey().toString() + u" crosses "_s + k.toString()));
                }
            }
        }
        QCOMPARE(gridRoutes, 39);
        // Shared lines are drawn once: the trunk by one edge, each row's street by one edge
        // (39 cards in 3 columns of 13: every row has cards past the first column). The other
        // edges are as small as their own branch.
        int trunks = 0;
        int streets = 0;
        for (const EdgeItem* edge : scene.edgeItems()) {
            trunks += edge->drawsTrunk() ? 1 : 0;
            streets += edge->drawsStreet() ? 1 : 0;
            if (!edge->drawsTrunk() && !edge->drawsStreet()) {
                QVERIFY(edge->boundingRect().height() < cardInScene(scene, edge->toKey()).height());
                QVERIFY(edge->boundingRect().width() < 100);
            }
        }
        QCOMPARE(trunks, 1);
        QCOMPARE(streets, 13);
        // Cards in the grid take clicks like any other.
        canvas.view.resetZoom();
        const InstanceKey last = key(replicaHost(38));
        canvas.view.centerOnInstance(last);
        const QPoint at = canvas.view.mapFromScene(cardInScene(scene, last).center());
        QTest::mouseClick(canvas.view.viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(scene.selectedInstance(), last);
    }

    void dragCaptionKeepsItsScreenSize()
    {
        QList<InstanceRecord> records = wideCluster(12);
        Canvas canvas(records, QSize(1200, 800));
        QVERIFY(QTest::qWaitForWindowExposed(&canvas.view));
        ClusterScene& scene = canvas.scene;
        const InstanceKey dragged = key(replicaHost(0));
        const InstanceKey target = key(replicaHost(10));
        connect(&scene, &ClusterScene::dragStarted, this, [&scene, target](const InstanceKey&) {
            scene.setDropTargets({ { target, { DropVerdict::Valid, {} } } });
        });
        QList<QSizeF> sizes;
        for (const qreal zoom : { 1.0, 0.5, ClusterView::minimumZoom }) {
            canvas.view.setZoomFactor(zoom);
            canvas.view.centerOn(canvas.scene.layoutResult().bounds.center());
            QWidget* port = canvas.view.viewport();
            const QPoint from = canvas.view.mapFromScene(cardInScene(scene, dragged).center());
            const QPoint to = canvas.view.mapFromScene(cardInScene(scene, target).center());
            QTest::mousePress(port, Qt::LeftButton, {}, from);
            QTest::mouseMove(port, from + QPoint(4, 2));
            QTest::mouseMove(port, from + QPoint(30, 12));
            QTest::mouseMove(port, to);
            QVERIFY(scene.isDragging());
            const GhostItem* ghost = nullptr;
            for (const QGraphicsItem* item : scene.items()) {
                if (item->type() == GhostItem::Type) {
                    ghost = static_cast<const GhostItem*>(item);
                }
            }
            QVERIFY(ghost);
            const GhostCaptionItem* caption = ghost->captionItem();
            QVERIFY(caption->text().startsWith(u"Move db2000.eqiad.wmnet:3306 below"_s));
            QCOMPARE(caption->verdict(), DropVerdict::Valid);
            const QTransform device = caption->deviceTransform(canvas.view.viewportTransform());
            const QRectF onScreen = device.mapRect(caption->boundingRect());
            sizes.append(onScreen.size());
            // Just under the ghost card, wherever the zoom puts it.
            const QTransform ghostDevice = ghost->deviceTransform(canvas.view.viewportTransform());
            const QPointF anchor = ghostDevice.map(caption->pos());
            QVERIFY(QLineF(device.map(QPointF()), anchor).length() < 0.5);
            QVERIFY(anchor.y() > ghostDevice.map(QPointF()).y());
            QTest::mouseRelease(port, Qt::LeftButton, {}, to);
        }
        QCOMPARE(sizes.at(1), sizes.at(0));
        QCOMPARE(sizes.at(2), sizes.at(0));
        QVERIFY(sizes.at(0).height() >= QFontMetricsF(scene.font()).height());
    }

    void fitModeRefitsOnResize()
    {
        Canvas canvas(wideCluster(40), QSize(1920, 1080));
        QVERIFY(QTest::qWaitForWindowExposed(&canvas.view));
        ClusterView& view = canvas.view;
        QSignalSpy modes(&view, &ClusterView::fitModeChanged);
        QVERIFY(!view.isFitMode()); // a view starts at 100 % until asked to fit
        view.zoomToFit();
        QVERIFY(view.isFitMode());
        QCOMPARE(modes.count(), 1);
        const qreal large = view.zoomFactor();
        const QRectF bounds = canvas.scene.layoutResult().bounds;

        view.resize(1000, 700); // a resize refits
        QTRY_VERIFY(view.zoomFactor() < large);
        QVERIFY(view.zoomFactor() >= ClusterView::readableZoom);
        QTRY_VERIFY(visibleScene(view).adjusted(-1, -1, 1, 1).contains(bounds));

        view.zoomIn(); // a zoom by hand leaves fit mode: the next resize keeps the zoom
        QVERIFY(!view.isFitMode());
        QCOMPARE(modes.count(), 2);
        const qreal manual = view.zoomFactor();
        view.resize(1400, 900);
        QTRY_COMPARE(view.size(), QSize(1400, 900));
        QCOMPARE(view.zoomFactor(), manual);

        view.zoomToFit(); // Ctrl+0 returns to it
        QVERIFY(view.isFitMode());
        QVERIFY(view.zoomFactor() != manual);
    }

    void panningByHandLeavesFitMode()
    {
        Canvas canvas(wideCluster(400), QSize(900, 700));
        QVERIFY(QTest::qWaitForWindowExposed(&canvas.view));
        ClusterView& view = canvas.view;
        view.zoomToFit();
        QCOMPARE(view.zoomFactor(), ClusterView::readableZoom); // and scrolls
        QVERIFY(view.isFitMode());

        // Dragging the background below the root (empty canvas).
        const QRectF root = cardInScene(canvas.scene, key(u"db1000.eqiad.wmnet"_s));
        const QPoint empty = view.mapFromScene(root.bottomLeft() + QPointF(10, 200));
        const int before = view.horizontalScrollBar()->value();
        QTest::mousePress(view.viewport(), Qt::LeftButton, {}, empty);
        QTest::mouseMove(view.viewport(), empty + QPoint(-40, -60));
        QTest::mouseMove(view.viewport(), empty + QPoint(-120, -160));
        QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, empty + QPoint(-120, -160));
        QVERIFY(view.horizontalScrollBar()->value() > before);
        QVERIFY(!view.isFitMode());

        // The wheel.
        view.zoomToFit();
        QVERIFY(view.isFitMode());
        const QPointF centre = QRectF(view.viewport()->rect()).center();
        QWheelEvent wheel(centre, view.viewport()->mapToGlobal(centre), {}, QPoint(0, -120),
            Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view.viewport(), &wheel);
        QVERIFY(!view.isFitMode());

        // A resize in fit mode starts again from the root; a selected card is started from.
        view.zoomToFit();
        const InstanceKey selected = key(replicaHost(390));
        canvas.scene.selectInstance(selected);
        view.resize(800, 600);
        QTRY_VERIFY(showsWholeCard(view, selected));
        QVERIFY(view.isFitMode());
    }

    void refitsWhenTheTreeNoLongerFits()
    {
        Canvas canvas(wideCluster(4), QSize(1200, 800));
        QVERIFY(QTest::qWaitForWindowExposed(&canvas.view));
        ClusterView& view = canvas.view;
        view.resetZoom(); // not in fit mode: the rule holds for every zoom
        QVERIFY(visibleScene(view).contains(canvas.scene.layoutResult().bounds));
        // Twelve replicas below the first one: the tree is now taller than the view at 100 %.
        QList<InstanceRecord> records = wideCluster(4);
        for (int i = 0; i < 12; ++i) {
            records.append(instance(u"x%1"_s.arg(i, 2, 10, QChar(u'0')), replicaHost(0)));
        }
        canvas.scene.setTopology(records, {}, kNow, kThresholds);
        QVERIFY(view.zoomFactor() < 1.0);
        QVERIFY(view.zoomFactor() >= ClusterView::readableZoom);
        QTRY_VERIFY(
            visibleScene(view).adjusted(-1, -1, 1, 1).contains(canvas.scene.layoutResult().bounds));

        // Zoomed in on a part, the view is left alone by a change.
        view.setZoomFactor(2.0);
        view.centerOnInstance(key(u"db1000.eqiad.wmnet"_s));
        const QPoint scroll(view.horizontalScrollBar()->value(), view.verticalScrollBar()->value());
        records.append(instance(u"x12"_s, replicaHost(0)));
        canvas.scene.setTopology(records, {}, kNow, kThresholds);
        QCOMPARE(view.zoomFactor(), 2.0);
        QCOMPARE(
            QPoint(view.horizontalScrollBar()->value(), view.verticalScrollBar()->value()), scroll);
    }

    void keepInViewFollowsAMovedCard()
    {
        // zz replicates from the first replica: it is drawn near the root.
        QList<InstanceRecord> records = wideCluster(400);
        records.append(instance(u"zz"_s, replicaHost(0)));
        Canvas canvas(records, QSize(1200, 800));
        QVERIFY(QTest::qWaitForWindowExposed(&canvas.view));
        ClusterView& view = canvas.view;
        view.resetZoom();
        const auto toTopLeft = [&view] {
            view.horizontalScrollBar()->setValue(view.horizontalScrollBar()->minimum());
            view.verticalScrollBar()->setValue(view.verticalScrollBar()->minimum());
        };
        toTopLeft();
        // A card far off screen: scrolled to at once.
        const InstanceKey far = key(replicaHost(398));
        QVERIFY(!showsWholeCard(view, far));
        view.keepInView(far);
        QVERIFY(showsWholeCard(view, far));

        // An operation moves zz below the primary, the last of its grid, far from where it was:
        // the main window asks before the verified state arrives; the view follows the card
        // once the re-layout animation has ended.
        toTopLeft();
        const InstanceKey zz = key(u"zz"_s);
        QVERIFY(showsWholeCard(view, zz));
        view.keepInView(zz);
        QList<InstanceRecord> moved = records;
        moved.last().masterKey = key(u"db1000.eqiad.wmnet"_s);
        canvas.scene.setAnimationDuration(150);
        canvas.scene.setTopology(moved, {}, kNow, kThresholds);
        QVERIFY(canvas.scene.isAnimating());
        QTRY_VERIFY(!canvas.scene.isAnimating());
        QVERIFY(showsWholeCard(view, zz));
        QVERIFY(view.verticalScrollBar()->value() > view.verticalScrollBar()->minimum());

        // Panning by hand stops the following: the next change leaves the view where it is.
        view.verticalScrollBar()->triggerAction(QAbstractSlider::SliderToMaximum);
        const int scrolled = view.verticalScrollBar()->value();
        canvas.scene.setAnimationDuration(0);
        canvas.scene.setTopology(records, {}, kNow, kThresholds); // zz back near the root
        QCOMPARE(view.verticalScrollBar()->value(), scrolled);
        QVERIFY(!showsWholeCard(view, zz));
    }
};

QTEST_MAIN(TestCanvasReadable)
#include "tst_canvasreadable.moc"
