#include "panels/findbar.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStringListModel>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace topograph {

FindBar::FindBar(QWidget* parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_previous(new QToolButton(this))
    , m_next(new QToolButton(this))
    , m_completer(new QCompleter(this))
    , m_names(new QStringListModel(this))
{
    setObjectName(u"findBar"_s);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 3, 6, 3);
    auto* label = new QLabel(tr("&Find:"), this);
    label->setBuddy(m_edit);
    m_edit->setObjectName(u"findEdit"_s);
    m_edit->setPlaceholderText(tr("part of a host name, an alias or a cluster alias"));
    m_edit->setClearButtonEnabled(true);
    m_edit->installEventFilter(this);
    m_completer->setModel(m_names);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setMaxVisibleItems(12);
    m_edit->setCompleter(m_completer);
    m_previous->setText(tr("Previous"));
    m_previous->setToolTip(tr("Previous match (Shift+Enter, Shift+F3)"));
    m_previous->setArrowType(Qt::UpArrow);
    m_next->setText(tr("Next"));
    m_next->setToolTip(tr("Next match (Enter, F3)"));
    m_next->setArrowType(Qt::DownArrow);
    auto* close = new QToolButton(this);
    close->setText(u"✕"_s);
    close->setToolTip(tr("Close the find bar (Escape)"));
    m_status->setObjectName(u"findStatus"_s);
    layout->addWidget(label);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);
    layout->addWidget(m_status);
    layout->addWidget(close);
    connect(m_previous, &QToolButton::clicked, this, &FindBar::findPrevious);
    connect(m_next, &QToolButton::clicked, this, &FindBar::findNext);
    connect(close, &QToolButton::clicked, this, [this] {
        hide();
        Q_EMIT closed();
    });
    // Choosing a completion goes straight to it: by Enter in the popup (the completer passes
    // the Enter on to the line edit: returnPressed steps once), or by a click (then nothing
    // else steps: the queued call does).
    connect(m_completer, qOverload<const QString&>(&QCompleter::activated), this,
        [this](const QString& text) {
            m_edit->setText(text);
            m_completionPending = true;
            QMetaObject::invokeMethod(
                this,
                [this] {
                    if (std::exchange(m_completionPending, false)) {
                        findNext();
                    }
                },
                Qt::QueuedConnection);
        });
    connect(m_edit, &QLineEdit::returnPressed, this, [this] {
        m_completionPending = false;
        step(QGuiApplication::keyboardModifiers() & Qt::ShiftModifier ? -1 : 1);
    });
    connect(m_edit, &QLineEdit::textEdited, this, [this] { updateStatus(); });
    updateStatus();
}

void FindBar::setFinder(const InstanceFinder& finder)
{
    m_finder = finder;
    if (m_names->stringList() != finder.names()) {
        m_names->setStringList(finder.names());
    }
    if (!m_query.isEmpty()) {
        // Keep cycling where we are, through what exists now.
        const InstanceKey current = m_current >= 0 && m_current < m_matches.size()
            ? m_matches.at(m_current)
            : InstanceKey {};
        m_matches = m_finder.matches(m_query);
        m_current = static_cast<int>(m_matches.indexOf(current));
    }
    updateStatus();
}

void FindBar::activate()
{
    show();
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
}

QString FindBar::status() const
{
    return m_status->text();
}

void FindBar::findNext()
{
    step(1);
}

void FindBar::findPrevious()
{
    step(-1);
}

void FindBar::step(int direction)
{
    const QString text = m_edit->text().trimmed();
    if (text != m_query) {
        m_query = text;
        m_matches = m_finder.matches(text);
        m_current = -1;
    }
    if (m_matches.isEmpty()) {
        updateStatus();
        return;
    }
    const int count = static_cast<int>(m_matches.size());
    m_current = m_current < 0 ? (direction > 0 ? 0 : count - 1)
                              : ((m_current + direction) % count + count) % count;
    updateStatus();
    Q_EMIT matchChosen(m_matches.at(m_current));
}

void FindBar::updateStatus()
{
    const QString text = m_edit->text().trimmed();
    if (text.isEmpty()) {
        m_status->clear();
    } else if (text != m_query) {
        const qsizetype count = m_finder.matches(text).size();
        m_status->setText(count == 0 ? tr("no match") : tr("%n match(es)", nullptr, int(count)));
    } else if (m_matches.isEmpty()) {
        m_status->setText(tr("no match"));
    } else {
        m_status->setText(tr("%1 of %2").arg(m_current + 1).arg(m_matches.size()));
    }
    m_previous->setEnabled(!text.isEmpty());
    m_next->setEnabled(!text.isEmpty());
}

bool FindBar::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        const bool popup = m_completer->popup() && m_completer->popup()->isVisible();
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && popup
            && !m_completer->popup()->currentIndex().isValid()) {
            // The popup is open but nothing is chosen in it: Enter finds what was typed. (The
            // line edit would leave this Enter to the popup; without a chosen completion,
            // nothing would happen.)
            m_completer->popup()->hide();
            step(key->modifiers() & Qt::ShiftModifier ? -1 : 1);
            return true;
        }
        if (key->key() == Qt::Key_Escape && !popup) {
            hide();
            Q_EMIT closed();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace topograph
