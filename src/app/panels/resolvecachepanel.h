#pragma once

#include <QList>
#include <QWidget>

#include "instancekey.h"
#include "resolve/resolvecacheentry.h"

class QAction;
class QCheckBox;
class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace topograph {

class ResolveCacheFilterModel;
class ResolveCacheModel;

// The resolve cache dock (DESIGN §6, §10): every hostname_resolve and hostname_unresolve entry
// with its age, expiry, the known instances using each name and, when flagged, why (an FQDN
// resolved to a bare name, a name no instance answers to, expired, two names resolving to each
// other). A filter box (any column) and "Flagged only"; columns sort. The actions ask the fleet
// worker through signals: delete the selected entry (Del), reset the whole cache (after a
// confirmation), show the instances that use its names (selects them), forget the instances
// behind a flagged entry. Read-only mode disables the changes, with the reason.
class ResolveCachePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResolveCachePanel)

public:
    explicit ResolveCachePanel(QWidget* parent = nullptr);

    ResolveCacheModel* model() const { return m_model; }
    QSortFilterProxyModel* proxy() const;
    QTreeView* view() const { return m_view; }
    QLineEdit* filterEdit() const { return m_filter; }
    QCheckBox* flaggedOnly() const { return m_flaggedOnly; }
    QAction* deleteAction() const { return m_delete; }
    QAction* resetAction() const { return m_reset; }
    QAction* showInstancesAction() const { return m_showInstances; }
    QAction* forgetAction() const { return m_forget; }

    void setEntries(const QList<ResolveCacheEntry>& entries);
    void setReadOnlyReason(const QString& reason); // empty: changes allowed
    // Selects the row of an entry (kind and host name); false when it is not listed.
    bool selectEntry(ResolveKind kind, const QString& hostname);
    std::optional<ResolveCacheEntry> currentEntry() const;

Q_SIGNALS:
    void deleteRequested(topograph::ResolveKind kind, const QString& hostname);
    void resetRequested();
    void instancesRequested(const QList<topograph::InstanceKey>& keys);
    void forgetRequested(const QList<topograph::InstanceKey>& keys, const QString& why);

private:
    void updateActions();
    QList<InstanceKey> currentUsers() const; // known instances using the selected entry's names
    void askReset();

    ResolveCacheModel* m_model;
    ResolveCacheFilterModel* m_proxy;
    QLineEdit* m_filter;
    QCheckBox* m_flaggedOnly;
    QTreeView* m_view;
    QAction* m_delete;
    QAction* m_reset;
    QAction* m_showInstances;
    QAction* m_forget;
    QString m_readOnlyReason;
};

} // namespace topograph
