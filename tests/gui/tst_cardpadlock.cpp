// The padlock on a card (issue 12): how the last probe's session was protected — TLS verified
// (green, closed), encrypted without identity check (amber, closed), plain (grey, open) — with
// the same words in the card's tooltip; no padlock before the instance was probed in this run.
#include <QImage>
#include <QPainter>
#include <QTest>

#include "canvas/clusterscene.h"
#include "canvas/nodeitem.h"
#include "canvasfixture.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

namespace {

// How many pixels of the card for k are exactly color, as the scene paints it.
int pixelsOf(ClusterScene& scene, const InstanceKey& k, const QColor& color)
{
    const NodeItem* node = scene.nodeItem(k);
    const QRectF card = node->mapRectToScene(node->cardRect());
    QImage image(card.size().toSize() * 2, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    scene.render(&painter, QRectF(QPointF(0, 0), image.size()), card);
    painter.end();
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            count += image.pixelColor(x, y) == color ? 1 : 0;
        }
    }
    return count;
}

} // namespace

class TestCardPadlock final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void padlockPerCard()
    {
        QList<InstanceRecord> records { instance(u"m1"_s), instance(u"r1"_s, u"m1"_s),
            instance(u"r2"_s, u"m1"_s), instance(u"r3"_s, u"m1"_s) };
        records[0].tlsState = TlsState::Verified;
        records[1].tlsState = TlsState::Encrypted;
        records[2].tlsState = TlsState::Plain;
        // r3: not probed in this run, so nothing is known about its session.
        ClusterScene scene;
        scene.setAnimationDuration(0);
        scene.setTopology(records, {}, kNow, kThresholds);

        const NodeItem* verified = scene.nodeItem(key(u"m1"_s));
        QCOMPARE(verified->content().tls, std::optional(TlsState::Verified));
        QVERIFY(verified->toolTip().contains(u"TLS, server identity verified"_s));
        const NodeItem* encrypted = scene.nodeItem(key(u"r1"_s));
        QCOMPARE(encrypted->content().tls, std::optional(TlsState::Encrypted));
        QVERIFY(encrypted->toolTip().contains(u"NOT verified"_s));
        const NodeItem* plain = scene.nodeItem(key(u"r2"_s));
        QCOMPARE(plain->content().tls, std::optional(TlsState::Plain));
        QVERIFY(plain->toolTip().contains(u"not encrypted"_s));
        const NodeItem* unknown = scene.nodeItem(key(u"r3"_s));
        QVERIFY(!unknown->content().tls);
        QVERIFY(!unknown->toolTip().contains(u"Connection:"_s));

        const QColor green(0x2e, 0x7d, 0x32);
        const QColor amber(0xc7, 0x7c, 0x02);
        QVERIFY(pixelsOf(scene, key(u"m1"_s), green) > 0);
        QCOMPARE(pixelsOf(scene, key(u"m1"_s), amber), 0);
        QVERIFY(pixelsOf(scene, key(u"r1"_s), amber) > 0);
        QCOMPARE(pixelsOf(scene, key(u"r2"_s), green), 0);
        QCOMPARE(pixelsOf(scene, key(u"r3"_s), green), 0);
    }
};

QTEST_MAIN(TestCardPadlock)
#include "tst_cardpadlock.moc"
