#include "canvas/cardpainter.h"

#include <algorithm>

#include <QFontMetricsF>
#include <QPainter>

#include "canvas/canvasstyle.h"
#include "canvas/cardcontent.h"
#include "keyelide.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

constexpr qreal kGlyph = 14; // problem and co-master badges
constexpr qreal kBadgeHeight = 17;
constexpr qreal kBadgeGap = 6; // between the title and the lag badge

// Fonts and metrics for one base font, built once: creating metrics per paint is measurable
// with thousands of cards.
struct Fonts
{
    QFont base;
    QFont title;
    QFont small;
    QFont badge;
    QFont compact;
    QFontMetricsF titleMetrics { title };
    QFontMetricsF smallMetrics { small };
    QFontMetricsF badgeMetrics { badge };
    QFontMetricsF compactMetrics { compact };
};

QFont sized(const QFont& base, qreal pixels, bool bold)
{
    QFont font = base;
    font.setPixelSize(qRound(pixels));
    font.setBold(bold);
    return font;
}

const Fonts& fontsFor(const QFont& base)
{
    // Deliberately never freed: fonts must not be destroyed after QApplication, which a
    // function-local static would be.
    static Fonts* cached = nullptr;
    if (!cached || cached->base != base) {
        delete cached;
        cached = new Fonts { base, sized(base, CardPainter::titlePixels, true),
            sized(base, CardPainter::smallPixels, false),
            sized(base, CardPainter::smallPixels, true),
            sized(base, CardPainter::compactPixels, true) };
    }
    return *cached;
}

} // namespace

CardPainter::CardPainter(QPainter* painter, const QPalette& palette, const QFont& base)
    : m_painter(painter)
    , m_palette(palette)
    , m_base(base)
{ }

QString CardPainter::compactText(const QString& title, const QFont& base, qreal width)
{
    return elideKey(title, fontsFor(base).compactMetrics, width);
}

namespace {

qreal badgeWidth(const CardContent& content, const Fonts& fonts)
{
    if (content.lagLevel == CardContent::LagLevel::None) {
        return 0;
    }
    return std::max(28.0, fonts.badgeMetrics.horizontalAdvance(content.lagText) + 12);
}

} // namespace

QString CardPainter::fullTitle(
    const CardContent& content, const QFont& base, qreal width, bool withSparkline)
{
    const Fonts& fonts = fontsFor(base);
    const qreal badge = badgeWidth(content, fonts);
    const qreal spark = withSparkline ? sparklineWidth + kBadgeGap : 0;
    return elideKey(
        content.title, fonts.titleMetrics, width - (badge > 0 ? badge + kBadgeGap : 0) - spark);
}

bool CardPainter::drawsSparkline(const Sparkline& sparkline)
{
    return std::count_if(sparkline.cbegin(), sparkline.cend(), [](const std::optional<double>& v) {
        return v.has_value();
    }) >= 2;
}

void CardPainter::drawSparkline(
    const Sparkline& sparkline, const QRectF& box, const QColor& color) const
{
    // Scaled to its own largest value, but never below one second, so that noise under a
    // second stays a flat line at the bottom.
    double top = 1;
    for (const std::optional<double>& v : sparkline) {
        top = std::max(top, v.value_or(0));
    }
    const qreal step = sparkline.size() > 1 ? box.width() / qreal(sparkline.size() - 1) : 0;
    m_painter->setPen(QPen(color, 1.4));
    m_painter->setBrush(Qt::NoBrush);
    QPolygonF run;
    const auto flush = [&] {
        if (run.size() > 1) {
            m_painter->drawPolyline(run);
        } else if (run.size() == 1) {
            m_painter->drawPoint(run.constFirst());
        }
        run.clear();
    };
    for (qsizetype i = 0; i < sparkline.size(); ++i) {
        if (!sparkline.at(i)) {
            flush(); // a gap: no line across it
            continue;
        }
        run << QPointF(
            box.left() + step * qreal(i), box.bottom() - box.height() * (*sparkline.at(i) / top));
    }
    flush();
}

qreal CardPainter::pillWidth(int hidden, const QFont& base)
{
    return fontsFor(base).badgeMetrics.horizontalAdvance(u"+%1"_s.arg(hidden)) + 10;
}

void CardPainter::drawCompact(const QString& text, const QRectF& box) const
{
    const Fonts& fonts = fontsFor(m_base);
    m_painter->setFont(fonts.compact);
    m_painter->setPen(m_palette.color(QPalette::Text));
    m_painter->drawText(box, Qt::AlignLeft | Qt::AlignVCenter, text);
}

void CardPainter::drawHiddenPill(const QRectF& pill, int hidden, bool withText) const
{
    m_painter->setPen(QPen(m_palette.color(QPalette::Mid), 1));
    m_painter->setBrush(m_palette.color(QPalette::Button));
    m_painter->drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
    if (withText) {
        m_painter->setFont(fontsFor(m_base).badge);
        m_painter->setPen(m_palette.color(QPalette::ButtonText));
        m_painter->drawText(pill, Qt::AlignCenter, u"+%1"_s.arg(hidden));
    }
}

