#pragma once

#include <QGraphicsItem>

#include "canvas/droptarget.h"

namespace topograph {

class GhostCaptionItem;
class NodeItem;

// The semi-transparent copy of a dragged card that follows the pointer, with a caption below it
// that says what dropping on the card under it would do. It paints its source card, so both
// always match, and takes no mouse events, so hit tests see the card below it. The caption is a
// child drawn at screen size, so it stays readable at any zoom.
class GhostItem final : public QGraphicsItem
{
public:
    enum { Type = UserType + 3 };

    explicit GhostItem(const NodeItem* source);

    int type() const override { return Type; }

    // The verdict and text of the card under the pointer; an empty text hides the caption.
    void setCaption(DropVerdict verdict, const QString& text);
    QString captionText() const;
    GhostCaptionItem* captionItem() const { return m_caption; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    const NodeItem* m_source;
    GhostCaptionItem* m_caption; // a child: deleted with the ghost
};

} // namespace topograph
