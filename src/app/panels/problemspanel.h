#pragma once

#include <QWidget>

#include "fleet/problem.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace topograph {

class ProblemFilterProxyModel;
class ProblemListModel;

// The problems dock: the replication analysis of the latest snapshot (code, cluster, instance,
// since when, description), failures in red; a filter box (any column) and whether to list
// structure warnings. Clicking a row, or Enter on it, asks for its instance to be selected.
class ProblemsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProblemsPanel)

public:
    explicit ProblemsPanel(QWidget* parent = nullptr);

    void setProblems(const QList<Problem>& problems);

    ProblemListModel* model() const { return m_model; }
    QSortFilterProxyModel* proxy() const;
    QTreeView* view() const { return m_view; }
    QLineEdit* filterEdit() const { return m_filter; }
    QCheckBox* warningsBox() const { return m_warnings; }
    QString summary() const; // "2 problems, 1 structure warning"

Q_SIGNALS:
    void instanceActivated(const topograph::InstanceKey& key);

private:
    void activate(const QModelIndex& index);

    ProblemListModel* m_model;
    ProblemFilterProxyModel* m_proxy;
    QLineEdit* m_filter;
    QCheckBox* m_warnings;
    QLabel* m_summary;
    QTreeView* m_view;
};

} // namespace topograph
