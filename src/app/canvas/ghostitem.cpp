#include "canvas/ghostitem.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include "canvas/ghostcaptionitem.h"
#include "canvas/nodeitem.h"

namespace topograph {

GhostItem::GhostItem(const NodeItem* source)
    : m_source(source)
    , m_caption(new GhostCaptionItem(this))
{
    setAcceptedMouseButtons(Qt::NoButton);
    setAcceptHoverEvents(false);
    setZValue(100); // above every card and outline
    m_caption->setPos(m_source->cardRect().bottomLeft() + QPointF(0, 8));
}

void GhostItem::setCaption(DropVerdict verdict, const QString& text)
{
    m_caption->setCaption(verdict, text);
}

QString GhostItem::captionText() const
{
    return m_caption->text();
}

QRectF GhostItem::boundingRect() const
{
    return m_source->cardRect().adjusted(-10, -10, 10, 12);
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
}

} // namespace topograph
