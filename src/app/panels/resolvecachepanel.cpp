#include "panels/resolvecachepanel.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include "models/resolvecachemodel.h"
#include "panels/listviewsetup.h"
#include "panels/textfilterproxymodel.h"

using namespace Qt::StringLiterals;

namespace topograph {

// Text in any column; "flagged only" keeps the flagged entries.
class ResolveCacheFilterModel final : public TextFilterProxyModel
{
public:
    using TextFilterProxyModel::TextFilterProxyModel;

    void setFlaggedOnly(bool on)
    {
        m_flaggedOnly = on;
        invalidateRowsFilter();
    }

    // A flagged entry stands out: a warm background, and a warning icon beside its reason.
    QVariant data(const QModelIndex& index, int role) const override
    {
        if ((role == Qt::BackgroundRole || role == Qt::DecorationRole)
            && index.data(ResolveCacheModel::FlaggedRole).toBool()) {
            if (role == Qt::BackgroundRole) {
                return QColor(255, 236, 204);
            }
            if (index.column() == int(ResolveCacheModel::Column::Flag)) {
                return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
            }
        }
        return QSortFilterProxyModel::data(index, role);
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override
    {
        if (m_flaggedOnly
            && !sourceModel()
                    ->index(row, 0, parent)
                    .data(ResolveCacheModel::FlaggedRole)
                    .toBool()) {
            return false;
        }
        return matchesText(row, parent);
    }

private:
    bool m_flaggedOnly = false;
};

ResolveCachePanel::ResolveCachePanel(QWidget* parent)
    : QWidget(parent)
    , m_model(new ResolveCacheModel(this))
    , m_proxy(new ResolveCacheFilterModel(this))
    , m_filter(new QLineEdit(this))
    , m_flaggedOnly(new QCheckBox(tr("F&lagged only"), this))
    , m_view(new QTreeView(this))
    , m_delete(new QAction(tr("&Delete entry"), this))
    , m_reset(new QAction(tr("&Reset cache…"), this))
    , m_showInstances(new QAction(tr("&Show instances"), this))
    , m_forget(new QAction(tr("&Forget its instances…"), this))
{
    setObjectName(u"resolveCachePanel"_s);
    m_filter->setObjectName(u"resolveFilter"_s);
    m_filter->setPlaceholderText(tr("Filter host names (any column)"));
    m_filter->setClearButtonEnabled(true);
    m_flaggedOnly->setToolTip(tr("List only the entries that look wrong"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ResolveCacheModel::SortRole);
    setUpRowList(m_view, m_proxy, int(ResolveCacheModel::Column::Hostname), Qt::AscendingOrder);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_delete->setObjectName(u"deleteResolveEntry"_s);
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_reset->setObjectName(u"resetResolveCache"_s);
    m_showInstances->setObjectName(u"showResolveUsers"_s);
    m_showInstances->setShortcut(Qt::Key_Return);
    m_showInstances->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_forget->setObjectName(u"forgetResolveUsers"_s);
    for (QAction* action : { m_showInstances, m_delete, m_forget, m_reset }) {
        m_view->addAction(action);
    }

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_flaggedOnly);
    for (QAction* action : { m_showInstances, m_delete, m_forget, m_reset }) {
        auto* button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        bar->addWidget(button);
    }
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setText(text);
        updateActions();
    });
    connect(m_flaggedOnly, &QCheckBox::toggled, this, [this](bool on) {
        m_proxy->setFlaggedOnly(on);
        updateActions();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &ResolveCachePanel::updateActions);
    connect(m_view, &QTreeView::doubleClicked, m_showInstances, &QAction::trigger);
    connect(m_delete, &QAction::triggered, this, [this] {
        if (const auto e = currentEntry()) {
            Q_EMIT deleteRequested(e->kind, e->hostname);
        }
    });
    connect(m_reset, &QAction::triggered, this, &ResolveCachePanel::askReset);
    connect(m_showInstances, &QAction::triggered, this, [this] {
        if (const QList<InstanceKey> users = currentUsers(); !users.isEmpty()) {
            Q_EMIT instancesRequested(users);
        }
    });
    connect(m_forget, &QAction::triggered, this, [this] {
        const auto e = currentEntry();
        const QList<InstanceKey> users = currentUsers();
        if (!e || !e->flagged() || users.isEmpty()) {
            return;
        }
        // The instances under the name the entry got wrong: those keyed by the resolved name
        // when it is the bad one (an FQDN resolved to a bare name), else every user.
        const QList<InstanceKey> keys = e->resolvedUsers.isEmpty() ? users : e->resolvedUsers;
        Q_EMIT forgetRequested(keys, e->reason);
    });
    updateActions();
}

QSortFilterProxyModel* ResolveCachePanel::proxy() const
{
    return m_proxy;
}

void ResolveCachePanel::setEntries(const QList<ResolveCacheEntry>& entries)
{
    const auto current = currentEntry();
    const bool first = m_model->rowCount() == 0;
    m_model->setEntries(entries, QDateTime::currentDateTimeUtc());
    if (first && m_model->rowCount() > 0) {
        fitColumnsBefore(m_view, int(ResolveCacheModel::Column::Flag));
    }
    if (current && !currentEntry()) {
        selectEntry(current->kind, current->hostname); // a reset model lost the selection
    }
    updateActions();
}

void ResolveCachePanel::setReadOnlyReason(const QString& reason)
{
    m_readOnlyReason = reason;
    updateActions();
}

std::optional<ResolveCacheEntry> ResolveCachePanel::currentEntry() const
{
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid()) {
        return std::nullopt;
    }
    return m_model->entryAt(m_proxy->mapToSource(index).row());
}

