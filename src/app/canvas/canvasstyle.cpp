#include "canvas/canvasstyle.h"

#include <algorithm>

#include <QPainter>
#include <QPainterPath>
#include <QPalette>

#include "canvas/edgeitem.h"

using namespace Qt::StringLiterals;

namespace topograph::canvasstyle {

QColor okColor()
{
    return QColor(0x2e, 0x9d, 0x4f);
}

QColor warningColor()
{
    return QColor(0xe0, 0x9b, 0x00);
}

QColor errorColor()
{
    return QColor(0xd1, 0x34, 0x38);
}

QColor mutedColor()
{
    return QColor(0x8a, 0x8f, 0x98);
}

QColor accentColor()
{
    return QColor(0x2f, 0x6f, 0xc8);
}

QColor statusColor(const QString& status)
{
    if (status == u"ok"_s) {
        return okColor();
    }
    if (status == u"lag"_s) {
        return warningColor();
    }
    if (status == u"nonreplicating"_s) {
        return QColor(0xe0, 0x6c, 0x00); // orange: between lagging and broken
    }
    if (status == u"unchecked"_s) {
        return mutedColor();
    }
    return errorColor();
}

QColor verdictColor(DropVerdict verdict)
{
    switch (verdict) {
    case DropVerdict::Valid:
        return okColor();
    case DropVerdict::Warning:
        return warningColor();
    case DropVerdict::Refused:
        return mutedColor();
    case DropVerdict::None:
        break;
    }
    return {};
}

QColor lagColor(CardContent::LagLevel level)
{
    switch (level) {
    case CardContent::LagLevel::Ok:
        return okColor();
    case CardContent::LagLevel::High:
        return warningColor();
    case CardContent::LagLevel::Severe:
        return errorColor();
    case CardContent::LagLevel::Unknown:
    case CardContent::LagLevel::None:
        break;
    }
    return mutedColor();
}

QColor healthColor(EdgeHealth health)
{
    switch (health) {
    case EdgeHealth::Running:
        return okColor();
    case EdgeHealth::Lagging:
        return warningColor();
    case EdgeHealth::Stopped:
        return mutedColor();
    case EdgeHealth::Broken:
        break;
    }
    return errorColor();
}

QColor problemColor(CardContent::Problem problem)
{
    switch (problem) {
    case CardContent::Problem::Unreachable:
    case CardContent::Problem::ReplicationError:
        return errorColor();
    case CardContent::Problem::NotReplicating:
        return statusColor(u"nonreplicating"_s);
    case CardContent::Problem::Lagging:
    case CardContent::Problem::FakeLag:
        return warningColor();
    case CardContent::Problem::Ghost:
        return mutedColor();
    case CardContent::Problem::Analysis:
        return errorColor();
    case CardContent::Problem::Unchecked:
        break;
    }
    return mutedColor();
}

QColor blend(const QColor& base, const QColor& over, qreal amount)
{
    const auto mix = [amount](float a, float b) { return a + (b - a) * float(amount); };
    return QColor::fromRgbF(mix(base.redF(), over.redF()), mix(base.greenF(), over.greenF()),
        mix(base.blueF(), over.blueF()), mix(base.alphaF(), over.alphaF()));
}

QColor secondaryText(const QPalette& palette)
{
    return blend(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.38);
}

namespace {

// A filled disc with a white glyph pen sized to the box.
QPen glyphPen(const QRectF& box)
{
    QPen pen(Qt::white, std::max(1.2, box.width() / 8.0));
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    return pen;
}

void drawCross(QPainter* painter, const QRectF& box)
{
    const QRectF in = box.adjusted(
        box.width() * 0.32, box.height() * 0.32, -box.width() * 0.32, -box.height() * 0.32);
    painter->drawLine(in.topLeft(), in.bottomRight());
    painter->drawLine(in.topRight(), in.bottomLeft());
}

void drawExclamation(QPainter* painter, const QRectF& box)
{
    const QPointF c = box.center();
    const qreal h = box.height();
    painter->drawLine(QPointF(c.x(), box.top() + h * 0.24), QPointF(c.x(), c.y() + h * 0.08));
    painter->drawPoint(QPointF(c.x(), box.bottom() - h * 0.24));
}

} // namespace

void drawProblem(QPainter* painter, const QRectF& box, CardContent::Problem problem)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor color = problemColor(problem);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    const qreal w = box.width();
    const QPointF c = box.center();
    if (problem == CardContent::Problem::ReplicationError) {
        // A warning triangle: a broken link reads differently from an unreachable host.
        QPainterPath triangle;
        triangle.moveTo(c.x(), box.top());
        triangle.lineTo(box.right(), box.bottom() - w * 0.06);
        triangle.lineTo(box.left(), box.bottom() - w * 0.06);
        triangle.closeSubpath();
        painter->drawPath(triangle);
        painter->setPen(glyphPen(box));
        drawExclamation(painter, box.translated(0, w * 0.08));
        painter->restore();
        return;
    }
    painter->drawEllipse(box);
    painter->setPen(glyphPen(box));
    painter->setBrush(Qt::NoBrush);
    switch (problem) {
    case CardContent::Problem::Unreachable:
        drawCross(painter, box);
        break;
    case CardContent::Problem::Unchecked: {
        QFont font = painter->font();
        font.setBold(true);
        font.setPixelSize(std::max(6, int(w * 0.72)));
        painter->setFont(font);
        painter->drawText(box, Qt::AlignCenter, u"?"_s);
        break;
    }
    case CardContent::Problem::NotReplicating: {
        const qreal dx = w * 0.14;
        const qreal top = box.top() + w * 0.3;
        const qreal bottom = box.bottom() - w * 0.3;
        painter->drawLine(QPointF(c.x() - dx, top), QPointF(c.x() - dx, bottom));
        painter->drawLine(QPointF(c.x() + dx, top), QPointF(c.x() + dx, bottom));
        break;
    }
    case CardContent::Problem::Lagging:
        // Clock hands.
        painter->drawLine(c, QPointF(c.x(), box.top() + w * 0.22));
        painter->drawLine(c, QPointF(box.right() - w * 0.27, c.y()));
        break;
    case CardContent::Problem::FakeLag: {
        // A heart beat line: the heartbeat table misleads.
        const qreal y = c.y();
        QPolygonF beat { QPointF(box.left() + w * 0.18, y), QPointF(c.x() - w * 0.12, y),
            QPointF(c.x() - w * 0.02, box.top() + w * 0.25),
            QPointF(c.x() + w * 0.08, box.bottom() - w * 0.25), QPointF(c.x() + w * 0.16, y),
            QPointF(box.right() - w * 0.18, y) };
        painter->drawPolyline(beat);
        break;
    }
    case CardContent::Problem::Analysis:
        drawExclamation(painter, box);
        break;
    case CardContent::Problem::Ghost: {
        // A ghost: a round head over a wavy hem, two eyes.
        QPainterPath ghost;
        const qreal left = box.left() + w * 0.27;
        const qreal right = box.right() - w * 0.27;
        const qreal top = box.top() + w * 0.22;
        const qreal hem = box.bottom() - w * 0.24;
        ghost.moveTo(left, hem);
        ghost.lineTo(left, c.y());
        ghost.arcTo(QRectF(left, top, right - left, right - left), 180, -180);
        ghost.lineTo(right, hem);
        const qreal step = (right - left) / 3;
        ghost.lineTo(right - step / 2, hem - w * 0.08);
        ghost.lineTo(right - step, hem);
        ghost.lineTo(right - step * 1.5, hem - w * 0.08);
        ghost.lineTo(right - step * 2, hem);
        ghost.lineTo(right - step * 2.5, hem - w * 0.08);
        ghost.closeSubpath();
        painter->drawPath(ghost);
        break;
    }
    case CardContent::Problem::ReplicationError:
        break;
    }
    painter->restore();
}

