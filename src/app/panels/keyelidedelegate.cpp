#include "panels/keyelidedelegate.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QPainter>

#include "keyelide.h"

namespace topograph {

namespace {

const QWidget* widgetOf(const QStyleOptionViewItem& option)
{
    return option.widget;
}

QStyle* styleOf(const QStyleOptionViewItem& option)
{
    return option.widget ? option.widget->style() : QApplication::style();
}

} // namespace

QString KeyElideDelegate::displayedText(
    const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem item = option;
    initStyleOption(&item, index);
    QStyle* style = styleOf(item);
    // The style's text rectangle keeps a focus margin on each side of the text.
    const int margin
        = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widgetOf(item)) + 1;
    const QRect text = style->subElementRect(QStyle::SE_ItemViewItemText, &item, widgetOf(item));
    return elideKey(item.text, QFontMetricsF(item.font), text.width() - 2 * margin);
}

void KeyElideDelegate::paint(
    QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem item = option;
    initStyleOption(&item, index);
    item.text = displayedText(option, index);
    styleOf(item)->drawControl(QStyle::CE_ItemViewItem, &item, painter, widgetOf(item));
}

} // namespace topograph
