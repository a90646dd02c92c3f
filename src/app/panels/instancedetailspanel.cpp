#include "panels/instancedetailspanel.h"

#include <QAction>
#include <QClipboard>
#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QKeyEvent>
#include <QToolButton>

#include "models/instancedetailsmodel.h"
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

    // Copy: the view's own Ctrl+C copies the current cell as shown (the field's name, when the
    // row is selected by it); this copies the value, times in ISO 8601.
    auto* copy = new QAction(tr("&Copy value"), m_ui->detailsView);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &InstanceDetailsPanel::copyValue);
    m_ui->detailsView->addAction(copy);
    m_ui->detailsView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_ui->detailsView->installEventFilter(this);
    updateHeader();
}

InstanceDetailsPanel::~InstanceDetailsPanel() = default;

void InstanceDetailsPanel::setInstance(const InstanceRecord& record, const QString& clusterAlias,
    const std::optional<MaintenanceLock>& maintenance, const QDateTime& now,
    const InstanceStatus::Thresholds& thresholds)
{
    m_inMaintenance = maintenance.has_value();
    m_model->setInstance(record, clusterAlias, maintenance, now, thresholds);
    updateHeader();
}

void InstanceDetailsPanel::clear()
{
    m_inMaintenance = false;
    m_model->clear();
    updateHeader();
}

void InstanceDetailsPanel::setActions(const QList<QAction*>& actions)
{
    qDeleteAll(m_buttons);
    m_buttons.clear();
    for (QAction* action : actions) {
        auto* button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        button->setAutoRaise(false);
        // QToolButton follows its action's text, state and tooltip, but not its visibility.
        connect(action, &QAction::changed, this, &InstanceDetailsPanel::layOutButtons);
        m_buttons << button;
    }
    layOutButtons();
}

QToolButton* InstanceDetailsPanel::buttonFor(const QAction* action) const
{
    for (QToolButton* button : m_buttons) {
        if (button->defaultAction() == action) {
            return button;
        }
    }
    return nullptr;
}

InstanceDetailsModel* InstanceDetailsPanel::model() const
{
    return m_model;
}

std::optional<InstanceKey> InstanceDetailsPanel::instanceKey() const
{
    return m_model->instanceKey();
}

void InstanceDetailsPanel::copyValue()
{
    if (const QString text = copyCurrentValue(); !text.isEmpty()) {
        QGuiApplication::clipboard()->setText(text);
    }
}

bool InstanceDetailsPanel::eventFilter(QObject* watched, QEvent* event)
{
    // The view takes Ctrl+C itself (before any shortcut): answer it here.
    if (watched == m_ui->detailsView && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent*>(event)->matches(QKeySequence::Copy)) {
        copyValue();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

QString InstanceDetailsPanel::copyCurrentValue() const
{
    const QModelIndex current = m_ui->detailsView->currentIndex();
    if (!current.isValid()) {
        return {};
    }
    return m_model->index(current.row(), static_cast<int>(InstanceDetailsModel::Column::Value))
        .data(InstanceDetailsModel::CopyRole)
        .toString();
}

int InstanceDetailsPanel::buttonColumns() const
{
    // Three buttons a row, fewer when the dock is narrow (a small window), so that the dock can
    // give way down to one button's width.
    int widest = 0;
    for (const QToolButton* button : m_buttons) {
        widest = std::max(widest, button->sizeHint().width());
    }
    const QMargins margins = layout()->contentsMargins();
    const int room = width() - margins.left() - margins.right();
    const int spacing = std::max(0, m_ui->actionsLayout->horizontalSpacing());
    for (const int columns : { 3, 2 }) {
        if (room >= columns * widest + (columns - 1) * spacing) {
            return columns;
        }
    }
    return 1;
}

void InstanceDetailsPanel::layOutButtons()
{
    const int columns = buttonColumns();
    m_columns = columns;
    int shown = 0;
    int widest = 0;
    for (QToolButton* button : std::as_const(m_buttons)) {
        m_ui->actionsLayout->removeWidget(button);
        const bool visible = button->defaultAction()->isVisible();
        button->setVisible(visible);
        widest = std::max(widest, button->minimumSizeHint().width());
        if (visible) {
            m_ui->actionsLayout->addWidget(button, shown / columns, shown % columns);
            ++shown;
        }
    }
    const QMargins margins = layout()->contentsMargins();
    setMinimumWidth(widest + margins.left() + margins.right());
}

void InstanceDetailsPanel::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    if (buttonColumns() != m_columns) {
        layOutButtons();
    }
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

void InstanceDetailsPanel::applySpans()
{
    // Headings read across both columns.
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const bool heading
            = m_model->index(row, 0).data(InstanceDetailsModel::SectionHeadingRole).toBool();
        m_ui->detailsView->setFirstColumnSpanned(row, {}, heading);
    }
}

} // namespace topograph
