#pragma once

#include <QColor>
#include <QRectF>

#include "canvas/cardcontent.h"
#include "canvas/droptarget.h"

class QPainter;
class QPalette;

namespace topograph {

enum class EdgeHealth;

// Colours and glyphs shared by the canvas items, so that a card, its edge and the drag ghost agree.
// Glyphs are drawn with QPainter (no image files) so they stay sharp at every zoom.
namespace canvasstyle {

QColor okColor(); // green: running, valid target, lag within limits
QColor warningColor(); // amber: lagging, valid target with warnings
QColor errorColor(); // red: broken, unreachable, severe lag
QColor mutedColor(); // grey: stopped, refused, unknown
QColor accentColor(); // blue: GTID, writable replica

QColor statusColor(const QString& status); // InstanceStatus::status
QColor verdictColor(DropVerdict verdict); // invalid for DropVerdict::None
QColor lagColor(CardContent::LagLevel level);
QColor healthColor(EdgeHealth health);
QColor problemColor(CardContent::Problem problem);

// Mixes amount (0..1) of over into base.
QColor blend(const QColor& base, const QColor& over, qreal amount);
// Text colour for secondary lines: the palette's text, softened towards the base.
QColor secondaryText(const QPalette& palette);

// A round badge in box with a glyph for the problem (cross, question mark, exclamation
// mark, pause bars, clock).
void drawProblem(QPainter* painter, const QRectF& box, CardContent::Problem problem);
// A round accent badge with two opposed arrows: one of a co-master pair.
void drawCoMaster(QPainter* painter, const QRectF& box);
// A registered promotion rule: an up chevron (must: doubled) on green for candidates, a dash on
// grey for neutral, a down chevron on amber for prefer_not, a bar on red for must_not.
void drawPromotion(QPainter* painter, const QRectF& box, PromotionRule rule);
// A small padlock: closed and green (TLS verified), closed and amber (encrypted, identity not
// verified), open and grey (plain).
void drawPadlock(QPainter* painter, const QRectF& box, TlsState state, const QPalette& palette);
// A round verdict marker: tick (valid), exclamation mark (warning), cross (refused).
void drawVerdict(QPainter* painter, const QRectF& box, DropVerdict verdict);
// The small +/- box at a card's right edge.
void drawCollapseBox(QPainter* painter, const QRectF& box, bool collapsed, const QPalette& palette);

} // namespace canvasstyle

} // namespace topograph
