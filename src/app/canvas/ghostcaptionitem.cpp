#include "canvas/ghostcaptionitem.h"

#include <algorithm>

#include <QApplication>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QPainter>
#include <QPalette>

#include "canvas/canvasstyle.h"

namespace topograph {

namespace {

constexpr qreal kWidth = 300;
constexpr qreal kPadding = 6;
constexpr qreal kMarker = 14;

} // namespace

GhostCaptionItem::GhostCaptionItem(QGraphicsItem* parent)
    : QGraphicsItem(parent)
{
    setFlag(ItemIgnoresTransformations);
    setAcceptedMouseButtons(Qt::NoButton);
    setAcceptHoverEvents(false);
}

QFont GhostCaptionItem::font() const
{
    return scene() ? scene()->font() : QApplication::font();
}

void GhostCaptionItem::setCaption(DropVerdict verdict, const QString& text)
{
    if (verdict == m_verdict && text == m_text) {
        return;
    }
    prepareGeometryChange();
    m_verdict = verdict;
    m_text = text;
    m_rect = {};
    if (!m_text.isEmpty()) {
        const QFontMetricsF metrics(font());
        const qreal textWidth = kWidth - 3 * kPadding - kMarker;
        const QRectF bounds = metrics.boundingRect(
            QRectF(0, 0, textWidth, 1000), Qt::TextWordWrap | Qt::AlignLeft, m_text);
        m_rect = QRectF(0, 0, std::min(kWidth, bounds.width() + 3 * kPadding + kMarker),
            std::max(kMarker, bounds.height()) + 2 * kPadding);
    }
    update();
}

QRectF GhostCaptionItem::boundingRect() const
{
    return m_rect.isNull() ? QRectF() : m_rect.adjusted(-2, -2, 2, 2);
}

void GhostCaptionItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    if (m_rect.isNull()) {
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette palette = scene() ? scene()->palette() : QApplication::palette();
    const QColor accent = m_verdict == DropVerdict::None ? palette.color(QPalette::Mid)
                                                         : canvasstyle::verdictColor(m_verdict);
    painter->setPen(QPen(accent, 1.5));
    painter->setBrush(palette.color(QPalette::ToolTipBase));
    painter->drawRoundedRect(m_rect, 5, 5);
    const QRectF marker(m_rect.left() + kPadding, m_rect.top() + kPadding, kMarker, kMarker);
    canvasstyle::drawVerdict(painter, marker, m_verdict);
    painter->setFont(font());
    painter->setPen(palette.color(QPalette::ToolTipText));
    const QRectF text = m_rect.adjusted(2 * kPadding + kMarker, kPadding, -kPadding, -kPadding);
    painter->drawText(text, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignVCenter, m_text);
}

} // namespace topograph
