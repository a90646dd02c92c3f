#include "panels/dockbalancer.h"

#include <algorithm>
#include <cmath>

#include <QDockWidget>
#include <QEvent>
#include <QMainWindow>
#include <QTimer>

namespace topograph {

DockBalancer::DockBalancer(QMainWindow* window, const QList<QDockWidget*>& docks)
    : QObject(window)
    , m_window(window)
    , m_docks(docks)
{
    m_window->installEventFilter(this);
}

int DockBalancer::wantedWidth(const QDockWidget* dock) const
{
    return m_wanted.value(dock, dock->width());
}

bool DockBalancer::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_window && (event->type() == QEvent::Resize || event->type() == QEvent::Show)
        && !m_scheduled) {
        // The window's layout places the docks after this event: balance what it did.
        m_scheduled = true;
        QTimer::singleShot(0, this, &DockBalancer::balance);
    }
    return QObject::eventFilter(watched, event);
}

QList<QDockWidget*> DockBalancer::sideDocks() const
{
    QList<QDockWidget*> docks;
    for (QDockWidget* dock : m_docks) {
        const Qt::DockWidgetArea area = m_window->dockWidgetArea(dock);
        if (dock->isVisible() && !dock->isFloating()
            && (area == Qt::LeftDockWidgetArea || area == Qt::RightDockWidgetArea)) {
            docks.append(dock);
        }
    }
    return docks;
}

void DockBalancer::balance()
{
    m_scheduled = false;
    QWidget* central = m_window->centralWidget();
    const QList<QDockWidget*> docks = sideDocks();
    if (!central || docks.isEmpty() || !m_window->isVisible()) {
        return;
    }
    // Docks stacked or tabbed in one area share its width: each area counts once.
    struct Area
    {
        int wanted = 0;
        int current = 0;
        int minimum = 0;
        int target = 0;
        bool atMinimum = false;
    };
    QHash<Qt::DockWidgetArea, Area> areas;
    for (QDockWidget* dock : docks) {
        Area& area = areas[m_window->dockWidgetArea(dock)];
        area.wanted = std::max(area.wanted, wantedWidth(dock));
        area.current = std::max(area.current, dock->width());
        area.minimum
            = std::max({ area.minimum, dock->minimumSizeHint().width(), dock->minimumWidth() });
    }
    int current = 0;
    int wanted = 0;
    for (const Area& area : std::as_const(areas)) {
        current += area.current;
        wanted += area.wanted;
    }
    // What the docks may take: the window less the central widget's share and the separators
    // (the part of the window that is neither the central widget nor a dock now).
    const int separators = std::max(0, m_window->width() - central->width() - current);
    const int budget = static_cast<int>(m_window->width() * (1 - centralShare)) - separators;
    const bool giveWay = wanted > budget;
    // In proportion to their wanted widths; an area held at its minimum leaves the rest of the
    // budget to the others.
    for (bool settled = false; !settled;) {
        settled = true;
        int free = budget;
        int freeWanted = 0;
        for (const Area& area : std::as_const(areas)) {
            if (area.atMinimum) {
                free -= area.minimum;
            } else {
                freeWanted += area.wanted;
            }
        }
        for (Area& area : areas) {
            if (area.atMinimum) {
                area.target = area.minimum;
                continue;
            }
            area.target = giveWay && freeWanted > 0
                ? static_cast<int>(std::floor(area.wanted * std::max(0, free) / double(freeWanted)))
                : area.wanted;
            if (area.target < area.minimum) {
                area.atMinimum = true;
                settled = false;
            }
        }
    }

    QList<QDockWidget*> resized;
    QList<int> widths;
    for (QDockWidget* dock : docks) {
        const int target = areas.value(m_window->dockWidgetArea(dock)).target;
        if (giveWay) {
            m_wanted.insert(dock, wantedWidth(dock)); // remembered before it gives way
        } else {
            m_wanted.remove(dock); // back at the width it wanted
        }
        if (std::abs(target - dock->width()) > 1) {
            resized.append(dock);
            widths.append(target);
        }
    }
    if (!resized.isEmpty()) {
        m_window->resizeDocks(resized, widths, Qt::Horizontal);
    }
}

} // namespace topograph
