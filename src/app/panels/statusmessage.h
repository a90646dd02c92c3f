#pragma once

#include <QLabel>

class QTimer;

namespace topograph {

// The status bar's message (DESIGN §10): one line that takes the room the permanent widgets
// leave and elides what does not fit, with the whole text in its tooltip, so that a long message
// never runs into the poll state. A message clears itself after a while; errors stay longer and
// are marked.
class StatusMessage final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusMessage)

public:
    explicit StatusMessage(QWidget* parent = nullptr);

    void showMessage(const QString& message, bool error = false);
    QString message() const { return m_message; } // the whole text, unelided
    bool isError() const { return m_error; }

    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void updateText();

    QString m_message;
    bool m_error = false;
    QTimer* m_clear;
};

} // namespace topograph
