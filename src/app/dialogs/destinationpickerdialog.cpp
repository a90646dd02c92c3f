#include "dialogs/destinationpickerdialog.h"

#include <QIdentityProxyModel>
#include <QKeyEvent>
#include <QPushButton>
#include <QSortFilterProxyModel>

#include "canvas/canvasstyle.h"
#include "models/destinationlistmodel.h"
#include "ui_destinationpickerdialog.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

DropVerdict dropVerdictOf(int kind)
{
    switch (static_cast<TargetVerdict::Kind>(kind)) {
    case TargetVerdict::Kind::Valid:
        return DropVerdict::Valid;
    case TargetVerdict::Kind::Warning:
        return DropVerdict::Warning;
    case TargetVerdict::Kind::Refused:
        break;
    }
    return DropVerdict::Refused;
}

// The canvas's verdict colours as a dot before each destination.
class VerdictColours final : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex& index, int role) const override
    {
        if (role == Qt::DecorationRole) {
            return canvasstyle::verdictColor(dropVerdictOf(
                QIdentityProxyModel::data(index, DestinationListModel::VerdictRole).toInt()));
        }
        return QIdentityProxyModel::data(index, role);
    }
};

} // namespace

DestinationPickerDialog::DestinationPickerDialog(const QString& title, const QString& prompt,
    const QHash<InstanceKey, TargetVerdict>& verdicts, const QHash<InstanceKey, QString>& aliases,
    QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::DestinationPickerDialog>())
    , m_model(new DestinationListModel(this))
    , m_filter(new QSortFilterProxyModel(this))
{
    m_ui->setupUi(this);
    setWindowTitle(title);
    m_ui->promptLabel->setText(prompt);
    m_model->setDestinations(verdicts, aliases);
    auto* colours = new VerdictColours(this);
    colours->setSourceModel(m_model);
    m_filter->setSourceModel(colours);
    m_filter->setFilterRole(DestinationListModel::SearchRole);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_ui->listView->setModel(m_filter);
    m_ui->filterEdit->installEventFilter(this);
    connect(m_ui->filterEdit, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_filter->setFilterFixedString(text.trimmed());
        selectFirstAcceptable();
    });
    connect(m_ui->listView->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &DestinationPickerDialog::updateVerdict);
    connect(m_ui->listView, &QListView::activated, this, [this] {
        if (chosen()) {
            accept();
        }
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Show the plan"));
    selectFirstAcceptable();
    m_ui->filterEdit->setFocus();
}

DestinationPickerDialog::~DestinationPickerDialog() = default;

std::optional<InstanceKey> DestinationPickerDialog::chosen() const
{
    const QModelIndex current = m_ui->listView->currentIndex();
    if (!current.isValid() || !(current.flags() & Qt::ItemIsSelectable)) {
        return std::nullopt;
    }
    auto key = InstanceKey::parse(current.data(DestinationListModel::KeyRole).toString(), 3306);
    return key ? std::optional(*key) : std::nullopt;
}

void DestinationPickerDialog::setFilterText(const QString& text)
{
    m_ui->filterEdit->setText(text);
}

int DestinationPickerDialog::shownCount() const
{
    return m_filter->rowCount();
}

bool DestinationPickerDialog::eventFilter(QObject* watched, QEvent* event)
{
    // Up and Down in the filter box move through the list: typing and choosing stay together.
    if (watched == m_ui->filterEdit && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Up || key->key() == Qt::Key_Down || key->key() == Qt::Key_PageUp
            || key->key() == Qt::Key_PageDown) {
            QKeyEvent copy(key->type(), key->key(), key->modifiers(), key->text());
            QCoreApplication::sendEvent(m_ui->listView, &copy);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void DestinationPickerDialog::selectFirstAcceptable()
{
    for (int row = 0; row < m_filter->rowCount(); ++row) {
        const QModelIndex index = m_filter->index(row, 0);
        if (index.flags() & Qt::ItemIsSelectable) {
            m_ui->listView->setCurrentIndex(index);
            updateVerdict();
            return;
        }
    }
    m_ui->listView->setCurrentIndex({});
    updateVerdict();
}

void DestinationPickerDialog::updateVerdict()
{
    const QModelIndex current = m_ui->listView->currentIndex();
    const bool ok = chosen().has_value();
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(ok);
    if (!current.isValid()) {
        m_ui->verdictLabel->setText(m_filter->rowCount() == 0
                ? tr("Nothing matches “%1”.").arg(m_ui->filterEdit->text())
                : tr("The planner refuses every destination shown."));
        return;
    }
    m_ui->verdictLabel->setText(current.data(Qt::ToolTipRole).toString());
}

} // namespace topograph
