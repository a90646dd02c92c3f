#include "panels/problemspanel.h"

#include <QCheckBox>
#include <QColor>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTreeView>
#include <QVBoxLayout>

#include "models/problemlistmodel.h"
#include "panels/listviewsetup.h"
#include "panels/textfilterproxymodel.h"

using namespace Qt::StringLiterals;

namespace topograph {

// Text in any column; structure warnings only when asked for.
class ProblemFilterProxyModel final : public TextFilterProxyModel
{
public:
    using TextFilterProxyModel::TextFilterProxyModel;

    void setShowWarnings(bool show)
    {
        m_showWarnings = show;
        invalidateRowsFilter();
    }

    QVariant data(const QModelIndex& index, int role) const override
    {
        // Failures' codes in red; structure warnings in the normal colour.
        if (role == Qt::ForegroundRole && index.column() == ProblemListModel::CodeColumn
            && !index.data(ProblemListModel::StructureRole).toBool()) {
            return QColor(0xc0, 0x1c, 0x28);
        }
        return TextFilterProxyModel::data(index, role);
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override
    {
        if (!m_showWarnings
            && sourceModel()
                   ->index(row, 0, parent)
                   .data(ProblemListModel::StructureRole)
                   .toBool()) {
            return false;
        }
        return matchesText(row, parent);
    }

private:
    bool m_showWarnings = true;
};

ProblemsPanel::ProblemsPanel(QWidget* parent)
    : QWidget(parent)
    , m_model(new ProblemListModel(this))
    , m_proxy(new ProblemFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_warnings(new QCheckBox(tr("Structure &warnings"), this))
    , m_summary(new QLabel(this))
    , m_view(new QTreeView(this))
{
    setObjectName(u"problemsPanel"_s);
    m_filter->setObjectName(u"problemsFilter"_s);
    m_filter->setPlaceholderText(tr("Filter the problems (any column)"));
    m_filter->setClearButtonEnabled(true);
    m_warnings->setObjectName(u"problemsWarnings"_s);
    m_warnings->setChecked(true);
    m_warnings->setToolTip(tr("Also list warnings about the topology's shape (errant GTIDs, "
                              "replicas without binary logs, mixed versions, ...)"));
    m_summary->setObjectName(u"problemsSummary"_s);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ProblemListModel::SortRole);
    m_view->setObjectName(u"problemsView"_s);
    setUpRowList(m_view, m_proxy, ProblemListModel::ClusterColumn, Qt::AscendingOrder);
    m_view->setToolTip(tr("Click a problem to select its instance"));

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_warnings);
    bar->addWidget(m_summary);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    connect(m_filter, &QLineEdit::textChanged, this,
        [this](const QString& text) { m_proxy->setText(text); });
    connect(m_warnings, &QCheckBox::toggled, this,
        [this](bool show) { m_proxy->setShowWarnings(show); });
    connect(m_view, &QTreeView::clicked, this, &ProblemsPanel::activate);
    connect(m_view, &QTreeView::activated, this, &ProblemsPanel::activate);
    setProblems({});
}

QSortFilterProxyModel* ProblemsPanel::proxy() const
{
    return m_proxy;
}

void ProblemsPanel::setProblems(const QList<Problem>& problems)
{
    const bool first = m_model->rowCount() == 0;
    m_model->setProblems(problems);
    if (first && m_model->rowCount() > 0) {
        fitColumnsBefore(m_view, ProblemListModel::DescriptionColumn);
    }
    m_summary->setText(summary());
}

QString ProblemsPanel::summary() const
{
    const int failures = m_model->failures();
    const int warnings = m_model->rowCount() - failures;
    if (failures == 0 && warnings == 0) {
        return tr("No problems");
    }
    const QString problems = failures == 1 ? tr("1 problem") : tr("%1 problems").arg(failures);
    const QString structure
        = warnings == 1 ? tr("1 structure warning") : tr("%1 structure warnings").arg(warnings);
    return tr("%1, %2").arg(problems, structure);
}

void ProblemsPanel::activate(const QModelIndex& index)
{
    const auto key = index.data(ProblemListModel::KeyRole).value<InstanceKey>();
    if (!key.host.isEmpty()) {
        Q_EMIT instanceActivated(key);
    }
}

} // namespace topograph