void drawCoMaster(QPainter* painter, const QRectF& box)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(accentColor());
    painter->drawEllipse(box);
    QPen pen = glyphPen(box);
    pen.setWidthF(pen.widthF() * 0.8);
    painter->setPen(pen);
    const qreal w = box.width();
    const qreal left = box.left() + w * 0.25;
    const qreal right = box.right() - w * 0.25;
    const qreal upper = box.top() + w * 0.36;
    const qreal lower = box.bottom() - w * 0.36;
    const qreal head = w * 0.14;
    painter->drawLine(QPointF(left, upper), QPointF(right, upper));
    painter->drawLine(QPointF(right, upper), QPointF(right - head, upper - head));
    painter->drawLine(QPointF(left, lower), QPointF(right, lower));
    painter->drawLine(QPointF(left, lower), QPointF(left + head, lower + head));
    painter->restore();
}

void drawPromotion(QPainter* painter, const QRectF& box, PromotionRule rule)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    const QColor colors[] = { QColor(0x2e, 0x7d, 0x32), QColor(0x43, 0xa0, 0x47),
        QColor(0x78, 0x78, 0x78), QColor(0xef, 0x8f, 0x00), QColor(0xc6, 0x28, 0x28) };
    painter->setBrush(colors[static_cast<int>(rule)]);
    painter->drawEllipse(box);
    QPen pen = glyphPen(box);
    pen.setWidthF(pen.widthF() * 0.85);
    painter->setPen(pen);
    const qreal w = box.width();
    const QPointF c = box.center();
    const qreal half = w * 0.22;
    auto chevron = [&](qreal y, qreal direction) {
        painter->drawLine(QPointF(c.x() - half, y + direction * half * 0.6), QPointF(c.x(), y));
        painter->drawLine(QPointF(c.x(), y), QPointF(c.x() + half, y + direction * half * 0.6));
    };
    switch (rule) {
    case PromotionRule::Must:
        chevron(c.y() - w * 0.16, 1);
        chevron(c.y() + w * 0.06, 1);
        break;
    case PromotionRule::Prefer:
        chevron(c.y() - w * 0.06, 1);
        break;
    case PromotionRule::Neutral:
        painter->drawLine(QPointF(c.x() - half * 0.7, c.y()), QPointF(c.x() + half * 0.7, c.y()));
        break;
    case PromotionRule::PreferNot:
        chevron(c.y() + w * 0.06, -1);
        break;
    case PromotionRule::MustNot:
        painter->drawLine(QPointF(c.x() - half, c.y()), QPointF(c.x() + half, c.y()));
        break;
    }
    painter->restore();
}

