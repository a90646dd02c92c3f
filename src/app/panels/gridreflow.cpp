#include "panels/gridreflow.h"

#include <algorithm>

#include <QEvent>
#include <QGridLayout>
#include <QWidget>

namespace topograph {

GridReflow::GridReflow(QGridLayout* grid, QWidget* panel)
    : QObject(panel)
    , m_grid(grid)
    , m_panel(panel)
{
    for (int i = 0; i < m_grid->count(); ++i) {
        Cell cell { m_grid->itemAt(i)->widget(), 0, 0, 1, 1 };
        if (!cell.widget) {
            continue;
        }
        m_grid->getItemPosition(i, &cell.row, &cell.column, &cell.rowSpan, &cell.columnSpan);
        m_cells.append(cell);
        m_widest = std::max(m_widest, cell.widget->minimumSizeHint().width());
    }
    std::sort(m_cells.begin(), m_cells.end(), [](const Cell& a, const Cell& b) {
        return a.row != b.row ? a.row < b.row : a.column < b.column;
    });
    m_designedWidth = m_grid->minimumSize().width();
    // What the panel needs beside the grid: its own layout's margins.
    int margins = 0;
    if (const QLayout* outer = m_panel->layout()) {
        margins = outer->contentsMargins().left() + outer->contentsMargins().right();
    }
    m_panel->setMinimumWidth(m_widest + margins);
    m_panel->installEventFilter(this);
}

bool GridReflow::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_panel && event->type() == QEvent::Resize) {
        reflow();
    }
    return QObject::eventFilter(watched, event);
}

void GridReflow::reflow()
{
    int width = m_panel->contentsRect().width();
    if (const QLayout* outer = m_panel->layout()) {
        width -= outer->contentsMargins().left() + outer->contentsMargins().right();
    }
    int columns = 0; // as designed
    if (width < m_designedWidth) {
        const int spacing = std::max(0, m_grid->horizontalSpacing());
        columns = width >= 2 * m_widest + spacing ? 2 : 1;
    }
    if (columns != m_columns) {
        arrange(columns);
    }
}

void GridReflow::arrange(int columns)
{
    m_columns = columns;
    for (const Cell& cell : std::as_const(m_cells)) {
        m_grid->removeWidget(cell.widget);
    }
    for (qsizetype i = 0; i < m_cells.size(); ++i) {
        const Cell& cell = m_cells.at(i);
        if (columns == 0) {
            m_grid->addWidget(cell.widget, cell.row, cell.column, cell.rowSpan, cell.columnSpan);
        } else {
            m_grid->addWidget(cell.widget, int(i) / columns, int(i) % columns);
        }
    }
}

} // namespace topograph
