#pragma once

#include <QList>
#include <QWidget>

#include "instancekey.h"
#include "topology/instancefinder.h"

class QCompleter;
class QLabel;
class QLineEdit;
class QStringListModel;
class QToolButton;

namespace topograph {

// The find bar above the canvas (Ctrl+F): type part of a host name, an instance alias or a
// cluster alias; completions offer the names that contain it. Enter (or F3) goes to the next
// match, Shift+Enter (or Shift+F3) to the previous one, cycling; the bar says which match of how
// many is shown. Escape closes it. It only finds: the main window opens and selects the match.
class FindBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindBar)

public:
    explicit FindBar(QWidget* parent = nullptr);

    void setFinder(const InstanceFinder& finder); // after every snapshot
    void activate(); // shows the bar, focuses and selects the text
    QLineEdit* lineEdit() const { return m_edit; }
    QString status() const; // "2 of 5", "no match"

    void findNext();
    void findPrevious();

Q_SIGNALS:
    void matchChosen(const topograph::InstanceKey& key);
    void closed();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void step(int direction);
    void updateStatus();

    InstanceFinder m_finder;
    QLineEdit* m_edit;
    QLabel* m_status;
    QToolButton* m_previous;
    QToolButton* m_next;
    QCompleter* m_completer;
    QStringListModel* m_names;
    QString m_query; // the text the current matches are for
    QList<InstanceKey> m_matches;
    int m_current = -1;
    bool m_completionPending = false; // a completion was chosen: find it, once
};

} // namespace topograph
