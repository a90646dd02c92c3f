#include "panels/problemsdock.h"

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QMainWindow>
#include <QStatusBar>

#include "models/problemlistmodel.h"
#include "panels/problemspanel.h"

using namespace Qt::StringLiterals;

namespace topograph {

ProblemsDock::ProblemsDock(QMainWindow* window, QDockWidget* tabWith)
    : QObject(window)
    , m_panel(new ProblemsPanel(window))
    , m_dock(new QDockWidget(tr("Problems"), window))
    , m_status(new QLabel(window))
{
    m_dock->setObjectName(u"problemsDock"_s);
    m_dock->setWidget(m_panel);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    if (tabWith) {
        window->tabifyDockWidget(tabWith, m_dock);
    }
    m_dock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_status->setObjectName(u"problemCount"_s);
    m_status->setToolTip(tr("Findings of the replication analysis (Problems dock, Ctrl+Shift+P)"));
    window->statusBar()->addPermanentWidget(m_status);
    connect(m_panel, &ProblemsPanel::instanceActivated, this, &ProblemsDock::instanceActivated);
    setProblems({});
}

void ProblemsDock::setProblems(const QList<Problem>& problems)
{
    m_panel->setProblems(problems);
    const int failures = m_panel->model()->failures();
    m_status->setText(failures == 0 ? QString() : m_panel->summary());
    m_status->setVisible(failures > 0);
    m_status->setStyleSheet(failures > 0 ? u"QLabel { color: #c01c28; }"_s : QString());
}

QHash<InstanceKey, QStringList> ProblemsDock::byInstance(const QList<Problem>& problems)
{
    QHash<InstanceKey, QStringList> lines;
    for (const Problem& p : problems) {
        lines[p.key].append(p.code + u": "_s + p.description);
    }
    return lines;
}

} // namespace topograph