bool ResolveCachePanel::selectEntry(ResolveKind kind, const QString& hostname)
{
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        if (index.data(ResolveCacheModel::KindRole).toInt() == int(kind)
            && index.data(ResolveCacheModel::HostnameRole).toString() == hostname) {
            m_view->setCurrentIndex(index);
            m_view->scrollTo(index);
            return true;
        }
    }
    return false;
}

QList<InstanceKey> ResolveCachePanel::currentUsers() const
{
    // The model's answer for the whole row (the Kind column): the users of both its names.
    const QModelIndex index = m_view->currentIndex();
    return index.isValid() ? index.siblingAtColumn(int(ResolveCacheModel::Column::Kind))
                                 .data(ResolveCacheModel::InstanceKeysRole)
                                 .value<QList<InstanceKey>>()
                           : QList<InstanceKey> {};
}

void ResolveCachePanel::updateActions()
{
    const auto e = currentEntry();
    const bool writable = m_readOnlyReason.isEmpty();
    m_delete->setEnabled(writable && e.has_value());
    m_reset->setEnabled(writable && m_model->rowCount() > 0);
    const bool used = !currentUsers().isEmpty();
    m_showInstances->setEnabled(used);
    m_forget->setEnabled(writable && e && e->flagged() && used);
    const QString why = writable ? QString() : m_readOnlyReason;
    m_delete->setToolTip(
        why.isEmpty() ? tr("Delete the selected entry from the backend (Del)") : why);
    m_reset->setToolTip(
        why.isEmpty() ? tr("Delete every hostname_resolve entry (asks first)") : why);
    m_forget->setToolTip(why.isEmpty()
            ? tr("Forget the instances known under the name this flagged entry got wrong")
            : why);
    m_showInstances->setToolTip(tr("Select the instances that use the entry's names (Enter)"));
}

void ResolveCachePanel::askReset()
{
    QMessageBox box(QMessageBox::Question, tr("Reset the resolve cache"),
        tr("Delete every hostname_resolve entry (%n entries listed)? Names are resolved afresh "
           "on the next poll; hostname_unresolve entries stay.",
            nullptr, m_model->rowCount()),
        QMessageBox::Yes | QMessageBox::No, this);
    box.setObjectName(u"resetResolveQuestion"_s);
    box.setDefaultButton(QMessageBox::No);
    box.setEscapeButton(QMessageBox::No);
    if (box.exec() == QMessageBox::Yes) {
        Q_EMIT resetRequested();
    }
}

} // namespace topograph
