#pragma once

#include <QIdentityProxyModel>

namespace topograph {

// Adds what the clusters list shows on top of ClusterListModel's values: a status icon on the
// cluster column (ghost, unreachable instances, problems, healthy) and colours on the counts.
// Keeping this in the app leaves the core model free of widgets (CONVENTIONS: model/view).
class ClusterDecorationProxyModel final : public QIdentityProxyModel
{
    Q_OBJECT

public:
    explicit ClusterDecorationProxyModel(QObject* parent = nullptr);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    // A small round status icon, drawn once per colour.
    static QIcon statusIcon(const QColor& colour, bool hollow = false);
};

} // namespace topograph
