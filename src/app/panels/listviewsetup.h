#pragma once

#include <QAbstractItemModel>
#include <QHeaderView>
#include <QTreeView>

namespace topograph {

// How the dock panels show their rows (audit log, problems, resolve cache): a flat, sortable,
// read-only list of whole rows over `model`, sorted by `column` to begin with.
inline void setUpRowList(
    QTreeView* view, QAbstractItemModel* model, int column, Qt::SortOrder order)
{
    view->setModel(model);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setSortingEnabled(true);
    view->sortByColumn(column, order);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->header()->setStretchLastSection(true);
}

// Once a list first has rows: every column before `stretched` as wide as its contents (the last,
// free-text column takes the rest).
inline void fitColumnsBefore(QTreeView* view, int stretched)
{
    for (int column = 0; column < stretched; ++column) {
        view->resizeColumnToContents(column);
    }
}

} // namespace topograph
