#pragma once

#include <QSortFilterProxyModel>

namespace topograph {

// A sorting proxy whose filter text matches any column's display text (case-insensitive); the
// docks' proxies add their own conditions in filterAcceptsRow and call matchesText.
class TextFilterProxyModel : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setText(const QString& text);

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override
    {
        return matchesText(row, parent);
    }
    // True when the text is empty or some column of the source row contains it.
    bool matchesText(int row, const QModelIndex& parent) const;

private:
    QString m_text;
};

} // namespace topograph
