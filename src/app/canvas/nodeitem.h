#pragma once

#include <QCoreApplication>
#include <QFont>
#include <QGraphicsItem>
#include <QList>
#include <QPainterPath>
#include <QStringList>

#include "canvas/cardcontent.h"
#include "canvas/cardpainter.h"
#include "canvas/droptarget.h"
#include "instancekey.h"
#include "probe/instancerecord.h"
#include "topology/instancestatus.h"

namespace topograph {

class EdgeItem;

// One instance's card on the cluster canvas (DESIGN §10): a view of its InstanceRecord. Where
// the card sits comes from TreeLayout through ClusterScene; the item stores no layout. The card
// fills cardRect(); a collapse box straddles its right edge when the instance has replicas.
//
// What a card draws depends on the zoom (the level-of-detail rule), so that no text is drawn
// smaller than about 8 device pixels: the full card while its small text is that large, then a
// compact card with only the name in a large font on the health colour, then only the coloured
// box.
class NodeItem final : public QGraphicsItem
{
    Q_DECLARE_TR_FUNCTIONS(NodeItem)

public:
    enum { Type = UserType + 1 };

    enum class DetailLevel {
        Box, // the card filled with its health (or drop verdict) colour, no text
        Compact, // the name alone in a large font, on a tint of the health colour
        Full, // name, lag badge, subtitle, problems, chips, data age
    };
    // Zoom factors (levels of detail) from which each level is drawn: the small text of a full
    // card and the compact line are then about 8 device pixels high or more.
    static constexpr qreal fullDetailZoom = 0.62;
    static constexpr qreal compactDetailZoom = 0.3;
    static DetailLevel detailLevel(qreal levelOfDetail);
    // The height in scene pixels of the smallest text drawn at level (0: none).
    static qreal smallestTextPixels(DetailLevel level);

    NodeItem(const InstanceKey& key, const QSizeF& cardSize);

    int type() const override { return Type; }

    // The topmost card whose card or collapse box is at scenePos, skipping except.
    static NodeItem* at(
        const QGraphicsScene* scene, const QPointF& scenePos, const NodeItem* except = nullptr);

    InstanceKey key() const { return m_key; }
    // The record the card shows, looked up by key in its scene's records (a ClusterScene; an
    // empty record of this key elsewhere): the card keeps only what it draws.
    InstanceRecord record() const;
    const CardContent& content() const { return m_content; }
    void setRecord(const InstanceRecord& record, const QString& alias, const QDateTime& now,
        const InstanceStatus::Thresholds& thresholds,
        const std::optional<InstanceKey>& coMasterPartner = std::nullopt);

    QRectF cardRect() const { return QRectF(QPointF(0, 0), m_size); }
    // Where edges attach, in scene coordinates: out of the right edge (past the collapse box),
    // into the left edge.
    QPointF outPort() const;
    QPointF inPort() const;

    void setCollapseState(bool hasChildren, bool collapsed, int hiddenCount);
    bool hasChildren() const { return m_hasChildren; }
    bool isCollapsed() const { return m_collapsed; }
    int hiddenCount() const { return m_hiddenCount; } // "+7" next to a collapsed card's box
    QRectF collapseBoxRect() const; // item coordinates; null without children
    bool collapseToggleContains(const QPointF& itemPos) const; // the box and the "+7" pill

    void setDropVerdict(DropVerdict verdict, const QString& reason);
    DropVerdict dropVerdict() const { return m_verdict; }
    QString dropReason() const { return m_verdictReason; }
    void setDropHover(bool hover); // the card under the pointer while dragging
    bool isDropHover() const { return m_dropHover; }
    void setDragSource(bool source); // the card being dragged: dimmed, stays in place
    bool isDragSource() const { return m_dragSource; }

    void addEdge(EdgeItem* edge);
    void removeEdge(EdgeItem* edge);
    const QList<EdgeItem*>& edges() const { return m_edges; }

    // The one line of a compact card: the title, shortened to fit in the large font.
    QString compactText() const;

    // Stale heartbeat rows on this instance: a problem glyph, kept across record updates.
    void setFakeLag(bool fakeLag);
    bool hasFakeLag() const { return m_fakeLag; }
    // Of a ghost cluster (the reason, empty when not): a problem glyph and the reason in the
    // tooltip, kept across record updates.
    void setGhostReason(const QString& reason);
    // The replication analysis's findings for this instance, "Code: description" each: a
    // glyph on the card and the lines at the top of its tooltip.
    void setAnalysis(const QStringList& findings);
    QStringList analysis() const { return m_analysis; }
    // The registered promotion rule (none: not registered): a glyph on the card and a line at
    // the top of its tooltip, kept across record updates.
    void setPromotionRule(std::optional<PromotionRule> rule);
    std::optional<PromotionRule> promotionRule() const { return m_promotionRule; }
    QString ghostReason() const { return m_ghostReason; }
    QString subtitle() const { return m_content.subtitle; }
    // The lag of the last minutes, drawn beside the lag badge on a full card.
    void setSparkline(const CardPainter::Sparkline& sparkline);
    const CardPainter::Sparkline& sparkline() const { return m_sparkline; }

    // Draws the card (without selection and hover outlines); the drag ghost draws it too.
    void paintCard(QPainter* painter, qreal levelOfDetail) const;

    QRectF boundingRect() const override;
    QPainterPath shape() const override; // the card, its box and pill: not the outline margins
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;

private:
    void updateToolTip();
    void applyGhost(); // the ghost problem and subtitle over the record's content
    void applyAnalysis(); // the analysis glyph over the record's content
    QRectF hiddenPillRect() const;
    QRectF textBox() const; // where the compact line goes
    QString fullTitle() const; // the title row of a full card, shortened to fit
    qreal detailsLeft() const; // the rows of a full card, in item coordinates
    qreal detailsRight() const;

    InstanceKey m_key;
    QSizeF m_size;
    QPainterPath m_stripe; // the health colour along the left edge of a full card
    QPainterPath m_wideStripe; // the same, wider, on a compact card
    // The shortened titles, made once per title, lag text and font: shortening measures text.
    mutable QString m_compactText;
    mutable QString m_fullTitle;
    mutable QString m_titleFor; // title and lag text they were made for
    mutable QFont m_titleFont;
    CardContent m_content;
    CardPainter::Sparkline m_sparkline;
    std::optional<PromotionRule> m_promotionRule;
    bool m_fakeLag = false;
    QString m_ghostReason;
    QStringList m_analysis;
    QList<EdgeItem*> m_edges;
    bool m_hasChildren = false;
    bool m_collapsed = false;
    int m_hiddenCount = 0;
    DropVerdict m_verdict = DropVerdict::None;
    QString m_verdictReason;
    bool m_dropHover = false;
    bool m_dragSource = false;
};

} // namespace topograph
