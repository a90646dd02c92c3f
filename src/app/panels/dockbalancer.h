#pragma once

#include <QHash>
#include <QList>
#include <QObject>

class QDockWidget;
class QMainWindow;

namespace topograph {

// Keeps a main window's central widget (the canvas) a fair share of the window's width. Left
// alone, QMainWindow shrinks only the central widget when the window gets narrower, down to its
// minimum, while the side docks keep their widths. Here, after each resize, the docks on the left
// and right give way in proportion to their widths (never below their minimum) until the central
// widget has centralShare of the width; when the window widens again they grow back to the
// widths they had before they gave way.
class DockBalancer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DockBalancer)

public:
    static constexpr double centralShare = 0.5;

    // Watches window (and is owned by it); docks are the side docks that may give way.
    DockBalancer(QMainWindow* window, const QList<QDockWidget*>& docks);

    // The width a dock had before it gave way (its current width when it did not).
    int wantedWidth(const QDockWidget* dock) const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void balance();
    QList<QDockWidget*> sideDocks() const; // visible, docked left or right

    QMainWindow* m_window;
    QList<QDockWidget*> m_docks;
    QHash<const QDockWidget*, int> m_wanted; // docks that gave way: their width before
    bool m_scheduled = false;
};

} // namespace topograph
