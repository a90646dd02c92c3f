// NodeItem: its shape and bounds, and painting the card.
#include "canvas/nodeitem.h"

#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

#include "canvas/canvasstyle.h"
#include "canvas/cardpainter.h"
#include "canvas/nodeitemstyle.h"

using namespace Qt::StringLiterals;

namespace topograph {

using namespace nodeitemstyle;

QPainterPath NodeItem::shape() const
{
    QPainterPath path;
    path.setFillRule(Qt::WindingFill); // the box overlaps the card: keep the overlap inside
    path.addRect(cardRect());
    if (m_hasChildren) {
        path.addRect(collapseBoxRect().adjusted(-3, -3, 3, 3));
        if (const QRectF pill = hiddenPillRect(); !pill.isNull()) {
            path.addRect(pill);
        }
    }
    return path;
}

QRectF NodeItem::boundingRect() const
{
    return QRectF(-kOutline, -kOutline, m_size.width() + 2 * kOutline + kPillRoom,
        m_size.height() + 2 * kOutline);
}

void NodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*)
{
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const QPalette palette = paletteOf(this);
    painter->setRenderHint(QPainter::Antialiasing, lod >= 0.3);
    const QRectF card = cardRect();
    if (m_dropHover || isSelected()) {
        const QColor color = m_dropHover && m_verdict != DropVerdict::None
            ? canvasstyle::verdictColor(m_verdict)
            : palette.color(QPalette::Highlight);
        const qreal grow = m_dropHover ? 4.5 : 3;
        painter->setPen(QPen(color, m_dropHover ? 3 : 2.5));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(
            card.adjusted(-grow, -grow, grow, grow), kRadius + grow, kRadius + grow);
    }
    paintCard(painter, lod);
}

void NodeItem::paintCard(QPainter* painter, qreal lod) const
{
    const DetailLevel level = detailLevel(lod);
    const QPalette palette = paletteOf(this);
    const QRectF card = cardRect();
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const QColor status = canvasstyle::statusColor(m_content.status);
    const QColor verdict = canvasstyle::verdictColor(m_verdict);

    // With less text the colours carry more: a compact card is tinted with its health, a box is
    // filled with it. A drop verdict wins over the health while dragging.
    QColor fill = level == DetailLevel::Full
        ? base
        : canvasstyle::blend(base, status, level == DetailLevel::Box ? 0.6 : 0.16);
    QPen border(canvasstyle::blend(base, text, 0.28), 1);
    if (m_verdict != DropVerdict::None) {
        const qreal amount = level == DetailLevel::Box ? 0.7
            : m_verdict == DropVerdict::Refused        ? 0.28
                                                       : 0.16;
        fill = canvasstyle::blend(base, verdict, amount);
        border = QPen(verdict, 2);
    }
    painter->setPen(border);
    painter->setBrush(fill);
    painter->drawRoundedRect(card, kRadius, kRadius);
    if (level == DetailLevel::Box) {
        return;
    }

    painter->setPen(Qt::NoPen);
    painter->setBrush(status);
    painter->drawPath(level == DetailLevel::Full ? m_stripe : m_wideStripe);

    const CardPainter cardPainter(painter, palette, fontOf(this));
    painter->save();
    if (m_verdict == DropVerdict::Refused) {
        painter->setOpacity(painter->opacity() * 0.6);
    }
    if (level == DetailLevel::Full) {
        cardPainter.drawDetails(
            m_content, fullTitle(), card, detailsLeft(), detailsRight(), m_sparkline);
    } else {
        cardPainter.drawCompact(compactText(), textBox());
    }
    painter->restore();

    if (m_hasChildren) {
        canvasstyle::drawCollapseBox(painter, collapseBoxRect(), m_collapsed, palette);
        if (const QRectF pill = hiddenPillRect(); !pill.isNull()) {
            cardPainter.drawHiddenPill(pill, m_hiddenCount, level == DetailLevel::Full);
        }
    }
    if (m_verdict != DropVerdict::None) {
        canvasstyle::drawVerdict(
            painter, QRectF(card.left() - 7, card.top() - 7, 16, 16), m_verdict);
    }
}

} // namespace topograph
