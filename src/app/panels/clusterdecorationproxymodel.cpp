#include "panels/clusterdecorationproxymodel.h"

#include <QHash>
#include <QIcon>
#include <QPainter>
#include <QPixmap>

#include "models/clusterlistmodel.h"

namespace topograph {

namespace {

const QColor kHealthy(0x2e, 0x9d, 0x4f);
const QColor kProblem(0xd9, 0x8c, 0x00);
const QColor kUnreachable(0xc6, 0x28, 0x28);
const QColor kGhost(0x88, 0x88, 0x88);

} // namespace

ClusterDecorationProxyModel::ClusterDecorationProxyModel(QObject* parent)
    : QIdentityProxyModel(parent)
{ }

QIcon ClusterDecorationProxyModel::statusIcon(const QColor& colour, bool hollow)
{
    static QHash<QRgb, QIcon> cache[2];
    QHash<QRgb, QIcon>& icons = cache[hollow ? 1 : 0];
    const auto found = icons.constFind(colour.rgb());
    if (found != icons.cend()) {
        return *found;
    }
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(colour, 4));
    painter.setBrush(hollow ? QBrush(Qt::NoBrush) : QBrush(colour));
    painter.drawEllipse(QRectF(5, 5, 22, 22));
    painter.end();
    return icons.insert(colour.rgb(), QIcon(pixmap)).value();
}

QVariant ClusterDecorationProxyModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid()) {
        return {};
    }
    const auto column = static_cast<ClusterListModel::Column>(index.column());
    if (role != Qt::DecorationRole && role != Qt::ForegroundRole) {
        return QIdentityProxyModel::data(index, role);
    }
    const QModelIndex source = mapToSource(index);
    const int problems = source.data(ClusterListModel::ProblemsRole).toInt();
    const int unreachable = source.data(ClusterListModel::UnreachableRole).toInt();
    const bool ghost = source.data(ClusterListModel::GhostRole).toBool();
    if (role == Qt::DecorationRole && column == ClusterListModel::Column::Alias) {
        if (ghost) {
            return statusIcon(kGhost, true);
        }
        if (unreachable > 0) {
            return statusIcon(kUnreachable);
        }
        return statusIcon(problems > 0 ? kProblem : kHealthy);
    }
    if (role == Qt::ForegroundRole) {
        if (column == ClusterListModel::Column::Problems && problems > 0) {
            return QColor(kProblem);
        }
        if (column == ClusterListModel::Column::Unreachable && unreachable > 0) {
            return QColor(kUnreachable);
        }
        if (column == ClusterListModel::Column::Analysis) {
            return QColor(kUnreachable);
        }
        if (ghost) {
            return QColor(kGhost);
        }
    }
    return QIdentityProxyModel::data(index, role);
}

} // namespace topograph
