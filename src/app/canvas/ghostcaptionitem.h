#pragma once

#include <QGraphicsItem>

#include "canvas/droptarget.h"

namespace topograph {

// The caption under the drag ghost: what dropping on the card under the pointer would do, framed
// in that card's verdict colour. It ignores the view's zoom (ItemIgnoresTransformations), so it
// stays as readable as a tooltip however far the canvas is zoomed out; its parent, the ghost,
// places it below the ghost card.
class GhostCaptionItem final : public QGraphicsItem
{
public:
    enum { Type = UserType + 4 };

    explicit GhostCaptionItem(QGraphicsItem* parent);

    int type() const override { return Type; }

    // An empty text hides the caption.
    void setCaption(DropVerdict verdict, const QString& text);
    QString text() const { return m_text; }
    DropVerdict verdict() const { return m_verdict; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QFont font() const;

    DropVerdict m_verdict = DropVerdict::None;
    QString m_text;
    QRectF m_rect; // device pixels from the item's origin, null without a caption
};

} // namespace topograph
