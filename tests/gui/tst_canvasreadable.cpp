// The cluster canvas stays readable at any size: the level-of-detail rule of the cards, names
// shortened as a DBA reads them, and edges through a wrapped grid.
#include <QStyleOptionGraphicsItem>
#include <QTest>

#include "canvas/clusterscene.h"
#include "canvas/clusterview.h"
#include "canvas/edgeitem.h"
#include "canvas/nodeitem.h"
#include "keyelide.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using Level = NodeItem::DetailLevel;

Q_DECLARE_METATYPE(NodeItem::DetailLevel)

namespace {

const QDateTime kNow = QDateTime(QDate(2024, 3, 1), QTime(12, 0, 0), Qt::UTC);
const InstanceStatus::Thresholds kThresholds { 5, 10 };

InstanceKey key(const QString& host)
{
    return InstanceKey { host, 3306 };
}

InstanceRecord instance(const QString& host, const QString& master = {})
{
    InstanceRecord r;
    r.key = key(host);
    r.reachable = true;
    r.lastChecked = kNow.addSecs(-3);
    r.lastSeen = r.lastChecked;
    r.flavor = Flavor::MariaDB;
    r.version = u"10.11.6-MariaDB-log"_s;
    r.logBin = true;
    r.binlogFormat = u"ROW"_s;
    r.clusterName = u"db1000.eqiad.wmnet:3306"_s;
    if (!master.isEmpty()) {
        r.masterKey = key(master);
        r.readOnly = true;
        r.ioThreadRunning = true;
        r.sqlThreadRunning = true;
        r.secondsBehindMaster = 0;
    }
    return r;
}

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
        QTest::addColumn<QString>("expected"); // empty: elided in the middle
        const QString fqdn = u"db1103.eqiad.wmnet:3306"_s;
        QTest::newRow("fits") << fqdn << fqdn << fqdn;
        QTest::newRow("part of the domain")
            << fqdn << u"db1103.eqi…:3306"_s << u"db1103.eqi…:3306"_s;
        QTest::newRow("first label") << fqdn << u"db1103…:3306"_s << u"db1103…:3306"_s;
        QTest::newRow("never on the dot") << fqdn << u"db1103.…:3306"_s << u"db1103…:3306"_s;
        QTest::newRow("too narrow") << fqdn << u"db11…:3306"_s << QString();
        QTest::newRow("IP address") << u"10.64.48.112:3306"_s << u"10.64.…:3306"_s << QString();
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
        QCOMPARE(result,
            expected.isEmpty() ? metrics.elidedText(text, Qt::ElideMiddle, width) : expected);
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

};

QTEST_MAIN(TestCanvasReadable)
#include "tst_canvasreadable.moc"
