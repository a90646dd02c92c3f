// NodeItem's measures and where it takes its palette and font from, shared by its state
// (nodeitem.cpp) and its painting (nodeitem_paint.cpp).
#pragma once

#include <QApplication>
#include <QFont>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QPalette>

namespace topograph::nodeitemstyle {

inline constexpr qreal kRadius = 6;
inline constexpr qreal kStripe = 4; // status colour along the left edge
inline constexpr qreal kWideStripe = 12; // the same on a compact card: a few device pixels wide
inline constexpr qreal kBox = 14; // collapse box
inline constexpr qreal kOutline = 10; // room for selection and hover outlines, verdict marker
inline constexpr qreal kPillRoom = 48; // room for the "+7" pill right of the box

inline QPalette paletteOf(const QGraphicsItem* item)
{
    return item->scene() ? item->scene()->palette() : QApplication::palette();
}

inline QFont fontOf(const QGraphicsItem* item)
{
    return item->scene() ? item->scene()->font() : QApplication::font();
}

} // namespace topograph::nodeitemstyle