void drawPadlock(QPainter* painter, const QRectF& box, TlsState state, const QPalette& palette)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor color = state == TlsState::Verified ? QColor(0x2e, 0x7d, 0x32)
        : state == TlsState::Encrypted               ? QColor(0xc7, 0x7c, 0x02)
                                                     : secondaryText(palette);
    const qreal w = box.width();
    const QRectF body(
        box.left() + w * 0.15, box.top() + box.height() * 0.45, w * 0.7, box.height() * 0.5);
    QPen pen(color, qMax<qreal>(1.2, w * 0.12));
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    // The shackle: an arch over the body, lifted and shifted aside when open.
    const qreal lift = state == TlsState::Plain ? box.height() * 0.12 : 0;
    const QRectF arch(body.left() + w * 0.1, box.top() + box.height() * 0.08 - lift,
        body.width() - w * 0.2, box.height() * 0.6);
    painter->drawArc(arch, 0, 180 * 16);
    painter->drawLine(QPointF(arch.left(), arch.center().y()), QPointF(arch.left(), body.top()));
    if (state != TlsState::Plain) {
        painter->drawLine(
            QPointF(arch.right(), arch.center().y()), QPointF(arch.right(), body.top()));
    }
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawRoundedRect(body, w * 0.1, w * 0.1);
    painter->restore();
}

void drawVerdict(QPainter* painter, const QRectF& box, DropVerdict verdict)
{
    if (verdict == DropVerdict::None) {
        return;
    }
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(verdictColor(verdict));
    painter->drawEllipse(box);
    painter->setPen(glyphPen(box));
    painter->setBrush(Qt::NoBrush);
    const qreal w = box.width();
    if (verdict == DropVerdict::Valid) {
        const QPointF points[] = { { box.left() + w * 0.27, box.top() + w * 0.52 },
            { box.left() + w * 0.44, box.top() + w * 0.68 },
            { box.left() + w * 0.74, box.top() + w * 0.34 } };
        painter->drawPolyline(points, 3);
    } else if (verdict == DropVerdict::Warning) {
        drawExclamation(painter, box);
    } else {
        drawCross(painter, box);
    }
    painter->restore();
}

void drawCollapseBox(QPainter* painter, const QRectF& box, bool collapsed, const QPalette& palette)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(palette.color(QPalette::Mid), 1));
    painter->setBrush(palette.color(QPalette::Button));
    painter->drawRoundedRect(box, 3, 3);
    QPen pen(palette.color(QPalette::ButtonText), 1.4);
    pen.setCapStyle(Qt::FlatCap);
    painter->setPen(pen);
    const QPointF c = box.center();
    const qreal arm = box.width() * 0.28;
    painter->drawLine(QPointF(c.x() - arm, c.y()), QPointF(c.x() + arm, c.y()));
    if (collapsed) {
        painter->drawLine(QPointF(c.x(), c.y() - arm), QPointF(c.x(), c.y() + arm));
    }
    painter->restore();
}

} // namespace topograph::canvasstyle
