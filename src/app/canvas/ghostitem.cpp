#include "canvas/ghostitem.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include "canvas/canvasstyle.h"
#include "canvas/nodeitem.h"

namespace topograph {

namespace {

constexpr qreal kCaptionWidth = 300;
constexpr qreal kPadding = 6;
constexpr qreal kMarker = 14;

} // namespace

GhostItem::GhostItem(const NodeItem* source)
    : m_source(source)
{
    setAcceptedMouseButtons(Qt::NoButton);
    setAcceptHoverEvents(false);
    setZValue(100); // above every card and outline
}

void GhostItem::setCaption(DropVerdict verdict, const QString& text)
{
    if (verdict == m_verdict && text == m_caption) {
        return;
    }
    prepareGeometryChange();
    m_verdict = verdict;
    m_caption = text;
    m_captionRect = captionRect();
    update();
}

QRectF GhostItem::captionRect() const
{
    if (m_caption.isEmpty()) {
        return {};
    }
    const QFont font = scene() ? scene()->font() : QApplication::font();
    const QFontMetricsF metrics(font);
    const qreal textWidth = kCaptionWidth - 3 * kPadding - kMarker;
    const QRectF text = metrics.boundingRect(
        QRectF(0, 0, textWidth, 1000), Qt::TextWordWrap | Qt::AlignLeft, m_caption);
    const qreal top = m_source->cardRect().bottom() + 8;
    return QRectF(0, top, std::min(kCaptionWidth, text.width() + 3 * kPadding + kMarker),
        std::max(kMarker, text.height()) + 2 * kPadding);
}

QRectF GhostItem::boundingRect() const
{
    const QRectF card = m_source->cardRect().adjusted(-10, -10, 10, 12);
    return m_captionRect.isNull() ? card : card.united(m_captionRect.adjusted(-2, -2, 2, 2));
}

void GhostItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*)
{
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    painter->setRenderHint(QPainter::Antialiasing);
    // A soft shadow lifts the ghost off the canvas; translucency keeps the target readable.
    const QRectF card = m_source->cardRect();
    painter->setPen(Qt::NoPen);
    for (int i = 1; i <= 3; ++i) {
        painter->setBrush(QColor(0, 0, 0, 18));
        painter->drawRoundedRect(card.translated(1.5 * i, 2.0 * i), 7, 7);
    }
    painter->save();
    painter->setOpacity(0.62);
    m_source->paintCard(painter, lod);
    painter->restore();
    if (m_captionRect.isNull()) {
        return;
    }
    const QPalette palette = scene() ? scene()->palette() : QApplication::palette();
    const QColor accent = m_verdict == DropVerdict::None ? palette.color(QPalette::Mid)
                                                         : canvasstyle::verdictColor(m_verdict);
    painter->setPen(QPen(accent, 1.5));
    painter->setBrush(palette.color(QPalette::ToolTipBase));
    painter->drawRoundedRect(m_captionRect, 5, 5);
    const QRectF marker(
        m_captionRect.left() + kPadding, m_captionRect.top() + kPadding, kMarker, kMarker);
    canvasstyle::drawVerdict(painter, marker, m_verdict);
    painter->setFont(scene() ? scene()->font() : QApplication::font());
    painter->setPen(palette.color(QPalette::ToolTipText));
    const QRectF text
        = m_captionRect.adjusted(2 * kPadding + kMarker, kPadding, -kPadding, -kPadding);
    painter->drawText(text, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignVCenter, m_caption);
}

} // namespace topograph
