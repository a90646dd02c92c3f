#include "panels/textfilterproxymodel.h"

namespace topograph {

void TextFilterProxyModel::setText(const QString& text)
{
    m_text = text.trimmed();
    invalidateRowsFilter();
}

bool TextFilterProxyModel::matchesText(int row, const QModelIndex& parent) const
{
    if (m_text.isEmpty()) {
        return true;
    }
    const QAbstractItemModel* source = sourceModel();
    for (int column = 0; column < source->columnCount(parent); ++column) {
        if (source->index(row, column, parent)
                .data(Qt::DisplayRole)
                .toString()
                .contains(m_text, Qt::CaseInsensitive)) {
            return true;
        }
    }
    return false;
}

} // namespace topograph
