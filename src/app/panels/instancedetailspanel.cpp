#include "panels/instancedetailspanel.h"

#include <QColor>
#include <QFont>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QPushButton>

#include "models/instancedetailsmodel.h"
#include "panels/gridreflow.h"
#include "ui_instancedetailspanel.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

const QColor kErrorColour(0xc5, 0x22, 0x1f);
const QColor kWarningColour(0xb0, 0x60, 0x00);

// Fonts and colours for the core model's roles: bold section headings, coloured problems.
class DetailsStyleProxy final : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex& index, int role) const override
    {
        const bool heading
            = QIdentityProxyModel::data(index, InstanceDetailsModel::SectionHeadingRole).toBool();
        if (role == Qt::FontRole && heading) {
            QFont font;
            font.setBold(true);
            return font;
        }
        if (role == Qt::BackgroundRole && heading) {
            return QColor(128, 128, 128, 48); // readable on light and dark palettes
        }
        if (role == Qt::ForegroundRole && !heading) {
            using Severity = InstanceDetailsModel::Severity;
            switch (static_cast<Severity>(
                QIdentityProxyModel::data(index, InstanceDetailsModel::SeverityRole).toInt())) {
            case Severity::Error:
                return kErrorColour;
            case Severity::Warning:
                return kWarningColour;
            case Severity::Normal:
                break;
            }
        }
        return QIdentityProxyModel::data(index, role);
    }
};

} // namespace

InstanceDetailsPanel::InstanceDetailsPanel(QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::InstanceDetailsPanel>())
    , m_model(new InstanceDetailsModel(this))
{
    m_ui->setupUi(this);
    new GridReflow(m_ui->actionsLayout, this); // a narrow dock stacks the buttons
    auto* proxy = new DetailsStyleProxy(this);
    proxy->setSourceModel(m_model);
    m_ui->detailsView->setModel(proxy);
    m_ui->detailsView->header()->setSectionResizeMode(
        static_cast<int>(InstanceDetailsModel::Column::Field), QHeaderView::ResizeToContents);
    m_ui->detailsView->header()->setStretchLastSection(true);
    // Values read from the left (versions, times); the tooltip holds the whole value.
    m_ui->detailsView->setTextElideMode(Qt::ElideRight);
    connect(m_model, &QAbstractItemModel::modelReset, this, &InstanceDetailsPanel::applySpans);
    connect(m_model, &QAbstractItemModel::modelReset, this, &InstanceDetailsPanel::updateHeader);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &InstanceDetailsPanel::updateHeader);

    for (QPushButton* button : { m_ui->refreshButton, m_ui->moveUpButton, m_ui->takeMasterButton,
             m_ui->replicationButton, m_ui->maintenanceButton }) {
        button->setAutoDefault(false);
        connect(button, &QPushButton::clicked, this, [this, button] {
            const QString operation = operationOf(button);
            if (!operation.isEmpty()) {
                Q_EMIT actionRequested(operation);
            }
        });
    }
    updateHeader();
    updateButtons();
}

InstanceDetailsPanel::~InstanceDetailsPanel() = default;

void InstanceDetailsPanel::setInstance(const InstanceRecord& record, const QString& clusterAlias,
    const std::optional<MaintenanceLock>& maintenance, const QDateTime& now,
    const InstanceStatus::Thresholds& thresholds)
{
    m_replica = record.isReplica();
    m_replicating = record.isReplica() && record.isReplicating();
    m_inMaintenance = maintenance.has_value();
    m_model->setInstance(record, clusterAlias, maintenance, now, thresholds);
    updateHeader();
    updateButtons();
}

void InstanceDetailsPanel::clear()
{
    m_replica = m_replicating = m_inMaintenance = false;
    m_model->clear();
    updateHeader();
    updateButtons();
}

void InstanceDetailsPanel::setActionEnabled(
    const QString& operation, bool enabled, const QString& reason)
{
    if (enabled) {
        m_blocked.remove(operation);
    } else {
        m_blocked.insert(operation, reason.isEmpty() ? tr("Not available now") : reason);
    }
    updateButtons();
}

InstanceDetailsModel* InstanceDetailsPanel::model() const
{
    return m_model;
}

std::optional<InstanceKey> InstanceDetailsPanel::instanceKey() const
{
    return m_model->instanceKey();
}

QPushButton* InstanceDetailsPanel::actionButton(const QString& operation) const
{
    for (QPushButton* button : { m_ui->refreshButton, m_ui->moveUpButton, m_ui->takeMasterButton,
             m_ui->replicationButton, m_ui->maintenanceButton }) {
        if (operationOf(button) == operation) {
            return button;
        }
    }
    return nullptr;
}

