#include "canvas/nodeitem.h"

#include <algorithm>

#include <QApplication>
#include <QCursor>
#include <QGraphicsScene>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

#include "canvas/canvasstyle.h"
#include "canvas/cardpainter.h"
#include "canvas/clusterscene.h"
#include "canvas/edgeitem.h"
#include "canvas/nodeitemstyle.h"

using namespace Qt::StringLiterals;

namespace topograph {

using namespace nodeitemstyle;

namespace {

// The status stripe inside the rounded left edge of card.
QPainterPath makeStripe(const QRectF& card, qreal width)
{
    QPainterPath stripe;
    stripe.addRoundedRect(
        QRectF(card.left() + 1, card.top() + 1, width + kRadius, card.height() - 2), kRadius - 1,
        kRadius - 1);
    QPainterPath cut;
    cut.addRect(QRectF(card.left() + 1 + width, card.top(), kRadius + 1, card.height()));
    return stripe.subtracted(cut);
}

// The same for every card of a size: subtracting paths costs more than the rest of a new card.
QPainterPath stripePath(const QRectF& card, qreal width)
{
    struct Made
    {
        QSizeF size;
        qreal width;
        QPainterPath path;
    };
    static QList<Made> made; // a card size or two, two widths
    for (const Made& m : std::as_const(made)) {
        if (m.size == card.size() && m.width == width) {
            return m.path;
        }
    }
    made.append({ card.size(), width, makeStripe(card, width) });
    return made.constLast().path;
}

} // namespace

NodeItem::DetailLevel NodeItem::detailLevel(qreal levelOfDetail)
{
    // The painter's level of detail is a square root of the transform's scale: at exactly a
    // threshold zoom it may come out a rounding error below it.
    const qreal lod = levelOfDetail + 1e-9;
    if (lod >= fullDetailZoom) {
        return DetailLevel::Full;
    }
    return lod >= compactDetailZoom ? DetailLevel::Compact : DetailLevel::Box;
}

qreal NodeItem::smallestTextPixels(DetailLevel level)
{
    switch (level) {
    case DetailLevel::Full:
        return std::min(CardPainter::smallPixels, CardPainter::titlePixels);
    case DetailLevel::Compact:
        return CardPainter::compactPixels;
    case DetailLevel::Box:
        break;
    }
    return 0;
}

NodeItem::NodeItem(const InstanceKey& key, const QSizeF& cardSize)
    : m_key(key)
    , m_size(cardSize)
{
    // The card's size never changes: its stripes are made once.
    m_stripe = stripePath(cardRect(), kStripe);
    m_wideStripe = stripePath(cardRect(), kWideStripe);
    setFlag(ItemIsSelectable);
    setFlag(ItemSendsGeometryChanges);
    setAcceptedMouseButtons(Qt::LeftButton | Qt::RightButton);
    setCursor(Qt::ArrowCursor); // the view's open hand means "pan", which a card does not do
    setZValue(1);
}

void NodeItem::setRecord(const InstanceRecord& record, const QString& alias, const QDateTime& now,
    const InstanceStatus::Thresholds& thresholds, const std::optional<InstanceKey>& coMasterPartner)
{
    m_content = CardContent::of(record, alias, now, thresholds, coMasterPartner);
    if (m_fakeLag) {
        m_content.problems.append(CardContent::Problem::FakeLag);
    }
    applyGhost();
    applyAnalysis();
    m_content.promotionRule = m_promotionRule;
    updateToolTip();
    update();
}

InstanceRecord NodeItem::record() const
{
    if (const auto* cluster = dynamic_cast<const ClusterScene*>(scene())) {
        if (const InstanceRecord* found = cluster->record(m_key)) {
            return *found;
        }
    }
    InstanceRecord none;
    none.key = m_key;
    return none;
}

void NodeItem::setPromotionRule(std::optional<PromotionRule> rule)
{
    if (rule == m_promotionRule) {
        return;
    }
    m_promotionRule = rule;
    m_content.promotionRule = rule;
    updateToolTip();
    update();
}

void NodeItem::applyAnalysis()
{
    m_content.problems.removeAll(CardContent::Problem::Analysis);
    if (!m_analysis.isEmpty()) {
        m_content.problems.prepend(CardContent::Problem::Analysis);
    }
}

void NodeItem::setAnalysis(const QStringList& findings)
{
    if (findings == m_analysis) {
        return;
    }
    m_analysis = findings;
    applyAnalysis();
    updateToolTip();
    update();
}

void NodeItem::applyGhost()
{
    m_content.problems.removeAll(CardContent::Problem::Ghost);
    if (m_ghostReason.isEmpty()) {
        return;
    }
    m_content.problems.prepend(CardContent::Problem::Ghost);
    // The subtitle says it first (unless it names the key under an alias): a ghost's other
    // problems (unreachable, never checked) follow from being one.
    if (m_content.subtitleIsProblem || m_content.subtitle.isEmpty()) {
        const QString ghost = CardContent::problemText(CardContent::Problem::Ghost);
        if (!m_content.subtitle.startsWith(ghost)) {
            m_content.subtitle
                = m_content.subtitle.isEmpty() ? ghost : ghost + u" · "_s + m_content.subtitle;
        }
        m_content.subtitleIsProblem = true;
    }
}

void NodeItem::setGhostReason(const QString& reason)
{
    if (reason == m_ghostReason) {
        return;
    }
    m_ghostReason = reason;
    applyGhost();
    updateToolTip();
    update();
}

void NodeItem::setFakeLag(bool fakeLag)
{
    if (fakeLag == m_fakeLag) {
        return;
    }
    m_fakeLag = fakeLag;
    if (fakeLag) {
        m_content.problems.append(CardContent::Problem::FakeLag);
    } else {
        m_content.problems.removeAll(CardContent::Problem::FakeLag);
    }
    updateToolTip();
    update();
}

void NodeItem::setSparkline(const CardPainter::Sparkline& sparkline)
{
    if (sparkline != m_sparkline) {
        m_sparkline = sparkline;
        update();
    }
}

QPointF NodeItem::outPort() const
{
    const qreal x = m_hasChildren ? m_size.width() + kBox / 2 : m_size.width();
    return mapToScene(QPointF(x, m_size.height() / 2));
}

QPointF NodeItem::inPort() const
{
    return mapToScene(QPointF(0, m_size.height() / 2));
}

void NodeItem::setCollapseState(bool hasChildren, bool collapsed, int hiddenCount)
{
    if (hasChildren == m_hasChildren && collapsed == m_collapsed && hiddenCount == m_hiddenCount) {
        return;
    }
    const bool portMoves = hasChildren != m_hasChildren;
    m_hasChildren = hasChildren;
    m_collapsed = collapsed;
    m_hiddenCount = hiddenCount;
    if (portMoves) {
        for (EdgeItem* edge : std::as_const(m_edges)) {
            edge->adjust();
        }
    }
    update();
}

QRectF NodeItem::collapseBoxRect() const
{
    if (!m_hasChildren) {
        return {};
    }
    return QRectF(m_size.width() - kBox / 2, (m_size.height() - kBox) / 2, kBox, kBox);
}

QRectF NodeItem::hiddenPillRect() const
{
    if (!m_hasChildren || !m_collapsed || m_hiddenCount <= 0) {
        return {};
    }
    const qreal width
        = std::min(kPillRoom - 6, CardPainter::pillWidth(m_hiddenCount, fontOf(this)));
    return QRectF(m_size.width() + kBox / 2 + 4, m_size.height() / 2 - 9, width, 18);
}

qreal NodeItem::detailsLeft() const
{
    return kStripe + 9;
}

qreal NodeItem::detailsRight() const
{
    return m_size.width() - kBox / 2 - 6;
}

QRectF NodeItem::textBox() const
{
    const QRectF card = cardRect();
    return QRectF(QPointF(card.left() + kWideStripe + 8, card.top()),
        QPointF(card.right() - kBox / 2 - 6, card.bottom()));
}

QString NodeItem::compactText() const
{
    fullTitle(); // makes both
    return m_compactText;
}

QString NodeItem::fullTitle() const
{
    const QFont font = fontOf(this);
    const bool spark = CardPainter::drawsSparkline(m_sparkline);
    const QString made = m_content.title + u'\n' + m_content.lagText + (spark ? u"\n~"_s : u""_s);
    if (made != m_titleFor || font != m_titleFont) {
        m_titleFor = made;
        m_titleFont = font;
        m_compactText = CardPainter::compactText(m_content.title, font, textBox().width());
        m_fullTitle
            = CardPainter::fullTitle(m_content, font, detailsRight() - detailsLeft(), spark);
    }
    return m_fullTitle;
}

bool NodeItem::collapseToggleContains(const QPointF& itemPos) const
{
    if (!m_hasChildren) {
        return false;
    }
    // A little slack around the 14-pixel box: it is small at low zoom.
    return collapseBoxRect().adjusted(-3, -3, 3, 3).contains(itemPos)
        || hiddenPillRect().contains(itemPos);
}

void NodeItem::setDropVerdict(DropVerdict verdict, const QString& reason)
{
    if (verdict == m_verdict && reason == m_verdictReason) {
        return;
    }
    m_verdict = verdict;
    m_verdictReason = reason;
    updateToolTip();
    update();
}

void NodeItem::setDropHover(bool hover)
{
    if (hover != m_dropHover) {
        m_dropHover = hover;
        setZValue(hover ? 2 : 1);
        update();
    }
}

void NodeItem::setDragSource(bool source)
{
    if (source != m_dragSource) {
        m_dragSource = source;
        setOpacity(source ? 0.4 : 1.0);
    }
}

void NodeItem::addEdge(EdgeItem* edge)
{
    m_edges.append(edge);
}

void NodeItem::removeEdge(EdgeItem* edge)
{
    m_edges.removeAll(edge);
}

void NodeItem::updateToolTip()
{
    QString headline;
    switch (m_verdict) {
    case DropVerdict::None: {
        QString tip = m_content.summary;
        if (m_promotionRule) {
            tip = CardContent::promotionText(*m_promotionRule) + u"\n\n"_s + tip;
        }
        if (!m_analysis.isEmpty()) {
            tip = m_analysis.join(u'\n') + u"\n\n"_s + tip;
        }
        if (!m_ghostReason.isEmpty()) {
            tip = tr("Ghost cluster: %1").arg(m_ghostReason) + u"\n\n"_s + tip;
        }
        setToolTip(tip);
        return;
    }
    case DropVerdict::Valid:
        headline = tr("Drop here to replicate from %1").arg(m_key.toString());
        break;
    case DropVerdict::Warning:
        headline = tr("Can replicate from %1, with warnings:").arg(m_key.toString());
        break;
    case DropVerdict::Refused:
        headline = tr("Cannot replicate from %1:").arg(m_key.toString());
        break;
    }
    setToolTip(m_verdictReason.isEmpty() ? headline : headline + u'\n' + m_verdictReason);
}

NodeItem* NodeItem::at(const QGraphicsScene* scene, const QPointF& scenePos, const NodeItem* except)
{
    // Bounding rectangles first: a shape test on every edge crossing the point costs more than
    // the cards' own.
    const QList<QGraphicsItem*> found
        = scene->items(scenePos, Qt::IntersectsItemBoundingRect, Qt::DescendingOrder);
    for (QGraphicsItem* item : found) {
        if (item->type() == Type && item != except
            && item->shape().contains(item->mapFromScene(scenePos))) {
            return static_cast<NodeItem*>(item);
        }
    }
    return nullptr;
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant& value)
{
    if (change == ItemPositionHasChanged) {
        for (EdgeItem* edge : std::as_const(m_edges)) {
            edge->adjust();
        }
    }
    return QGraphicsItem::itemChange(change, value);
}

} // namespace topograph
