#pragma once

#include <QStyledItemDelegate>

namespace topograph {

// Draws a column of instance keys (or cluster names) shortened the way the canvas does
// (elideKey(): "db1103.eqi…:3306"), so that a narrow column still tells its rows apart.
class KeyElideDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyElideDelegate)

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // The text drawn for index in a cell as wide as option.rect.
    QString displayedText(const QStyleOptionViewItem& option, const QModelIndex& index) const;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
        const QModelIndex& index) const override;
};

} // namespace topograph
