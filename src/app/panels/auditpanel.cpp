#include "panels/auditpanel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

#include "models/auditlistmodel.h"
#include "panels/listviewsetup.h"
#include "panels/textfilterproxymodel.h"

using namespace Qt::StringLiterals;

namespace topograph {

// Text in any column, within the context (every row, one instance's, one cluster's).
class AuditFilterProxyModel final : public TextFilterProxyModel
{
public:
    using TextFilterProxyModel::TextFilterProxyModel;

    void setContext(
        AuditPanel::Context context, const std::optional<InstanceKey>& key, const QString& cluster)
    {
        m_context = context;
        m_key = key;
        m_cluster = cluster;
        invalidateRowsFilter();
    }
    AuditPanel::Context context() const { return m_context; }

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override
    {
        const QAbstractItemModel* source = sourceModel();
        const QModelIndex first = source->index(row, 0, parent);
        if (m_context == AuditPanel::Context::Instance
            && (!m_key || first.data(AuditListModel::KeyRole).value<InstanceKey>() != *m_key)) {
            return false;
        }
        if (m_context == AuditPanel::Context::Cluster
            && (m_cluster.isEmpty()
                || first.data(AuditListModel::ClusterRole).toString() != m_cluster)) {
            return false;
        }
        return matchesText(row, parent);
    }

private:
    AuditPanel::Context m_context = AuditPanel::Context::All;
    std::optional<InstanceKey> m_key;
    QString m_cluster;
};

AuditPanel::AuditPanel(QWidget* parent)
    : QWidget(parent)
    , m_model(new AuditListModel(this))
    , m_proxy(new AuditFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_context(new QComboBox(this))
    , m_view(new QTreeView(this))
{
    setObjectName(u"auditPanel"_s);
    m_filter->setObjectName(u"auditFilter"_s);
    m_filter->setPlaceholderText(tr("Filter the audit log (any column)"));
    m_filter->setClearButtonEnabled(true);
    m_context->setObjectName(u"auditContext"_s);
    m_context->addItems({ tr("Every instance"), tr("The selected instance"),
        tr("The selected instance's cluster") });
    m_context->setToolTip(tr("Which rows to list: all, or those of the selected instance or of "
                             "its cluster"));

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(AuditListModel::SortRole);
    setUpRowList(m_view, m_proxy, AuditListModel::TimeColumn, Qt::DescendingOrder);
    m_view->setToolTip(tr("Double-click a row to select its instance"));

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_context);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    connect(m_filter, &QLineEdit::textChanged, this,
        [this](const QString& text) { m_proxy->setText(text); });
    connect(m_context, &QComboBox::currentIndexChanged, this,
        [this](int index) { setContext(static_cast<Context>(index)); });
    connect(m_view, &QTreeView::doubleClicked, this, [this](const QModelIndex& index) {
        const auto key = index.data(AuditListModel::KeyRole).value<InstanceKey>();
        if (!key.host.isEmpty()) {
            Q_EMIT instanceActivated(key);
        }
    });
}

QSortFilterProxyModel* AuditPanel::proxy() const
{
    return m_proxy;
}

void AuditPanel::addEntries(const QList<AuditEntry>& entries)
{
    const bool first = m_model->rowCount() == 0;
    m_model->addEntries(entries);
    if (first && m_model->rowCount() > 0) {
        fitColumnsBefore(m_view, AuditListModel::MessageColumn);
    }
}

void AuditPanel::setSelection(const std::optional<InstanceKey>& key, const QString& clusterName)
{
    m_key = key;
    m_cluster = clusterName;
    m_proxy->setContext(context(), m_key, m_cluster);
}

void AuditPanel::setContext(Context context)
{
    if (m_context->currentIndex() != int(context)) {
        m_context->setCurrentIndex(int(context)); // comes back here through the signal
        return;
    }
    m_proxy->setContext(context, m_key, m_cluster);
}

AuditPanel::Context AuditPanel::context() const
{
    return static_cast<Context>(m_context->currentIndex());
}

int AuditPanel::shownRows() const
{
    return m_proxy->rowCount();
}

} // namespace topograph
