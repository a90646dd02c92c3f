#pragma once

#include <QWidget>

#include <optional>

#include "backend/auditstore.h"
#include "instancekey.h"

class QComboBox;
class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace topograph {

class AuditFilterProxyModel;
class AuditListModel;

// The audit dock (DESIGN §10): the backend's audit rows as a sortable list, newest first, with a
// filter box (any column) and a context filter (every row, the selected instance's, or its
// cluster's). New rows arrive at the top as the fleet worker reads them. Double-clicking a row
// asks for its instance.
class AuditPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditPanel)

public:
    enum class Context {
        All,
        Instance,
        Cluster,
    };

    explicit AuditPanel(QWidget* parent = nullptr);

    AuditListModel* model() const { return m_model; }
    QTreeView* view() const { return m_view; }
    QLineEdit* filterEdit() const { return m_filter; }
    QSortFilterProxyModel* proxy() const;

    void addEntries(const QList<AuditEntry>& entries);
    // The selected instance and its cluster, for the context filter.
    void setSelection(const std::optional<InstanceKey>& key, const QString& clusterName);
    void setContext(Context context);
    Context context() const;
    int shownRows() const;

Q_SIGNALS:
    void instanceActivated(const topograph::InstanceKey& key);

private:
    AuditListModel* m_model;
    AuditFilterProxyModel* m_proxy;
    QLineEdit* m_filter;
    QComboBox* m_context;
    QTreeView* m_view;
    std::optional<InstanceKey> m_key;
    QString m_cluster;
};

} // namespace topograph
