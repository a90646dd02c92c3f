#include "panels/statusmessage.h"

#include <QFontMetrics>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

constexpr int kMessageMs = 8000;
constexpr int kErrorMs = 30000;

} // namespace

StatusMessage::StatusMessage(QWidget* parent)
    : QLabel(parent)
    , m_clear(new QTimer(this))
{
    setObjectName(u"statusMessage"_s);
    setTextFormat(Qt::PlainText);
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_clear->setSingleShot(true);
    connect(m_clear, &QTimer::timeout, this, [this] { showMessage({}); });
}

void StatusMessage::showMessage(const QString& message, bool error)
{
    m_message = message;
    m_error = error && !message.isEmpty();
    setToolTip(message);
    updateText();
    if (message.isEmpty()) {
        m_clear->stop();
    } else {
        m_clear->start(m_error ? kErrorMs : kMessageMs);
    }
}

QSize StatusMessage::minimumSizeHint() const
{
    return { 0, QLabel::minimumSizeHint().height() };
}

void StatusMessage::resizeEvent(QResizeEvent* event)
{
    QLabel::resizeEvent(event);
    updateText();
}

void StatusMessage::updateText()
{
    const QString shown = m_error ? tr("⚠ %1").arg(m_message) : m_message;
    // One line: a multi-line server error would push the status bar up.
    QString line = shown;
    line.replace(u'\n', u' ');
    setText(fontMetrics().elidedText(line, Qt::ElideRight, std::max(0, contentsRect().width())));
    setStyleSheet(m_error ? u"QLabel { color: #b3261e; }"_s : QString());
}

} // namespace topograph
