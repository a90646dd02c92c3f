#pragma once

#include <QList>
#include <QObject>

class QGridLayout;
class QWidget;

namespace topograph {

// Lets a panel with a grid of buttons get narrower than the grid's row of buttons: when the
// panel is too narrow for the grid as designed, the buttons flow, in their order, into two
// columns, then one. The panel's minimum width becomes that of one button (and its margins), so
// a dock holding it can give way in a small window (DockBalancer).
class GridReflow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GridReflow)

public:
    // grid lays out buttons inside panel (which owns this).
    GridReflow(QGridLayout* grid, QWidget* panel);

    int columns() const { return m_columns; } // 0: as designed

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Cell
    {
        QWidget* widget;
        int row;
        int column;
        int rowSpan;
        int columnSpan;
    };

    void reflow();
    void arrange(int columns);

    QGridLayout* m_grid;
    QWidget* m_panel;
    QList<Cell> m_cells; // as designed, in reading order
    int m_designedWidth = 0; // the grid's minimum width as designed
    int m_widest = 0; // the widest button's minimum width
    int m_columns = 0;
};

} // namespace topograph