void CardPainter::drawDetails(const CardContent& content, const QString& title, const QRectF& card,
    qreal left, qreal right, const Sparkline& sparkline) const
{
    QPainter* painter = m_painter;
    const Fonts& fonts = fontsFor(m_base);
    const QColor base = m_palette.color(QPalette::Base);
    const QColor text = m_palette.color(QPalette::Text);
    const QColor secondary = canvasstyle::secondaryText(m_palette);

    // Row 1: title, lag badge.
    qreal titleRight = right;
    const QRectF row1(left, card.top() + 5, right - left, 20);
    if (content.lagLevel != CardContent::LagLevel::None) {
        const qreal width = badgeWidth(content, fonts);
        const QRectF badge(right - width, row1.top() + 1.5, width, kBadgeHeight);
        const QColor color = canvasstyle::lagColor(content.lagLevel);
        if (content.lagLevel == CardContent::LagLevel::Unknown) {
            painter->setPen(QPen(color, 1));
            painter->setBrush(Qt::NoBrush);
        } else {
            painter->setPen(Qt::NoPen);
            painter->setBrush(color);
        }
        painter->drawRoundedRect(badge, kBadgeHeight / 2, kBadgeHeight / 2);
        painter->setFont(fonts.badge);
        painter->setPen(content.lagLevel == CardContent::LagLevel::Unknown ? color : Qt::white);
        painter->drawText(badge, Qt::AlignCenter, content.lagText);
        titleRight = badge.left() - kBadgeGap;
        if (drawsSparkline(sparkline)) {
            const QRectF box(
                titleRight - sparklineWidth, row1.top() + 3, sparklineWidth, row1.height() - 6);
            drawSparkline(sparkline, box,
                content.lagLevel == CardContent::LagLevel::Ok
                    ? secondary
                    : canvasstyle::lagColor(content.lagLevel));
            titleRight = box.left() - kBadgeGap;
        }
    }
    painter->setFont(fonts.title);
    painter->setPen(text);
    painter->drawText(QRectF(left, row1.top(), titleRight - left, row1.height()),
        Qt::AlignLeft | Qt::AlignVCenter, title);

    // Row 2: subtitle, problem glyphs, data age (on the right, so that row 3's chips have the
    // whole width: version, ro/rw, binlog format and GTID must all fit).
    const QRectF row2(left, row1.bottom() + 1, right - left, 18);
    painter->setFont(fonts.small);
    const qreal ageWidth = fonts.smallMetrics.horizontalAdvance(content.ageText);
    const QRectF ageRect(right - ageWidth, row2.top(), ageWidth, row2.height());
    painter->setPen(secondary);
    painter->drawText(ageRect, Qt::AlignRight | Qt::AlignVCenter, content.ageText);
    qreal subtitleRight = ageRect.left() - 6;
    if (content.tls) {
        const QRectF glyph(subtitleRight - kGlyph, row2.top() + 2, kGlyph, kGlyph);
        canvasstyle::drawPadlock(painter, glyph, *content.tls, m_palette);
        subtitleRight = glyph.left() - 3;
    }
    for (qsizetype i = content.problems.size() - 1; i >= 0; --i) {
        const QRectF glyph(subtitleRight - kGlyph, row2.top() + 2, kGlyph, kGlyph);
        canvasstyle::drawProblem(painter, glyph, content.problems.at(i));
        subtitleRight = glyph.left() - 3;
    }
    if (!content.coMasterOf.isEmpty()) {
        const QRectF glyph(subtitleRight - kGlyph, row2.top() + 2, kGlyph, kGlyph);
        canvasstyle::drawCoMaster(painter, glyph);
        subtitleRight = glyph.left() - 3;
    }
    if (content.promotionRule) {
        const QRectF glyph(subtitleRight - kGlyph, row2.top() + 2, kGlyph, kGlyph);
        canvasstyle::drawPromotion(painter, glyph, *content.promotionRule);
        subtitleRight = glyph.left() - 3;
    }
    painter->setFont(fonts.small);
    painter->setPen(content.subtitleIsProblem ? canvasstyle::blend(
                        canvasstyle::problemColor(content.problems.constFirst()), text, 0.25)
                                              : secondary);
    const QRectF subtitleRect(left, row2.top(), subtitleRight - left - 3, row2.height());
    painter->drawText(subtitleRect, Qt::AlignLeft | Qt::AlignVCenter,
        fonts.smallMetrics.elidedText(content.subtitle, Qt::ElideRight, subtitleRect.width()));

    // Row 3: chips.
    const qreal row3Top = card.bottom() - 5 - 19;
    qreal x = left;
    for (const CardContent::Chip& chip : content.chips) {
        const qreal width = fonts.smallMetrics.horizontalAdvance(chip.text) + 10;
        if (x + width > right) {
            break; // no room: the tooltip has the rest
        }
        const QRectF box(x, row3Top, width, 19);
        const QColor ink = chip.accent ? canvasstyle::accentColor() : text;
        painter->setPen(QPen(canvasstyle::blend(base, ink, 0.35), 1));
        painter->setBrush(canvasstyle::blend(base, ink, 0.07));
        painter->drawRoundedRect(box, 3, 3);
        painter->setPen(chip.accent ? ink : canvasstyle::blend(text, base, 0.15));
        painter->drawText(box, Qt::AlignCenter, chip.text);
        x = box.right() + 4;
    }
}

} // namespace topograph