QStringList InstanceDetailsPanel::operations()
{
    return { u"refresh"_s, u"move-up"_s, u"take-master"_s, u"start-replica"_s, u"stop-replica"_s,
        u"begin-maintenance"_s, u"end-maintenance"_s };
}

void InstanceDetailsPanel::updateHeader()
{
    if (!m_model->hasInstance()) {
        m_ui->headerLabel->setText(tr("<i>No instance selected.</i> Select one on the canvas."));
        return;
    }
    const int statusRow = m_model->rowOf(u"status"_s);
    const auto severity = static_cast<InstanceDetailsModel::Severity>(
        m_model->index(statusRow, 0).data(InstanceDetailsModel::SeverityRole).toInt());
    const QColor colour = severity == InstanceDetailsModel::Severity::Error ? kErrorColour
        : severity == InstanceDetailsModel::Severity::Warning               ? kWarningColour
                                                                            : QColor();
    QString status = m_model->value(u"status"_s).toHtmlEscaped();
    if (colour.isValid()) {
        status = u"<span style=\"color: %1\">%2</span>"_s.arg(colour.name(), status);
    }
    const qreal titleSize = m_ui->headerLabel->font().pointSizeF() * 1.25;
    QString text = u"<span style=\"font-size: %1pt\"><b>%2</b></span><br>%3"_s.arg(
        QString::number(titleSize, 'f', 1), m_model->value(u"key"_s).toHtmlEscaped(), status);
    if (m_inMaintenance) {
        text += u" · <span style=\"color: %1\">%2</span>"_s.arg(
            kWarningColour.name(), tr("in maintenance").toHtmlEscaped());
    }
    m_ui->headerLabel->setText(text);
}

void InstanceDetailsPanel::updateButtons()
{
    m_ui->replicationButton->setText(
        m_replicating ? tr("Stop replication") : tr("Start replication"));
    m_ui->maintenanceButton->setText(
        m_inMaintenance ? tr("End maintenance") : tr("Begin maintenance…"));
    const QHash<QString, QString> help {
        { u"refresh"_s, tr("Probe this instance again now") },
        { u"move-up"_s, tr("Make it a replica of its master's master (shows the plan first)") },
        { u"take-master"_s,
            tr("Swap it with its master: it becomes its master's master (shows the plan first)") },
        { u"start-replica"_s, tr("START SLAVE on this instance (shows the plan first)") },
        { u"stop-replica"_s, tr("STOP SLAVE on this instance (shows the plan first)") },
        { u"begin-maintenance"_s,
            tr("Mark it as in maintenance: operations leave it alone until the lock ends") },
        { u"end-maintenance"_s, tr("End the maintenance lock on this instance") },
    };
    for (QPushButton* button : { m_ui->refreshButton, m_ui->moveUpButton, m_ui->takeMasterButton,
             m_ui->replicationButton, m_ui->maintenanceButton }) {
        const QString operation = operationOf(button);
        QString reason;
        if (!m_model->hasInstance()) {
            reason = tr("Select an instance first");
        } else if (const QString notHere = notApplicableReason(operation); !notHere.isEmpty()) {
            reason = notHere;
        } else if (m_blocked.contains(operation)) {
            reason = m_blocked.value(operation);
        }
        button->setEnabled(reason.isEmpty());
        button->setToolTip(reason.isEmpty() ? help.value(operation) : reason);
    }
}

void InstanceDetailsPanel::applySpans()
{
    // Headings read across both columns.
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const bool heading
            = m_model->index(row, 0).data(InstanceDetailsModel::SectionHeadingRole).toBool();
        m_ui->detailsView->setFirstColumnSpanned(row, {}, heading);
    }
}

QString InstanceDetailsPanel::operationOf(const QPushButton* button) const
{
    if (button == m_ui->refreshButton) {
        return u"refresh"_s;
    }
    if (button == m_ui->moveUpButton) {
        return u"move-up"_s;
    }
    if (button == m_ui->takeMasterButton) {
        return u"take-master"_s;
    }
    if (button == m_ui->replicationButton) {
        return m_replicating ? u"stop-replica"_s : u"start-replica"_s;
    }
    if (button == m_ui->maintenanceButton) {
        return m_inMaintenance ? u"end-maintenance"_s : u"begin-maintenance"_s;
    }
    return {};
}

QString InstanceDetailsPanel::notApplicableReason(const QString& operation) const
{
    if (m_replica) {
        return {};
    }
    if (operation == u"move-up"_s || operation == u"take-master"_s) {
        return tr("Not a replica: it has no master to move around");
    }
    if (operation == u"start-replica"_s || operation == u"stop-replica"_s) {
        return tr("Not a replica: there is no replication to start or stop");
    }
    return {};
}

} // namespace topograph
