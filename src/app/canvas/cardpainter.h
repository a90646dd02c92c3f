#pragma once

#include <QFont>
#include <QList>
#include <QPalette>
#include <QRectF>
#include <QString>

#include <optional>

class QPainter;

namespace topograph {

struct CardContent;

// Draws the words on a canvas card: the three rows of a full card and the one large line of a
// compact card (NodeItem picks the level by zoom). Text sizes are pixels in scene units, not
// points, so that a zoom factor says exactly how tall the text is on screen: the level-of-detail
// rule relies on that to never draw text too small to read. The family is the scene's font.
class CardPainter final
{
public:
    static constexpr qreal titlePixels = 15; // bold: alias or host:port
    static constexpr qreal smallPixels = 13; // subtitle, chips, data age, lag badge, "+7" pill
    static constexpr qreal compactPixels = 26; // bold: the only line of a compact card
    static constexpr qreal sparklineWidth = 44; // the lag of the last minutes, beside the badge

    // A card's sparkline: the largest lag of each equal slice of the last minutes, oldest first;
    // nullopt where nothing was measured.
    using Sparkline = QList<std::optional<double>>;

    CardPainter(QPainter* painter, const QPalette& palette, const QFont& base);

    // Row 1 title (as fullTitle() made it) and lag badge, row 2 subtitle and problem glyphs,
    // row 3 chips and data age, between left and right inside card.
    // A sparkline with two values or more is drawn left of the badge.
    void drawDetails(const CardContent& content, const QString& title, const QRectF& card,
        qreal left, qreal right, const Sparkline& sparkline = {}) const;
    // The compact text, vertically centred in box, left aligned.
    void drawCompact(const QString& text, const QRectF& box) const;
    // The pill beside a collapsed card's box, with "+N" when withText.
    void drawHiddenPill(const QRectF& pill, int hidden, bool withText) const;

    // The title of a full card in a row width wide, beside the lag badge (elideKey()).
    static QString fullTitle(
        const CardContent& content, const QFont& base, qreal width, bool withSparkline = false);
    static bool drawsSparkline(const Sparkline& sparkline);
    // The title as a compact card shows it within width (elideKey()).
    static QString compactText(const QString& title, const QFont& base, qreal width);
    // The width of the "+N" pill.
    static qreal pillWidth(int hidden, const QFont& base);

private:
    void drawSparkline(const Sparkline& sparkline, const QRectF& box, const QColor& color) const;

    QPainter* m_painter;
    QPalette m_palette;
    QFont m_base;
};

} // namespace topograph
